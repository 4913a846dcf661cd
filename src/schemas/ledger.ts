/**
 * The published-version ledger, `policies/published.lock.json`: for every
 * version ever published, its identity, effective instant and the SHA-256 of
 * the text published, how it came to be published (imported history, on
 * time, backdated with a reason, a late translation), what re-consent depends
 * on (`changeType`, `summary`), every correction since with both hashes, and
 * a postponement or withdrawal before it took effect. Written only by
 * `npm run policy -- publish` and `withdraw`; the build and `check` compare
 * the policies with it so a published text can never change silently.
 *
 * `ledgerVersion: 2`. A version 1 ledger (before publications, locks,
 * postponements and withdrawals were recorded) is still read, and upgraded
 * in memory by {@link upgradeLedgerV1}; the next `publish` writes version 2.
 */
import { z } from 'zod';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, SHA256_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';
import { CHANGE_TYPES } from './front-matter.ts';

const Sha256 = z.string().regex(SHA256_PATTERN, 'must be 64 lowercase hexadecimal characters');
const Instant = z.iso.datetime({ offset: false });
const ChangeType = z.enum(CHANGE_TYPES);

/** How a version came to be in the ledger. */
export const PUBLICATION_KINDS = ['imported', 'published', 'backdated', 'late-translation'] as const;

/**
 * How a version was published:
 * - `imported`: recorded by the `publish` that created the ledger, for a
 *   version that had already taken effect: history that existed before the
 *   ledger, which the ledger attests only from `publishedAt` on;
 * - `published`: recorded no later than it takes effect (the normal case);
 * - `backdated`: recorded after it took effect, with `publish --backdate
 *   "<reason>"`; between `effectiveFrom` and `publishedAt` nobody could read it;
 * - `late-translation`: a language's text of a version already published in
 *   another language, recorded after the version took effect.
 */
const PublicationSchema = z.strictObject({
  kind: z.enum(PUBLICATION_KINDS),
  /** Why it was backdated (`--backdate`); null otherwise, and for a backdating a version 1 ledger recorded without asking. */
  reason: z.string().min(1).nullable(),
});

/** What a correction is allowed to be. */
export const CORRECTION_KINDS = ['editorial', 'material', 'unchecked'] as const;

/** One recorded correction of a published text. */
const RecordedCorrectionSchema = z.strictObject({
  /** The day of the correction, from the front matter. */
  date: z.iso.date(),
  /** Why, from the front matter. */
  reason: z.string().min(1),
  /** Hash of the text before the correction. */
  previousSha256: Sha256,
  /** Hash of the corrected text. */
  sha256: Sha256,
  /** When `publish` recorded it. */
  recordedAt: Instant,
  /**
   * `editorial`: it passed the editorial check (every changed passage a
   * cosmetic edit, see src/lib/redline/editorial-change.ts); `material`: it did not, and was
   * recorded anyway with `publish --material-correction "<reason>"`;
   * `unchecked`: recorded by a version 1 ledger, which did not check.
   */
  kind: z.enum(CORRECTION_KINDS),
  /** The `--material-correction` reason; null unless `kind` is `material`. */
  overrideReason: z.string().min(1).nullable(),
  /** The change of `changeType` this correction made, or null. */
  changeType: z.strictObject({ from: ChangeType, to: ChangeType }).nullable(),
  /** The change of `summary` this correction made, or null. */
  summary: z.strictObject({ from: z.array(z.string()), to: z.array(z.string()) }).nullable(),
});

/**
 * A change of the effective instant of a version that had not taken effect
 * yet (`publish --postpone`). The instant is part of the published text, so
 * the text gets a new hash; the old one stays in the archive.
 */
const RescheduleSchema = z.strictObject({
  previousEffectiveFrom: Instant,
  effectiveFrom: Instant,
  previousSha256: Sha256,
  sha256: Sha256,
  recordedAt: Instant,
  reason: z.string().min(1),
});

/**
 * A version recorded with less notice than its policy requires (`publish
 * --short-notice "<reason>"`, docs/legal-staff.en.md "Notice before change"): the notice
 * required then, as configured, and the effective instant the reason covers.
 */
const ShortNoticeSchema = z.strictObject({
  /** The `--short-notice` reason. */
  reason: z.string().min(1),
  recordedAt: Instant,
  /** The notice the settings required when it was recorded: whole days or an ISO 8601 duration. */
  requiredNotice: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  /** The effective instant the reason was given for; an earlier one is judged again. */
  effectiveFrom: Instant,
});

/** The withdrawal of a version before it took effect (`withdraw`). */
const WithdrawalSchema = z.strictObject({
  recordedAt: Instant,
  reason: z.string().min(1),
});

/** What the editorial check said of a version declared `changeType: editorial` when it was published. */
const EDITORIAL_CHECK_RESULTS = ['proven', 'confirmed'] as const;

/**
 * How a new version declared `changeType: editorial` was found editorial when
 * published (src/lib/redline/editorial-change.ts): `proven` when every
 * changed passage since the text before it is a cosmetic edit; `confirmed`
 * when the check found material passages (or had no earlier text to compare
 * with) and the person publishing confirmed it with `publish --editorial
 * "<reason>"`, the reason on record.
 */
const EditorialCheckSchema = z
  .strictObject({
    result: z.enum(EDITORIAL_CHECK_RESULTS),
    /** The text it was compared with: the same language's version before it, and that text's hash; null when there was none. */
    comparedWith: z.strictObject({ version: z.string().regex(VERSION_ID_PATTERN), sha256: Sha256 }).nullable(),
    /** Why it is editorial all the same (`--editorial`); null when `proven`. */
    reason: z.string().min(1).nullable(),
  })
  .refine((check) => (check.result === 'confirmed') === (check.reason !== null), { message: 'reason is required when result is "confirmed", and null when it is "proven"', path: ['reason'] });

