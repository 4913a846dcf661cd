/**
 * What the ledger can say about how a version came to be published, for the
 * feed: which texts it ever had (each served by its hash), and whether its
 * `publishedAt` is a real announcement or only the moment history from
 * before the ledger was imported into it.
 */
import type { PublishedRecord } from '#schemas/ledger.ts';

/**
 * How the ledger came to record a version:
 * - `published`: `publish` recorded it before it took effect, so `publishedAt`
 *   is when it was announced;
 * - `imported`: the ledger's first `publish` recorded it after it had taken
 *   effect: history from before the ledger, and `publishedAt` says only when
 *   it was imported, not when readers first saw it;
 * - `backdated`: a later `publish` recorded it after it had taken effect.
 */
export type Publication = 'published' | 'imported' | 'backdated';

/** Every text a published version ever had, by hash, oldest first: as published, then each correction's. */
export function getPublishedHashes(record: PublishedRecord): string[] {
  return [...new Set([record.sha256, ...record.corrections.map((correction) => correction.sha256)])];
}

/** The instant of the ledger's first `publish`: the earliest `publishedAt` it records, or null when it records none. */
export function getLedgerStart(records: Iterable<PublishedRecord | null>): string | null {
  let start: number | null = null;
  for (const record of records) {
    const instant = record ? Date.parse(record.publishedAt) : NaN;
    if (!Number.isNaN(instant) && (start === null || instant < start)) start = instant;
  }
  return start === null ? null : new Date(start).toISOString();
}

/**
 * How a version with this record and effective instant (epoch ms) was
 * published, given {@link getLedgerStart}; null when it is not in the ledger.
 */
export function getPublication(record: PublishedRecord | null, effectiveFrom: number, ledgerStart: string | null): Publication | null {
  if (!record) return null;
  const publishedAt = Date.parse(record.publishedAt);
  if (effectiveFrom >= publishedAt) return 'published';
  return ledgerStart !== null && publishedAt === Date.parse(ledgerStart) ? 'imported' : 'backdated';
}
