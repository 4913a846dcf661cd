import { describe, expect, test } from 'vitest';
import { checkLedger, type LedgerCheckInput } from '#lib/ledger/check-ledger.ts';
import { planPublish } from '#lib/ledger/publish-versions.ts';
import { renderPublishedText, sha256Hex } from '#lib/timeline/published-text.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { Ledger } from '#schemas/ledger.ts';
import { makeVersion } from '../../helpers/versions.ts';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const v1 = makeVersion({ version: 'v1', effective: '2025-01-01T00:00:00Z', body: 'Пункт 1.1. Текст.\n' });
const v2 = makeVersion({ version: 'v2', effective: '2026-01-01T00:00:00Z', body: 'Пункт 1.1. Новый текст.\n' });

function input(versions: PolicyVersion[], ledger: Ledger | null, archive: Record<string, string> = {}): LedgerCheckInput {
  return {
    versions,
    ledger,
    ledgerFile: 'policies/published.lock.json',
    policiesDisplayPath: 'policies',
    readArchive: (sha) => archive[sha] ?? null,
    describeChange: (before, after) => `${before.length}→${after.length}`,
  };
}

/** Publishes versions from an empty ledger; returns the ledger and the archive. */
function published(versions: PolicyVersion[]): { ledger: Ledger; archive: Record<string, string> } {
  const plan = planPublish({ ...input(versions, null), now: NOW });
  expect(plan.problems).toEqual([]);
  return { ledger: plan.ledger, archive: Object.fromEntries(plan.archive.map((text) => [sha256Hex(text), text])) };
}

const codes = (result: { problems: { code?: string }[] }) => result.problems.map((problem) => problem.code);

describe('planPublish', () => {
  test('records new versions with their hash, effective instant and the time of publishing', () => {
    const { ledger } = published([v1, v2]);
    expect(ledger.versions).toEqual([
      { policy: 'privacy', locale: 'ru', version: 'v1', effectiveFrom: '2025-01-01T00:00:00.000Z', publishedAt: '2026-11-26T12:00:00.000Z', sha256: sha256Hex(renderPublishedText(v1)), corrections: [] },
      { policy: 'privacy', locale: 'ru', version: 'v2', effectiveFrom: '2026-01-01T00:00:00.000Z', publishedAt: '2026-11-26T12:00:00.000Z', sha256: sha256Hex(renderPublishedText(v2)), corrections: [] },
    ]);
  });

  test('never publishes a draft', () => {
    const plan = planPublish({ ...input([v1, { ...v2, draft: true }], null), now: NOW });
    expect(plan.ledger.versions.map((entry) => entry.version)).toEqual(['v1']);
  });

  test('records a declared correction with the old and the new hash', () => {
    const { ledger, archive } = published([v1]);
    const corrected = { ...v1, body: 'Пункт 1.1. Текст исправлен.\n', corrections: [{ date: '2026-12-01', reason: 'Опечатка' }] };
    const plan = planPublish({ ...input([corrected], ledger, archive), now: NOW + 1000 });
    expect(plan.problems).toEqual([]);
    expect(plan.ledger.versions[0]?.sha256).toBe(ledger.versions[0]?.sha256);
    expect(plan.ledger.versions[0]?.corrections).toEqual([
      { date: '2026-12-01', reason: 'Опечатка', previousSha256: ledger.versions[0]?.sha256, sha256: sha256Hex(renderPublishedText(corrected)), recordedAt: '2026-11-26T12:00:01.000Z' },
    ]);
    expect(checkLedger(input([corrected], plan.ledger, archive)).problems).toEqual([]);
  });

  test('refuses while a published text changed without a correction', () => {
    const { ledger, archive } = published([v1]);
    const plan = planPublish({ ...input([{ ...v1, body: 'Другой текст.\n' }], ledger, archive), now: NOW });
    expect(codes(plan)).toEqual(['changed-without-correction']);
  });
});

describe('checkLedger', () => {
  const { ledger, archive } = published([v1, v2]);

  test('accepts the folder as published', () => {
    expect(checkLedger(input([v1, v2], ledger, archive))).toMatchObject({ problems: [] });
  });

  test.each([
    ['a deleted version', [v2], 'published-deleted'],
    ['a version made a draft again', [v1, { ...v2, draft: true }], 'published-became-draft'],
    ['a moved effective instant', [v1, { ...v2, effectiveFrom: Date.parse('2026-02-01T00:00:00Z') }], 'effective-changed'],
    ['an edited text', [v1, { ...v2, body: 'Иначе.\n' }], 'changed-without-correction'],
    ['an edited title', [v1, { ...v2, title: 'Политика' }], 'changed-without-correction'],
    ['an unrecorded correction', [v1, { ...v2, body: 'Иначе.\n', corrections: [{ date: '2026-12-01', reason: 'r' }] }], 'correction-unrecorded'],
    ['a correction that changes nothing', [v1, { ...v2, corrections: [{ date: '2026-12-01', reason: 'r' }] }], 'correction-without-change'],
    ['two corrections at once', [v1, { ...v2, body: 'Иначе.\n', corrections: [{ date: '2026-12-01', reason: 'r' }, { date: '2026-12-02', reason: 's' }] }], 'corrections-at-once'],
    ['an unpublished version', [v1, v2, makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z' })], 'not-published'],
    ['a new version before a published one', [v1, v2, makeVersion({ version: 'v0', effective: '2025-06-01T00:00:00Z' })], 'rewrites-history'],
    ['corrections on an unpublished version', [v1, v2, makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z', corrections: [{ date: '2026-12-01', reason: 'r' }] })], 'corrections-before-publishing'],
  ])('refuses %s', (_name, versions, code) => {
    expect(codes(checkLedger(input(versions as PolicyVersion[], ledger, archive)))).toEqual([code]);
  });

  test('shows the change of an edited text from the archive', () => {
    const [problem] = checkLedger(input([v1, { ...v2, body: 'Иначе.\n' }], ledger, archive)).problems;
    expect(problem?.detail).toMatch(/^\d+→\d+$/);
  });

  test('accepts a version whose only change is whitespace that the canonical form drops', () => {
    expect(checkLedger(input([v1, { ...v2, body: `${v2.body}` }], ledger, archive)).problems).toEqual([]);
  });
});
