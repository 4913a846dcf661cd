/**
 * Property tests: for generated timelines (instants on local midnights and
 * between them, translations with gaps, late translations, backdating) and
 * records around every boundary (the instant itself, a millisecond either
 * side, its bare date and the days around it), the SQL run by DuckDB and by
 * PostgreSQL gives each record the streaming verifier's outcome; and for
 * acceptedAt generated across the whole grammar (years 0000–9999, year 0 a
 * leap year, impossible dates and times), every engine reads it the same.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatZonedInstant } from '#lib/time/zoned-time.ts';
import { classifyDuckDbSql, classifyEngine, classifyPostgres, classifyStreaming, writeRecordFiles, type FlatRecord } from '../../../helpers/consent-engines.ts';
import { findPostgresBin, startPostgres, type PostgresCluster } from '../../../helpers/postgres-cluster.ts';
import { craftedIndex, CRAFTED_TIME_ZONE, indexOfTexts, type Text } from './crafted-corpus.ts';

const ZONE = 'America/New_York';
const DAY = 86_400_000;
const BASE = Date.parse('2025-03-08T05:00:00.000Z'); // local midnight, the day before a daylight-saving change
const NOW = Date.parse('2026-01-01T00:00:00.000Z');

let cluster: PostgresCluster | undefined;
const bin = findPostgresBin();
beforeAll(async () => {
  if (bin) cluster = await startPostgres(bin);
}, 60_000);
afterAll(() => cluster?.stop());

/** A version's start: a whole number of local days after the base, or some milliseconds into one. */
const start = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: DAY - 1 })));
const timeline = fc
  .record({
    starts: fc.uniqueArray(start, { minLength: 1, maxLength: 4, selector: ([days, ms]) => days * DAY + ms }),
    english: fc.array(fc.constantFrom('text', 'none', 'late'), { minLength: 4, maxLength: 4 }),
    backdated: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    model: fc.constantFrom('translations' as const, 'independent' as const),
  })
  .map(({ starts, english, backdated, model }) => {
    const froms = starts.map(([days, ms]) => BASE + days * DAY + ms).sort((a, b) => a - b);
    const texts: Text[] = [];
    froms.forEach((from, i) => {
      const until = froms[i + 1] ?? null;
      const iso = (ms: number) => new Date(ms).toISOString();
      const ru: Text = {
        policy: 'p',
        locale: 'ru',
        version: `v${i}`,
        from: iso(from),
        until: until === null ? null : iso(until),
        publishedAt: iso(backdated[i] ? from + 3 * DAY + 1 : from - DAY),
        publication: backdated[i] ? 'backdated' : 'published',
      };
      texts.push(ru);
      if (english[i] !== 'none') texts.push({ ...ru, locale: 'en', ...(english[i] === 'late' ? { publishedAt: iso(from + DAY), publication: 'late-translation' as const } : {}) });
    });
    // With independent locales each timeline is its own: the English intervals follow the English texts.
    if (model === 'independent') {
      const en = texts.filter((text) => text.locale === 'en');
      for (const [i, text] of en.entries()) text.until = en[i + 1]?.from ?? null;
    }
    return { texts, model };
  });

/** Records around every boundary of the texts. */
function recordsFor(texts: readonly Text[], offsets: readonly number[]): FlatRecord[] {
  const records: FlatRecord[] = [];
  const boundaries = texts.flatMap((text) => [text.from, text.until, text.publishedAt].flatMap((instant) => (instant ? [Date.parse(instant)] : [])));
  for (const text of texts) {
    for (const boundary of boundaries) {
      for (const offset of offsets) {
        const instant = boundary + offset;
        records.push({ policy: 'p', locale: text.locale, version: text.version, sha256: null, acceptedAt: new Date(instant).toISOString() });
        records.push({ policy: 'p', locale: text.locale === 'ru' ? 'en' : 'ru', version: text.version, acceptedAt: formatZonedInstant(instant, ZONE, { fixed: true }) });
      }
      for (const days of [-1, 0, 1]) records.push({ policy: 'p', locale: text.locale, version: text.version, acceptedAt: formatZonedInstant(boundary + days * DAY, ZONE, { fixed: true }).slice(0, 10) });
    }
  }
  return records;
}

describe('around the boundaries of generated timelines', () => {
  test("DuckDB and PostgreSQL give every record the streaming verifier's outcome", async () => {
    await fc.assert(
      fc.asyncProperty(timeline, fc.uniqueArray(fc.constantFrom(-DAY, -1, 0, 1, DAY / 2), { minLength: 2, maxLength: 5 }), async ({ texts, model }, offsets) => {
        const index = indexOfTexts(texts, model);
        const records = recordsFor(texts, offsets);
        const files = writeRecordFiles(records, index, ZONE);
        const options = { timeZone: ZONE, now: NOW, allowMissingHash: true };
        const streaming = [...(await classifyStreaming(files.jsonl, index, options))];
        expect([...(await classifyDuckDbSql(files, options))]).toEqual(streaming);
        if (cluster) expect([...classifyPostgres(cluster, files, options)]).toEqual(streaming);
      }),
      { numRuns: 25 },
    );
    // Minutes on two cores shared with other suites: three engines and a PostgreSQL, 25 times.
  }, 300_000);
});

/** An acceptedAt across the whole grammar: years 0000–9999 (and around the versions), impossible dates and times among them, every offset form, bare dates. */
const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const acceptedAt = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 2023, max: 2027 })),
    month: fc.integer({ min: 1, max: 13 }),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 28, max: 32 })),
    time: fc.option(
      fc.record({
        hour: fc.integer({ min: 0, max: 24 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.option(fc.integer({ min: 0, max: 60 })),
        fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
        offset: fc.oneof(
          fc.constant('Z'),
          fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 59 })).map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`),
        ),
      }),
    ),
  })
  .map(({ year, month, day, time }) => {
    const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    if (time === null) return date;
    const seconds = time.second === null ? '' : `:${pad(time.second)}${time.fraction === null ? '' : `.${time.fraction}`}`;
    return `${date}T${pad(time.hour)}:${pad(time.minute)}${seconds}${time.offset}`;
  });

describe('instants across the whole grammar (years 0000–9999)', () => {
  test('the streaming verifier, the SQL in DuckDB and in PostgreSQL, and verify --engine duckdb give every record the same outcome', async () => {
    const index = craftedIndex();
    const [text] = index.versions.values();
    if (!text) throw new Error('no version');
    await fc.assert(
      fc.asyncProperty(fc.array(acceptedAt, { minLength: 1, maxLength: 60 }), async (instants) => {
        const records: FlatRecord[] = instants.map((instant) => ({ policy: text.policy, locale: text.locale, version: text.version, sha256: text.sha256, acceptedAt: instant }));
        const files = writeRecordFiles(records, index, CRAFTED_TIME_ZONE);
        const options = { timeZone: CRAFTED_TIME_ZONE, now: NOW };
        const streaming = [...(await classifyStreaming(files.jsonl, index, options))];
        expect([...(await classifyDuckDbSql(files, options))]).toEqual(streaming);
        expect([...(await classifyEngine(files.jsonl, index, options))]).toEqual(streaming);
        if (cluster) expect([...classifyPostgres(cluster, files, options)]).toEqual(streaming);
      }),
      { numRuns: 10, examples: [[['0000-02-29T00:00:00Z', '0000-03-01T00:00:00Z', '0050-06-01', '0000-02-29', '0100-02-29T00:00:00Z', '9999-12-31T23:59:59.999+14:00', '2025-09-01T24:00:00Z', '2025-09-01T23:59:60Z']]] },
    );
  }, 300_000);
});
