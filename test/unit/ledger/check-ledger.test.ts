import { describe, expect, test } from 'vitest';
import { checkLedger, type LedgerCheckInput } from '#lib/ledger/check-ledger.ts';
import { planPublish, type PublishOverrides } from '#lib/ledger/publish-versions.ts';
import { planWithdraw } from '#lib/ledger/withdraw-version.ts';
import { renderPublishedText, sha256Hex } from '#lib/timeline/published-text.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { upgradeLedgerV1, type Ledger } from '#schemas/ledger.ts';
import { getMessages, renderProblemMessage } from '#lib/messages/message-catalog.ts';
import { makeVersion } from '../../helpers/versions.ts';
import { getDetail } from '#lib/corpus/problem.ts';

const NOW = Date.parse('2026-11-26T12:00:00Z');
// Long enough that a one-word fix is a small share of the words, as in a real policy.
const FILLER = 'Настоящий текст описывает порядок обработки сведений о пользователях сайта и их права. '.repeat(6);
const v1 = makeVersion({ version: 'v1', effective: '2025-01-01T00:00:00Z', body: `Пункт 1.1. Текст. ${FILLER}\n` });
const v2 = makeVersion({ version: 'v2', effective: '2026-01-01T00:00:00Z', body: `Пункт 1.1. Новый текст. Ответ даётся в течение 10 дней. ${FILLER}\n` });

function input(versions: PolicyVersion[], ledger: Ledger | null, archive: Record<string, string> = {}, now = NOW): LedgerCheckInput {
  return {
    versions,
    ledger,
    ledgerFile: 'policies/published.lock.json',
    policiesDisplayPath: 'policies',
    readArchive: (sha) => archive[sha] ?? null,
    describeChange: (before, after) => `${before.length}→${after.length}`,
    now,
    timeZone: 'Europe/Moscow',
    localeModel: 'translations',
  };
}

type Published = { ledger: Ledger; archive: Record<string, string> };

/** Publishes versions on top of a ledger (none: creates it); returns the ledger and the archive. */
function publish(versions: PolicyVersion[], from: Published | null = null, now = NOW, overrides: PublishOverrides = {}): Published {
  const plan = planPublish({ ...input(versions, from?.ledger ?? null, from?.archive ?? {}, now), overrides });
  expect(plan.problems).toEqual([]);
  return { ledger: plan.ledger, archive: { ...from?.archive, ...Object.fromEntries(plan.archive.map((text) => [sha256Hex(text), text])) } };
}

const codes = (result: { problems: { code?: string }[] }) => result.problems.map((problem) => problem.code);
const entry = (published: Published, id: string) => published.ledger.versions.find((candidate) => `${candidate.policy}/${candidate.locale}/${candidate.version}` === id);

describe('planPublish', () => {
  test('records new versions with their hash, effective instant, how they were published and what re-consent depends on', () => {
    const scheduled = makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z', changeType: 'editorial', summary: ['Опечатки'], body: v2.body.replace('Ответ даётся', 'Ответ, дается') });
    const { ledger } = publish([v1, v2, scheduled]);
    expect(ledger.versions).toEqual([
      {
        policy: 'privacy',
        locale: 'ru',
        version: 'v1',
        effectiveFrom: '2025-01-01T00:00:00.000Z',
        publishedAt: '2026-11-26T12:00:00.000Z',
        sha256: sha256Hex(renderPublishedText(v1)),
        // The publish that creates the ledger records what was already in force as imported history, not as backdating.
        publication: { kind: 'imported', reason: null },
        changeType: 'material',
        summary: [],
        corrections: [],
        rescheduled: [],
        withdrawn: null,
      },
      expect.objectContaining({ version: 'v2', publication: { kind: 'imported', reason: null } }),
      expect.objectContaining({
        version: 'v3',
        publication: { kind: 'published', reason: null },
        changeType: 'editorial',
        summary: ['Опечатки'],
        // Proven against the text before it, whose hash is on record.
        editorialCheck: { result: 'proven', comparedWith: { version: 'v2', sha256: sha256Hex(renderPublishedText(v2)) }, reason: null },
      }),
    ]);
    // A material version, and history imported when the ledger is created, carry no editorial check.
    expect(ledger.versions[0]).not.toHaveProperty('editorialCheck');
  });

  test('never publishes a draft', () => {
    const plan = planPublish(input([v1, { ...v2, draft: true }], null));
    expect(plan.ledger.versions.map((recorded) => recorded.version)).toEqual(['v1']);
  });

  test('records an editorial correction with the old and the new hash', () => {
    const first = publish([v1]);
    const corrected = { ...v1, body: v1.body.replace('Текст.', '«Текст».'), corrections: [{ date: '2026-12-01', reason: 'Опечатка' }] };
    const { ledger, archive } = publish([corrected], first, NOW + 1000);
    expect(ledger.versions[0]?.sha256).toBe(first.ledger.versions[0]?.sha256);
    expect(ledger.versions[0]?.corrections).toEqual([
      {
        date: '2026-12-01',
        reason: 'Опечатка',
        previousSha256: first.ledger.versions[0]?.sha256,
        sha256: sha256Hex(renderPublishedText(corrected)),
        recordedAt: '2026-11-26T12:00:01.000Z',
        kind: 'editorial',
        overrideReason: null,
        changeType: null,
        summary: null,
      },
    ]);
    expect(checkLedger(input([corrected], ledger, archive)).problems).toEqual([]);
  });

  test('refuses while a published text changed without a correction', () => {
    const first = publish([v1]);
    const plan = planPublish(input([{ ...v1, body: 'Другой текст.\n' }], first.ledger, first.archive));
    expect(codes(plan)).toEqual(['changed-without-correction']);
  });

  test('refuses an override that applies to nothing, and one without a reason', () => {
    const first = publish([v1]);
    expect(codes(planPublish({ ...input([v1], first.ledger, first.archive), overrides: { backdate: 'на всякий случай' } }))).toEqual(['override-unused']);
    const late = makeVersion({ version: 'v9', effective: '2026-06-01T00:00:00Z' });
    expect(codes(planPublish({ ...input([v1, late], first.ledger, first.archive), overrides: { backdate: ' ' } }))).toEqual(['override-without-reason']);
  });
});

