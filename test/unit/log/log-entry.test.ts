import { describe, expect, test } from 'vitest';
import type { Ledger } from '#schemas/ledger.ts';
import { canonicalJson, decodeLogEntry, encodeLogEntry, getLedgerEvents, orderNewEvents } from '#lib/log/log-entry.ts';
import { describeEventKind } from '#lib/messages/messages-en.ts';
import { LOG_ENTRY_KINDS, type LogEntry } from '#schemas/public-log.ts';

const SHA = (c: string) => c.repeat(64);
/** What a version 2 ledger records besides what these tests vary. */
const RECORD = { publication: { kind: 'published' as const, reason: null }, changeType: 'material' as const, summary: [], rescheduled: [], withdrawn: null };
const CORRECTION = { kind: 'editorial' as const, overrideReason: null, changeType: null, summary: null };
const LEDGER: Ledger = {
  ledgerVersion: 2,
  versions: [
    {
      policy: 'privacy',
      locale: 'ru',
      version: '2025-09-01',
      effectiveFrom: '2025-08-31T21:00:00.000Z',
      publishedAt: '2026-11-26T20:41:30.992Z',
      sha256: SHA('a'),
      ...RECORD,
      // Recorded by a clock set before the publication: it must still come after it.
      corrections: [{ date: '2026-12-01', reason: 'Опечатка в «пункте» 1.1\n"кавычки"', previousSha256: SHA('a'), sha256: SHA('b'), recordedAt: '2026-01-01T00:00:00.000Z', ...CORRECTION }],
    },
    { policy: 'consent', locale: 'ru', version: 'v1', effectiveFrom: '2025-08-31T21:00:00.000Z', publishedAt: '2026-11-26T20:41:30.992Z', sha256: SHA('c'), ...RECORD, corrections: [] },
  ],
};

describe('log entries', () => {
  test('are the RFC 8785 canonical JSON of every field, absent ones as null', () => {
    const [published, correction] = getLedgerEvents(LEDGER).map((event) => event.entry);
    expect(Buffer.from(encodeLogEntry(published ?? ({} as never))).toString()).toBe(
      `{"effectiveFrom":"2025-08-31T21:00:00.000Z","kind":"published","locale":"ru","policy":"privacy","previousSha256":null,"publishedAt":"2026-11-26T20:41:30.992Z","reason":null,"sha256":"${SHA('a')}","version":"2025-09-01"}`,
    );
    expect(Buffer.from(encodeLogEntry(correction ?? ({} as never))).toString()).toContain(
      `"previousSha256":"${SHA('a')}","publishedAt":"2026-01-01T00:00:00.000Z","reason":"Опечатка в «пункте» 1.1\\n\\"кавычки\\"","sha256":"${SHA('b')}"`,
    );
    expect(canonicalJson({ b: 1, a: [null, 'x'], é: { z: true, A: false } })).toBe('{"a":[null,"x"],"b":1,"é":{"A":false,"z":true}}');
  });

  test('read back only from their exact canonical bytes', () => {
    const [entry] = getLedgerEvents(LEDGER).map((event) => event.entry);
    const bytes = Buffer.from(encodeLogEntry(entry ?? ({} as never)));
    expect(decodeLogEntry(bytes)).toEqual(entry);
    expect(decodeLogEntry(Buffer.from(bytes.toString().replace('{"effectiveFrom"', '{ "effectiveFrom"')))).toMatch(/not in canonical form/);
    expect(decodeLogEntry(Buffer.from(bytes.toString().replace('"reason":null', '"reason":"why"')))).toBe('reason: must be null for a published entry');
    expect(decodeLogEntry(Buffer.from(bytes.toString().replace('"kind":"published"', '"kind":"retracted"')))).toMatch(/^kind: /);
    expect(decodeLogEntry(Buffer.from(bytes.toString().replace(',"reason":null', '')))).toMatch(/^reason: /);
    expect(decodeLogEntry(Uint8Array.of(0xc3))).toBe('it is not valid UTF-8');
  });

  test("keep a version's events in their order whatever the clock said, then order by instant and id", () => {
    const order = orderNewEvents(getLedgerEvents(LEDGER)).map((event) => event.key);
    expect(order).toEqual(['consent/ru/v1#0', 'privacy/ru/2025-09-01#0', 'privacy/ru/2025-09-01#1']);
  });

  test('refuse an entry too long for a bundle', () => {
    const [entry] = getLedgerEvents(LEDGER).map((event) => event.entry);
    expect(() => encodeLogEntry({ ...(entry ?? ({} as never)), kind: 'correction', previousSha256: SHA('a'), reason: 'x'.repeat(70_000) })).toThrow(/more than a log entry can hold/);
  });
});

