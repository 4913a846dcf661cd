/**
 * `/feed/v1/versions.csv`: the published versions as one table, for
 * databases and warehouses (load it, join the consent table to it), and its
 * W3C CSV on the Web description, `versions.csv-metadata.json`. Both come
 * from {@link VERSION_COLUMNS}, the one list of columns: a column is named,
 * typed, described and computed in one place, so the file and its
 * description cannot disagree. The rows are the feed's own versions (the
 * ones `<policy>.json` lists, already validated by the feed schema, and its
 * withdrawn ones), and each cell is checked against its column's type
 * before the file is written.
 */
import { z } from 'zod';
import type { FeedVersion, PolicyFeed, WithdrawnFeedVersion } from '#schemas/feed.ts';
import type { LocaleModel } from '#schemas/site-config.ts';
import { PUBLICATION_KINDS } from '#schemas/ledger.ts';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, SHA256_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';
import { formatInstant, formatZonedInstant } from '#lib/time/zoned-time.ts';
import { describeCsvTextError, parseCsvText } from '#lib/consent/csv-record.ts';

/** The CSVW datatypes the columns use (XML Schema names). */
type CsvwDatatype = 'string' | 'dateTimeStamp' | 'date' | 'anyURI';

/** One row of the table: a published version of a policy in a locale, or one withdrawn before it took effect. */
export type TableVersion = { version: FeedVersion; withdrawn: false; localeModel: LocaleModel } | { version: WithdrawnFeedVersion; withdrawn: true; localeModel: LocaleModel };

/** One column of versions.csv. */
export interface VersionColumn {
  /** The header cell, and the CSVW column name. */
  name: string;
  datatype: CsvwDatatype;
  /** Whether an empty cell (null) is allowed. */
  nullable: boolean;
  /** A list of values separated by one space (CSVW `separator`). */
  list?: boolean;
  description: string;
  /** The cell's value, or null for an empty cell. */
  value(row: TableVersion, timeZone: string): string | string[] | null;
}

const published = (row: TableVersion): FeedVersion | null => (row.withdrawn ? null : row.version);
/**
 * An instant on the site's wall clock with the zone's offset and milliseconds
 * (`2025-09-01T00:00:00.000+03:00`): its calendar day there, and whether it is
 * that day's first instant, is what a bare-date acceptedAt is compared with.
 */
const local = (instant: string | null | undefined, timeZone: string) => (instant ? formatZonedInstant(Date.parse(instant), timeZone, { fixed: true }) : null);

