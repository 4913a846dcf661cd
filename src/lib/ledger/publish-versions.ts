/**
 * `npm run policy -- publish` as a pure function: from the checked versions
 * and the ledger, the next ledger and the texts to archive. New versions are
 * recorded with their hash and effective instant; a declared correction is
 * recorded with the old and the new hash. Anything else the ledger check
 * finds (a deleted, moved or silently edited published version) stops it.
 */
import type { Ledger, LedgerEntry } from '#schemas/ledger.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { Problem } from '#lib/corpus/problem.ts';
import { getPublishedText } from '#lib/timeline/published-text.ts';
import { checkLedger, getRecordedHash, type LedgerCheckInput } from './check-ledger.ts';

/** What publishing would do. */
export interface PublishPlan {
  /** Problems that stop publishing; when there are any, nothing is written. */
  problems: Problem[];
  ledger: Ledger;
  /** Published texts to archive (new versions and corrected texts). */
  archive: string[];
  /** One line per recorded change, for the person publishing. */
  recorded: string[];
}

/** Problems `publish` resolves by recording; every other ledger problem stops it. */
const RESOLVED_BY_PUBLISHING = new Set(['not-published', 'correction-unrecorded']);

/** Plans a publish at instant `now`. */
export function planPublish(input: LedgerCheckInput & { now: number }): PublishPlan {
  const check = checkLedger(input);
  const problems = check.problems.filter((problem) => !RESOLVED_BY_PUBLISHING.has(problem.code ?? ''));
  const entries = new Map((input.ledger?.versions ?? []).map((entry) => [`${entry.policy}/${entry.locale}/${entry.version}`, entry]));
  const archive: string[] = [];
  const recorded: string[] = [];
  const now = formatInstant(input.now);
  const published: PolicyVersion[] = input.versions.filter((version) => !version.draft);
  for (const version of published) {
    const { text, sha256: hash } = getPublishedText(version);
    const entry = entries.get(version.id);
    if (!entry) {
      entries.set(version.id, {
        policy: version.policy,
        locale: version.locale,
        version: version.version,
        effectiveFrom: formatInstant(version.effectiveFrom),
        publishedAt: now,
        sha256: hash,
        corrections: [],
      });
      archive.push(text);
      recorded.push(`published ${version.id} (takes effect ${formatInstant(version.effectiveFrom)}), sha256 ${hash}`);
      continue;
    }
    const expected = getRecordedHash(entry);
    const correction = version.corrections[entry.corrections.length];
    if (hash !== expected && correction && version.corrections.length === entry.corrections.length + 1) {
      const updated: LedgerEntry = {
        ...entry,
        corrections: [...entry.corrections, { date: correction.date, reason: correction.reason, previousSha256: expected, sha256: hash, recordedAt: now }],
      };
      entries.set(version.id, updated);
      archive.push(text);
      recorded.push(`recorded the correction of ${correction.date} to ${version.id}: ${expected} → ${hash}`);
    }
  }
  return { problems, ledger: { ledgerVersion: 1, versions: [...entries.values()] }, archive, recorded };
}