describe('backdating (case 1)', () => {
  const first = publish([v1]);
  // On 1 December 2026 at 15:00 Moscow time, a version said to take effect on 1 June 2026.
  const december = Date.parse('2026-12-01T15:00:00+03:00');
  const backdated = makeVersion({ version: '2026-06-01', effective: '2026-05-31T21:00:00Z', effectiveLine: 3 });

  test('is refused, naming the file and field, with the instants in the site time zone and the fix', () => {
    const plan = planPublish(input([v1, backdated], first.ledger, first.archive, december));
    expect(plan.problems).toEqual([
      expect.objectContaining({
        file: 'policies/privacy/ru/2026-06-01.md',
        line: 3,
        field: 'effective',
        code: 'backdated',
        message: expect.stringMatching(/^privacy\/ru\/2026-06-01 takes effect at 2026-06-01T00:00:00\+03:00 \(".*"\), before the moment of publishing \(2026-12-01T15:00:00\+03:00\)/),
        hint: expect.stringContaining('effective: 2026-12-01T15:01:00+03:00 (the next minute)'),
      }),
    ]);
    expect(plan.problems[0]?.hint).toContain('npm run policy -- publish --backdate "<reason>"');
    // check and the build see it too, before anyone runs publish.
    expect(codes(checkLedger(input([v1, backdated], first.ledger, first.archive, december)))).toEqual(['backdated']);
  });

  test('the morning of the same day is backdating too, one millisecond before now as well; now itself is not', () => {
    const morning = makeVersion({ version: '2026-12-01', effective: '2026-11-30T21:00:00Z' });
    expect(codes(checkLedger(input([v1, morning], first.ledger, first.archive, december)))).toEqual(['backdated']);
    const justBefore = makeVersion({ version: 'x', effective: new Date(december - 1).toISOString() });
    expect(codes(checkLedger(input([v1, justBefore], first.ledger, first.archive, december)))).toEqual(['backdated']);
    const atNow = makeVersion({ version: 'y', effective: new Date(december).toISOString() });
    expect(codes(checkLedger(input([v1, atNow], first.ledger, first.archive, december)))).toEqual(['not-published']);
  });

  test('is published with --backdate, the reason recorded', () => {
    const { ledger } = publish([v1, backdated], first, december, { backdate: 'Опубликована на старом сайте 1 июня' });
    expect(ledger.versions.find((recorded) => recorded.version === '2026-06-01')).toMatchObject({
      publishedAt: '2026-12-01T12:00:00.000Z',
      effectiveFrom: '2026-05-31T21:00:00.000Z',
      publication: { kind: 'backdated', reason: 'Опубликована на старом сайте 1 июня' },
    });
  });
});

