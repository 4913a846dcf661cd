/**
 * Differential tests: the streaming verifier, the SQL run by DuckDB (the
 * query alone over a table, and `verify --engine duckdb` over files) and the
 * SQL run by a real PostgreSQL (its own dialect and the portable one) give
 * the same outcome for every record, on
 * every corpus of the repository and on a corpus made to hit every outcome.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVersionIndex, type VersionIndex } from '#lib/consent/version-index.ts';
import { OUTCOMES, type Outcome } from '#lib/consent/verify-outcomes.ts';
import type { VerifyOptions } from '#lib/consent/verify-record.ts';
import { SQL_OUTCOMES } from '#lib/consent/sql/classify-sql.ts';
import { loadCorpus } from '#lib/corpus/load-corpus.ts';
import { createSiteContext } from '#lib/site/site-context.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { createPolicyFeed } from '#lib/feed/feed-data.ts';
import siteConfig from '../../../../site.config.ts';
import {
  classifyDuckDbSql,
  classifyEngine,
  classifyPostgres,
  classifyStreaming,
  classifyTypedDuckDb,
  classifyTypedPostgres,
  expectEngineAgrees,
  jsonDifferences,
  reportEngine,
  verifyEngine,
  verifyStreaming,
  writeRecordFiles,
  writeTypedTable,
  type FlatRecord,
  type Outcomes,
  type Results,
} from '../../../helpers/consent-engines.ts';
import { findPostgresBin, startPostgres, type PostgresCluster } from '../../../helpers/postgres-cluster.ts';
import { craftedIndex, craftRecords, CRAFTED_TIME_ZONE } from './crafted-corpus.ts';
import { scanRecordsFile } from '#lib/consent/sql/line-endings.ts';

const bin = findPostgresBin();
let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  if (bin) cluster = await startPostgres(bin);
}, 60_000);
afterAll(() => cluster?.stop());

/** Where two engines disagree, record by record in file order (a CSV record may span lines, so lines differ between formats), for a readable failure. */
function differences(expected: Outcomes, actual: Outcomes, records: readonly FlatRecord[]): string[] {
  const inOrder = (outcomes: Outcomes) => [...outcomes.entries()].sort((a, b) => a[0] - b[0]).map(([, outcome]) => outcome);
  const [want, got] = [inOrder(expected), inOrder(actual)];
  const out = want.flatMap((outcome, i) => (got[i] === outcome ? [] : [`record ${i + 1}: ${outcome} ≠ ${got[i] ?? 'nothing'} for ${JSON.stringify(records[i])}`]));
  if (got.length !== want.length) out.push(`${want.length} records ≠ ${got.length}`);
  return out.slice(0, 20);
}

const outcomesOf = (results: Results): Outcomes => new Map([...results].map(([line, result]) => [line, result.outcome]));

