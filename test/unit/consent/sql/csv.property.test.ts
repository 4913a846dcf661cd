/**
 * Property test of `verify --engine duckdb` over CSV: files generated from
 * what exports and spreadsheets really write (columns in any order, an extra
 * column, fields quoted or not, commas, doubled quotes and line breaks in
 * quoted fields, a quote inside an unquoted field, empty fields, rows with a
 * field too many or too few, blank lines, a byte order mark at the start of
 * the file or of a field, copies of earlier rows) get, record by record, the
 * streaming verifier's result and message, and without --json the same
 * records reported and the same count of plain ok ones. A file with no
 * empty line and quotes only around whole fields on one line is read by
 * DuckDB's own CSV reader, any other line by line: the generator makes both
 * kinds, and, of the first, files without a quote and files with quotes
 * (where two rows with the same fields, quoted differently, are not the same
 * record byte for byte).
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { scanRecordsFile } from '#lib/consent/sql/line-endings.ts';
import { expectEngineAgrees, writeRecordFiles } from '../../../helpers/consent-engines.ts';
import { craftedIndex, CRAFTED_TIME_ZONE } from './crafted-corpus.ts';

const index = craftedIndex();
const options = { timeZone: CRAFTED_TIME_ZONE, now: Date.parse('2026-01-01T00:00:00Z') };
const [text] = index.versions.values();
if (!text) throw new Error('no version');
const good: Record<string, string> = { policy: text.policy, locale: text.locale, version: text.version, sha256: text.sha256, acceptedAt: new Date(text.from + 1000).toISOString() };
const FIELDS = Object.keys(good);

/** A field's text: its good value mostly, else an empty, wrong, padded or marked one. */
const fieldText = (column: string) =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constant(good[column] ?? 'u1') },
    { weight: 2, arbitrary: fc.constantFrom('', 'nope', ` ${good[column] ?? ''} `, `\uFEFF${good[column] ?? ''}`, column === 'acceptedAt' ? '2025-02-30T10:00:00Z' : 'x') },
    { weight: 1, arbitrary: fc.constantFrom('Smith, John', 'O"Brien', 'two\nlines', 'x""y', '"') },
  );
/** A field as written: bare when it can be, else quoted (quotes doubled); sometimes quoted when it need not be. */
const written = (value: string, quote: boolean) => (quote || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const fileOf = fc
  .record({
    columns: fc.shuffledSubarray([...FIELDS, 'userId'], { minLength: 4 }),
    rows: fc.array(
      fc.record({
        quoteAll: fc.constantFrom(false, false, false, false, false, false, false, true),
        carelessAt: fc.option(fc.nat(), { nil: null, freq: 8 }),
        shape: fc.constantFrom('row', 'row', 'row', 'row', 'row', 'more', 'fewer', 'blank', 'spaces'),
      }),
      { minLength: 1, maxLength: 16 },
    ),
    values: fc.array(fc.tuple(...[...FIELDS, 'userId'].map(fieldText)), { minLength: 16, maxLength: 16 }),
    careless: fc.array(fc.constantFrom(0, 1, 2), { minLength: 16, maxLength: 16 }),
    copies: fc.array(fc.nat(), { maxLength: 3 }),
    ending: fc.constantFrom('\n', '\r\n'),
    bom: fc.constantFrom('', '', '', '\uFEFF'),
    // Two thirds of the files plain (no empty line, no byte order mark at the start, no quote or only around whole fields on one line): those DuckDB's own CSV reader reads.
    kind: fc.constantFrom('plain', 'quoted', 'lines'),
    requoted: fc.array(fc.nat(), { maxLength: 3 }),
  })
  .map(({ columns, rows, values, careless: sloppy, copies, ending, bom, kind, requoted }) => {
    const all = [...FIELDS, 'userId'];
    const plain = kind === 'plain';
    const lines = rows.map(({ quoteAll, carelessAt, shape }, at) => {
      if (shape === 'blank') return kind === 'lines' ? '' : ' ';
      if (shape === 'spaces') return ' ';
      const row = (values[at] ?? []).map((value, column) => ((plain && /[",\r\n]/.test(value)) || (kind === 'quoted' && /[\r\n]/.test(value)) ? (good[all[column] ?? ''] ?? 'u1') : value));
      if (kind === 'quoted') {
        const fields = columns.map((column) => written(String(row[all.indexOf(column)] ?? ''), quoteAll));
        return [...(shape === 'fewer' ? fields.slice(0, -1) : fields), ...(shape === 'more' ? ['"extra"'] : [])].join(',');
      }
      if (plain) return `${columns.map((column) => row[all.indexOf(column)] ?? '').join(',')}${shape === 'more' ? ',extra' : ''}`.replace(shape === 'fewer' ? /,[^,]*$/ : /$^/, '');
      let fields = columns.map((column) => written(String(row[all.indexOf(column)] ?? ''), quoteAll));
      if (carelessAt !== null) {
        const which = carelessAt % fields.length;
        const value = String(row[all.indexOf(columns[which] ?? '')] ?? '');
        // As a careless writer leaves it: a quote inside a bare field, a quoted field never closed.
        fields[which] = [written(value, false), value, `"${value}`][sloppy[at] ?? 0] ?? value;
      }
      if (shape === 'more') fields = [...fields, 'extra'];
      if (shape === 'fewer') fields = fields.slice(0, -1);
      return fields.join(',');
    });
    const copied = copies.map((at) => lines[at % lines.length] ?? '');
    // Copies with the first field quoted where it was bare: the same fields, and not the same bytes.
    const quotedAgain = kind === 'quoted' ? requoted.map((at) => (lines[at % lines.length] ?? '').replace(/^([^",]+)(?=,|$)/, '"$1"')) : [];
    // A line break inside a quoted field takes the file's own line ending.
    return {
      kind,
      content: `${kind === 'lines' ? bom : ''}${[kind === 'quoted' ? columns.map((column) => written(column, true)).join(',') : columns.join(','), ...lines, ...copied, ...quotedAgain].join(ending).replaceAll(/(?<!\r)\n/g, ending)}${ending}`,
    };
  });

test("CSV as it is really written: the engine gives every record the streaming verifier's result, and reports and counts the same", async () => {
  const dir = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '..');
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fileOf, async ({ kind, content }) => {
      const file = join(dir, `generated-${run++}.csv`);
      writeFileSync(file, content);
      // The files made for DuckDB's CSV reader are those the scan finds plain.
      if (kind !== 'lines') expect(await scanRecordsFile(file)).toMatchObject({ ok: true, plain: true, quoted: kind === 'quoted' || content.includes('"') });
      await expectEngineAgrees(file, index, options);
    }),
    // Each case runs DuckDB twice: a few dozen cases keep the file to seconds.
    { numRuns: 25 },
  );
}, 120_000);
