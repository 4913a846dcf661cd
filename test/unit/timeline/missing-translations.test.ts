import { describe, expect, test } from 'vitest';
import { buildPolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import { findMissingTranslations } from '#lib/timeline/missing-translations.ts';
import { getMessages, renderProblemMessage, type ProblemMessage } from '#lib/messages/message-catalog.ts';
import { makeVersion } from '../../helpers/versions.ts';

const versions = [
  makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z' }),
  makeVersion({ version: '2025-09-01', locale: 'en', effective: '2025-08-31T21:00:00Z', file: 'policies/privacy/en/2025-09-01.md' }),
  makeVersion({ version: '2026-06-01', effective: '2026-05-31T21:00:00Z', file: 'policies/privacy/ru/2026-06-01.md' }),
];
const find = (now: string, model: 'translations' | 'independent' = 'translations') => findMissingTranslations(buildPolicyCorpus(versions, { localeModel: model }), Date.parse(now), 'Europe/Moscow', 'ru');

describe('findMissingTranslations', () => {
  test('warns about a version in force with no English text while earlier versions have one', () => {
    expect(find('2026-07-01T00:00:00Z')).toEqual([
      {
        file: 'policies/privacy/ru/2026-06-01.md',
        line: 1,
        severity: 'warning',
        code: 'missing-translation',
        message: 'privacy 2026-06-01 is in force since 2026-06-01T00:00:00+03:00 with no en text, while earlier versions have one: the en pages show the previous text for reference only',
        hint: 'Add its en text: npm run policy -- new privacy --locale en --effective 2026-05-31T21:00:00Z --version 2026-06-01, translate it, and publish. If it stays ru only on purpose, nothing needs to change.',
        text: expect.objectContaining({ id: 'missingTranslation' }) as unknown as ProblemMessage,
      },
    ]);
  });

  test('says the warning in Russian to a Russian reader', () => {
    const [warning] = find('2026-07-01T00:00:00Z');
    expect(warning?.text && renderProblemMessage(warning.text, getMessages('ru')).message).toBe(
      'редакция privacy 2026-06-01 действует с 2026-06-01T00:00:00+03:00, но текста на языке en у неё нет, хотя у прежних редакций он есть: страницы на языке en показывают прежний текст только для сведения',
    );
  });

  test('warns ahead of time about a scheduled one', () => {
    expect(find('2026-01-01T00:00:00Z').map((warning) => warning.message)).toEqual([
      'privacy 2026-06-01 is scheduled for 2026-06-01T00:00:00+03:00 with no en text, while earlier versions have one: from then on the en pages will show the previous text for reference only',
    ]);
  });

  test('says nothing of superseded versions, of a language never published, or of independent documents', () => {
    const later = [...versions, makeVersion({ version: '2027-01-01', effective: '2026-12-31T21:00:00Z' }), makeVersion({ version: '2027-01-01', locale: 'en', effective: '2026-12-31T21:00:00Z' })];
    expect(findMissingTranslations(buildPolicyCorpus(later), Date.parse('2027-02-01T00:00:00Z'), 'Europe/Moscow', 'ru')).toEqual([]);
    expect(find('2026-07-01T00:00:00Z', 'independent')).toEqual([]);
    expect(findMissingTranslations(buildPolicyCorpus(versions.filter((_, index) => index === 0 || index === 2)), Date.parse('2026-07-01T00:00:00Z'), 'Europe/Moscow', 'ru')).toEqual([]);
  });
});
