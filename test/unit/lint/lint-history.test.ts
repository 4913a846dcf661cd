import { getMessages } from '#lib/messages/message-catalog.ts';
import { describe, expect, test } from 'vitest';
import { formatHistoryReport, formatHistorySummary, hasLedger, isHistoryText } from '#lib/lint/lint-history.ts';
import { getPublishedText } from '#lib/timeline/published-text.ts';
import { LINT_NOW, lintSettings, lintVersions } from '../../helpers/lint-folder.ts';
import { makePublished, makeVersion } from '../../helpers/versions.ts';

const BODY = '## 1. Общие положения\n\n1.1. Права указаны в п. 3.5.\n';
const version = (fields: Partial<Parameters<typeof makeVersion>[0]> = {}) => makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z', body: BODY, ...fields });
const published = (fields: Partial<Parameters<typeof makeVersion>[0]> = {}) => {
  const text = version(fields);
  return { ...text, published: makePublished({ sha256: getPublishedText(text).sha256 }) };
};

describe('isHistoryText', () => {
  const facts = { ledgerExists: true, now: LINT_NOW };

  test('is true of the text the ledger records, false of a draft, a new file and a correction not recorded yet', () => {
    expect(isHistoryText(published(), facts)).toBe(true);
    expect(isHistoryText(version(), facts)).toBe(false);
    expect(isHistoryText({ ...published(), draft: true }, facts)).toBe(false);
    // The published text was edited (a correction waiting for publish): it can still be fixed.
    expect(isHistoryText({ ...published(), body: `${BODY}\n1.2. Новый пункт.\n` }, facts)).toBe(false);
  });

  test('before a ledger exists, is true of what is already in force (publish imports it) and false of a scheduled version', () => {
    const noLedger = { ledgerExists: false, now: LINT_NOW };
    expect(isHistoryText(version(), noLedger)).toBe(true);
    expect(isHistoryText(version({ version: '2027-01-01', effective: '2026-12-31T21:00:00Z' }), noLedger)).toBe(false);
  });

  test('counts a ledger that cannot be read as a ledger, so a damaged one makes nothing history', () => {
    expect(hasLedger({ ledger: null, problems: [] })).toBe(false);
    expect(hasLedger({ ledger: null, problems: [{ file: 'policies/published.lock.json', line: 1, message: 'the ledger is not valid JSON', hint: '' }] })).toBe(true);
  });
});

describe('lintCorpus and history', () => {
  test('reports findings in a published text as history, never as errors; a new text with the same finding is refused', () => {
    const lint = lintVersions([published(), version({ version: '2026-01-01', effective: '2025-12-31T21:00:00Z', body: `${BODY}\n1.2. Ещё.\n` })]);
    expect(lint.history.map((problem) => [problem.file, problem.rule, problem.severity])).toEqual([['policies/privacy/ru/2025-09-01.md', 'clause-reference', 'warning']]);
    expect(lint.errors.map((problem) => [problem.file, problem.rule])).toEqual([['policies/privacy/ru/2026-01-01.md', 'clause-reference']]);
    expect(lint.warnings).toEqual([]);
  });

  test('lints a correction of a published text like a new text', () => {
    const corrected = { ...published(), body: '## 1. Общие положения\n\n1.1. Права указаны в п. 3.6.\n' };
    expect(lintVersions([corrected]).errors.map((problem) => problem.rule)).toEqual(['clause-reference']);
  });

  test('imports a history without a ledger: every finding in what is in force is history', () => {
    const lint = lintVersions([version(), version({ version: '2026-01-01', effective: '2025-12-31T21:00:00Z' })], undefined, false);
    expect(lint.errors).toEqual([]);
    expect(lint.history.map((problem) => problem.rule).sort()).toEqual(['clause-reference', 'clause-reference', 'empty-version']);
  });

  test('a rule turned off finds nothing in history either', () => {
    expect(lintVersions([published()]).history).toHaveLength(1);
    expect(lintVersions([published()], lintSettings({ 'clause-reference': 'off' })).history).toEqual([]);
  });
});

describe('formatHistorySummary', () => {
  test('counts the findings per rule in one line and says how to list them', () => {
    const lint = lintVersions([version(), version({ version: '2026-01-01', effective: '2025-12-31T21:00:00Z' })], undefined, false);
    expect(formatHistorySummary(lint.history)).toBe(
      'History: 3 lint findings in 2 published versions (clause-reference 2, empty-version 1), reported, not refused: a text already published or imported cannot change. List them with npm run policy -- check --history.',
    );
    expect(formatHistorySummary([])).toBeNull();
  });

  test('says the count in Russian to a Russian reader, the rules as they are', () => {
    const lint = lintVersions([version(), version({ version: '2026-01-01', effective: '2025-12-31T21:00:00Z' })], undefined, false);
    expect(formatHistorySummary(lint.history, getMessages('ru'))).toBe(
      'Уже опубликованные тексты: 3 замечания проверки текста в 2 редакциях (clause-reference 2, empty-version 1); они не мешают публикации: опубликованный или внесённый в журнал текст изменить нельзя. Список: npm run policy -- check --history.',
    );
    expect(formatHistoryReport([], getMessages('ru'))).toBe('\nУже опубликованные тексты: замечаний проверки текста нет.');
  });

  test('lists each finding without the fix a rule would suggest, then the count', () => {
    const lint = lintVersions([version()], undefined, false);
    expect(formatHistoryReport(lint.history)).toBe(
      'policies/privacy/ru/2025-09-01.md:7:25: history: "п. 3.5" names 3.5, which this text does not have (the nearest is 1.1) [clause-reference]\n\nHistory: 1 lint finding in 1 published version (clause-reference 1), reported, not refused: a text already published or imported cannot change.',
    );
  });

  test('lists each finding in Russian to a Russian reader, the place and the rule as they are', () => {
    const lint = lintVersions([version()], undefined, false);
    expect(formatHistoryReport(lint.history, getMessages('ru'))).toBe(
      'policies/privacy/ru/2025-09-01.md:7:25: в опубликованном тексте: «п. 3.5» ссылается на 3.5, а такого номера в тексте нет (ближайший — 1.1) [clause-reference]\n\nУже опубликованные тексты: 1 замечание проверки текста в 1 редакции (clause-reference 1); оно не мешает публикации: опубликованный или внесённый в журнал текст изменить нельзя.',
    );
  });
});