describe('what re-consent depends on is locked (case 2)', () => {
  const first = publish([v1, v2]);

  test.each([
    ['changeType', { changeType: 'editorial' as const }, 'v2 was published with changeType: material, but now says editorial'],
    ['summary', { summary: ['Ничего существенного'] }, 'v2 was published with no summary, but summary item 1 "Ничего существенного" was added'],
  ])('a changed %s is refused', (field, change, message) => {
    const [problem, ...rest] = checkLedger(input([v1, { ...v2, ...change }], first.ledger, first.archive)).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'policies/privacy/ru/v2.md', field, code: 'locked-field-changed', message: `privacy/ru/${message}` });
    expect(problem?.hint).toContain('add a corrections entry');
  });

  test('each refusal points at the line of the field, and a summary refusal at the changed item; only changeType is called what re-consent depends on', () => {
    const withSummary = { ...v2, summary: ['Срок ответа — 10 дней', 'Новый пункт 3.5'], summaryLine: 4, summaryItemLines: [5, 6], changeTypeLine: 7 };
    const published = publish([v1, withSummary]);
    const check = (change: Partial<PolicyVersion>) => checkLedger(input([v1, { ...withSummary, ...change }], published.ledger, published.archive)).problems;
    expect(check({ changeType: 'editorial' })).toMatchObject([
      { line: 7, field: 'changeType', hint: expect.stringMatching(/^changeType is what re-consent depends on \(material: users are asked to accept again; editorial: only told\), locked like the text\. Put it back/) },
    ]);
    expect(check({ summary: ['Срок ответа — 10 дней', 'Новый пункт 3.6'] })).toMatchObject([
      {
        line: 6,
        field: 'summary',
        message: 'privacy/ru/v2 was published with summary item 2 "Новый пункт 3.5", but it now says "Новый пункт 3.6"',
        hint: expect.stringMatching(/^The summary is published with the version, locked like the text: readers, the feeds and since\.json show it \(re-consent depends on changeType, not on it\)\. /),
      },
    ]);
    expect(check({ summary: ['Срок ответа — 10 дней'], summaryItemLines: [5] })).toMatchObject([{ line: 5, message: 'privacy/ru/v2 was published with summary item 2 "Новый пункт 3.5", which was removed' }]);
  });

  test('and accepted as a correction with its reason, which the ledger records', () => {
    const corrected = { ...v2, summary: ['Уточнён пункт 1.1'], corrections: [{ date: '2026-12-01', reason: 'Пропущено пояснение' }] };
    expect(codes(checkLedger(input([v1, corrected], first.ledger, first.archive)))).toEqual(['correction-unrecorded']);
    const { ledger } = publish([v1, corrected], first, NOW + 1000);
    expect(entry({ ledger, archive: {} }, 'privacy/ru/v2')?.corrections[0]).toMatchObject({ summary: { from: [], to: ['Уточнён пункт 1.1'] }, changeType: null, kind: 'editorial' });
  });

  test('a material version declared editorial after the fact is a material correction, recorded only with --material-correction', () => {
    const corrected = { ...v2, changeType: 'editorial' as const, corrections: [{ date: '2026-12-01', reason: 'Изменения на самом деле редакционные' }] };
    const [problem, ...rest] = checkLedger(input([v1, corrected], first.ledger, first.archive)).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'material-correction', detail: 'changeType: [-material-]{+editorial+} (declares editorial a version published as material)' });
    const { ledger, archive } = publish([v1, corrected], first, NOW + 1000, { materialCorrection: 'Юрист проверил: изменения редакционные' });
    const recorded = ledger.versions.find((candidate) => candidate.version === 'v2');
    expect(recorded).toMatchObject({
      changeType: 'editorial',
      corrections: [
        { changeType: { from: 'material', to: 'editorial' }, summary: null, kind: 'material', overrideReason: 'Юрист проверил: изменения редакционные', previousSha256: recorded?.sha256, sha256: recorded?.sha256 },
      ],
    });
    expect(checkLedger(input([v1, corrected], ledger, archive)).problems).toEqual([]);
    // Changing it back is again a change of a locked field.
    expect(codes(checkLedger(input([v1, { ...corrected, changeType: 'material' }], ledger, archive)))).toEqual(['locked-field-changed']);
  });

  test('a recorded correction and its reason never change', () => {
    const corrected = { ...v2, summary: ['Уточнён пункт 1.1'], corrections: [{ date: '2026-12-01', reason: 'Пропущено пояснение' }] };
    const published = publish([v1, corrected], first, NOW + 1000);
    const rewritten = { ...corrected, corrections: [{ date: '2026-12-01', reason: 'Другая причина' }] };
    const [problem] = checkLedger(input([v1, rewritten], published.ledger, published.archive)).problems;
    expect(problem).toMatchObject({ field: 'corrections.0', code: 'correction-rewritten' });
    expect(problem?.message).toContain('"Пропущено пояснение"');
    expect(codes(checkLedger(input([v1, { ...corrected, corrections: [{ date: '2026-12-02', reason: 'Пропущено пояснение' }] }], published.ledger, published.archive)))).toEqual(['correction-rewritten']);
  });
});

describe('a correction is editorial or it is refused (case 3)', () => {
  const first = publish([v1, v2]);
  const correct = (body: string) => ({ ...v2, body, corrections: [{ date: '2026-12-01', reason: 'Опечатка' }] });

  test('"10 дней" → "30 дней" is refused, with the redline and the advice to publish a new version', () => {
    const corrected = correct(v2.body.replace('10 дней', '30 дней'));
    const plan = planPublish(input([v1, corrected], first.ledger, first.archive));
    expect(codes(plan)).toEqual(['material-correction']);
    const [problem] = plan.problems;
    expect(problem?.message).toBe(
      'privacy/ru/v2: the correction of 2026-12-01 is not editorial: 1 changed passage is not a cosmetic edit (whitespace, punctuation (dashes, quotes, commas, stops), letter case, «ё»/«е», markup alone, a spelling fix inside one word)',
    );
    expect(problem?.hint).toContain('Publish the change as a new version instead (npm run policy -- new privacy --locale ru --effective <date>)');
    // The passage that makes it material, in the redline's words, not the whole redline.
    expect(problem?.detail).toBe('…Новый текст. Ответ даётся в течение [-10-]{+30+} дней. Настоящий текст описывает… (changes a number: «10» → «30»)');
  });

  test('a typo fix passes; another word does not, however few the words changed', () => {
    expect(codes(checkLedger(input([v1, correct(v2.body.replace('Новый текст. Ответ даётся', 'Новый, текст. Ответ дается'))], first.ledger, first.archive)))).toEqual(['correction-unrecorded']);
    const [problem] = checkLedger(input([v1, correct(v2.body.replace('Новый', 'Новейший'))], first.ledger, first.archive)).problems;
    expect(problem).toMatchObject({ code: 'material-correction', detail: 'Пункт 1.1. [-Новый-]{+Новейший+} текст. Ответ даётся в течение 10 дней.… (replaces words: «новый» → «новейший»)' });
  });

  test('is recorded as material only with --material-correction and its reason', () => {
    const corrected = correct(v2.body.replace('10 дней', '30 дней'));
    const { ledger } = publish([v1, corrected], first, NOW + 1000, { materialCorrection: 'Опечатка в сроке: в решении совета директоров 30 дней' });
    expect(entry({ ledger, archive: {} }, 'privacy/ru/v2')?.corrections[0]).toMatchObject({ kind: 'material', overrideReason: 'Опечатка в сроке: в решении совета директоров 30 дней' });
  });

  test('fails closed when the published text to compare with is missing from the archive', () => {
    const corrected = correct(v2.body.replace('Новый', 'Новый,'));
    expect(codes(checkLedger(input([v1, corrected], first.ledger, {})))).toEqual(['correction-unchecked']);
  });

  test("says in the reader's language that a changed text has nothing in the archive to be compared with", () => {
    const changed = { ...v2, body: v2.body.replace('Новый', 'Другой') };
    const [problem] = checkLedger(input([v1, changed], first.ledger, {})).problems;
    expect(problem?.code).toBe('changed-without-correction');
    const hash = first.ledger.versions.find((recorded) => recorded.version === 'v2')?.sha256;
    expect(problem?.detail).toBe(`(the published text ${hash} is not in policies/.published/ to compare with)`);
    expect(problem && getDetail(problem, getMessages('ru'))).toBe(`(опубликованного текста с контрольной суммой ${hash} нет в папке policies/.published/, поэтому показать изменения не с чем)`);
  });
});