describe('ledger events of a version 2 ledger', () => {
  const base = LEDGER.versions[1] as Ledger['versions'][number];
  const scheduled = { ...base, version: 'v2', effectiveFrom: '2027-01-01T00:00:00.000Z', publishedAt: '2026-12-01T00:00:00.000Z', sha256: SHA('d') };
  const postponement = {
    previousEffectiveFrom: '2027-01-01T00:00:00.000Z',
    effectiveFrom: '2027-02-01T00:00:00.000Z',
    previousSha256: SHA('d'),
    sha256: SHA('e'),
    recordedAt: '2026-12-05T00:00:00.000Z',
    reason: 'Закон отложен',
  };
  const events = (version: Ledger['versions'][number]) => getLedgerEvents({ ledgerVersion: 2, versions: [version] }).map((event) => [event.key, Buffer.from(encodeLogEntry(event.entry)).toString()]);

  test('a publication is logged as the ledger recorded it, with the reason of a backdating', () => {
    const backdated = { ...base, publication: { kind: 'backdated' as const, reason: 'Опубликована на старом сайте' } };
    expect(getLedgerEvents({ ledgerVersion: 2, versions: [backdated] })[0]?.entry).toMatchObject({ kind: 'backdated', reason: 'Опубликована на старом сайте' });
    expect(getLedgerEvents({ ledgerVersion: 2, versions: [{ ...base, publication: { kind: 'imported', reason: null } }] })[0]?.entry.kind).toBe('imported');
  });

  test('a postponement, then a withdrawal, append entries and never change the bytes of those logged before', () => {
    const before = events(scheduled);
    const postponed = events({ ...scheduled, effectiveFrom: postponement.effectiveFrom, rescheduled: [postponement] });
    const withdrawn = events({ ...scheduled, effectiveFrom: postponement.effectiveFrom, rescheduled: [postponement], withdrawn: { recordedAt: '2026-12-10T00:00:00.000Z', reason: 'Редакция не понадобилась' } });
    expect(postponed.slice(0, 1)).toEqual(before);
    expect(withdrawn.slice(0, 2)).toEqual(postponed);
    expect(withdrawn.map(([key]) => key)).toEqual(['consent/ru/v2#0', 'consent/ru/v2#1', 'consent/ru/v2#2']);
    const [, moved, gone] = getLedgerEvents({
      ledgerVersion: 2,
      versions: [{ ...scheduled, effectiveFrom: postponement.effectiveFrom, rescheduled: [postponement], withdrawn: { recordedAt: '2026-12-10T00:00:00.000Z', reason: 'Редакция не понадобилась' } }],
    }).map((event) => event.entry);
    expect(moved).toMatchObject({ kind: 'postponed', effectiveFrom: '2027-02-01T00:00:00.000Z', previousSha256: SHA('d'), sha256: SHA('e'), reason: 'Закон отложен' });
    expect(gone).toMatchObject({ kind: 'withdrawn', effectiveFrom: '2027-02-01T00:00:00.000Z', sha256: SHA('e'), previousSha256: null, reason: 'Редакция не понадобилась' });
  });
});

describe('the decision to publish a version as editorial', () => {
  const base = LEDGER.versions[1] as Ledger['versions'][number];
  const decided = {
    ...base,
    version: 'v2',
    changeType: 'editorial' as const,
    sha256: SHA('d'),
    editorialCheck: { result: 'confirmed' as const, comparedWith: { version: 'v1', sha256: SHA('c') }, reason: 'Решение юриста Ивановой: опечатка в сроке' },
  };

  test('is logged right after the publication, with the reason and the text it was compared with', () => {
    const corrected = { ...decided, corrections: [{ date: '2026-12-01', reason: 'Опечатка', previousSha256: SHA('d'), sha256: SHA('e'), recordedAt: '2026-12-01T00:00:00.000Z', ...CORRECTION }] };
    const events = getLedgerEvents({ ledgerVersion: 2, versions: [corrected] });
    expect(events.map((event) => [event.key, event.entry.kind])).toEqual([
      ['consent/ru/v2#0', 'published'],
      ['consent/ru/v2#1', 'editorial'],
      ['consent/ru/v2#2', 'correction'],
    ]);
    expect(Buffer.from(encodeLogEntry(events[1]?.entry as LogEntry)).toString()).toBe(
      `{"effectiveFrom":"2025-08-31T21:00:00.000Z","kind":"editorial","locale":"ru","policy":"consent","previousSha256":"${SHA('c')}","publishedAt":"2026-11-26T20:41:30.992Z","reason":"Решение юриста Ивановой: опечатка в сроке","sha256":"${SHA('d')}","version":"v2"}`,
    );
  });

  test('is not logged for a version the check proved editorial', () => {
    const proven = { ...decided, editorialCheck: { result: 'proven' as const, comparedWith: { version: 'v1', sha256: SHA('c') }, reason: null } };
    expect(getLedgerEvents({ ledgerVersion: 2, versions: [proven] }).map((event) => event.entry.kind)).toEqual(['published']);
  });
});

describe('describeEventKind', () => {
  test('names what each kind of entry records, one noun per kind', () => {
    expect(Object.fromEntries((Object.keys(LOG_ENTRY_KINDS) as (keyof typeof LOG_ENTRY_KINDS)[]).map((kind) => [kind, describeEventKind(kind)]))).toEqual({
      published: 'version',
      imported: 'version',
      backdated: 'version',
      'late-translation': 'version',
      correction: 'correction',
      postponed: 'postponement',
      withdrawn: 'withdrawal',
      editorial: 'editorial decision',
    });
  });
});
