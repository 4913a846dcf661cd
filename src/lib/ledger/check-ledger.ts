/**
 * Comparing the policies with the published-version ledger. A published
 * version may never be deleted, moved in time once it has taken effect, or
 * have its text, `changeType` or `summary` changed silently: the only way to
 * change them is a `corrections` entry (editorial, or recorded as material
 * with its reason), recorded by `npm run policy -- publish`. A version takes
 * effect no earlier than it is published unless the backdating is recorded
 * with its reason; a scheduled version may be postponed or withdrawn, with a
 * reason, until it takes effect. And every version the site would show must
 * be in the ledger, so CI catches a version nobody published.
 */
import type { Ledger, LedgerEntry, PublishedRecord } from '#schemas/ledger.ts';
import type { LocaleModel } from '#schemas/site-config.ts';
import { formatZonedInstant, getNextMinute } from '#lib/time/zoned-time.ts';
import { hasBegun } from '#lib/time/interval.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { getTimelineKey } from '#lib/timeline/policy-corpus.ts';
import { detailText, type Problem } from '#lib/corpus/problem.ts';
import { getPublishedText, splitPublishedText } from '#lib/timeline/published-text.ts';
import type { EditorialVerdict } from '#lib/redline/editorial-change.ts';
import { checkPublishedChange } from './correction-check.ts';
import { checkNotice, type ShortNotice } from '#lib/notice/notice-check.ts';
import type { NoticeSettings } from '#lib/notice/notice-period.ts';
import { problemText } from '#lib/messages/message-catalog.ts';
import type { LockedChange } from '#lib/messages/messages-en.ts';

/** What {@link checkLedger} needs. */
export interface LedgerCheckInput {
  /** Every valid version of the folder, drafts included. */
  versions: readonly PolicyVersion[];
  /** Ids of version files that exist but did not validate: their own problems are reported, they are not "deleted". */
  invalidIds?: ReadonlySet<string>;
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
  /** The moment of checking: the build's "now", or the moment of publishing. */
  now: number;
  /** The site's time zone: every instant in a message is shown there, with its offset. */
  timeZone: string;
  localeModel: LocaleModel;
  /** The notice each policy requires (site settings `notice`); none when absent. */
  notice?: NoticeSettings | undefined;
}

/** A new version declared `changeType: editorial`, judged against the text before it. */
interface EditorialClaim {
  verdict: EditorialVerdict;
  /** The text it was compared with: the same language's version in force before it; null when there is none (then it cannot be proven). */
  previous: { version: string; sha256: string } | null;
}

/**
 * The result: problems, the ledger's record of each published version by id,
 * the verdict on each correction waiting to be recorded, and on each new
 * version declared editorial.
 */
export interface LedgerCheckResult {
  problems: Problem[];
  published: Map<string, PublishedRecord>;
  pendingCorrections: Map<string, EditorialVerdict>;
  editorialClaims: Map<string, EditorialClaim>;
  /** Versions announced with less notice than required and no recorded reason, by id. */
  shortNotice: Map<string, ShortNotice>;
}

/** Every change of a version's text the ledger recorded (corrections and postponements), oldest first. */
function getTextChanges(entry: Pick<LedgerEntry, 'corrections' | 'rescheduled'>): { previousSha256: string; sha256: string; recordedAt: string }[] {
  return [...entry.corrections, ...entry.rescheduled].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
}