describe('a new version declared editorial is proven or confirmed', () => {
  const first = publish([v1, v2]);
  const editorial = (body: string, fields: Partial<PolicyVersion> = {}) => makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z', changeType: 'editorial', changeTypeLine: 4, body, ...fields });
  const COSMETIC = '(whitespace, punctuation (dashes, quotes, commas, stops), letter case, «ё»/«е», markup alone, a spelling fix inside one word)';
  const hint =
    'An editorial version takes effect without asking anyone to consent again. If the change is material, set changeType: material and say in summary what changed. If you have checked that it is editorial all the same, confirm it, saying who decided and why: npm run policy -- publish --editorial "<who decided, and why>" (recorded in the ledger and the public log, and shown on the version page).';

  test.each([
    [
      'a list item added',
      `${v2.body}\n- Передача партнёрам Компании для целевой рекламы без дополнительного согласия\n`,
      '{+Передача партнёрам Компании для целевой рекламы без дополнительного согласия+} (adds a list item)',
    ],
    [
      'a notice period shortened',
      v2.body.replace('в течение 10 дней', 'в течение 1 дня'),
      '…Новый текст. Ответ даётся в течение [-10 дней-]{+1 дня+}. Настоящий текст описывает порядок… (changes a number: «10» → «1»; changes a date or duration: «дней» → «дня»)',
    ],
  ])('%s is refused until confirmed, naming the changeType line and the passages', (_name, body, detail) => {
    const version = editorial(body);
    const plan = planPublish(input([v1, v2, version], first.ledger, first.archive));
    expect(plan.problems).toEqual([
      {
        file: 'policies/privacy/ru/v3.md',
        line: 4,
        field: 'changeType',
        code: 'editorial-unproven',
        message: `privacy/ru/v3 is declared editorial, but compared with privacy/ru/v2, 1 changed passage is not a cosmetic edit ${COSMETIC}`,
        hint,
        detail,
        detailText: { id: 'materialPassages', params: { passages: expect.any(Array) } },
        text: { id: 'editorialUnproven', params: { id: 'privacy/ru/v3', previous: 'privacy/ru/v2', passages: 1 } },
      },
    ]);
    expect(codes(checkLedger(input([v1, v2, version], first.ledger, first.archive)))).toEqual(['editorial-unproven', 'not-published']);
  });

  test('is recorded as confirmed with the reason and the text it was compared with', () => {
    const version = editorial(v2.body.replace('в течение 10 дней', 'в течение 1 дня'));
    const { ledger } = publish([v1, v2, version], first, NOW, { editorial: 'Срок исправлен по решению юриста Ивановой: опечатка в v2' });
    expect(entry({ ledger, archive: {} }, 'privacy/ru/v3')?.editorialCheck).toEqual({
      result: 'confirmed',
      comparedWith: { version: 'v2', sha256: sha256Hex(renderPublishedText(v2)) },
      reason: 'Срок исправлен по решению юриста Ивановой: опечатка в v2',
    });
    const plan = planPublish({ ...input([v1, v2, version], first.ledger, first.archive), overrides: { editorial: 'Срок исправлен' } });
    expect(plan.recorded).toContain('recorded privacy/ru/v3 as editorial BY DECISION (--editorial: Срок исправлен): the check finds material changes since privacy/ru/v2');
  });

  test('a version proven editorial needs no --editorial, and refuses one', () => {
    const version = editorial(v2.body.replace('Ответ даётся', 'Ответ дается'));
    const plan = planPublish(input([v1, v2, version], first.ledger, first.archive));
    expect(plan.problems).toEqual([]);
    expect(plan.recorded).toContain('recorded privacy/ru/v3 as editorial: every changed passage since privacy/ru/v2 is a cosmetic edit');
    expect(codes(planPublish({ ...input([v1, v2, version], first.ledger, first.archive), overrides: { editorial: 'на всякий случай' } }))).toEqual(['override-unused']);
    expect(codes(planPublish({ ...input([v1, v2, editorial('Другой текст.\n')], first.ledger, first.archive), overrides: { editorial: ' ' } }))).toEqual(['override-without-reason']);
  });

  test('compares with the version before it, not a withdrawn or later one, and fails closed without one', () => {
    const english = editorial('Text.\n', { locale: 'en', title: 'Privacy' });
    const [problem] = checkLedger(input([v1, v2, english], first.ledger, first.archive)).problems;
    expect(problem).toMatchObject({
      code: 'editorial-unproven',
      message: 'privacy/en/v3 is declared editorial, but there is no earlier en text of privacy to compare it with: nothing proves it editorial',
      hint: 'An editorial version takes effect without asking anyone to consent again. Set changeType: material, or: If you have checked that it is editorial all the same, confirm it, saying who decided and why: npm run policy -- publish --editorial "<who decided, and why>" (recorded in the ledger and the public log, and shown on the version page).',
    });
    expect(problem).not.toHaveProperty('detail');
    // v2 withdrawn: v3 is compared with v1, the text in force before it.
    const scheduled = makeVersion({ version: 'v2b', effective: '2026-12-15T00:00:00Z', body: 'Совсем другой текст.\n' });
    const withScheduled = publish([v1, v2, scheduled], first);
    const withdrawn = planWithdraw({
      ledger: withScheduled.ledger,
      ledgerFile: 'policies/published.lock.json',
      policy: 'privacy',
      version: 'v2b',
      locale: null,
      reason: 'Отменена',
      now: NOW,
      timeZone: 'Europe/Moscow',
      localeModel: 'translations',
    });
    if (!withdrawn.ok) throw new Error(withdrawn.message);
    const fixed = editorial(v2.body.replace('Новый текст.', 'Новый текст;'));
    expect(checkLedger(input([v1, v2, scheduled, fixed], withdrawn.ledger, withScheduled.archive)).editorialClaims.get('privacy/ru/v3')).toMatchObject({ verdict: { editorial: true }, previous: { version: 'v2' } });
  });

  test('history imported when the ledger is created is not judged again; a scheduled version is', () => {
    const inForce = makeVersion({ version: 'v2', effective: '2026-01-01T00:00:00Z', changeType: 'editorial', body: 'Другой текст.\n' });
    expect(codes(checkLedger(input([v1, inForce], null)))).toEqual(['not-published', 'not-published']);
    expect(codes(checkLedger(input([v1, inForce, editorial('Третий текст.\n')], null)))).toEqual(['not-published', 'not-published', 'editorial-unproven', 'not-published']);
  });
});

