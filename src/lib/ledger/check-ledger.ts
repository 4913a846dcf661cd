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
import type { Problem } from '#lib/corpus/problem.ts';
import { getPublishedText, splitPublishedText } from '#lib/timeline/published-text.ts';
import { COSMETIC_EDITS, formatMaterialPassages, type EditorialVerdict } from '#lib/redline/editorial-change.ts';
import { checkPublishedChange } from './correction-check.ts';
import { checkNotice, type ShortNotice } from '#lib/notice/notice-check.ts';
import type { NoticeSettings } from '#lib/notice/notice-period.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

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
const quoteList = (items: readonly string[]) => (items.length === 0 ? '(none)' : items.map((item) => JSON.stringify(item)).join(', '));

/**
 * What changed in a published summary, item by item: the first item that
 * differs, and the line it is on (the field's line when the item is gone or
 * the summary is one line), so the message points at the change.
 */
function describeSummaryChange(id: string, published: readonly string[], version: Pick<PolicyVersion, 'summary' | 'summaryLine' | 'summaryItemLines'>): { message: string; line: number } {
  const now = version.summary;
  const index = now.findIndex((item, at) => item !== published[at]);
  const at = index === -1 ? now.length : index;
  const line = version.summaryItemLines[Math.min(at, version.summaryItemLines.length - 1)] ?? version.summaryLine;
  const item = `summary item ${at + 1}`;
  if (at < published.length && at < now.length) return { line, message: `${id} was published with ${item} ${JSON.stringify(published[at])}, but it now says ${JSON.stringify(now[at])}` };
  if (at < now.length)
    return {
      line,
      message: `${id} was published with ${published.length === 0 ? 'no summary' : `${published.length} summary ${published.length === 1 ? 'item' : 'items'}`}, but ${item} ${JSON.stringify(now[at])} was added`,
    };
  return { line, message: `${id} was published with ${item} ${JSON.stringify(published[at])}, which was removed` };
}

/** The hint for undoing an edit of a published file, without a command that could silently destroy other work. */
function undoEditHint(file: string): string {
  return `See your change with git diff -- ${file}. To undo it, edit it back, or run git restore --source=HEAD --worktree -- ${file} (careful: that throws away every uncommitted edit of this file; git stash keeps a copy first).`;
}

const passagesNoun = (count: number) => (count === 1 ? '1 changed passage is not a cosmetic edit' : `${count} changed passages are not cosmetic edits`);

