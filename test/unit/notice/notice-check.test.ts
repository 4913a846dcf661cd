import { describe, expect, test } from 'vitest';
import { getMessages, renderProblemMessage } from '#lib/messages/message-catalog.ts';
import { checkLedger, type LedgerCheckInput } from '#lib/ledger/check-ledger.ts';
import { planPublish, type PublishOverrides } from '#lib/ledger/publish-versions.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { Ledger } from '#schemas/ledger.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { makeLedgerCheckInput, makeVersion } from '../../helpers/versions.ts';

// The sample's promise: ten days' notice of a material change of the privacy policy.
const NOTICE = resolveSiteSettings(
  { siteUrl: 'https://example.com/', defaultLocale: 'ru', timeZone: 'Europe/Moscow', siteTitle: { ru: 'Документы' }, notice: { policies: { privacy: { material: 10 } } } },
  {},
  '/p',
).notice;
const NOW = Date.parse('2026-12-07T08:00:00Z');
const v1 = makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z' });

function input(versions: PolicyVersion[], ledger: Ledger | null, now = NOW): LedgerCheckInput {
  return makeLedgerCheckInput(versions, ledger, { now, localeModel: 'translations', notice: NOTICE });
}

function publish(versions: PolicyVersion[], ledger: Ledger | null, now = NOW, overrides: PublishOverrides = {}): Ledger {
  const plan = planPublish({ ...input(versions, ledger, now), overrides });
  expect(plan.problems).toEqual([]);
  return plan.ledger;
}

const base = publish([v1], null, Date.parse('2026-01-01T00:00:00Z'));
const at = (effective: string, fields: Partial<PolicyVersion> = {}) => makeVersion({ version: '2026-12-15', effective, ...fields });
const codes = (problems: { code?: string }[]) => problems.map((problem) => problem.code);