/** Runs every engine on the records and checks each against the streaming verifier. */
async function compareEngines(index: VersionIndex, timeZone: string, records: readonly FlatRecord[], options: VerifyOptions): Promise<Set<Outcome>> {
  const files = writeRecordFiles(records, index, timeZone);
  const streamingResults = await verifyStreaming(files.jsonl, index, options);
  const streaming = outcomesOf(streamingResults);
  expect(streaming.size).toBe(records.length);
  const csvResults = await verifyStreaming(files.csv, index, options);
  expect(differences(streaming, outcomesOf(csvResults), records), 'the streaming verifier, CSV against JSON Lines').toEqual([]);
  expect(differences(streaming, await classifyDuckDbSql(files, options), records), 'the duckdb query').toEqual([]);
  // Without --json the engine reports what SQL says has a note or a failure: exactly the records the streaming verifier says something of.
  const said = [...streamingResults.values()].filter((result) => result.outcome !== 'ok' || ('notes' in result && result.notes.length > 0)).map((result) => result.line);
  expect(await reportEngine(files.jsonl, index, options), 'verify --engine duckdb, the records it reports').toEqual({ reported: said, plainOk: streamingResults.size - said.length });
  // verify --engine duckdb --json: the same JSON, record by record, plain ok records included.
  for (const [file, expected, format] of [
    [files.jsonl, streamingResults, 'JSON Lines'],
    [files.csv, csvResults, 'CSV'],
  ] as const) {
    const engine = await verifyEngine(file, index, options);
    expect(differences(streaming, outcomesOf(engine), records), `verify --engine duckdb, ${format}`).toEqual([]);
    expect(jsonDifferences(expected, engine), `verify --engine duckdb --json, ${format}`).toEqual([]);
  }
  if (cluster) expect(differences(streaming, classifyPostgres(cluster, files, options), records), 'the postgres query in PostgreSQL').toEqual([]);
  // The portable query: the same, but for an acceptedAt padded with other whitespace than spaces (its TRIM removes spaces only).
  const portable = (outcomes: Outcomes) => new Map([...outcomes].filter(([line]) => !/^\s*[^\S ]|[^\S ]\s*$/.test(records[line - 1]?.acceptedAt ?? '')));
  expect(
    differences(
      portable(streaming),
      portable(await classifyDuckDbSql(files, options, 'ansi')),
      records.filter((record) => !/^\s*[^\S ]|[^\S ]\s*$/.test(record.acceptedAt ?? '')),
    ),
    'the ansi query in DuckDB',
  ).toEqual([]);
  if (cluster)
    expect(
      differences(
        portable(streaming),
        portable(classifyPostgres(cluster, files, options, 'ansi')),
        records.filter((record) => !/^\s*[^\S ]|[^\S ]\s*$/.test(record.acceptedAt ?? '')),
      ),
      'the ansi query in PostgreSQL',
    ).toEqual([]);
  // The short query (--typed), over the records whose acceptedAt a typed column can hold.
  const typed = writeTypedTable(records, files);
  const typedStreaming = new Map(typed.lines.map((line) => [line, streaming.get(line) ?? 'ok']));
  const typedRecords = typed.lines.map((line) => records[line - 1] ?? {});
  const inOrder = (outcomes: Outcomes) => new Map([...outcomes].map(([line], i) => [i + 1, outcomes.get(line) ?? 'ok']));
  expect(differences(inOrder(typedStreaming), inOrder(await classifyTypedDuckDb(typed.path, index, options)), typedRecords), 'the typed query in DuckDB').toEqual([]);
  if (cluster) {
    for (const dialect of ['postgres', 'ansi'] as const) {
      expect(differences(inOrder(typedStreaming), inOrder(classifyTypedPostgres(cluster, typed.path, index, options, dialect)), typedRecords), `the typed ${dialect} query in PostgreSQL`).toEqual([]);
    }
  }
  return new Set(streaming.values());
}

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('on a corpus made to hit every outcome', () => {
  test("every engine gives every record the streaming verifier's outcome, and every outcome SQL can decide occurs", async () => {
    const index = craftedIndex();
    const seen = await compareEngines(index, CRAFTED_TIME_ZONE, craftRecords(index, CRAFTED_TIME_ZONE), { timeZone: CRAFTED_TIME_ZONE, now: NOW });
    expect(SQL_OUTCOMES.filter((outcome) => !seen.has(outcome))).toEqual([]);
    // What SQL cannot decide is what needs served texts (--texts) or the signed log (--log), and a disagreement with SQL itself, nothing else.
    expect((Object.keys(OUTCOMES) as Outcome[]).filter((outcome) => !SQL_OUTCOMES.includes(outcome))).toEqual(
      (Object.keys(OUTCOMES) as Outcome[]).filter((outcome) => outcome === 'engines-disagree' || outcome === 'text-mismatch' || outcome === 'text-unavailable' || outcome.startsWith('log-')),
    );
  }, 180_000);

  test.each([[{ allowMissingHash: true }], [{ strict: true }]])(
    'and with %j, which change which outcome wins',
    async (policy) => {
      const index = craftedIndex();
      await compareEngines(index, CRAFTED_TIME_ZONE, craftRecords(index, CRAFTED_TIME_ZONE), { timeZone: CRAFTED_TIME_ZONE, now: NOW, ...policy });
    },
    180_000,
  );
});

describe.each([
  ['the sample policies', 'policies'],
  ['the fixture corpus', 'test/fixtures/corpus-basic'],
  ['the GitHub site-policy corpus', 'test/fixtures/github-site-policy'],
])('on %s', (_name, folder) => {
  test("every engine gives every record the streaming verifier's outcome", async () => {
    const settings = resolveSiteSettings(siteConfig, { POLICIES_DIR: folder }, process.cwd());
    const loaded = loadCorpus({
      policiesPath: settings.policiesPath,
      timeZone: settings.timeZone,
      defaultLocale: settings.defaultLocale,
      includeDrafts: false,
      enforceLedger: false,
      now: NOW,
      localeModel: settings.localeModel,
    });
    const context = createSiteContext(settings, loaded.corpus, NOW);
    const index = createVersionIndex(loaded.corpus.policies.map((policy) => createPolicyFeed(context, policy)));
    await compareEngines(index, settings.timeZone, craftRecords(index, settings.timeZone), { timeZone: settings.timeZone, now: NOW });
    // Seconds alone, minutes on two cores other test suites share: four engines and a PostgreSQL each time.
  }, 180_000);
});