describe('withdraw and postpone a scheduled version (case 4)', () => {
  const scheduled = makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z', body: `Пункт 1.1. Третий текст. ${FILLER}\n` });
  const scheduledEn = makeVersion({ version: 'v3', locale: 'en', title: 'Privacy', effective: '2027-01-01T00:00:00Z' });
  const first = publish([v1, v2, scheduled, scheduledEn]);
  const withdraw = (now: number, locale: string | null = null) =>
    planWithdraw({ ledger: first.ledger, ledgerFile: 'policies/published.lock.json', policy: 'privacy', version: 'v3', locale, reason: 'Закон отложен', now, timeZone: 'Europe/Moscow', localeModel: 'translations' });

  test('withdraw records the reason and the instant in every language, and the version is never in force', () => {
    const plan = withdraw(NOW + 1000);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.ledger.versions.filter((recorded) => recorded.version === 'v3').map((recorded) => [recorded.locale, recorded.withdrawn])).toEqual([
      ['ru', { recordedAt: '2026-11-26T12:00:01.000Z', reason: 'Закон отложен' }],
      ['en', { recordedAt: '2026-11-26T12:00:01.000Z', reason: 'Закон отложен' }],
    ]);
    // What it did, and, for --dry-run, what it would have done, in English a reader would write.
    expect(plan.recorded[0]).toBe('withdrew privacy/ru/v3 (was to take effect 2027-01-01T03:00:00+03:00): Закон отложен');
    expect(plan.planned[0]).toBe('would have withdrawn privacy/ru/v3 (was to take effect 2027-01-01T03:00:00+03:00): Закон отложен');
    // The folder stays as it is: the file is kept, and nothing else is asked of it.
    expect(checkLedger(input([v1, v2, scheduled, scheduledEn], plan.ledger, first.archive)).problems).toEqual([]);
    // A new text of a withdrawn id is refused.
    const late = makeVersion({ version: 'v3', locale: 'de', title: 'Datenschutz', effective: '2027-01-01T00:00:00Z' });
    expect(codes(checkLedger(input([v1, v2, scheduled, scheduledEn, late], plan.ledger, first.archive)))).toEqual(['withdrawn-version']);
  });

  test('withdraw is refused once the version has taken effect, to the millisecond', () => {
    const at = Date.parse('2027-01-01T00:00:00Z');
    expect(withdraw(at - 1).ok).toBe(true);
    const refused = withdraw(at);
    expect(refused).toMatchObject({
      ok: false,
      message: 'privacy v3 took effect at 2027-01-01T03:00:00+03:00; it is 2027-01-01T03:00:00+03:00 now, so it can no longer be withdrawn: what was in force in the past never changes',
    });
    expect(withdraw(NOW, 'ru')).toMatchObject({ ok: false, message: '--locale is for sites whose locales are independent documents' });
  });

  test('postponing: a new effective date is refused until recorded with --postpone, and recorded with the reason and both hashes', () => {
    const postponed = { ...scheduled, effectiveFrom: Date.parse('2027-03-01T00:00:00Z'), effective: '2027-03-01T03:00:00+03:00' };
    const postponedEn = { ...scheduledEn, effectiveFrom: postponed.effectiveFrom, effective: postponed.effective };
    const [problem] = checkLedger(input([v1, v2, postponed, postponedEn], first.ledger, first.archive)).problems;
    expect(problem).toMatchObject({
      field: 'effective',
      code: 'postponement-unrecorded',
      message: 'privacy/ru/v3 is scheduled for 2027-01-01T03:00:00+03:00 and now says 2027-03-01T03:00:00+03:00 ("2027-03-01T03:00:00+03:00"): the postponement is not recorded yet',
    });
    expect(problem?.hint).toContain('npm run policy -- publish --postpone "<why the date changed>"');
    const { ledger, archive } = publish([v1, v2, postponed, postponedEn], first, NOW + 1000, { postpone: 'Закон отложен на два месяца' });
    expect(entry({ ledger, archive }, 'privacy/ru/v3')).toMatchObject({
      effectiveFrom: '2027-03-01T00:00:00.000Z',
      rescheduled: [
        {
          previousEffectiveFrom: '2027-01-01T00:00:00.000Z',
          effectiveFrom: '2027-03-01T00:00:00.000Z',
          previousSha256: entry(first, 'privacy/ru/v3')?.sha256,
          sha256: sha256Hex(renderPublishedText(postponed)),
          recordedAt: '2026-11-26T12:00:01.000Z',
          reason: 'Закон отложен на два месяца',
        },
      ],
    });
    expect(checkLedger(input([v1, v2, postponed, postponedEn], ledger, archive)).problems).toEqual([]);
  });

  test('postponing is refused once the version has taken effect, and to an instant before now', () => {
    const later = { ...scheduled, effectiveFrom: Date.parse('2027-03-01T00:00:00Z') };
    const laterEn = { ...scheduledEn, effectiveFrom: later.effectiveFrom };
    const taken = checkLedger(input([v1, v2, later, laterEn], first.ledger, first.archive, Date.parse('2027-01-01T00:00:00Z'))).problems;
    expect(taken.map((problem) => problem.code)).toEqual(['effective-changed', 'effective-changed']);
    expect(taken[0]?.message).toContain('it took effect at 2027-01-01T03:00:00+03:00, and what was in force in the past never changes');
    expect(codes(planPublish({ ...input([v1, v2, later, laterEn], first.ledger, first.archive, Date.parse('2027-01-01T00:00:00Z')), overrides: { postpone: 'поздно' } }))).toContain('effective-changed');
    const past = { ...scheduled, effectiveFrom: NOW - 1 };
    const pastEn = { ...scheduledEn, effectiveFrom: NOW - 1 };
    expect(codes(checkLedger(input([v1, v2, past, pastEn], first.ledger, first.archive)))).toEqual(['effective-changed', 'effective-changed']);
  });
});