/** The columns of versions.csv, in file order. Additive within v1: a new column goes at the end. */
export const VERSION_COLUMNS: readonly VersionColumn[] = [
  { name: 'policy', datatype: 'string', nullable: false, description: 'Policy id, e.g. "privacy".', value: (row) => row.version.policy },
  { name: 'locale', datatype: 'string', nullable: false, description: 'Lowercase BCP 47 language tag.', value: (row) => row.version.locale },
  { name: 'version', datatype: 'string', nullable: false, description: 'Version id: permanent, the same in every locale for translations of one version.', value: (row) => row.version.version },
  { name: 'title', datatype: 'string', nullable: false, description: 'The title of the version.', value: (row) => row.version.title },
  {
    name: 'effectiveFrom',
    datatype: 'dateTimeStamp',
    nullable: false,
    description: 'The instant the version takes effect (inclusive), UTC with Z; for a withdrawn version, the instant it was to.',
    value: (row) => row.version.effectiveFrom,
  },
  {
    name: 'effectiveUntil',
    datatype: 'dateTimeStamp',
    nullable: true,
    description: 'The instant the next version of the timeline takes effect (exclusive); empty while none is published, and for a withdrawn version.',
    value: (row) => published(row)?.effectiveUntil ?? null,
  },
  {
    name: 'effectiveFromLocal',
    datatype: 'dateTimeStamp',
    nullable: false,
    description: "effectiveFrom on the site's wall clock, with the zone's offset: a consent recorded with a bare date on its day cannot be tied to one version (ambiguous-instant).",
    value: (row, timeZone) => local(row.version.effectiveFrom, timeZone),
  },
  {
    name: 'effectiveUntilLocal',
    datatype: 'dateTimeStamp',
    nullable: true,
    description: "effectiveUntil on the site's wall clock, with the zone's offset.",
    value: (row, timeZone) => local(published(row)?.effectiveUntil, timeZone),
  },
  { name: 'sha256', datatype: 'string', nullable: false, description: 'Hex SHA-256 of the text served now at markdownUrl.', value: (row) => row.version.sha256 },
  {
    name: 'previousSha256s',
    datatype: 'string',
    nullable: true,
    list: true,
    description: 'Every earlier text the version had before a recorded correction, oldest first, separated by spaces: a consent recorded with one of these hashes was given to that earlier text and is still valid.',
    value: (row) => published(row)?.corrections.map((correction) => correction.previousSha256) ?? null,
  },
  {
    name: 'correctedAt',
    datatype: 'date',
    nullable: true,
    list: true,
    description: 'The date of each correction, oldest first, separated by spaces.',
    value: (row) => published(row)?.corrections.map((correction) => correction.date) ?? null,
  },
  { name: 'changeType', datatype: 'string', nullable: true, description: '"material" or "editorial"; empty for a withdrawn version.', value: (row) => published(row)?.changeType ?? null },
  {
    name: 'localeModel',
    datatype: 'string',
    nullable: false,
    description: '"translations": the locales of the policy are translations of one timeline (a locale may lack a text of the version in force: no-translation); "independent": each locale has its own timeline.',
    value: (row) => row.localeModel,
  },
  { name: 'publishedAt', datatype: 'dateTimeStamp', nullable: true, description: 'When publish first recorded this text in the ledger; empty outside the ledger.', value: (row) => row.version.publishedAt ?? null },
  { name: 'publishedAtLocal', datatype: 'dateTimeStamp', nullable: true, description: "publishedAt on the site's wall clock, with the zone's offset.", value: (row, timeZone) => local(row.version.publishedAt, timeZone) },
  {
    name: 'publication',
    datatype: 'string',
    nullable: true,
    description:
      '"published" (recorded no later than it took effect), "imported" (history recorded by the ledger\'s first publish), "backdated" (recorded after it took effect: a consent between effectiveFrom and publishedAt is backdated), "late-translation" (this text recorded after the version took effect in another language: a consent before publishedAt is no-translation); empty outside the ledger.',
    value: (row) => published(row)?.publication ?? null,
  },
  { name: 'publicationReason', datatype: 'string', nullable: true, description: 'Why it was backdated, when recorded.', value: (row) => published(row)?.publicationReason ?? null },
  {
    name: 'withdrawnAt',
    datatype: 'dateTimeStamp',
    nullable: true,
    description: 'When the version was withdrawn before it took effect: it was never in force, and a consent to it is withdrawn; empty for a version that was not.',
    value: (row) => (row.withdrawn ? row.version.withdrawnAt : null),
  },
  { name: 'url', datatype: 'anyURI', nullable: false, description: 'Permanent HTML page of this version.', value: (row) => row.version.url },
  { name: 'markdownUrl', datatype: 'anyURI', nullable: false, description: 'The published Markdown, whose bytes hash to sha256.', value: (row) => row.version.markdownUrl },
  { name: 'sha256Url', datatype: 'anyURI', nullable: true, description: 'The same text by its hash; empty where the site serves no such file.', value: (row) => published(row)?.sha256Url ?? null },
  {
    name: 'correctionRecordedAt',
    datatype: 'dateTimeStamp',
    nullable: true,
    list: true,
    description:
      'When publish recorded each correction in the ledger, UTC with Z and milliseconds, oldest first, separated by spaces (one per hash of previousSha256s): the text before a correction was served until then, the corrected one from then on, and a consent is checked against the text served at its instant. Empty when the feed does not say (built before it did).',
    value: (row) => recordedAt(row, (instant) => formatInstant(Date.parse(instant))),
  },
  {
    name: 'correctionRecordedAtLocal',
    datatype: 'dateTimeStamp',
    nullable: true,
    list: true,
    description: "correctionRecordedAt on the site's wall clock, with the zone's offset: what a bare-date acceptedAt is compared with.",
    value: (row, timeZone) => recordedAt(row, (instant) => formatZonedInstant(Date.parse(instant), timeZone, { fixed: true })),
  },
];

