/**
 * `npm run policy -- verify <file> [options]`: checks consent records against
 * the published versions, streaming, never stopping at the first bad line,
 * one outcome per record and a summary that adds up.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_TIMEOUT_MS, hashLocation, LocationError, statPath } from '#lib/consent/read-location.ts';
import { readRecords } from '#lib/consent/read-records.ts';
import { MAX_RECORD_BYTES } from '#lib/consent/read-lines.ts';
import { TextAuditor } from '#lib/consent/text-audit.ts';
import { OUTCOMES, OutcomeTally, type OutcomePolicy } from '#lib/consent/verify-outcomes.ts';
import { settleRecord, type RecordResult } from '#lib/consent/verify-record.ts';
import { verifyRecords } from '#lib/consent/verify-records.ts';
import { createClassifySql, DEFAULT_CONSENT_COLUMNS, getIndexTableVersions, getMaxCorrections, getVersionsLoadSql, type ConsentColumns } from '#lib/consent/sql/classify-sql.ts';
import { SQL_DIALECTS, type SqlDialectName } from '#lib/consent/sql/sql-dialect.ts';
import { createTypedClassifySql } from '#lib/consent/sql/typed-classify-sql.ts';
import { DEFAULT_MEMORY_BUDGET_MB } from '#lib/consent/sql/engine-resources.ts';
import { didYouMean } from '#lib/corpus/did-you-mean.ts';
import { checkVersionsCsv, type TableVersion } from '#lib/feed/versions-table.ts';
import { checkRecordInLog, type LogOfToday } from '#lib/log/verify-log.ts';
import { escapeControlCharacters, getPolicySource, print, printError, UsageError } from './command-context.ts';
import { LineOutput } from './line-output.ts';
import { loadLogOfToday } from './verify-log-source.ts';
import { describe, getNow } from './verify-report.ts';

/**
 * The outcome table for --help: each name in a column as wide as the longest
 * and two spaces, each meaning wrapped at 100 columns under its own column,
 * so no name runs into its text.
 * @public Exported for its tests: the help text's outcome list, pinned word for word by test/unit/scripts/verify-help.test.ts.
 */
