/**
 * `npm run policy -- publish` as a pure function: from the checked versions
 * and the ledger, the next ledger and the texts to archive. New versions are
 * recorded with their hash, effective instant, how they were published
 * (imported history when the ledger is created, published, backdated with
 * the reason given, a late translation) and the `changeType` and `summary`
 * re-consent depends on; a declared correction is recorded with the old and
 * the new hash and whether it is editorial; a postponement with its reason.
 * Anything else the ledger check finds (a deleted, silently edited or
 * backdated version, a material correction without an override) stops it.
 */
import type { EditorialCheck, Ledger, LedgerEntry, Publication } from '#schemas/ledger.ts';
import { formatInstant, formatZonedInstant } from '#lib/time/zoned-time.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { getTimelineKey } from '#lib/timeline/policy-corpus.ts';
import type { Problem } from '#lib/corpus/problem.ts';
import { getPublishedText } from '#lib/timeline/published-text.ts';
import { checkLedger, getRecordedHash, type LedgerCheckInput } from './check-ledger.ts';
import { getWholeNoticeDays } from '#lib/notice/notice-period.ts';
import { DEFAULT_MESSAGES, problemText, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** The explicit, recorded overrides of `publish`, each with its reason. */
export interface PublishOverrides {
  /** `--backdate`: versions that take effect before the moment of publishing. */
  backdate?: string | undefined;
  /** `--postpone`: new effective instants of versions that have not taken effect. */
  postpone?: string | undefined;
  /** `--material-correction`: corrections the editorial check refuses. */
  materialCorrection?: string | undefined;
  /** `--editorial`: new versions declared editorial that the editorial check does not prove editorial. */
  editorial?: string | undefined;
  /** `--short-notice`: versions announced with less notice than their policy requires. */
  shortNotice?: string | undefined;
}

/** What publishing would do. */
export interface PublishPlan {
  /** Problems that stop publishing; when there are any, nothing is written. */
  problems: Problem[];
  ledger: Ledger;
  /** Published texts to archive (new versions, corrected and postponed texts). */
  archive: string[];
  /** One line per recorded change, for the person publishing, in the language of the `messages` given. */
  recorded: string[];
}

/** Problems `publish` resolves by recording; every other ledger problem stops it. */
const RESOLVED_BY_PUBLISHING = ['not-published', 'correction-unrecorded'];
/** Problems resolved only with an override, by its flag. */
const RESOLVED_BY_OVERRIDE = { backdate: 'backdated', postpone: 'postponement-unrecorded', materialCorrection: 'material-correction', editorial: 'editorial-unproven', shortNotice: 'short-notice' } as const;
const FLAGS = { backdate: '--backdate', postpone: '--postpone', materialCorrection: '--material-correction', editorial: '--editorial', shortNotice: '--short-notice' } as const;

/** Plans a publish at instant `now`. */
export function planPublish(input: LedgerCheckInput & { overrides?: PublishOverrides; messages?: MessageCatalog }): PublishPlan {
  const overrides = input.overrides ?? {};
  const say = (input.messages ?? DEFAULT_MESSAGES).recorded;
  const check = checkLedger(input);
  const resolved = new Set([
    ...RESOLVED_BY_PUBLISHING,
    ...(Object.keys(RESOLVED_BY_OVERRIDE) as (keyof typeof RESOLVED_BY_OVERRIDE)[]).filter((key) => overrides[key] !== undefined).map((key) => RESOLVED_BY_OVERRIDE[key]),
  ]);
  const problems = check.problems.filter((problem) => !resolved.has(problem.code ?? ''));
  // A reason that applies to nothing is a mistake, not a blanket permission for later.
  for (const key of Object.keys(RESOLVED_BY_OVERRIDE) as (keyof typeof RESOLVED_BY_OVERRIDE)[]) {
    const reason = overrides[key];
    if (reason === undefined) continue;
    if (reason.trim() === '') {
      problems.push({ file: input.ledgerFile, line: 1, code: 'override-without-reason', ...problemText('overrideWithoutReason', { flag: FLAGS[key] }) });
    } else if (!check.problems.some((problem) => problem.code === RESOLVED_BY_OVERRIDE[key])) {
      problems.push({ file: input.ledgerFile, line: 1, code: 'override-unused', ...problemText('overrideUnused', { flag: FLAGS[key] }) });
    }
  }

  const entries = new Map((input.ledger?.versions ?? []).map((entry) => [`${entry.policy}/${entry.locale}/${entry.version}`, entry]));
  const archive: string[] = [];
  const recorded: string[] = [];
  const now = formatInstant(input.now);
  const when = (instant: number | string) => formatZonedInstant(typeof instant === 'number' ? instant : Date.parse(instant), input.timeZone);
  const published: PolicyVersion[] = input.versions.filter((version) => !version.draft);
  const publishedIds = new Set((input.ledger?.versions ?? []).map((entry) => `${getTimelineKey(entry.policy, entry.locale, input.localeModel)}\u0000${entry.version}`));
  let locked = 0;

  for (const version of published) {
    const { text, sha256: hash } = getPublishedText(version);
    const entry = entries.get(version.id);
    if (!entry) {
      const translation = publishedIds.has(`${getTimelineKey(version.policy, version.locale, input.localeModel)}\u0000${version.version}`);
      const late = version.effectiveFrom < input.now;
      const publication: Publication =
        input.ledger === null
          ? { kind: late ? 'imported' : 'published', reason: null }
          : translation
            ? { kind: late ? 'late-translation' : 'published', reason: null }
            : late
              ? { kind: 'backdated', reason: overrides.backdate ?? null }
              : { kind: 'published', reason: null };
      const claim = check.editorialClaims.get(version.id);
      const proven = claim?.verdict.editorial === true && claim.previous !== null;
      const editorialCheck: EditorialCheck | undefined = claim && {
        result: proven ? 'proven' : 'confirmed',
        comparedWith: claim.previous,
        reason: proven ? null : (overrides.editorial ?? null),
      };
      entries.set(version.id, {
        policy: version.policy,
        locale: version.locale,
        version: version.version,
        effectiveFrom: formatInstant(version.effectiveFrom),
        publishedAt: now,
        sha256: hash,
        publication,
        changeType: version.changeType,
        summary: version.summary,
        corrections: [],
        rescheduled: [],
        withdrawn: null,
        ...(editorialCheck ? { editorialCheck } : {}),
      });
      archive.push(text);
      const effective = when(version.effectiveFrom);
      recorded.push(
        {
          imported: () => say.imported({ version: version.id, effective, sha256: hash }),
          published: () => say.published({ version: version.id, effective, sha256: hash }),
          backdated: () => say.backdated({ version: version.id, effective, now: when(input.now), reason: publication.reason ?? '', sha256: hash }),
          'late-translation': () => say.lateTranslation({ locale: version.locale, policy: version.policy, version: version.version, effective, now: when(input.now), sha256: hash }),
        }[publication.kind](),
      );
      if (editorialCheck) {
        const since = editorialCheck.comparedWith ? `${version.policy}/${version.locale}/${editorialCheck.comparedWith.version}` : null;
        recorded.push(editorialCheck.result === 'proven' ? say.editorialProven({ version: version.id, since: since ?? '?' }) : say.editorialDecided({ version: version.id, reason: editorialCheck.reason ?? '', since }));
      }
      continue;
    }
    let updated: LedgerEntry = entry;
    // A version 1 ledger did not record what re-consent depends on: from now on it is locked.
    if (entry.changeType === null || entry.summary === null) {
      updated = { ...updated, changeType: entry.changeType ?? version.changeType, summary: entry.summary ?? version.summary };
      locked++;
    }
    const expected = getRecordedHash(entry);
    if (version.effectiveFrom !== Date.parse(entry.effectiveFrom) && overrides.postpone !== undefined) {
      updated = {
        ...updated,
        effectiveFrom: formatInstant(version.effectiveFrom),
        rescheduled: [
          ...entry.rescheduled,
          { previousEffectiveFrom: entry.effectiveFrom, effectiveFrom: formatInstant(version.effectiveFrom), previousSha256: expected, sha256: hash, recordedAt: now, reason: overrides.postpone },
        ],
      };
      archive.push(text);
      recorded.push(say.postponed({ version: version.id, from: when(entry.effectiveFrom), to: when(version.effectiveFrom), reason: overrides.postpone, previous: expected, sha256: hash }));
    }
    const correction = version.corrections[entry.corrections.length];
    const verdict = check.pendingCorrections.get(version.id);
    if (correction && verdict && version.corrections.length === entry.corrections.length + 1) {
      const material = !verdict.editorial;
      updated = {
        ...updated,
        changeType: version.changeType,
        summary: version.summary,
        corrections: [
          ...entry.corrections,
          {
            date: correction.date,
            reason: correction.reason,
            previousSha256: expected,
            sha256: hash,
            recordedAt: now,
            kind: material ? 'material' : 'editorial',
            overrideReason: material ? (overrides.materialCorrection ?? null) : null,
            changeType: entry.changeType !== null && entry.changeType !== version.changeType ? { from: entry.changeType, to: version.changeType } : null,
            summary: entry.summary !== null && entry.summary.join('\u0000') !== version.summary.join('\u0000') ? { from: entry.summary, to: version.summary } : null,
          },
        ],
      };
      if (hash !== expected) archive.push(text);
      recorded.push(say[material ? 'materialCorrection' : 'editorialCorrection']({ date: correction.date, version: version.id, previous: expected, sha256: hash }));
    }
    if (updated !== entry) entries.set(version.id, updated);
  }
  // The reason for a short notice is recorded with the notice required then and the instant it covers.
  if (overrides.shortNotice !== undefined && overrides.shortNotice.trim() !== '') {
    for (const [id, short] of check.shortNotice) {
      const entry = entries.get(id);
      if (!entry) continue;
      entries.set(id, { ...entry, shortNotice: { reason: overrides.shortNotice, recordedAt: now, requiredNotice: short.required.setting, effectiveFrom: formatInstant(short.effectiveFrom) } });
      recorded.push(
        say.shortNotice({
          version: id,
          effective: when(short.effectiveFrom),
          announced: when(short.announcedAt),
          days: getWholeNoticeDays(short.required),
          setting: String(short.required.setting),
          reason: overrides.shortNotice,
        }),
      );
    }
  }
  if (locked > 0) recorded.push(say.upgraded({ count: locked }));
  return { problems, ledger: { ledgerVersion: 2, versions: [...entries.values()] }, archive, recorded };
}