/** The instants a version's corrections were recorded, each formatted; null when there are none, or when one is not known (every one or none, so the list stays aligned with previousSha256s). */
function recordedAt(row: TableVersion, format: (instant: string) => string): string[] | null {
  const corrections = published(row)?.corrections ?? [];
  if (corrections.length === 0 || corrections.some((correction) => correction.recordedAt === undefined)) return null;
  return corrections.map((correction) => format(correction.recordedAt ?? ''));
}

/**
 * The rows of the table from the policy feeds: each feed's versions, in the
 * feed's order, then its withdrawn versions.
 */
export function getTableVersions(feeds: readonly Pick<PolicyFeed, 'versions' | 'withdrawn' | 'localeModel'>[]): TableVersion[] {
  return feeds.flatMap((feed) => {
    const localeModel = feed.localeModel ?? 'independent';
    return [...feed.versions.map((version): TableVersion => ({ version, withdrawn: false, localeModel })), ...(feed.withdrawn ?? []).map((version): TableVersion => ({ version, withdrawn: true, localeModel }))];
  });
}

const word = (pattern: RegExp) => z.string().regex(pattern);
/** The check of each cell's text, by column; a column not named here is checked by its datatype alone. */
const CELL_SCHEMAS: Record<string, z.ZodType<string>> = {
  policy: word(POLICY_ID_PATTERN),
  locale: word(LOCALE_PATTERN),
  version: word(VERSION_ID_PATTERN),
  sha256: word(SHA256_PATTERN),
  previousSha256s: word(SHA256_PATTERN),
  changeType: z.enum(['material', 'editorial']),
  localeModel: z.enum(['translations', 'independent']),
  publication: z.enum(PUBLICATION_KINDS),
};
const DATATYPE_SCHEMAS: Record<CsvwDatatype, z.ZodType<string>> = {
  string: z.string().min(1),
  dateTimeStamp: z.iso.datetime({ offset: true }),
  date: z.iso.date(),
  anyURI: z.url({ protocol: /^https?$/ }),
};

/**
 * Thrown when a row of versions.csv does not fit its columns (a bug, never a content problem).
 * @public Exported for its tests: the tests tell this bug apart from a content error by its class.
 */
export class VersionsTableError extends Error {
  override name = 'VersionsTableError';
}

/** A field the RFC 4180 way: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function toCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The cells of one version, each checked against its column. */
export function getVersionRow(row: TableVersion, timeZone: string): (string | null)[] {
  const { version } = row;
  return VERSION_COLUMNS.map((column) => {
    const value = column.value(row, timeZone);
    const where = `versions.csv: ${version.policy}/${version.locale}/${version.version}: ${column.name}`;
    if (value === null || (Array.isArray(value) && value.length === 0)) {
      if (!column.nullable) throw new VersionsTableError(`${where} is empty, and the column requires a value`);
      return null;
    }
    const items = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) !== (column.list === true)) throw new VersionsTableError(`${where}: a list where one value belongs, or the reverse`);
    for (const item of items) {
      const schema = CELL_SCHEMAS[column.name] ?? DATATYPE_SCHEMAS[column.datatype];
      if (!schema.safeParse(item).success || !DATATYPE_SCHEMAS[column.datatype].safeParse(item).success || (column.list && item.includes(' '))) {
        throw new VersionsTableError(`${where}: ${JSON.stringify(item)} is not a valid ${column.datatype}`);
      }
    }
    return items.join(' ');
  });
}