export function formatOutcomeList(width = 100): string {
  const names = Object.keys(OUTCOMES);
  const indent = 4 + Math.max(...names.map((name) => name.length)) + 2;
  return Object.entries(OUTCOMES)
    .map(([outcome, kind]) => {
      const lines: string[] = [];
      let line = '';
      for (const word of `${kind.meaning}${kind.fails({}) ? '' : ' [does not fail]'}`.split(' ')) {
        if (line !== '' && indent + line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else line = line === '' ? word : `${line} ${word}`;
      }
      lines.push(line);
      return lines.map((text, at) => `${at === 0 ? `    ${outcome}`.padEnd(indent) : ' '.repeat(indent)}${text}`).join('\n');
    })
    .join('\n');
}

export const VERIFY_HELP = `npm run policy -- verify <file> [--feed <site|folder|index.json|url|->] [--texts] [--json]
      [--as-of <instant>] [--allow-missing-hash] [--strict] [--timeout <seconds>] [--follow-absolute]
      [--log [--key <key>]]
npm run policy -- verify <files or globs…> --engine duckdb [the same options but --texts and --log]
npm run policy -- verify --sql duckdb|postgres|ansi [--typed] [--table <name>] [--column <field>=<name>…]
      [--versions <versions.csv>] [--as-of <instant>] [--allow-missing-hash] [--strict]

  Checks consent records, as JSON Lines (.jsonl, .ndjson, .json) or CSV with a
  header row (.csv). Each record has policy, locale, version, acceptedAt and
  sha256 (other fields are kept), or acceptedAt and a "documents" list of
  {policy, locale, version, sha256} for a consent given to several documents
  at once (in CSV, a "documents" column holding that list as JSON).

  Each record gets one outcome, with its line number:
${formatOutcomeList()}
  and an empty file is empty-input. Exit 0 when no record fails (every outcome fails but those
  marked "does not fail"), 1 when one does, the file is empty, or nothing could be checked.

  --feed                read a published feed instead of policies/: a built site (dist/),
                        its feed/v1/ folder, an index.json, a URL, or - (standard input);
                        files it names are read from the same copy
  --follow-absolute     read those files at the absolute URLs the index names instead
  --texts               audit mode: read and hash each version's served Markdown
                        (markdownUrl and /raw/<policy>/<locale>/<version>/<sha256>.md)
  --as-of               in-the-future means after this instant (default: now)
  --allow-missing-hash  count records without sha256 as no-hash without failing
  --strict              duplicates fail too
  --log                 also check each record's "checkpoint" (the text of /log/v1/checkpoint when
                        the person agreed) against today's public log: signed by the log's key,
                        extended by today's log, and the version already in the log at that size;
                        a record without a checkpoint is verified as today
  --key                 the log's verifier key to trust (default: logVerifierKey of site.config.ts,
                        or with --feed the key the site serves)
  --timeout             seconds to wait for each network read (default ${DEFAULT_TIMEOUT_MS / 1000})
  --json                one JSON result per record on stdout; the summary on stderr
  --engine duckdb       classify with DuckDB, embedded: .csv, .jsonl/.ndjson/.json and .parquet
                        files, one or many (globs); the same outcomes, report and exit status
  --sql <dialect>       print the SQL that classifies every row of a consent table as verify
                        does, for duckdb, postgres or ansi (BigQuery, Snowflake, ClickHouse, Spark)
  --table               the consent table the SQL reads (default consents)
  --column              a column name of that table: policy, locale, version, sha256, acceptedAt,
                        line (the order of the records), key (the record's bytes, for duplicates),
                        e.g. --column acceptedAt=accepted_at --column line=id
  --versions            read the versions from this versions.csv (the site's /feed/v1/versions.csv)
                        instead of listing them in the query
  --typed               the short query, for a table whose acceptedAt is a timestamp with time
                        zone: the versions' outcome segments listed, one join and a CASE (without
                        --typed: the strict form, which reads acceptedAt as text)
  --memory              with --engine: the memory budget of the run in MB (default ${DEFAULT_MEMORY_BUDGET_MB});
                        DuckDB takes 60% of it and spills to the OS temp folder beyond

  A record longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB is malformed. In CSV a broken row is malformed
  on its own line and reading resumes at the next line.`;

/** The consent table's column names from `--column field=name`. */
function parseColumns(pairs: readonly string[]): Partial<ConsentColumns> {
  const columns: Partial<ConsentColumns> = {};
  const fields = [...Object.keys(DEFAULT_CONSENT_COLUMNS), 'key'];
  for (const pair of pairs) {
    const [field = '', name = ''] = pair.split('=', 2);
    if (!fields.includes(field) || name === '') {
      throw new UsageError(`--column "${pair}" is not field=name with a field of ${fields.join(', ')}${didYouMean(field, fields)}, e.g. --column acceptedAt=accepted_at`);
    }
    columns[field as keyof ConsentColumns] = name;
  }
  return columns;
}

/** `verify --sql <dialect>`: prints the classifying query. */
async function printSql(
  dialect: string,
  options: { feed: string | undefined; typed: boolean; table: string; columns: readonly string[]; versions: string | undefined; asOf: string | undefined; allowMissingHash: boolean; strict: boolean; timeoutMs: number },
): Promise<number> {
  if (!(SQL_DIALECTS as readonly string[]).includes(dialect)) {
    throw new UsageError(`--sql "${dialect}" is not a dialect: write ${SQL_DIALECTS.join(', ')}${didYouMean(dialect, SQL_DIALECTS)}`);
  }
  const name = dialect as SqlDialectName;
  const source = await getPolicySource(options.feed, { timeoutMs: options.timeoutMs });
  const listed = getIndexTableVersions(source.index);
  if (options.typed) {
    if (options.versions !== undefined) throw new UsageError('--typed lists the versions in the query as outcome segments, which versions.csv does not hold: drop --versions');
    const columns = parseColumns(options.columns);
    const now = getNow(options.asOf, source.timeZone);
    process.stdout.write(
      `${createTypedClassifySql({ dialect: name, consents: options.table, columns, index: source.index, timeZone: source.timeZone, now, allowMissingHash: options.allowMissingHash, strict: options.strict })};\n`,
    );
    return 0;
  }
  if (options.versions !== undefined) checkVersionsFile(options.versions, listed, source.timeZone, options.feed);
  const sql = createClassifySql({
    dialect: name,
    consents: options.table,
    columns: parseColumns(options.columns),
    versions: options.versions === undefined ? { kind: 'inline', versions: listed } : { kind: 'csv', path: options.versions, maxCorrections: getMaxCorrections(listed) },
    timeZone: source.timeZone,
    now: getNow(options.asOf, source.timeZone),
    allowMissingHash: options.allowMissingHash,
    strict: options.strict,
  });
  process.stdout.write(`${options.versions === undefined ? '' : getVersionsLoadSql(name, options.versions)}${sql};\n`);
  return 0;
}

/**
 * A versions.csv the query will read must be this site's, as it is now: the
 * query trusts every row, so another site's file or a stale copy would
 * classify records against versions this site never published.
 */
function checkVersionsFile(path: string, expected: TableVersion[], timeZone: string, feed: string | undefined): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // The query may run where the file is (a warehouse, a server's psql): what it loads there is unchecked, and said so.
    process.stderr.write(`--versions ${path}: not found here, so not checked against the site; load the site's own /feed/v1/versions.csv\n`);
    return;
  }
  const problems = checkVersionsCsv(text, expected, timeZone);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).map((problem) => `  ${path}: ${problem}`);
  if (problems.length > 5) shown.push(`  … and ${problems.length - 5} more`);
  throw new UsageError(
    `--versions ${path} is not the versions.csv of ${feed ?? "this project's policies"} (another site's, an older copy, or edited):\n${shown.join('\n')}\nDownload /feed/v1/versions.csv from the site the records are for, or drop --versions to list the versions in the query.`,
  );
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout "${text}" is not a number of seconds above 0, e.g. --timeout 10`);
  return seconds * 1000;
}

/** Adds what today's log says of a record's checkpoint to its issues, and settles its outcome again. */
function checkInLog(result: RecordResult, log: LogOfToday, policy: OutcomePolicy): RecordResult {
  if (result.status === 'malformed') return result;
  const logged = checkRecordInLog(result.record, result.documents, log);
  if (logged.problems.length === 0) return result;
  result.issues.push(...logged.problems.map((problem) => ({ outcome: problem.status, message: problem.message })));
  return settleRecord(result, policy);
}

/** `--memory <MB>`: a whole number of megabytes, at least 128 (DuckDB needs some room for its buffers). */
function parseMemory(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MEMORY_BUDGET_MB;
  if (!/^\d+$/.test(text) || Number(text) < 128) throw new UsageError(`--memory "${text}" is not a number of megabytes of 128 or more: write e.g. --memory 2048`);
  return Number(text);
}

/** Runs `verify`; returns the exit code. */
export async function runVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      feed: { type: 'string' },
      json: { type: 'boolean', default: false },
      texts: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      'allow-missing-hash': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'follow-absolute': { type: 'boolean', default: false },
      log: { type: 'boolean', default: false },
      key: { type: 'string' },
      engine: { type: 'string' },
      sql: { type: 'string' },
      table: { type: 'string', default: 'consents' },
      column: { type: 'string', multiple: true, default: [] },
      versions: { type: 'string' },
      typed: { type: 'boolean', default: false },
      memory: { type: 'string' },
    },
  });
  if (values.typed && values.sql === undefined) throw new UsageError('--typed chooses the short form of the query --sql prints: add --sql duckdb|postgres|ansi, or drop --typed');
  if (values.memory !== undefined && values.engine === undefined) throw new UsageError('--memory is the budget of --engine duckdb: add --engine duckdb, or drop --memory');
  // The log's checks need the signed checkpoints and today's log, which no SQL engine reads: refuse rather than skip them.
  if (values.log && (values.sql !== undefined || values.engine !== undefined)) {
    throw new UsageError(
      `--log checks each record's checkpoint against today's signed log, which ${values.sql !== undefined ? '--sql' : '--engine'} cannot do: run verify --log without ${values.sql !== undefined ? '--sql' : '--engine'} (it streams)`,
    );
  }
  if (values.key && !values.log) throw new UsageError('--key goes with --log.');
  if (values.sql !== undefined) {
    if (positionals.length > 0) throw new UsageError(`verify --sql prints a query and reads no file (${positionals[0]}): drop the file, or drop --sql`);
    return printSql(values.sql, {
      feed: values.feed,
      typed: values.typed,
      table: values.table,
      columns: values.column,
      versions: values.versions,
      asOf: values['as-of'],
      allowMissingHash: values['allow-missing-hash'],
      strict: values.strict,
      timeoutMs: parseTimeout(values.timeout),
    });
  }
  if (values.engine !== undefined) {
    if (values.engine !== 'duckdb') throw new UsageError(`--engine "${values.engine}" is not an engine: the one there is, is --engine duckdb (without --engine, verify streams)`);
    if (values.texts) throw new UsageError('--texts reads served files, which DuckDB does not: run --texts without --engine');
    const { runEngineVerify } = await import('./verify-engine.ts');
    return runEngineVerify(positionals, {
      feed: values.feed,
      json: values.json,
      asOf: values['as-of'],
      allowMissingHash: values['allow-missing-hash'],
      strict: values.strict,
      timeoutMs: parseTimeout(values.timeout),
      followAbsolute: values['follow-absolute'],
      memoryBudgetMb: parseMemory(values.memory),
    });
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(`verify needs one file of records.\n\n${VERIFY_HELP}`);
  const timeoutMs = parseTimeout(values.timeout);
  try {
    if ((await statPath(file)) === 'folder') throw new UsageError(`${file} is a folder: give the file of records (.jsonl or .csv)`);
  } catch (error) {
    throw error instanceof LocationError ? new UsageError(`${error.message}: give the file of records (.jsonl or .csv)`) : error;
  }
  const source = await getPolicySource(values.feed, { timeoutMs, followAbsolute: values['follow-absolute'] });
  const now = getNow(values['as-of'], source.timeZone);
  const policy = { allowMissingHash: values['allow-missing-hash'], strict: values.strict };
  const texts = values.texts ? new TextAuditor({ locate: source.locate, hash: (location) => hashLocation(location, timeoutMs) }) : undefined;
  const log = values.log ? await loadLogOfToday(values.feed, values.key) : null;
  const tally = new OutcomeTally(policy);
  // Large outputs go through one buffered write per batch (a million console lines one by one is the slowest part), waiting for a slow reader.
  const output = new LineOutput();
  const records = verifyRecords(readRecords(file), source.index, { timeZone: source.timeZone, now, ...policy, ...(texts ? { texts } : {}) });
  for await (const batch of records) {
    for (const verified of batch) {
      const result = log ? checkInLog(verified, log, policy) : verified;
      const noted = 'notes' in result && result.notes.length > 0;
      tally.add(result.outcome, noted);
      if (values.json) output.add(JSON.stringify(result));
      else if (result.outcome !== 'ok' || noted) output.add(...describe(result, file).map(escapeControlCharacters));
    }
    await output.writeIfFull();
  }
  await output.end();
  const report = values.json ? printError : print;
  if (tally.records === 0) report(escapeControlCharacters(`${file}: empty-input: no records in the file (an empty file proves nothing; check the export)`));
  if (texts) {
    const read = await Promise.all(texts.results);
    const bad = read.filter((result) => 'error' in result).length;
    report(`texts: ${read.length} read${bad > 0 ? ` (${bad} could not be)` : ''}.`);
  }
  report(tally.summary());
  return tally.failed || tally.records === 0 ? 1 : 0;
}