describe('what only a file holds', () => {
  const index = craftedIndex();
  const options = { timeZone: CRAFTED_TIME_ZONE, now: NOW };
  const [text] = index.versions.values();
  if (!text) throw new Error('no version');
  const good = { policy: text.policy, locale: text.locale, version: text.version, sha256: text.sha256, acceptedAt: new Date(text.from + 1000).toISOString() };
  const line = JSON.stringify(good);

  test.each([
    [
      'JSON Lines that DuckDB reads more leniently than JSON.parse, or not at all',
      'jsonl',
      [
        line,
        'not json',
        `${line.slice(0, -1)},}`,
        '[1]',
        JSON.stringify({ ...good, policy: 1 }),
        JSON.stringify({ ...good, sha256: 5 }),
        `${line.slice(0, -1)},"x":NaN}`,
        `${line.slice(0, -1)},"policy":"nope"}`,
        JSON.stringify({ acceptedAt: good.acceptedAt, documents: [{ ...good, acceptedAt: undefined }] }),
        JSON.stringify({ ...good, documents: [] }),
        '',
        '   ',
        line,
        `{"a":1}/*x*/`,
        JSON.stringify({ ...good, acceptedAt: 20250901 }),
        JSON.stringify({ ...good, documents: '' }),
        JSON.stringify({ ...good, documents: null }),
        // Copies of lines no record is read from, and a third of one that is: duplicates are settled among the records read.
        'not json',
        '[1]',
        `${line.slice(0, -1)},"x":NaN}`,
        JSON.stringify({ ...good, policy: 1 }),
        line,
        // A key given twice in a nested object: malformed for verify, and json_keys sees only the top level (the engine called it ok, silently).
        `${line.slice(0, -1)},"meta":{"a":1,"a":2}}`,
        // A lone surrogate: JSON.parse reads it, DuckDB refuses the line (the engine said the engines disagree); and a copy of it, a duplicate.
        `${line.slice(0, -1)},"note":"\\ud800"}`,
        `${line.slice(0, -1)},"note":"\\ud800"}`,
        // No-break spaces alone: not blank for verify (its first character is above U+0020), so a record, and not JSON; the engine skipped it.
        '\u00a0\u00a0',
        // A space and an em space: blank for verify (trim() removes both); the engine read it as a record.
        ' \u2003',
        `${line.slice(0, -1)},"n":[1, ]}`,
        `${line.slice(0, -1)},"x":-Infinity}`,
        `${line.slice(0, -1)},"x":{"b":1}}`,
        `${line.slice(0, -1)},"info":"Infinity and NaN, in text"}`,
      ],
    ],
    [
      'CSV with quotes, lines that break, and rows cut short',
      'csv',
      [
        'policy,locale,version,sha256,acceptedAt,name',
        `${text.policy},${text.locale},${text.version},${text.sha256},${good.acceptedAt},"Smith, John"`,
        `${text.policy},${text.locale},${text.version},${text.sha256},${good.acceptedAt},O"Brien`,
        `"${text.policy}",${text.locale},${text.version},${text.sha256},${good.acceptedAt},"two`,
        'lines"',
        `${text.policy},${text.locale},${text.version},${text.sha256},${good.acceptedAt},"never closed`,
        `${text.policy},${text.locale},${text.version}`,
        `${text.policy},${text.locale},${text.version},${text.sha256},${good.acceptedAt},a,b`,
        '',
        `${text.policy},${text.locale},${text.version},${text.sha256},${good.acceptedAt},"Smith, John"`,
        `${text.policy},${text.locale},${text.version},${text.sha256},${good.acceptedAt},"x""y"z`,
        ' ',
        `${text.policy},${text.locale},${text.version},,${good.acceptedAt},`,
      ],
    ],
  ])("%s: the engine gives the streaming verifier's outcome, line by line", async (_name, format, lines) => {
    for (const ending of ['\n', '\r\n']) {
      const file = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, `../records.${format}`);
      writeFileSync(file, `${lines.join(ending)}${ending}`);
      const streaming = await classifyStreaming(file, index, options);
      const engine = await classifyEngine(file, index, options);
      expect(engine.fallback).toBeUndefined();
      expect([...engine.entries()].sort((a, b) => a[0] - b[0])).toEqual([...streaming.entries()].sort((a, b) => a[0] - b[0]));
    }
  });

  // A plain CSV (no quote, no empty line) is read by DuckDB's own CSV reader; the lines it refuses are read again by the streaming reader's code.
  const row = (fields: Partial<typeof good>, extra = 'u1') => [fields.policy, fields.locale, fields.version, fields.sha256, fields.acceptedAt, extra].map((value) => value ?? '').join(',');
  const plainLines = [
    'policy,locale,version,sha256,acceptedAt,userId',
    row(good),
    row({ ...good, sha256: 'e'.repeat(64) }),
    `${text.policy},${text.locale},${text.version}`,
    `${row(good)},extra`,
    row(good),
    ' ',
    row({ ...good, acceptedAt: '2025-09-01T10:00:00' }),
    row({ ...good, acceptedAt: '2025-02-30T10:00:00Z' }),
    row({ ...good, acceptedAt: ' 2025-09-01 ' }),
    row({ ...good, sha256: good.sha256.toUpperCase() }),
    row({ ...good, sha256: 'xyz' }),
    // The segments' marks for a hash of no text and for none: written as hashes, they are malformed like any other text that is not one.
    row({ ...good, sha256: '*' }),
    row({ ...good, sha256: '*'.repeat(64) }),
    row({ ...good, acceptedAt: '' }),
    row({ ...good, policy: 'nope' }),
    row(good, 'x'.repeat(1024 * 1024 + 10)),
    row({ ...good, acceptedAt: '2025-09-01T10:00+03:00' }),
    row({ ...good, acceptedAt: '2025-09-01t10:00:00z' }),
    row({ ...good, sha256: 'e'.repeat(64) }, 'later'),
  ];
  test.each([
    ['LF', '\n', ''],
    ['CR LF', '\r\n', ''],
    ['LF and a byte order mark (read line by line instead)', '\n', '\uFEFF'],
  ])("a plain CSV file (%s), refused lines and over-long ones included: the engine gives the streaming verifier's result, message and line, record by record", async (_name, ending, bom) => {
    const file = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '../plain.csv');
    writeFileSync(file, `${bom}${plainLines.join(ending)}${ending}`);
    const streaming = await expectEngineAgrees(file, index, options);
    expect(new Set([...streaming.values()].map((result) => result.outcome)).size).toBeGreaterThanOrEqual(5);
  });

  // Quotes around whole fields, as spreadsheets and DuckDB's FORCE_QUOTE write them: read by DuckDB's CSV reader as well. A line with the same fields as another, quoted otherwise, is not the same record byte for byte.
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const quotedLines = [
    ['policy', 'locale', 'version', 'sha256', 'acceptedAt', 'userId'].map(quote).join(','),
    // Refused lines first, in a row, and last: every record's line is its number shifted past them.
    `${quote(text.policy)},${text.locale}`,
    `${quote(text.policy)},${text.locale}`,
    row(good, quote('u1')),
    row(good),
    row(good, quote('u1')),
    [good.policy, good.locale, good.version, good.sha256, good.acceptedAt, 'O"Brien, John'].map(quote).join(','),
    row({ ...good, sha256: 'e'.repeat(64) }, quote('Smith, John')),
    `${quote(text.policy)},${text.locale},${quote(text.version)}`,
    `${row(good, quote('a,b'))},"extra"`,
    row({ ...good, acceptedAt: quote('2025-09-01T10:00:00') }),
    row({ ...good, sha256: '""' }),
    row({ ...good, policy: quote('nope') }),
    [good.policy, good.locale, good.version, good.sha256, good.acceptedAt, 'O"Brien, John'].map(quote).join(','),
    row(good, '""'),
    row({ ...good, locale: quote(' en') }),
    row(good, quote('u1')),
    `${row(good)},"extra"`,
  ];
  test.each([
    ['LF', '\n'],
    ['CR LF', '\r\n'],
  ])("a CSV file with whole fields quoted (%s), read by DuckDB's CSV reader: the engine gives the streaming verifier's result, message and line, record by record", async (_name, ending) => {
    const file = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '../quoted.csv');
    writeFileSync(file, `${quotedLines.join(ending)}${ending}`);
    expect(await scanRecordsFile(file)).toMatchObject({ ok: true, plain: true, quoted: true });
    const streaming = await expectEngineAgrees(file, index, options);
    expect(streaming.get(5)?.outcome).toBe('ok');
    expect(streaming.get(6)?.outcome).toBe('duplicate');
    expect(streaming.get(14)?.outcome).toBe('duplicate');
    expect(new Set([...streaming.values()].map((result) => result.outcome)).size).toBeGreaterThanOrEqual(5);
  });

  // A row cut short just before its sha256 column (the last) is a record verify reads, and DuckDB's CSV reader refuses for its number of fields: two such rows with the same bytes are a record and its duplicate (the engine once verified refused rows one by one, and missed it; found by csv.property.test.ts).
  test.each([
    ['plain CSV', 'LF', '\n', (value: string) => value],
    ['plain CSV', 'CR LF', '\r\n', (value: string) => value],
    ['quoted CSV', 'LF', '\n', (value: string) => `"${value}"`],
  ])('%s, %s: refused rows cut short before their sha256 column are checked for duplicates among themselves', async (_name, _ending, ending, quoted) => {
    const short = [good.locale, quoted(good.policy), good.version, good.acceptedAt].join(',');
    const other = [good.locale, good.policy, good.version, new Date(text.from + 2000).toISOString()].join(',');
    const whole = [good.locale, good.policy, good.version, good.acceptedAt, good.sha256].join(',');
    const lines = ['locale,policy,version,acceptedAt,sha256', short, whole, short, other, short, whole];
    const file = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '../cut-short.csv');
    writeFileSync(file, `${lines.join(ending)}${ending}`);
    expect(await scanRecordsFile(file)).toMatchObject({ ok: true, plain: true });
    const streaming = await expectEngineAgrees(file, index, { ...options, allowMissingHash: true });
    const repeats = (line: number) => {
      const result = streaming.get(line);
      return result && 'issues' in result ? result.issues.filter((issue) => issue.outcome === 'duplicate').map((issue) => issue.message) : [];
    };
    expect([2, 3, 4, 5, 6, 7].map(repeats)).toEqual([[], [], ['the same record, byte for byte, as line 2'], [], ['the same record, byte for byte, as line 2'], ['the same record, byte for byte, as line 3']]);
  });

  // The record limit counts a line's bytes before its LF, a CR included (read-lines.ts): a record one byte under, at and over 1 MiB, on every path a file can take (the line-by-line paths once gave the CR nothing, and read a record of 1 MiB and a CR that verify refuses).
  test.each([
    ['JSON Lines', 'LF', 'jsonl', '\n', ''],
    ['JSON Lines', 'CR LF', 'jsonl', '\r\n', ''],
    ['plain CSV', 'LF', 'csv', '\n', ''],
    ['plain CSV', 'CR LF', 'csv', '\r\n', ''],
    ['quoted CSV', 'CR LF', 'quoted', '\r\n', ''],
    ['CSV read line by line (a byte order mark)', 'LF', 'csv', '\n', '\uFEFF'],
    ['CSV read line by line (a byte order mark)', 'CR LF', 'csv', '\r\n', '\uFEFF'],
  ])("%s, %s: a record at the 1 MiB limit gets the streaming verifier's result", async (_name, _ending, format, ending, bom) => {
    const limit = 1024 * 1024 - (ending === '\r\n' ? 1 : 0);
    const lines = format === 'jsonl' ? [] : ['policy,locale,version,sha256,acceptedAt,userId'];
    for (const delta of [-1, 0, 1]) {
      if (format === 'jsonl') {
        const base = JSON.stringify({ ...good, userId: '' }).length;
        lines.push(JSON.stringify({ ...good, userId: 'x'.repeat(limit - base + delta) }));
      } else {
        const base = `${row(good, '')}${format === 'quoted' ? '""' : ''}`.length;
        const padding = 'x'.repeat(limit - base + delta);
        lines.push(row(good, format === 'quoted' ? `"${padding}"` : padding));
      }
    }
    const file = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, `../limit.${format === 'jsonl' ? 'jsonl' : 'csv'}`);
    writeFileSync(file, `${bom}${lines.join(ending)}${ending}`);
    const streaming = await expectEngineAgrees(file, index, options);
    const first = format === 'jsonl' ? 1 : 2;
    expect([first, first + 1, first + 2].map((line) => streaming.get(line)?.outcome)).toEqual(['ok', 'ok', 'malformed']);
  });

  test.each([
    ['mixed line endings', `${line}\r\n${line}\n`, 'some lines end in CR LF and others in LF'],
    ['a lone CR', `${line}\r${line}\n`, 'it holds a CR that does not end a line'],
    ['bytes that are not UTF-8', `${line}\n\xff\n`, 'it is not UTF-8 throughout'],
    ['a NUL byte', `${line}\n{"a":"\u0000"}\n`, 'it holds a NUL byte'],
  ])('a file with %s is left to the streaming verifier, which says why', async (_name, content, reason) => {
    const file = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '../odd.jsonl');
    writeFileSync(file, Buffer.from(content, 'latin1'));
    expect((await classifyEngine(file, index, options)).fallback).toBe(reason);
  });
});

test.skipIf(bin !== null)("PostgreSQL: skipped, because Debian's postgresql package is not installed (no /usr/lib/postgresql/*/bin/initdb); npm test and .ci/run install it", () => {});