/** What the ledger says of one published version. */
export const PublishedRecordSchema = z.strictObject({
  /** When `publish` first recorded it. */
  publishedAt: Instant,
  /** Hash of the text as first published. */
  sha256: Sha256,
  publication: PublicationSchema,
  /**
   * `changeType` and `summary` as published (or as last corrected): what
   * re-consent depends on, locked like the text. Null only in a ledger read
   * from version 1, which did not record them; `publish` records them.
   */
  changeType: ChangeType.nullable(),
  summary: z.array(z.string()).nullable(),
  /** Corrections since, oldest first; the last one's sha256 is the text served now. */
  corrections: z.array(RecordedCorrectionSchema),
  /** Changes of the effective instant before it took effect, oldest first. */
  rescheduled: z.array(RescheduleSchema),
  /** Set when the version was withdrawn before taking effect; it is then never in force. */
  withdrawn: WithdrawalSchema.nullable(),
  /**
   * For a version published as `changeType: editorial`: how that was proven or
   * who confirmed it. Absent for a material version, and for versions recorded
   * before Policy Press checked the claim (imported history included).
   */
  editorialCheck: EditorialCheckSchema.optional(),
  /** Set when it was recorded with less notice than required, with the reason; absent otherwise (and in ledgers older than the rule). */
  shortNotice: ShortNoticeSchema.optional(),
});

const Identity = {
  policy: z.string().regex(POLICY_ID_PATTERN),
  locale: z.string().regex(LOCALE_PATTERN),
  version: z.string().regex(VERSION_ID_PATTERN),
  /** The instant it takes effect, as published (or last postponed): it changes only by `publish --postpone`. */
  effectiveFrom: Instant,
};

/** One line of the ledger. */
const LedgerEntrySchema = z.strictObject({ ...Identity, ...PublishedRecordSchema.shape });

/** The whole ledger file, version 2. */
export const LedgerSchema = z.strictObject({
  $comment: z.string().optional(),
  ledgerVersion: z.literal(2),
  versions: z.array(
    LedgerEntrySchema.extend({
      // A version 2 file always has them: publish records them before writing.
      changeType: ChangeType,
      summary: z.array(z.string()),
    }),
  ),
});

/** A version 1 ledger, as written before version 2. */
export const LedgerV1Schema = z.strictObject({
  $comment: z.string().optional(),
  ledgerVersion: z.literal(1),
  versions: z.array(
    z.strictObject({
      ...Identity,
      publishedAt: Instant,
      sha256: Sha256,
      corrections: z.array(z.strictObject({ date: z.iso.date(), reason: z.string().min(1), previousSha256: Sha256, sha256: Sha256, recordedAt: Instant })),
    }),
  ),
});

export type Publication = z.output<typeof PublicationSchema>;
export type RecordedCorrection = z.output<typeof RecordedCorrectionSchema>;
export type Reschedule = z.output<typeof RescheduleSchema>;
export type Withdrawal = z.output<typeof WithdrawalSchema>;
export type EditorialCheck = z.output<typeof EditorialCheckSchema>;
export type ShortNoticeRecord = z.output<typeof ShortNoticeSchema>;
export type PublishedRecord = z.output<typeof PublishedRecordSchema>;
export type LedgerEntry = z.output<typeof LedgerEntrySchema>;
/** A ledger in memory: version 2, possibly upgraded from version 1 (then `changeType`/`summary` may be null). */
export interface Ledger {
  ledgerVersion: 2;
  versions: LedgerEntry[];
  /** 1 when it was read from a version 1 file and not yet written again. */
  readFrom?: 1 | 2;
}

/**
 * What a version 1 ledger proves, as version 2 says it. It recorded, for each
 * version, only when `publish` first recorded it (`publishedAt`) and never
 * refused a version that had already taken effect, so:
 * - a version recorded no later than it took effect was `published`;
 * - a version that had taken effect when the `publish` that created the
 *   ledger (the earliest `publishedAt`: the first run records every version
 *   at one instant) recorded it is `imported` history, exactly as version 2
 *   records a first publish;
 * - a text recorded after it took effect, of a version id recorded earlier in
 *   another language, is a `late-translation`;
 * - any other version that had taken effect when recorded was `backdated`,
 *   with no reason (version 1 did not ask for one): consents given between its
 *   `effectiveFrom` and `publishedAt` were given when nobody could read it.
 * Corrections are `unchecked` (version 1 did not check them); `changeType` and
 * `summary` were not recorded (null until `publish` records them), and no
 * version was postponed or withdrawn (version 1 could do neither).
 */
export function upgradeLedgerV1(ledger: z.output<typeof LedgerV1Schema>): Ledger {
  const first = Math.min(...ledger.versions.map((entry) => Date.parse(entry.publishedAt)));
  return {
    ledgerVersion: 2,
    readFrom: 1,
    versions: ledger.versions.map((entry) => {
      const recorded = Date.parse(entry.publishedAt);
      const late = Date.parse(entry.effectiveFrom) < recorded;
      const translated = ledger.versions.some((other) => other.policy === entry.policy && other.version === entry.version && other.locale !== entry.locale && Date.parse(other.publishedAt) < recorded);
      const kind = !late ? 'published' : recorded === first ? 'imported' : translated ? 'late-translation' : 'backdated';
      return {
        ...entry,
        publication: { kind, reason: null },
        changeType: null,
        summary: null,
        corrections: entry.corrections.map((correction) => ({ ...correction, kind: 'unchecked' as const, overrideReason: null, changeType: null, summary: null })),
        rescheduled: [],
        withdrawn: null,
      };
    }),
  };
}