/** The hash the ledger expects the text to have now: the last recorded change's, else the original. */
export function getRecordedHash(entry: Pick<LedgerEntry, 'sha256' | 'corrections' | 'rescheduled'>): string {
  return getTextChanges(entry).at(-1)?.sha256 ?? entry.sha256;
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
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * What changed in a published summary, item by item: the first item that
 * differs, and the line it is on (the field's line when the item is gone or
 * the summary is one line), so the message points at the change.
 */
function describeSummaryChange(id: string, published: readonly string[], version: Pick<PolicyVersion, 'summary' | 'summaryLine' | 'summaryItemLines'>): ReturnType<typeof problemText> & { line: number } {
  const now = version.summary;
  const index = now.findIndex((item, at) => item !== published[at]);
  const at = index === -1 ? now.length : index;
  const line = version.summaryItemLines[Math.min(at, version.summaryItemLines.length - 1)] ?? version.summaryLine;
  const item = at + 1;
  if (at < published.length && at < now.length) return { line, ...problemText('summaryItemChanged', { id, item, published: published[at] ?? '', now: now[at] ?? '' }) };
  if (at < now.length) return { line, ...problemText('summaryItemAdded', { id, items: published.length, item, added: now[at] ?? '' }) };
  return { line, ...problemText('summaryItemRemoved', { id, item, published: published[at] ?? '' }) };
}

/** The date of a version's latest declared correction, for messages ("?" when it declares none). */
const correctionDate = (version: Pick<PolicyVersion, 'corrections'>) => version.corrections.at(-1)?.date ?? '?';

/** The refusal of a correction the editorial check finds material, with the passages that make it so. */
function materialCorrection(version: PolicyVersion, verdict: EditorialVerdict): Problem {
  return {
    file: version.file,
    line: 1,
    field: 'corrections',
    code: 'material-correction',
    ...problemText('materialCorrection', { id: version.id, date: correctionDate(version), passages: verdict.passages.length, policy: version.policy, locale: version.locale }),
    ...detailText({ id: 'materialPassages', params: { passages: verdict.passages } }),
  };
}

/**
 * Judges a new version declared editorial against the same language's text
 * in force before it (the latest earlier version that is not a draft and
 * not withdrawn). No earlier text: nothing proves it editorial.
 */
function checkEditorialClaim(version: PolicyVersion, versions: readonly PolicyVersion[], withdrawn: ReadonlySet<string>): EditorialClaim {
  let previous: PolicyVersion | undefined;
  for (const other of versions) {
    if (other.draft || other.policy !== version.policy || other.locale !== version.locale || withdrawn.has(other.id) || other.effectiveFrom >= version.effectiveFrom) continue;
    if (!previous || other.effectiveFrom > previous.effectiveFrom) previous = other;
  }
  if (!previous) return { verdict: { editorial: false, passages: [] }, previous: null };
  const before = getPublishedText(previous);
  return { verdict: checkPublishedChange(before.text, getPublishedText(version).text, version.locale), previous: { version: previous.version, sha256: before.sha256 } };
}

/** The refusal of a new version declared editorial that the check does not prove editorial. */
function unprovenEditorial(version: PolicyVersion, claim: EditorialClaim): Problem {
  return {
    file: version.file,
    line: version.changeTypeLine,
    field: 'changeType',
    code: 'editorial-unproven',
    ...(claim.previous === null
      ? problemText('editorialNothingBefore', { id: version.id, locale: version.locale, policy: version.policy })
      : {
          ...problemText('editorialUnproven', { id: version.id, previous: `${version.policy}/${version.locale}/${claim.previous.version}`, passages: claim.verdict.passages.length }),
          ...detailText({ id: 'materialPassages', params: { passages: claim.verdict.passages } }),
        }),
  };
}

/** Checks the versions against the ledger. */
export function checkLedger(input: LedgerCheckInput): LedgerCheckResult {
  const problems: Problem[] = [];
  const published = new Map<string, PublishedRecord>();
  const pendingCorrections = new Map<string, EditorialVerdict>();
  const editorialClaims = new Map<string, EditorialClaim>();
  const byId = new Map(input.versions.map((version) => [version.id, version]));
  const entries = input.ledger?.versions ?? [];
  const when = (instant: number | string) => formatZonedInstant(typeof instant === 'number' ? instant : Date.parse(instant), input.timeZone);
  const archiveDir = `${input.policiesDisplayPath}/.published`;

  for (const entry of entries) {
    const id = idOf(entry);
    const version = byId.get(id);
    const expectedHash = getRecordedHash(entry);
    const expectedFile = `${input.policiesDisplayPath}/${id}.md`;
    const recordedFrom = Date.parse(entry.effectiveFrom);
    if (!version) {
      // The file is there but broken: its own problems say what to fix; it is not "deleted".
      if (input.invalidIds?.has(id)) continue;
      problems.push({
        file: expectedFile,
        line: 1,
        code: 'published-deleted',
        ...problemText('publishedDeleted', {
          id,
          file: expectedFile,
          archive: `${archiveDir}/${expectedHash}.md`,
          policy: entry.policy,
          version: entry.version,
          withdrawable: !entry.withdrawn && !hasBegun(recordedFrom, input.now),
        }),
      });
      continue;
    }
    if (version.draft) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'draft',
        code: 'published-became-draft',
        ...problemText('publishedBecameDraft', { id, policy: entry.policy, version: entry.version, effective: !entry.withdrawn && !hasBegun(recordedFrom, input.now) ? when(recordedFrom) : null }),
      });
      continue;
    }
    published.set(id, {
      publishedAt: entry.publishedAt,
      sha256: entry.sha256,
      publication: entry.publication,
      changeType: entry.changeType,
      summary: entry.summary,
      corrections: entry.corrections,
      rescheduled: entry.rescheduled,
      withdrawn: entry.withdrawn,
      ...(entry.editorialCheck ? { editorialCheck: entry.editorialCheck } : {}),
      ...(entry.shortNotice ? { shortNotice: entry.shortNotice } : {}),
    });
    if (version.effectiveFrom !== recordedFrom) {
      const place = { file: version.file, line: version.effectiveLine, field: 'effective' };
      const changed = { id, recorded: when(recordedFrom), changed: when(version.effectiveFrom), written: version.effective };
      if (entry.withdrawn) {
        problems.push({ ...place, code: 'effective-changed', ...problemText('effectiveChangedWithdrawn', { ...changed, withdrawn: when(entry.withdrawn.recordedAt) }) });
      } else if (hasBegun(recordedFrom, input.now)) {
        problems.push({ ...place, code: 'effective-changed', ...problemText('effectiveChangedInForce', { ...changed, policy: version.policy, locale: version.locale }) });
      } else if (!hasBegun(input.now, version.effectiveFrom)) {
        problems.push({ ...place, code: 'effective-changed', ...problemText('postponedToPast', { ...changed, now: when(input.now), next: when(getNextMinute(input.now)) }) });
      } else if (version.corrections.length > entry.corrections.length) {
        problems.push({ ...place, code: 'postpone-with-correction', ...problemText('postponeWithCorrection', changed) });
      } else {
        problems.push({ ...place, code: 'postponement-unrecorded', ...problemText('postponementUnrecorded', changed) });
      }
      continue;
    }
    if (version.corrections.length < entry.corrections.length) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: 'correction-removed',
        ...problemText('correctionRemoved', { id, recorded: entry.corrections.length, listed: version.corrections.length }),
      });
      continue;
    }
    const rewritten = entry.corrections.findIndex((recorded, index) => {
      const declared = version.corrections[index];
      return !declared || declared.date !== recorded.date || declared.reason !== recorded.reason;
    });
    if (rewritten !== -1) {
      const recorded = entry.corrections[rewritten];
      const declared = version.corrections[rewritten];
      problems.push({
        file: version.file,
        line: 1,
        field: `corrections.${rewritten}`,
        code: 'correction-rewritten',
        ...problemText('correctionRewritten', {
          id,
          number: rewritten + 1,
          recordedDate: recorded?.date ?? '?',
          recordedReason: recorded?.reason ?? '',
          date: declared?.date ?? '?',
          reason: declared?.reason ?? '',
        }),
      });
      continue;
    }
    if (entry.withdrawn && version.corrections.length > entry.corrections.length) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: 'withdrawn-corrected',
        ...problemText('withdrawnCorrected', { id, withdrawn: when(entry.withdrawn.recordedAt) }),
      });
      continue;
    }
    const { text, sha256: hash } = getPublishedText(version);
    const lockedChanges: (LockedChange & { line: number; refusal: ReturnType<typeof problemText> })[] = [];
    if (entry.changeType !== null && entry.changeType !== version.changeType) {
      lockedChanges.push({
        field: 'changeType',
        from: entry.changeType,
        to: version.changeType,
        line: version.changeTypeLine,
        refusal: problemText('changeTypeLocked', { id, published: entry.changeType, now: version.changeType }),
      });
    }
    if (entry.summary !== null && !sameList(entry.summary, version.summary)) {
      const { line, ...refusal } = describeSummaryChange(id, entry.summary, version);
      lockedChanges.push({ field: 'summary', from: entry.summary, to: version.summary, line, refusal });
    }
    const newCorrections = version.corrections.length - entry.corrections.length;

    if (hash === expectedHash) {
      if (newCorrections === 0) {
        for (const change of lockedChanges) {
          problems.push({ file: version.file, line: change.line, field: change.field, code: 'locked-field-changed', ...change.refusal });
        }
        continue;
      }
      if (newCorrections === 1 && lockedChanges.length > 0) {
        // A correction of changeType or summary alone: nothing in the text to check, but calling a material version editorial
        // after the fact would stop asking for consent to it.
        const declaredEditorial = entry.changeType === 'material' && version.changeType === 'editorial';
        const verdict: EditorialVerdict = declaredEditorial
          ? { editorial: false, passages: [{ clause: null, redline: 'changeType: [-material-]{+editorial+}', reasons: [{ kind: 'declared-editorial' }] }] }
          : { editorial: true, passages: [] };
        pendingCorrections.set(id, verdict);
        if (!verdict.editorial) {
          problems.push(materialCorrection(version, verdict));
          continue;
        }
        problems.push({
          file: version.file,
          line: 1,
          field: 'corrections',
          code: 'correction-unrecorded',
          ...problemText('correctionFieldsUnrecorded', { id, date: correctionDate(version), changes: lockedChanges.map(({ field, from, to }) => ({ field, from, to })) }),
        });
        continue;
      }
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        ...(newCorrections === 1
          ? { code: 'correction-without-change', ...problemText('correctionWithoutChange', { id, date: correctionDate(version) }) }
          : { code: 'corrections-at-once', ...problemText('correctionsAtOnceFields', { id, count: newCorrections }) }),
      });
      continue;
    }
    const before = input.readArchive(expectedHash);
    const detail = before === null ? detailText({ id: 'archiveMissing', params: { sha256: expectedHash, archive: archiveDir } }) : { detail: input.describeChange(before, text, version.locale) };
    if (entry.withdrawn) {
      problems.push({
        file: version.file,
        line: version.bodyStartLine,
        code: 'changed-without-correction',
        ...problemText('withdrawnTextChanged', { id, withdrawn: when(entry.withdrawn.recordedAt), file: version.file }),
        ...detail,
      });
      continue;
    }
    if (newCorrections === 1) {
      if (before === null) {
        problems.push({
          file: version.file,
          line: 1,
          field: 'corrections',
          code: 'correction-unchecked',
          ...problemText('correctionUnchecked', { id, date: correctionDate(version), sha256: expectedHash, archive: archiveDir }),
        });
        continue;
      }
      const verdict = checkPublishedChange(before, text, version.locale);
      pendingCorrections.set(id, verdict);
      problems.push(
        verdict.editorial
          ? {
              file: version.file,
              line: 1,
              field: 'corrections',
              code: 'correction-unrecorded',
              ...problemText('correctionUnrecorded', { id, date: correctionDate(version) }),
              ...detail,
            }
          : materialCorrection(version, verdict),
      );
      continue;
    }
    if (newCorrections > 1) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: 'corrections-at-once',
        ...problemText('correctionsAtOnce', { id, count: newCorrections }),
        ...detail,
      });
      continue;
    }
    problems.push({
      file: version.file,
      line: before === null ? version.bodyStartLine : version.bodyStartLine + firstDifferentLine(splitPublishedText(before).body, version.body),
      code: 'changed-without-correction',
      ...problemText('changedWithoutCorrection', { id, file: version.file }),
      ...detail,
    });
  }

  const inLedger = new Set(entries.map(idOf));
  const withdrawnIds = new Set(entries.filter((entry) => entry.withdrawn).map(idOf));
  const keyOf = (value: { policy: string; locale: string }) => getTimelineKey(value.policy, value.locale, input.localeModel);
  // The latest published start per timeline: a new version may only come after it.
  const latestPublished = new Map<string, LedgerEntry>();
  // The published texts of each version id, to recognize a late translation and a withdrawn id.
  const byVersion = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    const versionKey = `${keyOf(entry)}\u0000${entry.version}`;
    byVersion.set(versionKey, [...(byVersion.get(versionKey) ?? []), entry]);
    if (entry.withdrawn) continue;
    const latest = latestPublished.get(keyOf(entry));
    if (!latest || Date.parse(entry.effectiveFrom) > Date.parse(latest.effectiveFrom)) latestPublished.set(keyOf(entry), entry);
  }
  for (const version of input.versions) {
    if (version.draft || inLedger.has(version.id)) continue;
    const siblings = byVersion.get(`${keyOf(version)}\u0000${version.version}`) ?? [];
    const withdrawn = siblings.find((entry) => entry.withdrawn);
    if (withdrawn?.withdrawn) {
      problems.push({
        file: version.file,
        line: 1,
        code: 'withdrawn-version',
        ...problemText('withdrawnVersion', { policy: version.policy, version: version.version, withdrawn: when(withdrawn.withdrawn.recordedAt), reason: withdrawn.withdrawn.reason }),
      });
      continue;
    }
    const translated = siblings[0];
    if (translated) {
      // A language's text of a version already published in another: same id, same instant.
      if (Date.parse(translated.effectiveFrom) !== version.effectiveFrom) {
        problems.push({
          file: version.file,
          line: version.effectiveLine,
          field: 'effective',
          code: 'translation-effective',
          ...problemText('translationLate', {
            id: version.id,
            policy: version.policy,
            version: version.version,
            published: when(translated.effectiveFrom),
            now: when(version.effectiveFrom),
            written: version.effective,
            effective: translated.effectiveFrom,
            locale: translated.locale,
          }),
        });
        continue;
      }
    } else {
      const latest = latestPublished.get(keyOf(version));
      if (latest && version.effectiveFrom <= Date.parse(latest.effectiveFrom)) {
        // Before a version in force, it would rewrite the past; before a scheduled one, the schedule announced to readers.
        const scheduled = !hasBegun(Date.parse(latest.effectiveFrom), input.now);
        problems.push({
          file: version.file,
          line: version.effectiveLine,
          field: 'effective',
          code: 'rewrites-history',
          ...(scheduled
            ? problemText('beforeScheduled', { id: version.id, effective: when(version.effectiveFrom), latest: latest.version, latestEffective: when(latest.effectiveFrom), policy: latest.policy })
            : problemText('rewritesHistory', { id: version.id, effective: when(version.effectiveFrom), latest: latest.version, latestEffective: when(latest.effectiveFrom) })),
        });
        continue;
      }
    }
    if (version.corrections.length > 0) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: 'corrections-before-publishing',
        ...problemText('correctionsBeforePublishing', { id: version.id }),
      });
      continue;
    }
    // "Editorial" means nobody is asked again: it must be proven, or confirmed by the person publishing. History already in
    // force when the ledger is created is imported as it was decided then, not judged again.
    const imported = input.ledger === null && !hasBegun(input.now, version.effectiveFrom);
    if (version.changeType === 'editorial' && !imported) {
      const claim = checkEditorialClaim(version, input.versions, withdrawnIds);
      editorialClaims.set(version.id, claim);
      if (!claim.verdict.editorial || claim.previous === null) problems.push(unprovenEditorial(version, claim));
    }
    // Publishing a version after it took effect rewrites what readers were told was in force, unless the ledger is
    // being created (imported history) or it is the late text of a version already published in another language.
    if (input.ledger !== null && !translated && !hasBegun(input.now, version.effectiveFrom)) {
      problems.push({
        file: version.file,
        line: version.effectiveLine,
        field: 'effective',
        code: 'backdated',
        ...problemText('backdated', { version: version.id, effective: when(version.effectiveFrom), written: version.effective, now: when(input.now), next: when(getNextMinute(input.now)) }),
      });
      continue;
    }
    problems.push({
      file: version.file,
      line: 1,
      code: 'not-published',
      ...(input.ledger === null ? problemText('notPublishedNoLedger', { version: version.id, ledger: input.ledgerFile }) : problemText('notPublished', { version: version.id })),
    });
  }
  const notice = checkNotice(input);
  problems.push(...notice.problems);
  return { problems, published, pendingCorrections, editorialClaims, shortNotice: notice.short };
}