describe('the notice before a change', () => {
  test('refuses a material version announced with less notice than its policy requires, saying the earliest instant and day that honour it', () => {
    const plan = planPublish(input([v1, at('2026-12-14T21:00:00Z')], base));
    expect(plan.problems.map(({ text: _text, ...problem }) => problem)).toEqual([
      {
        file: 'policies/privacy/ru/2026-12-15.md',
        line: 3,
        field: 'effective',
        code: 'short-notice',
        message:
          'privacy/ru/2026-12-15 is a material version taking effect at 2026-12-15T00:00:00+03:00 ("2026-12-14T21:00:00Z"), sooner than the notice of 10 days (notice.policies.privacy.material in site.config.ts) after the moment of publishing (2026-12-07T11:00:00+03:00): the earliest instant that honours it is 2026-12-17T11:00:00+03:00',
        hint: 'Give readers the notice: effective: 2026-12-18 (the first day that honours it) or later. If the change cannot wait (say, a law takes effect sooner), record why: npm run policy -- publish --short-notice "<reason>"; the ledger, the feed and the version page say so.',
      },
    ]);
    // The same refusal in Russian: the instants, the setting's key and what to type as they are.
    const [refusal] = plan.problems;
    expect(refusal?.text && renderProblemMessage(refusal.text, getMessages('ru'))).toEqual({
      message:
        'редакция privacy/ru/2026-12-15 (существенные изменения) вступает в силу 2026-12-15T00:00:00+03:00 («2026-12-14T21:00:00Z»), раньше, чем истекает срок уведомления — 10 дней (notice.policies.privacy.material в site.config.ts) с момента публикации (2026-12-07T11:00:00+03:00): самый ранний момент, когда срок соблюдён, — 2026-12-17T11:00:00+03:00',
      hint: 'Дайте читателям срок уведомления: effective: 2026-12-18 (первый день, когда срок соблюдён) или позже. Если изменение не может ждать (например, закон вступает в силу раньше), запишите причину: npm run policy -- publish --short-notice "<причина>"; об этом скажут журнал публикаций, лента изменений и страница редакции.',
    });
  });

  test('lets a version with enough notice, an editorial one and another policy through', () => {
    expect(planPublish(input([v1, at('2026-12-17T08:00:00Z')], base)).problems).toEqual([]);
    // An editorial version (a punctuation fix, so the editorial check proves it) needs no notice here.
    expect(planPublish(input([v1, at('2026-12-08T00:00:00Z', { changeType: 'editorial', body: v1.body.replace('.', ';') })], base)).problems).toEqual([]);
    const consent = makeVersion({ policy: 'consent', version: '2026-12-08', effective: '2026-12-08T00:00:00Z' });
    expect(planPublish(input([v1, consent], base)).problems).toEqual([]);
  });

  test('records a short notice with its reason, the notice required then and the instant it covers', () => {
    const ledger = publish([v1, at('2026-12-14T21:00:00Z')], base, NOW, { shortNotice: 'Изменение требований закона вступает в силу 15 декабря' });
    expect(ledger.versions.find((entry) => entry.version === '2026-12-15')?.shortNotice).toEqual({
      reason: 'Изменение требований закона вступает в силу 15 декабря',
      recordedAt: '2026-12-07T08:00:00.000Z',
      requiredNotice: 10,
      effectiveFrom: '2026-12-14T21:00:00.000Z',
    });
    // Recorded, it is never refused again, by any later clock.
    expect(codes(checkLedger(input([v1, at('2026-12-14T21:00:00Z')], ledger, NOW + 3 * 86_400_000)).problems)).toEqual([]);
  });

  test('refuses --short-notice without a reason, or when no version needs it, recording nothing', () => {
    const empty = planPublish({ ...input([v1, at('2026-12-14T21:00:00Z')], base), overrides: { shortNotice: ' ' } });
    expect(empty.problems.map((problem) => `${problem.message} | ${problem.hint}`)).toEqual([
      '--short-notice needs a reason | Write why, in plain words: --short-notice "<reason>". It is recorded in the ledger and shown in the feed.',
    ]);
    const unused = planPublish({ ...input([v1, at('2026-12-20T00:00:00Z')], base), overrides: { shortNotice: 'Срочно' } });
    expect(unused.problems.map((problem) => problem.message)).toEqual(['--short-notice was given, but nothing needs it']);
  });

  test('judges a published version by its recorded announcement, never by the clock of a later build', () => {
    const ledger = publish([v1, at('2026-12-20T00:00:00Z')], base);
    for (const now of [NOW, Date.parse('2026-12-19T23:59:59Z'), Date.parse('2027-06-01T00:00:00Z')]) {
      expect(codes(checkLedger(input([v1, at('2026-12-20T00:00:00Z')], ledger, now)).problems)).toEqual([]);
    }
  });

  test('a postponement keeps the original announcement; a move to an earlier date is judged against it', () => {
    const ledger = publish([v1, at('2026-12-20T00:00:00Z')], base);
    const later = Date.parse('2026-12-10T08:00:00Z');
    // Postponed by five days: more notice than before, counted from 7 December, not from the postponement.
    expect(codes(planPublish({ ...input([v1, at('2026-12-25T00:00:00Z')], ledger, later), overrides: { postpone: 'Ждём перевод' } }).problems)).toEqual([]);
    // Moved earlier, to 16 December: nine days after the announcement of 7 December.
    const earlier = planPublish({ ...input([v1, at('2026-12-16T00:00:00Z')], ledger, later), overrides: { postpone: 'Раньше' } });
    expect(codes(earlier.problems)).toEqual(['short-notice']);
    expect(earlier.problems[0]?.message).toContain('after it was announced (published at 2026-12-07T11:00:00+03:00)');
    expect(earlier.problems[0]?.hint).toContain('or later, then npm run policy -- publish --postpone "<reason>"');
    const recorded = publish([v1, at('2026-12-16T00:00:00Z')], ledger, later, { postpone: 'Раньше', shortNotice: 'Требование регулятора' });
    expect(recorded.versions.find((entry) => entry.version === '2026-12-15')?.shortNotice).toMatchObject({ reason: 'Требование регулятора', effectiveFrom: '2026-12-16T00:00:00.000Z' });
    // The reason covers that instant, not an even earlier one.
    expect(codes(planPublish({ ...input([v1, at('2026-12-15T00:00:00Z')], recorded, later), overrides: { postpone: 'Ещё раньше' } }).problems)).toEqual(['short-notice']);
  });

  test('never judges imported history, nor a version already in force', () => {
    const imported = publish([v1, at('2026-12-01T00:00:00Z')], null);
    expect(imported.versions.map((entry) => entry.publication.kind)).toEqual(['imported', 'imported']);
    expect(codes(checkLedger(input([v1, at('2026-12-01T00:00:00Z')], imported)).problems)).toEqual([]);
  });

  test('reports a scheduled version whose notice became short when the setting grew', () => {
    const ledger = publish([v1, at('2026-12-20T00:00:00Z')], base);
    const stricter = { ...NOTICE, policies: { privacy: { material: 30 } } };
    expect(codes(checkLedger({ ...input([v1, at('2026-12-20T00:00:00Z')], ledger), notice: stricter }).problems)).toEqual(['short-notice']);
  });
});
