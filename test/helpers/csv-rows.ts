/**
 * A whole CSV text read back into rows with the strict RFC 4180 parser
 * verify uses (parseCsvText), for tests that check files and query results:
 * a row that parser refuses is an error here, never a silently different row.
 */
import { describeCsvTextError, parseCsvText } from '#lib/consent/csv-record.ts';

/** The rows of `text`, whose lines end in CR LF (versions.csv) or LF (psql --csv); a last line ending is optional. */
export function parseCsvRows(text: string): string[][] {
  const parsed = parseCsvText(text);
  if ('rows' in parsed) return parsed.rows;
  throw new Error(`CSV line ${parsed.line}: ${describeCsvTextError(parsed.error)}`);
}
