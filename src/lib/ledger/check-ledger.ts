/**
 * Comparing the policies with the published-version ledger. A published
 * version may never be deleted, moved in time or have its text changed
 * silently: the only way to change a published text is a `corrections` entry,
 * recorded by `npm run policy -- publish`. And every version the site would
 * show must be in the ledger, so CI catches a version nobody published.
 */
import type { Ledger, LedgerEntry, PublishedRecord } from '#schemas/ledger.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { Problem } from '#lib/corpus/problem.ts';
import { getPublishedText, splitPublishedText } from '#lib/timeline/published-text.ts';

/** What {@link checkLedger} needs. */
export interface LedgerCheckInput {
  /** Every valid version of the folder, drafts included. */
  versions: readonly PolicyVersion[];
  /** The ledger, or null when the folder has none yet. */
  ledger: Ledger | null;
  /** The ledger's path, for messages. */
  ledgerFile: string;
  /** The policies folder's path as shown in messages, to name deleted files. */
  policiesDisplayPath: string;
  /** The archived text with a hash, or null. */
  readArchive: (sha256: string) => string | null;
  /** Shows the change between two published texts (the same redline as the site, as text). */
  describeChange: (before: string, after: string, locale: string) => string;
}

/** The result: problems, and the ledger's record of each published version by id. */
export interface LedgerCheckResult {
  problems: Problem[];
  published: Map<string, PublishedRecord>;
}

/** The hash the ledger expects the text to have now: the last correction's, else the original. */
export function getRecordedHash(entry: Pick<LedgerEntry, 'sha256' | 'corrections'>): string {
  return entry.corrections.at(-1)?.sha256 ?? entry.sha256;
}

/** Index (0-based) of the first line where two texts differ. */
function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index++;
  return index;
}

const idOf = (value: { policy: string; locale: string; version: string }) => `${value.policy}/${value.locale}/${value.version}`;

/** Checks the versions against the ledger. */
export function checkLedger(input: LedgerCheckInput): LedgerCheckResult {
  const problems: Problem[] = [];
  const published = new Map<string, PublishedRecord>();
  const byId = new Map(input.versions.map((version) => [version.id, version]));
  const entries = input.ledger?.versions ?? [];

  for (const entry of entries) {
    const id = idOf(entry);
    const version = byId.get(id);
    const expectedHash = getRecordedHash(entry);
    const expectedFile = `${input.policiesDisplayPath}/${id}.md`;
    if (!version || version.draft) {
      problems.push({
        file: version?.file ?? expectedFile,
        line: 1,
        code: version ? 'published-became-draft' : 'published-deleted',
        message: version
          ? `${id} was published and cannot become a draft again`
          : `the published version ${id} is gone: its file was deleted or renamed`,
        hint: version
          ? 'Remove "draft: true". To change the text of a published version, add a corrections entry (date, reason).'
          : `Published versions are permanent. Restore the file (git checkout -- ${expectedFile}); its published text is kept in ${input.policiesDisplayPath}/.published/${expectedHash}.md.`,
      });
      continue;
    }
    published.set(id, { publishedAt: entry.publishedAt, sha256: entry.sha256, corrections: entry.corrections });
    if (formatInstant(version.effectiveFrom) !== entry.effectiveFrom) {
      problems.push({
        file: version.file,
        line: version.effectiveLine,
        field: 'effective',
        code: 'effective-changed',
        message: `${id} was published to take effect at ${entry.effectiveFrom}, but now says ${formatInstant(version.effectiveFrom)} ("${version.effective}")`,
        hint: 'The effective instant of a published version never changes. Put it back, and publish a new version for a new date.',
      });
      continue;
    }
    if (version.corrections.length < entry.corrections.length) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: 'correction-removed',
        message: `${id} has ${entry.corrections.length} recorded correction(s) but its front matter lists ${version.corrections.length}`,
        hint: 'Recorded corrections stay in the front matter for good: put the removed corrections entries back.',
      });
      continue;
    }
    const { text, sha256: hash } = getPublishedText(version);
    if (hash === expectedHash) {
      if (version.corrections.length > entry.corrections.length) {
        problems.push({
          file: version.file,
          line: 1,
          field: 'corrections',
          code: 'correction-without-change',
          message: `${id} declares a correction of ${version.corrections.at(-1)?.date ?? '?'}, but its text is the published one`,
          hint: 'Make the correction in the text, or remove the corrections entry.',
        });
      }
      continue;
    }
    const before = input.readArchive(expectedHash);
    const detail = before === null ? `(the published text ${expectedHash} is not in ${input.policiesDisplayPath}/.published/ to compare with)` : input.describeChange(before, text, version.locale);
    if (version.corrections.length > entry.corrections.length) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: version.corrections.length === entry.corrections.length + 1 ? 'correction-unrecorded' : 'corrections-at-once',
        message:
          version.corrections.length === entry.corrections.length + 1
            ? `${id}: the correction of ${version.corrections.at(-1)?.date ?? '?'} is not recorded yet`
            : `${id} declares ${version.corrections.length - entry.corrections.length} new corrections at once`,
        hint:
          version.corrections.length === entry.corrections.length + 1
            ? 'Record it with npm run policy -- publish, then commit the ledger with the change.'
            : 'Each correction is recorded with the text it produced: add one corrections entry, publish, then the next.',
        detail,
      });
    } else {
      problems.push({
        file: version.file,
        line: before === null ? version.bodyStartLine : version.bodyStartLine + firstDifferentLine(splitPublishedText(before).body, version.body),
        code: 'changed-without-correction',
        message: `the published text of ${id} was changed without a correction`,
        hint: `Undo the change (git checkout -- ${version.file}), or, if the published text must be corrected, add to the front matter: corrections: [{ date: YYYY-MM-DD, reason: "why" }], then run npm run policy -- publish.`,
        detail,
      });
    }
  }

  const inLedger = new Set(entries.map(idOf));
  // The latest published start per timeline: a new version may only come after it.
  const latestPublished = new Map<string, LedgerEntry>();
  for (const entry of entries) {
    const key = `${entry.policy}/${entry.locale}`;
    const latest = latestPublished.get(key);
    if (!latest || Date.parse(entry.effectiveFrom) > Date.parse(latest.effectiveFrom)) latestPublished.set(key, entry);
  }
  for (const version of input.versions) {
    if (version.draft || inLedger.has(version.id)) continue;
    const latest = latestPublished.get(`${version.policy}/${version.locale}`);
    if (latest && version.effectiveFrom <= Date.parse(latest.effectiveFrom)) {
      problems.push({
        file: version.file,
        line: version.effectiveLine,
        field: 'effective',
        code: 'rewrites-history',
        message: `${version.id} would take effect at ${formatInstant(version.effectiveFrom)}, before the published version ${latest.version} (${latest.effectiveFrom}): it would change which version was in force in the past`,
        hint: `A new version takes effect after every published one: use a date after ${latest.effectiveFrom}.`,
      });
      continue;
    }
    if (version.corrections.length > 0) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: 'corrections-before-publishing',
        message: `${version.id} is not published yet, so it has nothing to correct`,
        hint: 'Remove the corrections entries: until it is published, edit the text freely.',
      });
      continue;
    }
    problems.push({
      file: version.file,
      line: 1,
      code: 'not-published',
      message: `${version.id} is not in the published-version ledger${input.ledger === null ? ` (${input.ledgerFile} does not exist yet)` : ''}`,
      hint: 'Publish it with npm run policy -- publish (it checks everything and records the version and its hash), then commit the ledger with the new version. Or mark it draft: true.',
    });
  }
  return { problems, published };
}