/** The refusal of a correction the editorial check finds material, with the passages that make it so. */
function materialCorrection(version: PolicyVersion, verdict: EditorialVerdict): Problem {
  return {
    file: version.file,
    line: 1,
    field: 'corrections',
    code: 'material-correction',
    message: `${version.id}: the correction of ${version.corrections.at(-1)?.date ?? '?'} is not editorial: ${passagesNoun(verdict.passages.length)} (${COSMETIC_EDITS})`,
    hint: `A correction changes a published text without a new version and without asking anyone to consent again, so it may only fix wording. Publish the change as a new version instead (npm run policy -- new ${version.policy} --locale ${version.locale} --effective <date>), after undoing it here. Only if it really is a correction, record it as a material one: npm run policy -- publish --material-correction "<why>".`,
    detail: formatMaterialPassages(verdict.passages),
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
  const confirm = `If you have checked that it is editorial all the same, confirm it, saying who decided and why: npm run policy -- publish --editorial "<who decided, and why>" (recorded in the ledger and the public log, and shown on the version page).`;
  return {
    file: version.file,
    line: version.changeTypeLine,
    field: 'changeType',
    code: 'editorial-unproven',
    ...(claim.previous === null
      ? {
          message: `${version.id} is declared editorial, but there is no earlier ${version.locale} text of ${version.policy} to compare it with: nothing proves it editorial`,
          hint: `An editorial version takes effect without asking anyone to consent again. Set changeType: material, or: ${confirm}`,
        }
      : {
          message: `${version.id} is declared editorial, but compared with ${version.policy}/${version.locale}/${claim.previous.version}, ${passagesNoun(claim.verdict.passages.length)} (${COSMETIC_EDITS})`,
          hint: `An editorial version takes effect without asking anyone to consent again. If the change is material, set changeType: material and say in summary what changed. ${confirm}`,
          detail: formatMaterialPassages(claim.verdict.passages),
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
        message: `the published version ${id} is gone: its file was deleted or renamed`,
        hint: `Published versions are permanent. If it was deleted by mistake, git restore --source=HEAD -- ${expectedFile} brings the committed file back; its published text is also kept in ${archiveDir}/${expectedHash}.md.${
          !entry.withdrawn && !hasBegun(recordedFrom, input.now) ? ` To stop a version that has not taken effect, withdraw it instead: npm run policy -- withdraw ${entry.policy} ${entry.version} --reason "…".` : ''
        }`,
      });
      continue;
    }
    if (version.draft) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'draft',
        code: 'published-became-draft',
        message: `${id} was published and cannot become a draft again`,
        hint: `Remove "draft: true". To change the text of a published version, add a corrections entry (date, reason)${
          !entry.withdrawn && !hasBegun(recordedFrom, input.now) ? `; to stop it before it takes effect (${when(recordedFrom)}), withdraw it: npm run policy -- withdraw ${entry.policy} ${entry.version} --reason "…"` : ''
        }.`,
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
      const now = when(version.effectiveFrom);
      const base = {
        file: version.file,
        line: version.effectiveLine,
        field: 'effective',
        message: `${id} was published to take effect at ${when(recordedFrom)}, but now says ${now} ("${version.effective}")`,
      };
      if (entry.withdrawn) {
        problems.push({ ...base, code: 'effective-changed', hint: `It was withdrawn at ${when(entry.withdrawn.recordedAt)}; its file stays as published. Put the effective date back (${when(recordedFrom)}).` });
      } else if (hasBegun(recordedFrom, input.now)) {
        problems.push({
          ...base,
          code: 'effective-changed',
          message: `${base.message}: it took effect at ${when(recordedFrom)}, and what was in force in the past never changes`,
          hint: `Put the effective date back, and publish a new version for a new date (npm run policy -- new ${version.policy} --locale ${version.locale} --effective <date>).`,
        });
      } else if (!hasBegun(input.now, version.effectiveFrom)) {
        problems.push({
          ...base,
          code: 'effective-changed',
          message: `${base.message}, which is before now (${when(input.now)}): a postponed version cannot take effect in the past`,
          hint: `Use an instant from now on, e.g. effective: ${when(getNextMinute(input.now))} or a future date, then run npm run policy -- publish --postpone "<reason>".`,
        });
      } else if (version.corrections.length > entry.corrections.length) {
        problems.push({
          ...base,
          code: 'postpone-with-correction',
          hint: 'Postpone and correct in two steps: first the new effective date with npm run policy -- publish --postpone "<reason>", then the corrections entry and publish again.',
        });
      } else {
        problems.push({
          ...base,
          code: 'postponement-unrecorded',
          message: `${id} is scheduled for ${when(recordedFrom)} and now says ${now} ("${version.effective}"): the postponement is not recorded yet`,
          hint: `Record it with its reason: npm run policy -- publish --postpone "<why the date changed>" (allowed until the version takes effect at ${when(recordedFrom)}), then commit the ledger. Or put the effective date back.`,
        });
      }
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
        message: `${id}: correction ${rewritten + 1} was recorded as { date: ${recorded?.date ?? '?'}, reason: ${JSON.stringify(recorded?.reason ?? '')} }, but the front matter now says { date: ${declared?.date ?? '?'}, reason: ${JSON.stringify(declared?.reason ?? '')} }`,
        hint: 'A recorded correction and its reason never change: put them back as recorded. To say more, add a new corrections entry.',
      });
      continue;
    }
    if (entry.withdrawn && version.corrections.length > entry.corrections.length) {
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: 'withdrawn-corrected',
        message: `${id} was withdrawn at ${when(entry.withdrawn.recordedAt)} and never takes effect: it has nothing to correct`,
        hint: 'Remove the new corrections entry and keep the text as published; publish a new version with the new text instead.',
      });
      continue;
    }
    const { text, sha256: hash } = getPublishedText(version);
    const lockedChanges: { field: 'changeType' | 'summary'; from: string; to: string; line: number; message: string }[] = [];
    if (entry.changeType !== null && entry.changeType !== version.changeType) {
      lockedChanges.push({
        field: 'changeType',
        from: entry.changeType,
        to: version.changeType,
        line: version.changeTypeLine,
        message: `${id} was published with changeType: ${entry.changeType}, but now says ${version.changeType}`,
      });
    }
    if (entry.summary !== null && !sameList(entry.summary, version.summary)) {
      lockedChanges.push({ field: 'summary', from: quoteList(entry.summary), to: quoteList(version.summary), ...describeSummaryChange(id, entry.summary, version) });
    }
    const newCorrections = version.corrections.length - entry.corrections.length;
    const correctionWay = 'Put it back, or, if the published value was wrong, add a corrections entry (date, reason) and run npm run policy -- publish: the feed, since.json and the version page then show the change.';
    const lockHint = (field: 'changeType' | 'summary') =>
      field === 'changeType'
        ? `changeType is what re-consent depends on (material: users are asked to accept again; editorial: only told), locked like the text. ${correctionWay}`
        : `The summary is published with the version, locked like the text: readers, the feeds and since.json show it (re-consent depends on changeType, not on it). ${correctionWay}`;

    if (hash === expectedHash) {
      if (newCorrections === 0) {
        for (const change of lockedChanges) {
          problems.push({ file: version.file, line: change.line, field: change.field, code: 'locked-field-changed', message: change.message, hint: lockHint(change.field) });
        }
        continue;
      }
      if (newCorrections === 1 && lockedChanges.length > 0) {
        // A correction of changeType or summary alone: nothing in the text to check, but calling a material version editorial
        // after the fact would stop asking for consent to it.
        const declaredEditorial = entry.changeType === 'material' && version.changeType === 'editorial';
        const verdict: EditorialVerdict = declaredEditorial
          ? { editorial: false, passages: [{ clause: null, redline: 'changeType: [-material-]{+editorial+}', reasons: ['declares editorial a version published as material'] }] }
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
          message: `${id}: the correction of ${version.corrections.at(-1)?.date ?? '?'} (${lockedChanges.map((change) => `${change.field}: ${change.from} → ${change.to}`).join('; ')}) is not recorded yet`,
          hint: 'Record it with npm run policy -- publish, then commit the ledger with the change.',
        });
        continue;
      }
      problems.push({
        file: version.file,
        line: 1,
        field: 'corrections',
        code: newCorrections === 1 ? 'correction-without-change' : 'corrections-at-once',
        message:
          newCorrections === 1
            ? `${id} declares a correction of ${version.corrections.at(-1)?.date ?? '?'}, but its text, changeType and summary are the published ones`
            : `${id} declares ${newCorrections} new corrections at once`,
        hint: newCorrections === 1 ? 'Make the correction in the text, or remove the corrections entry.' : 'Each correction is recorded with what it changed: add one corrections entry, publish, then the next.',
      });
      continue;
    }
    const before = input.readArchive(expectedHash);
    const detail = before === null ? `(the published text ${expectedHash} is not in ${archiveDir}/ to compare with)` : input.describeChange(before, text, version.locale);
    if (entry.withdrawn) {
      problems.push({
        file: version.file,
        line: version.bodyStartLine,
        code: 'changed-without-correction',
        message: `the text of ${id}, withdrawn at ${when(entry.withdrawn.recordedAt)}, was changed`,
        hint: `A withdrawn version's file stays as published. ${undoEditHint(version.file)} Publish the new text as a new version.`,
        detail,
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
          message: `${id}: the correction of ${version.corrections.at(-1)?.date ?? '?'} cannot be checked, because the published text ${expectedHash} is missing from ${archiveDir}/`,
          hint: `Restore ${archiveDir}/${expectedHash}.md from git (git restore --source=HEAD -- ${archiveDir}/${expectedHash}.md), then run publish again.`,
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
              message: `${id}: the correction of ${version.corrections.at(-1)?.date ?? '?'} is not recorded yet`,
              hint: 'Record it with npm run policy -- publish, then commit the ledger with the change.',
              detail,
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
        message: `${id} declares ${newCorrections} new corrections at once`,
        hint: 'Each correction is recorded with the text it produced: add one corrections entry, publish, then the next.',
        detail,
      });
      continue;
    }
    problems.push({
      file: version.file,
      line: before === null ? version.bodyStartLine : version.bodyStartLine + firstDifferentLine(splitPublishedText(before).body, version.body),
      code: 'changed-without-correction',
      message: `the published text of ${id} was changed without a correction`,
      hint: `${undoEditHint(version.file)} If the published text must be corrected, add to the front matter: corrections: [{ date: YYYY-MM-DD, reason: "why" }], then run npm run policy -- publish.`,
      detail,
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
        message: `${version.policy} ${version.version} was withdrawn at ${when(withdrawn.withdrawn.recordedAt)} (${withdrawn.withdrawn.reason}): no text of it can be published any more`,
        hint: 'Give this text a new version id and a new effective date (npm run policy -- new), or mark it draft: true.',
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
          message: `${version.id} is a translation of ${version.policy} ${version.version}, published to take effect at ${when(translated.effectiveFrom)}, but says ${when(version.effectiveFrom)} ("${version.effective}")`,
          hint: `Translations of one version take effect together: set effective to ${translated.effectiveFrom} (or the same date as the ${translated.locale} text).`,
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
          message: scheduled
            ? `${version.id} would take effect at ${when(version.effectiveFrom)}, before ${latest.version}, which is published and scheduled to take effect at ${when(latest.effectiveFrom)}: a new version takes effect after every published one, so the schedule readers were told stays true`
            : `${version.id} would take effect at ${when(version.effectiveFrom)}, before the published version ${latest.version} (${when(latest.effectiveFrom)}): it would change which version was in force in the past`,
          hint: scheduled
            ? `Use a date after ${when(latest.effectiveFrom)}. To have this version take effect first, keep it draft: true and first move ${latest.version} out of its way: postpone it (a later effective in each of its files, then npm run policy -- publish --postpone "<reason>") or withdraw it (npm run policy -- withdraw ${latest.policy} ${latest.version} --reason "<reason>"); then remove draft: true and publish this one.`
            : `A new version takes effect after every published one: use a date after ${when(latest.effectiveFrom)}.`,
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
        message: `${version.id} is not published yet, so it has nothing to correct`,
        hint: 'Remove the corrections entries: until it is published, edit the text freely.',
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
