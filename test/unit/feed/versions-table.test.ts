import { describe, expect, test } from 'vitest';
import { getAllPolicyFeeds } from '#lib/feed/feed-data.ts';
import { checkVersionsCsv, createVersionsCsv, createVersionsCsvMetadata, getTableVersions, getVersionRow, VERSION_COLUMNS, VersionsTableError } from '#lib/feed/versions-table.ts';
import { parseCsvRows } from '../../helpers/csv-rows.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { renderPublishedText, sha256Hex } from '#lib/timeline/published-text.ts';
import { recordedCorrection, withLedgerRecord } from '../../helpers/published-versions.ts';
import { createTestContext, TEST_VERSIONS } from '../../helpers/site-context.ts';

const [first, second, scheduled, english, consent] = TEST_VERSIONS as [PolicyVersion, PolicyVersion, PolicyVersion, PolicyVersion, PolicyVersion];
const corrected = { ...second, title: 'Политика, "новая"', body: 'Исправленный текст редакции.\n' };
const originalHash = sha256Hex(renderPublishedText(second));
const correctedHash = sha256Hex(renderPublishedText(corrected));
const context = createTestContext('2026-11-26T12:00:00Z', [
  withLedgerRecord(first, '2026-01-01T00:00:00.000Z', [], 'imported'),
  {
    ...withLedgerRecord(
      corrected,
      '2026-01-01T00:00:00.000Z',
      [recordedCorrection({ date: '2026-02-01', reason: 'Опечатка', previousSha256: originalHash, sha256: correctedHash, recordedAt: '2026-02-01T00:00:00.000Z' })],
      'imported',
    ),
  },
  withLedgerRecord(scheduled, '2026-01-01T00:00:00.000Z', [], 'published'),
  english,
  withLedgerRecord(consent, '2026-03-01T00:00:00.000Z'),
]);
const versions = getTableVersions(getAllPolicyFeeds(context));

