/** Versions as the ledger records them, for unit tests of what the feed says about publication. */
import type { RecordedCorrection } from '#schemas/ledger.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { renderPublishedText, sha256Hex } from '#lib/timeline/published-text.ts';

/** The version with a ledger record: published at `publishedAt` with its own text's hash, then `corrections`. */
export function withLedgerRecord(version: PolicyVersion, publishedAt: string, corrections: RecordedCorrection[] = []): PolicyVersion {
  return { ...version, published: { publishedAt, sha256: sha256Hex(renderPublishedText(version)), corrections } };
}
