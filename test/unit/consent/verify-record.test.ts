import { describe, expect, test } from 'vitest';
import { createVersionIndex, findVersionAt, formatDuration } from '#lib/consent/version-index.ts';
import { verifyConsentRecord, type RecordResult, type VerifyOptions } from '#lib/consent/verify-record.ts';
import { createPolicyFeed } from '#lib/feed/feed-data.ts';
import { createTestContext } from '../../helpers/site-context.ts';
import { makePublished, makeVersion } from '../../helpers/versions.ts';

const context = createTestContext();
const feeds = context.corpus.policies.map((policy) => createPolicyFeed(context, policy));
const versions = feeds.flatMap((feed) => feed.versions);
const index = createVersionIndex(feeds);
const sha = (policy: string, locale: string, version: string) => versions.find((v) => v.policy === policy && v.locale === locale && v.version === version)?.sha256 ?? '';

function verify(record: unknown, options: Partial<VerifyOptions> = {}, cutShort = false): RecordResult {
  return verifyConsentRecord(record, 7, index, { timeZone: 'Europe/Moscow', now: Date.parse('2026-11-26T12:00:00Z'), ...options }, cutShort ? { cutShort } : {});
}

function statuses(result: RecordResult): string[] {
  return result.status === 'malformed' ? ['malformed'] : result.documents.map((document) => document.status);
}

describe('findVersionAt', () => {
  test.each([
    ['2025-08-31T20:59:59.999Z', '2023-03-01'],
    ['2025-08-31T21:00:00.000Z', '2025-09-01'],
    ['2026-12-31T20:59:59.999Z', '2025-09-01'],
    ['2026-12-31T21:00:00.000Z', '2027-01-01'],
    ['2023-02-28T20:59:59.999Z', undefined],
  ])('at %s the version in force is %s', (instant, expected) => {
    expect(findVersionAt(index, 'privacy', 'ru', Date.parse(instant))?.version).toBe(expected);
  });
});