/** The CSV read back with the same strict RFC 4180 parser verify uses. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsvRows(text);
}

describe('createVersionsCsv', () => {
  const csv = createVersionsCsv(versions, 'Europe/Moscow');
  const [header, ...rows] = parseCsv(csv);
  const byId = (locale: string, version: string) => {
    const row = rows.find((cells) => cells[1] === locale && cells[2] === version && cells[0] === 'privacy') ?? [];
    return Object.fromEntries((header ?? []).map((name, index) => [name, row[index]]));
  };

  test('has a header and one row per policy, locale and version, in the feed order', () => {
    expect(header).toEqual(VERSION_COLUMNS.map((column) => column.name));
    expect(rows.map((cells) => cells.slice(0, 3).join('/'))).toEqual(versions.map((row) => `${row.version.policy}/${row.version.locale}/${row.version.version}`));
    expect(rows.every((cells) => cells.length === header?.length)).toBe(true);
  });

  test('gives the interval, its days in the site zone, the hashes a correction replaced and the ledger facts', () => {
    expect(byId('ru', '2025-09-01')).toMatchObject({
      title: 'Политика, "новая"',
      effectiveFrom: '2025-08-31T21:00:00.000Z',
      effectiveUntil: '2026-12-31T21:00:00.000Z',
      effectiveFromLocal: '2025-09-01T00:00:00.000+03:00',
      effectiveUntilLocal: '2027-01-01T00:00:00.000+03:00',
      localeModel: 'translations',
      sha256: correctedHash,
      previousSha256s: originalHash,
      correctedAt: '2026-02-01',
      publishedAt: '2026-01-01T00:00:00.000Z',
      publishedAtLocal: '2026-01-01T03:00:00.000+03:00',
      publication: 'imported',
      withdrawnAt: '',
    });
    // The locales are translations: one timeline, so the English text ends when the next version of the policy takes effect.
    expect(byId('en', '2025-09-01')).toMatchObject({ effectiveUntil: '2026-12-31T21:00:00.000Z', publishedAt: '', publication: '', previousSha256s: '', sha256Url: '' });
  });

  test('quotes a field the RFC 4180 way and ends every line with CRLF', () => {
    expect(csv).toContain(',"Политика, ""новая""",');
    expect(csv.split('\r\n')).toHaveLength(versions.length + 2);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  test('is the same bytes for the same content, whatever the build time', () => {
    const at = (now: string) => createVersionsCsv(getTableVersions(getAllPolicyFeeds(createTestContext(now))), 'Europe/Moscow');
    expect(at('2030-01-01T00:00:00Z')).toBe(at('2020-01-01T00:00:00Z'));
  });

  test('refuses a version listed twice and a cell that breaks its column', () => {
    const [one] = versions;
    if (!one || one.withdrawn) throw new Error('no version');
    expect(() => createVersionsCsv([one, one], 'Europe/Moscow')).toThrow(new VersionsTableError('versions.csv: consent/ru/2025-09-01 is listed twice'));
    expect(() => getVersionRow({ ...one, version: { ...one.version, sha256: 'nope' } }, 'Europe/Moscow')).toThrow('versions.csv: consent/ru/2025-09-01: sha256: "nope" is not a valid string');
  });
});

describe('checkVersionsCsv', () => {
  const zone = 'Europe/Moscow';
  const csv = createVersionsCsv(versions, zone);

  test('finds nothing wrong with the file the site writes, with CR LF or LF line ends', () => {
    expect(checkVersionsCsv(csv, versions, zone)).toEqual([]);
    expect(checkVersionsCsv(csv.replaceAll('\r\n', '\n'), versions, zone)).toEqual([]);
  });

  test("names the row and the column of another site's file, a stale copy, an edited one and a file that is not versions.csv", () => {
    const other = csv.replaceAll('https://example.com/legal/', 'https://other.example/');
    expect(other).not.toBe(csv);
    expect(checkVersionsCsv(other, versions, zone)[0]).toMatch(/^row 2 \(consent\/ru\/2025-09-01\): url is "https:\/\/other\.example\/.*", the site says "https:\/\/example\.com\/legal\//);
    const lines = csv.split('\r\n');
    expect(checkVersionsCsv([lines[0], ...lines.slice(2)].join('\r\n'), versions, zone)).toEqual(['consent/ru/2025-09-01: published by the site, missing from the file']);
    expect(checkVersionsCsv([...lines.slice(0, 2), lines[1], ...lines.slice(2)].join('\r\n'), versions, zone)).toEqual(['row 3 (consent/ru/2025-09-01): listed twice']);
    const edited = csv.replace(/,material,|,editorial,/, (match) => (match === ',material,' ? ',editorial,' : ',material,'));
    expect(checkVersionsCsv(edited, versions, zone)).toEqual([expect.stringMatching(/changeType is "(editorial|material)", the site says/)]);
    expect(checkVersionsCsv('a,b\r\n1,2\r\n', versions, zone)).toEqual(['the header is "a,b", not versions.csv\'s (policy,locale,version,title,…)']);
    expect(checkVersionsCsv(`${csv}privacy,ru,"x"y\r\n`, versions, zone)[0]).toMatch(
      /^line \d+: not RFC 4180 CSV: field 3 \(version\) goes on after its closing quote \("y"\): a quote inside a quoted field is written twice/,
    );
  });

  test("reads the file in another zone's wall clock as another site's", () => {
    expect(checkVersionsCsv(createVersionsCsv(versions, 'Asia/Tokyo'), versions, zone)[0]).toMatch(/effectiveFromLocal is/);
  });
});

describe('createVersionsCsvMetadata', () => {
  const metadata = createVersionsCsvMetadata('https://example.com/legal/feed/v1/versions.csv', 'https://example.com/legal/feed/v1/schema.json');

  test('describes every column of the file, in order, in the CSVW vocabulary', () => {
    expect(metadata['@context']).toEqual(['http://www.w3.org/ns/csvw', { '@language': 'en' }]);
    const schema = metadata['tableSchema'] as { columns: { name: string; datatype: string; required: boolean; separator?: string }[]; primaryKey: string[] };
    expect(schema.columns.map((column) => column.name)).toEqual(VERSION_COLUMNS.map((column) => column.name));
    expect(schema.columns.find((column) => column.name === 'previousSha256s')).toMatchObject({ datatype: 'string', required: false, separator: ' ' });
    expect(schema.columns.find((column) => column.name === 'effectiveFrom')).toMatchObject({ datatype: 'dateTimeStamp', required: true });
    expect(schema.primaryKey).toEqual(['policy', 'locale', 'version']);
  });
});
