/**
 * What the ledger can say about the texts of a published version, for the
 * feed and the static paths: every text it ever had, each served by its hash.
 * How it came to be published (imported, published, backdated, a late
 * translation) is recorded by the ledger itself (`publication.kind`).
 */
import type { PublishedRecord } from '#schemas/ledger.ts';

/** A recorded change of the text: a correction or a postponement. */
type TextChange = Pick<PublishedRecord['corrections'][number], 'sha256' | 'recordedAt'>;

/** What {@link getPublishedHashes} reads of a record. */
export interface PublishedTexts {
  sha256: PublishedRecord['sha256'];
  corrections: readonly TextChange[];
  rescheduled?: readonly TextChange[];
}

/**
 * Every text a published version ever had, by hash, each once, in the order
 * the ledger recorded them: as published, then each correction's and each
 * postponement's (the effective instant is part of the text), by recordedAt.
 */
export function getPublishedHashes(record: PublishedTexts): string[] {
  const changes = [...record.corrections, ...(record.rescheduled ?? [])].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  return [...new Set([record.sha256, ...changes.map((change) => change.sha256)])];
}