describe('a late translation (case 5)', () => {
  const first = publish([v1, v2]);
  const english = makeVersion({ version: 'v1', locale: 'en', title: 'Privacy', effective: '2025-01-01T00:00:00Z' });

  test('is accepted and recorded as a translation published at that moment, not as backdating', () => {
    expect(codes(checkLedger(input([v1, v2, english], first.ledger, first.archive)))).toEqual(['not-published']);
    const { ledger } = publish([v1, v2, english], first, NOW + 1000);
    expect(entry({ ledger, archive: {} }, 'privacy/en/v1')).toMatchObject({ publishedAt: '2026-11-26T12:00:01.000Z', effectiveFrom: '2025-01-01T00:00:00.000Z', publication: { kind: 'late-translation', reason: null } });
  });

  test('must take effect with the version it translates', () => {
    const [problem] = checkLedger(input([v1, v2, { ...english, effectiveFrom: Date.parse('2025-02-01T00:00:00Z') }], first.ledger, first.archive)).problems;
    expect(problem).toMatchObject({ field: 'effective', code: 'translation-effective' });
  });

  test('a new English-only version is a new version: after every published one, and not backdated', () => {
    const englishOnly = makeVersion({ version: 'v0', locale: 'en', effective: '2025-06-01T00:00:00Z' });
    expect(codes(checkLedger(input([v1, v2, englishOnly], first.ledger, first.archive)))).toEqual(['rewrites-history']);
  });
});