/**
 * versions.csv: a header, then one row per policy, locale and version in the
 * order given (the feed's: policy, locale, effectiveFrom), CRLF line ends
 * (RFC 4180), an empty cell for null. Throws on a row that breaks its
 * columns or a version listed twice.
 */
export function createVersionsCsv(rows: readonly TableVersion[], timeZone: string): string {
  const seen = new Set<string>();
  const lines = [VERSION_COLUMNS.map((column) => column.name).join(',')];
  for (const row of rows) {
    const key = `${row.version.policy}/${row.version.locale}/${row.version.version}`;
    if (seen.has(key)) throw new VersionsTableError(`versions.csv: ${key} is listed twice`);
    seen.add(key);
    lines.push(
      getVersionRow(row, timeZone)
        .map((cell) => (cell === null ? '' : toCsvField(cell)))
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `versions.csv-metadata.json`: the table's description in the W3C CSV on the Web vocabulary. */
export function createVersionsCsvMetadata(tableUrl: string, schemaUrl: string): Record<string, unknown> {
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    url: tableUrl,
    'dc:title': 'Published policy versions',
    'dc:description': 'One row per policy, locale and version, from the same data as the JSON feed (see dc:source). A version is in force from effectiveFrom (inclusive) until effectiveUntil (exclusive).',
    'dc:source': schemaUrl,
    dialect: { encoding: 'utf-8', lineTerminators: ['\r\n'], header: true, doubleQuote: true, quoteChar: '"', delimiter: ',' },
    tableSchema: {
      columns: VERSION_COLUMNS.map((column) => ({
        name: column.name,
        titles: column.name,
        datatype: column.datatype,
        required: !column.nullable,
        null: '',
        ...(column.list ? { separator: ' ' } : {}),
        'dc:description': column.description,
      })),
      primaryKey: ['policy', 'locale', 'version'],
    },
  };
}

/**
 * What is wrong with a versions.csv given to a query (`verify --sql
 * --versions`) for the site whose versions are `expected`: another site's
 * file, an out-of-date or edited copy, or not a versions.csv at all. Each
 * problem names the row and the column; none means the file is exactly the
 * one this site publishes.
 */
export function checkVersionsCsv(text: string, expected: readonly TableVersion[], timeZone: string): string[] {
  const parsed = parseCsvText(text);
  if (!('rows' in parsed)) return [`line ${parsed.line}: not RFC 4180 CSV: ${describeCsvTextError(parsed.error, parsed.error === 'unclosed-quote' ? undefined : VERSION_COLUMNS[parsed.error.field]?.name)}`];
  const { rows } = parsed;
  const names = VERSION_COLUMNS.map((column) => column.name);
  const [header = [], ...body] = rows;
  if (header.join(',') !== names.join(',')) return [`the header is ${JSON.stringify(header.join(',').slice(0, 80))}, not versions.csv's (${names.slice(0, 4).join(',')},…)`];
  const want = new Map(expected.map((row) => [`${row.version.policy}/${row.version.locale}/${row.version.version}`, getVersionRow(row, timeZone).map((cell) => cell ?? '')]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, row] of body.entries()) {
    const key = `${row[0]}/${row[1]}/${row[2]}`;
    const where = `row ${index + 2} (${key})`;
    const wanted = want.get(key);
    if (seen.has(key)) problems.push(`${where}: listed twice`);
    else if (!wanted) problems.push(`${where}: the site publishes no such version`);
    else {
      const column = names.findIndex((_name, i) => (row[i] ?? '') !== wanted[i]);
      if (column !== -1) problems.push(`${where}: ${names[column]} is ${JSON.stringify(row[column] ?? '')}, the site says ${JSON.stringify(wanted[column])}`);
    }
    seen.add(key);
  }
  for (const key of want.keys()) if (!seen.has(key)) problems.push(`${key}: published by the site, missing from the file`);
  return problems;
}
