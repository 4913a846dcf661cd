/**
 * Property test of `verify --engine duckdb` over JSON Lines: files of lines
 * generated from what exports and hands really write (keys in any order,
 * whitespace around every token, escapes, fields of the wrong type, NaN,
 * trailing commas, keys given twice at the top and nested, lone surrogates,
 * blank lines of every kind of space, non-objects, copies of earlier lines)
 * get, record by record, the streaming verifier's result and message, and
 * without --json the same records reported and the same count of plain ok
 * ones. DuckDB's JSON parser reads some of these otherwise than JSON.parse;
 * each such line must be handed to the streaming reader's code, never
 * counted as SQL read it.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { test } from 'vitest';
import { expectEngineAgrees, writeRecordFiles } from '../../../helpers/consent-engines.ts';
import { craftedIndex, CRAFTED_TIME_ZONE } from './crafted-corpus.ts';

const index = craftedIndex();
const options = { timeZone: CRAFTED_TIME_ZONE, now: Date.parse('2026-01-01T00:00:00Z') };
const [text] = index.versions.values();
if (!text) throw new Error('no version');
const good: Record<string, string> = { policy: text.policy, locale: text.locale, version: text.version, sha256: text.sha256, acceptedAt: new Date(text.from + 1000).toISOString() };

/** JSON whitespace, as a writer may put it between tokens. */
const space = fc.constantFrom('', '', '', ' ', '  ', '\t');
/** A string value as JSON: plain, with its first character escaped, or with a lone surrogate after it. */
const jsonString = (value: string) =>
  fc.constantFrom(
    JSON.stringify(value),
    JSON.stringify(value),
    value === '' ? '""' : `"\\u${value.charCodeAt(0).toString(16).padStart(4, '0')}${JSON.stringify(value).slice(2)}`,
    `${JSON.stringify(value).slice(0, -1)}\\ud800"`,
  );
/** A value of one of the five fields: its good text mostly, else another text, another type, NaN or an object. */
const fieldValue = (field: string) =>
  fc.oneof(
    { weight: 6, arbitrary: jsonString(good[field] ?? '') },
    { weight: 1, arbitrary: fc.constantFrom('""', '"nope"', `"${field === 'acceptedAt' ? '2025-02-30T10:00:00Z' : 'x'}"`, `" ${good[field] ?? ''} "`) },
    { weight: 1, arbitrary: fc.constantFrom('null', '1', '-0', '1e999', 'true', 'NaN', '-Infinity', '{}', '[]', '{"a":1,"a":2}') },
  );
/** Keys beside the five: a user, nested values (a key twice in a nested object among them), documents of each kind. */
const extra = fc.constantFrom(
  ['userId', '"u1"'],
  ['userId', '"Infinity and NaN, in text"'],
  ['meta', '{"a":1}'],
  ['meta', '{"a":1,"a":2}'],
  ['meta', '[1, ]'],
  ['n', 'NaN'],
  ['documents', '[]'],
  ['documents', '""'],
  ['documents', 'null'],
  ['documents', JSON.stringify([{ ...good, acceptedAt: undefined }])],
);
const entry = ([key, value]: readonly [string, string], before: string, after: string) => `${JSON.stringify(key)}${before}:${after}${value}`;

/** A record: some of the five fields (a key sometimes given twice), extra keys, in any order, any spacing, sometimes a trailing comma. */
const objectLine = fc
  .record({
    fields: fc.subarray(Object.keys(good), { minLength: 3 }).chain((fields) => fc.tuple(...fields.map((field) => fieldValue(field).map((value) => [field, value] as const)))),
    extras: fc.array(extra, { maxLength: 2 }),
    twice: fc.boolean(),
    spaces: fc.array(space, { minLength: 8, maxLength: 8 }),
    trailing: fc.constantFrom(false, false, false, true),
    order: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ fields, extras, twice, spaces, trailing, order }) => {
    const entries: (readonly [string, string])[] = [...fields, ...extras];
    if (twice && fields[0]) entries.push(fields[0]);
    // A rotation of the entries: keys in another order than the five's.
    const rotated = entries.map((_, i) => entries[(i + order) % entries.length] as readonly [string, string]);
    const [a = '', b = '', c = '', d = '', e = '', f = ''] = spaces;
    return `${a}{${b}${rotated.map((item) => entry(item, c, d)).join(`${e},${f}`)}${trailing ? ',' : ''}${b}}${a}`;
  });
/** Lines that are not records: blank ones (of spaces verify skips, and of spaces it does not), non-objects, not JSON. */
const otherLine = fc.constantFrom('', ' ', '\t', '\u00a0', ' \u2003', '\u3000', 'not json', '[1]', '"s"', '42', '{"a":1}/*x*/', '\ufeff{}', '{"a":"\\ud800"}');

const fileLines = fc
  .array(fc.oneof({ weight: 6, arbitrary: objectLine }, { weight: 1, arbitrary: otherLine }), { minLength: 1, maxLength: 24 })
  .chain((lines) => fc.tuple(fc.constant(lines), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom('\n', '\r\n')))
  // Copies of earlier lines: duplicates, of records and of lines that are not.
  .map(([lines, copies, ending]) => ({ lines: [...lines, ...copies.map((at) => lines[at % lines.length] ?? '')], ending }));

test("JSON Lines as they are really written: the engine gives every record the streaming verifier's result, and reports and counts the same", async () => {
  const dir = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '..');
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fileLines, async ({ lines, ending }) => {
      const file = join(dir, `generated-${run++}.jsonl`);
      writeFileSync(file, `${lines.join(ending)}${ending}`);
      await expectEngineAgrees(file, index, options);
    }),
    // Each case runs DuckDB twice: a few dozen cases keep the file to seconds.
    { numRuns: 25 },
  );
}, 120_000);
