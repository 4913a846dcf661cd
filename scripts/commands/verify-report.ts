/**
 * What the streaming `verify` and `verify --engine duckdb` say alike: the
 * report lines of one record and the instant "in the future" is measured
 * against. Its own module, so that the two commands share it without
 * importing each other.
 */
import { parseInstant } from '#lib/time/effective-instant.ts';
import { getBuildInstant } from '#lib/site/site-settings.ts';
import type { RecordResult } from '#lib/consent/verify-record.ts';
import { UsageError } from './command-context.ts';

/** The report lines of one record: its outcome and issues, by line. */
export function describe(result: RecordResult, file: string): string[] {
  const at = `${file}:${result.line}`;
  if (result.status === 'malformed') return [`${at}: malformed: ${result.message}`];
  return [
    ...result.issues.map((issue) => `${at}: ${issue.outcome}: ${issue.message}`),
    ...result.documents.filter((document) => document.status !== 'ok').map((document) => `${at}: ${document.status}: ${document.message}`),
    ...result.notes.map((note) => `${at}: note: ${note}`),
  ];
}

/** The instant in-the-future is measured against: --as-of, else the build instant. */
export function getNow(asOf: string | undefined, timeZone: string): number {
  if (asOf === undefined) return getBuildInstant(process.env);
  const instant = parseInstant(asOf, timeZone);
  if (instant === null) throw new UsageError(`--as-of "${asOf}" is not an instant: write it with an offset, e.g. 2026-01-01T00:00:00+03:00, or as a date`);
  return instant;
}