describe('formatDuration', () => {
  test.each([
    [250, '250 ms'],
    [61_000, '1 min 1 s'],
    [3_600_000 * 27, '1 d 3 h'],
    [-5000, '5 s'],
    [1, '1 ms'],
    [0.0001, '100 ns'],
    [0.25, '250 µs'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('verifyConsentRecord', () => {
  const record = { policy: 'privacy', locale: 'ru', version: '2025-09-01', acceptedAt: '2025-09-01T10:00:00+03:00', sha256: sha('privacy', 'ru', '2025-09-01'), userId: 42 };

  test('accepts a record of the version in force, keeping its other fields', () => {
    const result = verify(record);
    expect(result).toMatchObject({ line: 7, status: 'ok', outcome: 'ok', acceptedAt: '2025-09-01T07:00:00.000Z', record: { userId: 42 }, issues: [], notes: [] });
  });

  test.each([
    ['2025-09-01T07:00:00.000Z', '2025-09-01T07:00:00.000Z'],
    ['2025-09-01T07:00:00Z', '2025-09-01T07:00:00.000Z'],
    ['2025-09-01T10:00:00.000+03:00', '2025-09-01T07:00:00.000Z'],
    ['2025-09-01T07:00:00.5Z', '2025-09-01T07:00:00.500Z'],
    [' 2025-09-01T07:00:00.000Z', '2025-09-01T07:00:00.000Z'],
    ['2025-09-01T07:00:00.0001Z', '2025-09-01T07:00:00.000Z'],
  ])('reports acceptedAt %j in the published form, %s', (acceptedAt, published) => {
    expect(verify({ ...record, acceptedAt })).toMatchObject({ status: 'ok', acceptedAt: published });
  });

  test('accepts the hash in capitals', () => {
    expect(verify({ ...record, sha256: sha('privacy', 'ru', '2025-09-01').toUpperCase() }).status).toBe('ok');
  });

  test('accepts consent at the exact instant a version takes effect, and refuses it one millisecond before', () => {
    expect(verify({ ...record, acceptedAt: '2025-08-31T21:00:00.000Z' }).status).toBe('ok');
    const before = verify({ ...record, acceptedAt: '2025-08-31T20:59:59.999Z' });
    expect(before).toMatchObject({
      status: 'failed',
      documents: [{ status: 'not-in-force', message: 'privacy/ru/2025-09-01 took effect 1 ms after acceptedAt (at 2025-09-01T00:00:00+03:00); 2023-03-01 was in force then' }],
    });
  });

  test('says which version was in force when a superseded one was accepted, and by how long it missed', () => {
    const result = verify({ ...record, version: '2023-03-01', acceptedAt: '2025-09-02T00:00:00+03:00' });
    expect(result).toMatchObject({
      documents: [{ status: 'not-in-force', message: 'privacy/ru/2023-03-01 had been superseded 1 d before acceptedAt (at 2025-09-01T00:00:00+03:00); 2025-09-01 was in force then' }],
    });
  });

  test('refuses consent to a version that is only scheduled', () => {
    expect(statuses(verify({ ...record, version: '2027-01-01', acceptedAt: '2026-11-26T00:00:00Z' }))).toEqual(['not-in-force']);
  });

  test('accepts a bare date on a day no version changed, as that whole day in the site time zone, with a note', () => {
    expect(verify({ ...record, acceptedAt: '2025-09-02' })).toMatchObject({
      status: 'ok',
      outcome: 'ok',
      acceptedAt: '2025-09-01T21:00:00.000Z',
      notes: ['acceptedAt "2025-09-02" is a date without a time: read as that whole day in Europe/Moscow (2025-09-01T21:00:00.000Z to 2025-09-02T21:00:00.000Z), on which no version changed'],
    });
  });

  test.each(['2025-09-01', '2023-03-01'])('refuses a bare date %s on a day the version in force changed as ambiguous-instant', (day) => {
    expect(verify({ ...record, acceptedAt: day })).toMatchObject({ status: 'failed', outcome: 'ambiguous-instant', notes: [] });
  });

  test('refuses the day a version took effect even when the record names the new version, and the day before is fine', () => {
    expect(verify({ ...record, acceptedAt: '2025-09-01' })).toMatchObject({
      documents: [{ status: 'ambiguous-instant', message: expect.stringContaining('on that day privacy/ru/2025-09-01 took effect (at 2025-08-31T21:00:00.000Z)') as unknown as string }],
    });
    expect(verify({ ...record, version: '2023-03-01', sha256: sha('privacy', 'ru', '2023-03-01'), acceptedAt: '2025-08-31' }).outcome).toBe('ok');
  });

  test.each([
    [{ ...record, sha256: undefined }, 'no sha256'],
    [{ ...record, sha256: null }, 'no sha256'],
    [{ ...record, sha256: '' }, 'no sha256'],
  ])('reports %j as no-hash, failing unless --allow-missing-hash', (input, start) => {
    expect(verify(input)).toMatchObject({ status: 'failed', outcome: 'no-hash', documents: [{ status: 'no-hash', message: expect.stringMatching(new RegExp(`^${start}:`)) as unknown as string }] });
    expect(verify(input, { allowMissingHash: true })).toMatchObject({ status: 'ok', outcome: 'no-hash' });
  });

  test('says a CSV row cut short before its hash column is no-hash', () => {
    expect(verify({ ...record, sha256: undefined }, {}, true)).toMatchObject({
      outcome: 'no-hash',
      documents: [{ message: expect.stringMatching(/^the row stops before its sha256 column:/) as unknown as string }],
    });
  });

  test('a missing hash never hides a worse failure', () => {
    expect(verify({ ...record, sha256: undefined, acceptedAt: '2025-08-31T20:59:59.999Z' }, { allowMissingHash: true })).toMatchObject({ status: 'failed', outcome: 'not-in-force' });
  });

  test('refuses a consent given after now, or after --as-of', () => {
    expect(verify({ ...record, version: '2027-01-01', sha256: sha('privacy', 'ru', '2027-01-01'), acceptedAt: '2099-01-01T00:00:00Z' })).toMatchObject({
      status: 'failed',
      outcome: 'in-the-future',
      issues: [{ outcome: 'in-the-future', message: expect.stringContaining('acceptedAt 2099-01-01T00:00:00.000Z is after now (2026-11-26T12:00:00.000Z)') as unknown as string }],
    });
    expect(verify(record, { now: Date.parse('2025-09-01T06:59:59.999Z') }).outcome).toBe('in-the-future');
    expect(verify(record, { now: Date.parse('2025-09-01T07:00:00.000Z') }).outcome).toBe('ok');
  });

  test.each([
    [{ ...record, policy: 'cookies' }, 'unknown-policy', 'no policy "cookies" is published'],
    [{ ...record, locale: 'de' }, 'unknown-locale', 'privacy has no "de" text (it has en, ru)'],
    [{ ...record, version: 'v9' }, 'unknown-version', 'no version "v9" of privacy (ru) is published; at acceptedAt 2025-09-01 was in force'],
    [{ ...record, sha256: '0'.repeat(64) }, 'hash-mismatch', `sha256 ${'0'.repeat(64)} is not the hash of any published text of privacy/ru/2025-09-01 (now ${sha('privacy', 'ru', '2025-09-01')})`],
  ])('reports %j as %s', (input, status, message) => {
    expect(verify(input)).toMatchObject({ status: 'failed', documents: [{ status, message }] });
  });

  test.each([
    [null, 'the record is not an object'],
    [[1, 2], 'the record is not an object'],
    [{ ...record, acceptedAt: undefined }, 'acceptedAt is missing'],
    [{ ...record, acceptedAt: '2025-09-01T10:00:00' }, 'acceptedAt "2025-09-01T10:00:00" is not an ISO 8601 instant with an offset (or a date)'],
    [{ ...record, acceptedAt: 'вчера' }, 'acceptedAt "вчера" is not an ISO 8601 instant with an offset (or a date)'],
    [{ ...record, version: undefined }, 'version is missing or not text'],
    [{ ...record, sha256: 'abc' }, 'sha256 is not 64 hexadecimal characters'],
    [{ acceptedAt: '2025-09-01', documents: [] }, '"documents" is empty'],
    [{ acceptedAt: '2025-09-01', documents: [{ policy: 'privacy', locale: 'ru' }] }, 'documents[0].version is missing or not text'],
    [
      { ...record, documents: [{ policy: 'privacy', locale: 'ru', version: '2025-09-01' }] },
      'policy, locale, version, sha256 next to a "documents" list: name the documents either at the top level or in "documents", not both',
    ],
    [
      { acceptedAt: '2025-09-01', version: '2023-03-01', documents: [{ policy: 'privacy', locale: 'ru', version: '2025-09-01' }] },
      'version next to a "documents" list: name the documents either at the top level or in "documents", not both',
    ],
    [{ acceptedAt: '2025-09-01', documents: { policy: 'privacy' } }, 'documents is not a list'],
    [{ acceptedAt: '2025-09-01', documents: '[{"policy":' }, 'documents is not a JSON list of {policy, locale, version, sha256}'],
  ])('reports %j as malformed: %s', (input, message) => {
    expect(verify(input)).toEqual({ line: 7, status: 'malformed', outcome: 'malformed', message, record: input });
  });

  test('reads a documents list given as JSON text (a CSV "documents" column), empty top-level columns beside it being absent', () => {
    const documents = JSON.stringify([
      { policy: 'privacy', locale: 'ru', version: '2025-09-01', sha256: sha('privacy', 'ru', '2025-09-01') },
      { policy: 'consent', locale: 'ru', version: '2025-09-01', sha256: '1'.repeat(64) },
    ]);
    expect(statuses(verify({ acceptedAt: '2025-09-01T10:00:00+03:00', policy: '', locale: '', version: '', sha256: '', documents }))).toEqual(['ok', 'hash-mismatch']);
  });

  test('checks every document of a consent given to several at once', () => {
    const result = verify({
      acceptedAt: '2025-09-01T10:00:00+03:00',
      documents: [
        { policy: 'privacy', locale: 'ru', version: '2025-09-01', sha256: sha('privacy', 'ru', '2025-09-01') },
        { policy: 'consent', locale: 'ru', version: '2025-09-01', sha256: sha('consent', 'ru', '2025-09-01') },
      ],
    });
    expect(result.status).toBe('ok');
    const bad = verify({
      acceptedAt: '2025-09-01T10:00:00+03:00',
      documents: [
        { policy: 'privacy', locale: 'ru', version: '2025-09-01' },
        { policy: 'consent', locale: 'ru', version: '2025-09-01', sha256: '1'.repeat(64) },
      ],
    });
    expect(statuses(bad)).toEqual(['no-hash', 'hash-mismatch']);
    // One outcome per record, the most serious: the count of each kind then adds up to the records read.
    expect(bad.outcome).toBe('hash-mismatch');
  });
});

describe('verifyConsentRecord and the ledger', () => {
  // Published on 1 December 2026 at 15:00 Moscow time with effect from 1 June 2026 (backdated), a translation
  // published on 2 December, and a version withdrawn before it took effect.
  const backdatedAt = '2026-12-01T12:00:00.000Z';
  const ledgerContext = createTestContext('2026-12-10T00:00:00Z', [
    makeVersion({
      version: '2025-09-01',
      effective: '2025-08-31T21:00:00Z',
      published: makePublished({ sha256: 'a'.repeat(64), publication: { kind: 'imported', reason: null }, publishedAt: '2026-01-01T00:00:00.000Z' }),
    }),
    makeVersion({
      version: '2026-06-01',
      effective: '2026-05-31T21:00:00Z',
      published: makePublished({ sha256: 'b'.repeat(64), publishedAt: backdatedAt, publication: { kind: 'backdated', reason: 'Опубликована на старом сайте' } }),
    }),
    makeVersion({
      version: '2026-06-01',
      locale: 'en',
      effective: '2026-05-31T21:00:00Z',
      published: makePublished({ sha256: 'c'.repeat(64), publishedAt: '2026-12-02T00:00:00.000Z', publication: { kind: 'late-translation', reason: null } }),
    }),
    makeVersion({ version: '2027-01-01', effective: '2026-12-31T21:00:00Z', published: makePublished({ sha256: 'd'.repeat(64), withdrawn: { recordedAt: '2026-12-05T09:00:00.000Z', reason: 'Закон отложен' } }) }),
  ]);
  const ledgerIndex = createVersionIndex(ledgerContext.corpus.policies.map((policy) => createPolicyFeed(ledgerContext, policy)));
  // Each record kept the hash of the text it names (when there is one), so only the ledger decides.
  const check = (record: Record<string, unknown>) => {
    const full: Record<string, unknown> = { policy: 'privacy', locale: 'ru', ...record };
    const sha256 = ledgerIndex.versions.get(`${String(full['policy'])}/${String(full['locale'])}/${String(full['version'])}`)?.sha256 ?? 'f'.repeat(64);
    return verifyConsentRecord({ sha256, ...full }, 1, ledgerIndex, { timeZone: 'Europe/Moscow', now: Date.parse('2027-06-01T00:00:00Z') });
  };

  test('a consent given between the effective instant and the publication of a backdated version is its own outcome, to the millisecond', () => {
    expect(check({ version: '2026-06-01', acceptedAt: '2026-12-01T14:59:59.999+03:00' })).toMatchObject({
      status: 'failed',
      documents: [
        {
          status: 'backdated',
          message:
            'privacy/ru/2026-06-01 was published at 2026-12-01T15:00:00+03:00 with effect from 2026-06-01T00:00:00+03:00 (backdated: Опубликована на старом сайте); at acceptedAt (2026-12-01T14:59:59.999+03:00) nobody could read it',
        },
      ],
    });
    expect(check({ version: '2026-06-01', acceptedAt: '2026-12-01T15:00:00+03:00' }).status).toBe('ok');
  });

  test('imported history verifies as ok, with a note before the import: the ledger does not attest it before then', () => {
    const note = 'privacy/ru/2025-09-01: history imported on 2026-01-01T03:00:00+03:00; not attested before';
    expect(check({ version: '2025-09-01', acceptedAt: '2025-10-01T12:00:00+03:00' })).toMatchObject({ status: 'ok', outcome: 'ok', notes: [note], documents: [{ status: 'ok', message: note }] });
    expect(check({ version: '2025-09-01', acceptedAt: '2025-12-31' })).toMatchObject({ status: 'ok', notes: [expect.stringContaining('is a date without a time'), note] });
    expect(check({ version: '2025-09-01', acceptedAt: '2026-01-01T03:00:00+03:00' })).toMatchObject({ status: 'ok', notes: [] });
  });

  test('a consent to the version readers could find, while a backdated one was not yet published, is ok with a note naming the backdating, never not-in-force', () => {
    expect(check({ version: '2025-09-01', acceptedAt: '2026-10-01T12:00:00+03:00' })).toMatchObject({
      status: 'ok',
      outcome: 'ok',
      notes: [
        '2026-06-01 was in force at acceptedAt only retroactively: published at 2026-12-01T15:00:00+03:00 with effect from 2026-06-01T00:00:00+03:00 (backdated: Опубликована на старом сайте); 2025-09-01 was the version readers could find then',
      ],
    });
    // From its publication on, the backdated version is the one in force for everyone.
    expect(check({ version: '2025-09-01', acceptedAt: '2026-12-01T15:00:00+03:00' })).toMatchObject({
      outcome: 'not-in-force',
      documents: [{ message: 'privacy/ru/2025-09-01 had been superseded 183 d 15 h before acceptedAt (at 2026-06-01T00:00:00+03:00); 2026-06-01 was in force then' }],
    });
  });

  test('a late translation: a consent in that language before it was published had no text in force in it', () => {
    expect(statuses(check({ locale: 'en', version: '2026-06-01', acceptedAt: '2026-12-01T12:00:00Z' }))).toEqual(['no-translation']);
    expect(check({ locale: 'en', version: '2026-06-01', acceptedAt: '2026-12-02T00:00:00Z' }).status).toBe('ok');
  });

  test('a withdrawn version was never in force', () => {
    expect(check({ version: '2027-01-01', acceptedAt: '2027-02-01' })).toMatchObject({
      documents: [{ status: 'withdrawn', message: 'privacy/ru/2027-01-01 was withdrawn at 2026-12-05T12:00:00+03:00 before it took effect (Закон отложен): it was never in force; 2026-06-01 was in force at acceptedAt' }],
    });
  });
});

describe('verifyConsentRecord and corrections: a hash is accepted only for the text served at acceptedAt', () => {
  // privacy/ru/2025-09-01 in force from 1 September 2025, its text corrected on 7 December 2026 (recorded at 12:00 Moscow time).
  const before = 'e'.repeat(64);
  const correction = {
    date: '2026-12-07',
    reason: 'Исправлена опечатка',
    previousSha256: before,
    sha256: 'f'.repeat(64),
    recordedAt: '2026-12-07T09:00:00.000Z',
    kind: 'editorial' as const,
    overrideReason: null,
    changeType: null,
    summary: null,
  };
  const corrected = createTestContext('2026-12-10T00:00:00Z', [
    makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z', published: makePublished({ sha256: before, publishedAt: '2025-08-01T00:00:00.000Z', corrections: [correction] }) }),
  ]);
  const correctedIndex = createVersionIndex(corrected.corpus.policies.map((policy) => createPolicyFeed(corrected, policy)));
  const now = correctedIndex.versions.get('privacy/ru/2025-09-01')?.sha256 ?? '';
  const check = (sha256: string, acceptedAt: string) =>
    verifyConsentRecord({ policy: 'privacy', locale: 'ru', version: '2025-09-01', sha256, acceptedAt }, 1, correctedIndex, { timeZone: 'Europe/Moscow', now: Date.parse('2027-01-01T00:00:00Z') });

  test("the corrected text's hash before the correction was recorded is text-not-yet-served, to the millisecond", () => {
    expect(check(now, '2024-10-01T10:00:00Z').outcome).toBe('not-in-force');
    expect(check(now, '2025-10-01T10:00:00Z')).toMatchObject({
      status: 'failed',
      outcome: 'text-not-yet-served',
      documents: [
        {
          message: `sha256 ${now} is the text of privacy/ru/2025-09-01 as corrected on 2026-12-07 (Исправлена опечатка), served from 2026-12-07T12:00:00+03:00, after acceptedAt (2025-10-01T13:00:00+03:00): the text served then was ${before}`,
        },
      ],
    });
    expect(check(now, '2026-12-07T11:59:59.999+03:00').outcome).toBe('text-not-yet-served');
    expect(check(now, '2026-12-07T12:00:00+03:00')).toMatchObject({ outcome: 'ok', notes: [] });
  });

  test('the text before the correction is ok before it was recorded (with a note), and text-already-corrected after', () => {
    expect(check(before, '2026-12-07T11:59:59.999+03:00')).toMatchObject({ outcome: 'ok', notes: ['agreed to the text before the correction of 2026-12-07 (Исправлена опечатка)'] });
    expect(check(before, '2026-12-07T12:00:00+03:00')).toMatchObject({
      outcome: 'text-already-corrected',
      documents: [
        {
          message: `sha256 ${before} is the text of privacy/ru/2025-09-01 before the correction of 2026-12-07 (Исправлена опечатка), recorded at 2026-12-07T12:00:00+03:00, before acceptedAt (2026-12-07T12:00:00+03:00): the text served then was ${now}`,
        },
      ],
    });
  });

  test('a bare date is the whole day: on the day of the correction both texts were served', () => {
    expect(check(before, '2026-12-07').outcome).toBe('ok');
    expect(check(now, '2026-12-07').outcome).toBe('ok');
    expect(check(now, '2026-12-06').outcome).toBe('text-not-yet-served');
    expect(check(before, '2026-12-08')).toMatchObject({ outcome: 'text-already-corrected', documents: [{ message: expect.stringContaining('before the day of acceptedAt (2026-12-08)') }] });
  });
});

describe('verifyConsentRecord and the instant grammar', () => {
  test.each([
    ['2025-09-01T23:59:60Z', 'it names a leap second (:60), and instants here are UTC without leap seconds: write 23:59:59.999 of that minute, or the next minute at :00'],
    ['2025-09-01T24:00:00Z', 'it writes midnight as 24:00: write 00:00 of the next day'],
    ['2025-09-01T10:00:00,5Z', 'its fraction of a second is written with a comma: write a full stop (2025-09-01T10:00:00.5Z)'],
    ['2025-09-01t10:00:00Z', 'its "t" or "z" is in lower case: write T and Z in upper case (2025-09-01T10:00:00Z)'],
  ])('an acceptedAt of %s is malformed, saying what it is and what to write', (acceptedAt, detail) => {
    expect(verify({ policy: 'privacy', locale: 'ru', version: '2025-09-01', acceptedAt })).toEqual({
      line: 7,
      status: 'malformed',
      outcome: 'malformed',
      message: `acceptedAt "${acceptedAt}" is not an ISO 8601 instant with an offset (or a date): ${detail}`,
      record: { policy: 'privacy', locale: 'ru', version: '2025-09-01', acceptedAt },
    });
  });

  test('years are read as written: 0000–0099 are not 1900–1999, and 0000-02-29 exists (year 0 is a leap year)', () => {
    const at = (acceptedAt: string) => {
      const result = verify({ policy: 'privacy', locale: 'ru', version: '2023-03-01', sha256: sha('privacy', 'ru', '2023-03-01'), acceptedAt });
      return result.status === 'malformed' ? result.message : result.acceptedAt;
    };
    expect(at('0000-02-29T00:00:00Z')).toBe('0000-02-29T00:00:00.000Z');
    expect(at('0000-03-01T00:00:00Z')).toBe('0000-03-01T00:00:00.000Z');
    expect(at('0050-06-01T00:00:00+03:00')).toBe('0050-05-31T21:00:00.000Z');
    expect(at('0100-02-29T00:00:00Z')).toBe('acceptedAt "0100-02-29T00:00:00Z" is not an ISO 8601 instant with an offset (or a date)');
  });

  test('a miss under a millisecond says so, in nanoseconds', () => {
    // 2025-09-01 took effect at 2025-08-31T21:00:00Z; 100 ns earlier, 2023-03-01 was still in force.
    expect(verify({ policy: 'privacy', locale: 'ru', version: '2025-09-01', sha256: sha('privacy', 'ru', '2025-09-01'), acceptedAt: '2025-08-31T20:59:59.9999999Z' })).toMatchObject({
      outcome: 'not-in-force',
      documents: [{ message: 'privacy/ru/2025-09-01 took effect 100 ns after acceptedAt (at 2025-09-01T00:00:00+03:00); 2023-03-01 was in force then' }],
    });
  });
});
