/**
 * The few places where SQL dialects differ, for the classifying query
 * (classify-sql.ts): integer division, quoting names, trimming whitespace and
 * where versions.csv is read from. Everything else the query uses is in
 * SQL-92 and in every engine it targets (CASE, CAST to INTEGER, SUBSTRING,
 * TRANSLATE, LOWER, MOD, EXISTS, window MIN).
 */

/** The dialects `verify --sql` prints. */
export const SQL_DIALECTS = ['duckdb', 'postgres', 'ansi'] as const;
export type SqlDialectName = (typeof SQL_DIALECTS)[number];

/** What differs between dialects. */
export interface SqlDialect {
  name: SqlDialectName;
  /** `a / b` for non-negative integers, truncated. */
  intDiv(a: string, b: string): string;
  /** A quoted name (a column of the consent table, of versions.csv). */
  quoteName(name: string): string;
  /** The text without the whitespace JavaScript's `String.prototype.trim` removes, or as close as the dialect allows. */
  trim(text: string): string;
  /** A relation reading versions.csv (with its header, every column as text), or null when the file must be loaded as a table first. */
  readCsv(path: string): string | null;
  /** `AS MATERIALIZED` where the dialect has it: computed once, not inlined into every use (for the small versions table). */
  materialized: string;
  /**
   * How the consent rows, once read, are kept for the joins: PostgreSQL
   * inlines the reading stages into every join condition that uses a parsed
   * column (and evaluates them once per pair of rows tried), so it
   * materializes them; DuckDB evaluates them once per row as they stream.
   */
  rowsAs: string;
  /**
   * Whether the read rows get a window column (`ROW_NUMBER() OVER ()`),
   * where the dialect has no MATERIALIZED: a planner does not inline a
   * relation with a window function into the joins and subqueries that use
   * it (PostgreSQL, running the portable query, otherwise spends minutes
   * planning copies of the reading stages).
   */
  fence: boolean;
}

/** A string literal: quotes doubled (standard SQL; backslashes are plain characters). */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

// ECMAScript's WhiteSpace and LineTerminator: what `trim()` removes from acceptedAt before it is parsed.
const WHITESPACE_CODES = [9, 10, 11, 12, 13, 32, 160, 5760, ...Array.from({ length: 11 }, (_, i) => 8192 + i), 8232, 8233, 8239, 8287, 12288, 65279];
/** The whitespace as an expression of `chr()` calls, readable when the query is printed. */
const whitespaceChars = `(${WHITESPACE_CODES.map((code) => (code === 32 ? "' '" : `chr(${code})`)).join(' || ')})`;
/** The same characters as one string, for a query no one reads (DuckDB evaluates an expression of `chr()` calls again for every row). */
export const JS_WHITESPACE = String.fromCodePoint(...WHITESPACE_CODES);

const quoteDouble = (name: string) => `"${name.replaceAll('"', '""')}"`;

const DIALECTS: Record<SqlDialectName, SqlDialect> = {
  duckdb: {
    name: 'duckdb',
    intDiv: (a, b) => `((${a}) // (${b}))`,
    quoteName: quoteDouble,
    trim: (text) => `trim(${text}, ${whitespaceChars})`,
    readCsv: (path) => `read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`,
    materialized: 'AS MATERIALIZED',
    rowsAs: 'AS',
    fence: false,
  },
  postgres: {
    name: 'postgres',
    // Integer operands: PostgreSQL's integer division truncates.
    intDiv: (a, b) => `((${a}) / (${b}))`,
    quoteName: quoteDouble,
    trim: (text) => `btrim(${text}, ${whitespaceChars})`,
    readCsv: () => null,
    materialized: 'AS MATERIALIZED',
    rowsAs: 'AS MATERIALIZED',
    fence: false,
  },
  ansi: {
    name: 'ansi',
    // FLOOR of the quotient is the truncated quotient for non-negative operands, whether `/` is exact, decimal or floating (the values stay far below 2^53).
    intDiv: (a, b) => `CAST(FLOOR((${a}) / (${b})) AS BIGINT)`,
    quoteName: quoteDouble,
    // Portable TRIM removes spaces only: an acceptedAt padded with tabs or line breaks is malformed here, and accepted by verify.
    trim: (text) => `TRIM(${text})`,
    readCsv: () => null,
    materialized: 'AS',
    rowsAs: 'AS',
    fence: true,
  },
};

/** The dialect of a name. */
export function getSqlDialect(name: SqlDialectName): SqlDialect {
  return DIALECTS[name];
}