describe('checkLedger', () => {
  const published = publish([v1, v2]);
  const { ledger, archive } = published;

  test('accepts the folder as published', () => {
    expect(checkLedger(input([v1, v2], ledger, archive))).toMatchObject({ problems: [] });
  });

  test.each([
    ['a deleted version', [v2], 'published-deleted'],
    ['a version made a draft again', [v1, { ...v2, draft: true }], 'published-became-draft'],
    ['a moved effective instant', [v1, { ...v2, effectiveFrom: Date.parse('2026-02-01T00:00:00Z') }], 'effective-changed'],
    ['an edited text', [v1, { ...v2, body: 'Иначе.\n' }], 'changed-without-correction'],
    ['an edited title', [v1, { ...v2, title: 'Политика' }], 'changed-without-correction'],
    ['an unrecorded correction', [v1, { ...v2, body: v2.body.replace('Новый', 'Новый,'), corrections: [{ date: '2026-12-01', reason: 'r' }] }], 'correction-unrecorded'],
    ['a correction that changes nothing', [v1, { ...v2, corrections: [{ date: '2026-12-01', reason: 'r' }] }], 'correction-without-change'],
    [
      'two corrections at once',
      [
        v1,
        {
          ...v2,
          body: 'Иначе.\n',
          corrections: [
            { date: '2026-12-01', reason: 'r' },
            { date: '2026-12-02', reason: 's' },
          ],
        },
      ],
      'corrections-at-once',
    ],
    ['an unpublished version', [v1, v2, makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z' })], 'not-published'],
    ['a new version before a published one', [v1, v2, makeVersion({ version: 'v0', effective: '2025-06-01T00:00:00Z' })], 'rewrites-history'],
    ['corrections on an unpublished version', [v1, v2, makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z', corrections: [{ date: '2026-12-01', reason: 'r' }] })], 'corrections-before-publishing'],
  ])('refuses %s', (_name, versions, code) => {
    expect(codes(checkLedger(input(versions as PolicyVersion[], ledger, archive)))).toEqual([code]);
  });

  test('a new version before one in force would rewrite the past, and says so', () => {
    const [problem] = checkLedger(input([v1, v2, makeVersion({ version: 'v0', effective: '2025-06-01T00:00:00Z' })], ledger, archive)).problems;
    expect(problem).toMatchObject({
      message: 'privacy/ru/v0 would take effect at 2025-06-01T03:00:00+03:00, before the published version v2 (2026-01-01T03:00:00+03:00): it would change which version was in force in the past',
      hint: 'A new version takes effect after every published one: use a date after 2026-01-01T03:00:00+03:00.',
    });
  });

  test('a new version before a scheduled one names the rule it breaks, and how to postpone or withdraw the scheduled one', () => {
    const scheduled = publish([v1, v2, makeVersion({ version: '2027-01-15', effective: '2027-01-14T21:00:00Z' })]);
    const early = makeVersion({ version: '2026-12-20', effective: '2026-12-19T21:00:00Z' });
    const [problem] = checkLedger(input([v1, v2, makeVersion({ version: '2027-01-15', effective: '2027-01-14T21:00:00Z' }), early], scheduled.ledger, scheduled.archive)).problems;
    expect(problem).toMatchObject({
      code: 'rewrites-history',
      field: 'effective',
      message:
        'privacy/ru/2026-12-20 would take effect at 2026-12-20T00:00:00+03:00, before 2027-01-15, which is published and scheduled to take effect at 2027-01-15T00:00:00+03:00: a new version takes effect after every published one, so the schedule readers were told stays true',
      hint: 'Use a date after 2027-01-15T00:00:00+03:00. To have this version take effect first, keep it draft: true and first move 2027-01-15 out of its way: postpone it (a later effective in each of its files, then npm run policy -- publish --postpone "<reason>") or withdraw it (npm run policy -- withdraw privacy 2027-01-15 --reason "<reason>"); then remove draft: true and publish this one.',
    });
  });

  test('a published file that no longer validates is not called deleted: its own problems say what is wrong', () => {
    expect(checkLedger({ ...input([v1], ledger, archive), invalidIds: new Set(['privacy/ru/v2']) }).problems).toEqual([]);
  });

  test('never suggests a command that throws away uncommitted work without saying so', () => {
    const [edited] = checkLedger(input([v1, { ...v2, body: 'Иначе.\n' }], ledger, archive)).problems;
    expect(edited?.hint).not.toContain('git checkout');
    expect(edited?.hint).toContain('git diff -- policies/privacy/ru/v2.md');
    expect(edited?.hint).toContain('careful: that throws away every uncommitted edit of this file');
    const [deleted] = checkLedger(input([v1], ledger, archive)).problems;
    expect(deleted?.hint).toContain('git restore --source=HEAD -- policies/privacy/ru/v2.md');
  });

  test('shows the change of an edited text from the archive', () => {
    const [problem] = checkLedger(input([v1, { ...v2, body: 'Иначе.\n' }], ledger, archive)).problems;
    expect(problem?.detail).toMatch(/^\d+→\d+$/);
  });

  test('accepts a version whose only change is whitespace that the canonical form drops', () => {
    expect(checkLedger(input([v1, { ...v2, body: `${v2.body}` }], ledger, archive)).problems).toEqual([]);
  });
});

describe('a version 1 ledger', () => {
  const v1Entry = (version: string, effectiveFrom: string, publishedAt: string, locale = 'ru') => ({
    policy: 'privacy',
    locale,
    version,
    effectiveFrom,
    publishedAt,
    sha256: 'a'.repeat(64),
    corrections: [{ date: '2026-01-01', reason: 'r', previousSha256: 'a'.repeat(64), sha256: 'b'.repeat(64), recordedAt: '2026-01-02T00:00:00.000Z' }],
  });

  test('is read with what it proves: on time, the batch that created it as imported, anything later and late as backdated without a reason', () => {
    const upgraded = upgradeLedgerV1({
      ledgerVersion: 1,
      versions: [
        v1Entry('a', '2024-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'),
        v1Entry('b', '2025-06-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'),
        v1Entry('c', '2025-08-01T00:00:00.000Z', '2025-09-01T00:00:00.000Z'),
        v1Entry('a', '2024-01-01T00:00:00.000Z', '2025-09-01T00:00:00.000Z', 'en'),
      ],
    });
    expect(upgraded.versions.map((recorded) => [recorded.locale, recorded.version, recorded.publication])).toEqual([
      ['ru', 'a', { kind: 'imported', reason: null }],
      ['ru', 'b', { kind: 'published', reason: null }],
      ['ru', 'c', { kind: 'backdated', reason: null }],
      ['en', 'a', { kind: 'late-translation', reason: null }],
    ]);
    expect(upgraded.versions[0]).toMatchObject({ changeType: null, summary: null, rescheduled: [], withdrawn: null, corrections: [{ kind: 'unchecked', overrideReason: null }] });
  });

  test('does not lock changeType and summary until publish records them', () => {
    const { ledger } = publish([v1]);
    const old: Ledger = { ...ledger, readFrom: 1, versions: ledger.versions.map((recorded) => ({ ...recorded, changeType: null, summary: null })) };
    expect(checkLedger(input([{ ...v1, changeType: 'editorial' }], old, {})).problems).toEqual([]);
    const plan = planPublish(input([{ ...v1, changeType: 'editorial' }], old, {}));
    expect(plan.recorded).toEqual(['upgraded the ledger to version 2: locked changeType and summary of 1 version(s) as they are now (version 1 did not record them)']);
    expect(plan.ledger.versions[0]).toMatchObject({ changeType: 'editorial', summary: [] });
  });
});

describe("publish and withdraw in the reader's language", () => {
  const ru = getMessages('ru');
  const scheduled = makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z', body: `Пункт 1.1. Третий текст. ${FILLER}\n` });
  const hashOf = (version: PolicyVersion) => sha256Hex(renderPublishedText(version));

  test('publish says what it recorded in Russian: instants and hashes as they are, English unchanged', () => {
    const created = planPublish({ ...input([v1], null), messages: ru });
    expect(created.recorded).toEqual([`внесена в журнал публикаций редакция privacy/ru/v1 (действует с 2025-01-01T03:00:00+03:00, ещё до появления журнала), SHA-256 ${hashOf(v1)}`]);
    const first = publish([v1]);
    expect(planPublish({ ...input([v1, scheduled], first.ledger, first.archive), messages: ru }).recorded).toEqual([
      `опубликована редакция privacy/ru/v3 (вступает в силу 2027-01-01T03:00:00+03:00), SHA-256 ${hashOf(scheduled)}`,
    ]);
    expect(planPublish(input([v1, scheduled], first.ledger, first.archive)).recorded).toEqual([`published privacy/ru/v3 (takes effect 2027-01-01T03:00:00+03:00), sha256 ${hashOf(scheduled)}`]);
  });

  test('an override without a reason is refused in Russian, code and English message as before', () => {
    const first = publish([v1]);
    const late = makeVersion({ version: 'v9', effective: '2026-06-01T00:00:00Z' });
    const [refusal] = planPublish({ ...input([v1, late], first.ledger, first.archive), overrides: { backdate: ' ' } }).problems;
    expect(refusal).toMatchObject({ code: 'override-without-reason', message: '--backdate needs a reason' });
    expect(refusal?.text && renderProblemMessage(refusal.text, ru)).toEqual({
      message: 'для --backdate нужна причина',
      hint: 'Укажите причину простыми словами: --backdate "<причина>". Она записывается в журнал публикаций и показывается в ленте изменений.',
    });
  });

  test('withdraw says what it withdrew, and why it refuses, in Russian', () => {
    const first = publish([v1, v2, scheduled]);
    const withdraw = (now: number) =>
      planWithdraw({
        ledger: first.ledger,
        ledgerFile: 'policies/published.lock.json',
        policy: 'privacy',
        version: 'v3',
        locale: null,
        reason: 'Закон отложен',
        now,
        timeZone: 'Europe/Moscow',
        localeModel: 'translations',
        messages: ru,
      });
    const plan = withdraw(NOW);
    expect(plan.ok && [plan.recorded, plan.planned]).toEqual([
      ['отозвана редакция privacy/ru/v3 (должна была вступить в силу 2027-01-01T03:00:00+03:00): Закон отложен'],
      ['была бы отозвана редакция privacy/ru/v3 (должна была вступить в силу 2027-01-01T03:00:00+03:00): Закон отложен'],
    ]);
    const refused = withdraw(Date.parse('2027-01-01T00:00:00Z'));
    expect(!refused.ok && renderProblemMessage(refused.text, ru)).toEqual({
      message: 'редакция privacy v3 вступила в силу 2027-01-01T03:00:00+03:00; сейчас 2027-01-01T03:00:00+03:00, поэтому отозвать её уже нельзя: то, что действовало в прошлом, не меняется',
      hint: 'Опубликуйте новую редакцию, которая её заменит: npm run policy -- new privacy --effective <дата>, затем publish.',
    });
  });
});
