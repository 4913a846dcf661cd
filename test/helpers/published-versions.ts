/** Versions as the ledger records them, for unit tests of what the feed says about publication. */
import type { Publication, RecordedCorrection } from '#schemas/ledger.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { renderPublishedText, sha256Hex } from '#lib/timeline/published-text.ts';

/** A correction as a version 2 ledger records it: one that passed the editorial check. */
export function recordedCorrection(fields: Pick<RecordedCorrection, 'date' | 'reason' | 'previousSha256' | 'sha256' | 'recordedAt'>): RecordedCorrection {
  return { kind: 'editorial', overrideReason: null, changeType: null, summary: null, ...fields };
}

/** The version with a ledger record: published at `publishedAt` (as `kind`) with its own text's hash, then `corrections`. */
export function withLedgerRecord(version: PolicyVersion, publishedAt: string, corrections: RecordedCorrection[] = [], kind: Publication['kind'] = 'published'): PolicyVersion {
  return {
    ...version,
    published: {
      publishedAt,
      sha256: sha256Hex(renderPublishedText(version)),
      publication: { kind, reason: null },
      changeType: version.changeType,
      summary: version.summary,
      corrections,
      rescheduled: [],
      withdrawn: null,
    },
  };
}
