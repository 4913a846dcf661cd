/**
 * The machine-readable feed under `/feed/v1/`: the contract other systems
 * (sign-up forms, consent databases, auditors) rely on. The build validates
 * every feed file with these schemas before writing it, and
 * `/feed/v1/schema.json` is generated from them, so the published JSON Schema
 * is always the rules the files were checked against.
 *
 * Within v1 changes are additive only: objects accept properties they do not
 * know, so a client written today keeps working when a field is added, and a
 * field added later is optional here, so a file built before it still
 * validates against today's schema.json (the build always writes it).
 */
import { z } from 'zod';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, SHA256_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';
import { CHANGE_TYPES } from './front-matter.ts';
import { CORRECTION_KINDS, PUBLICATION_KINDS } from './ledger.ts';

const Sha256 = z.string().regex(SHA256_PATTERN).meta({ description: 'Hex SHA-256 of the exact bytes served at markdownUrl.' });
const Instant = z.iso.datetime({ offset: false }).meta({ description: 'An instant in ISO 8601, UTC, with Z.' });
const Url = z.url({ protocol: /^https?$/ });
const PolicyId = z.string().regex(POLICY_ID_PATTERN);
const VersionId = z.string().regex(VERSION_ID_PATTERN);
const Locale = z.string().regex(LOCALE_PATTERN).meta({ description: 'Lowercase BCP 47 language tag.' });
const Sha256Url = Url.meta({
  description: 'The text with this sha256 by its hash, <site>/raw/<policy>/<locale>/<version>/<sha256>.md: the same bytes for good (cached as immutable), still served after a correction.',
});
const BuiltAt = Instant.meta({
  description: 'When the site was built: the instant "inForce" (and "next") refer to. From SOURCE_DATE_EPOCH when the build set it, so it also tells how stale a copy is.',
});
const ChangeType = z.enum(CHANGE_TYPES);
const VersionIdField = VersionId.meta({ description: 'Version id: permanent, the same in every locale for translations of one version.' });
const EffectiveFrom = Instant.meta({ description: 'The instant the version takes effect (inclusive).' });
const VersionPageUrl = Url.meta({ description: 'Permanent HTML page of this version.' });
const MarkdownUrl = Url.meta({ description: 'The published Markdown: canonical front matter, then the text.' });
const CurrentSha256Url = Sha256Url.nullable().optional().meta({ description: 'The current text (sha256) by its hash; null where the site serves no such file (a version not in the ledger, on the dev server).' });
const Locales = z.array(Locale).meta({ description: 'The languages that have a text of this version, sorted. A version is in force for every language at once; a language missing here has no text of it.' });
const LocaleModel = z.enum(['translations', 'independent']).meta({
  description:
    '"translations": the same version id in every locale is one version, with one interval for all languages (a locale may have no text of the version in force). "independent": each locale is its own document with its own timeline. Absent in feeds written before it existed, whose intervals were per locale.',
});

const LogIndex = z.number().int().nonnegative().nullable().optional().meta({ description: 'Index of this event in the public log (/log/v1/, C2SP tlog-tiles); null only for a version not published yet (dev server).' });

const Checkpoint = z
  .string()
  .min(1)
  .optional()
  .meta({ description: 'The public log checkpoint (/log/v1/checkpoint, a C2SP signed note) of the build that wrote this file: store it with a consent given on this answer, for verify --log.' });

/** A postponement of a version before it took effect. */
const RescheduleSchema = z.looseObject({
  previousEffectiveFrom: Instant,
  effectiveFrom: Instant,
  recordedAt: Instant,
  reason: z.string().min(1),
  previousSha256: Sha256.meta({ description: 'The text before (the effective instant is part of the published text).' }),
  sha256: Sha256,
  previousMarkdownUrl: Url.meta({ description: 'The text before the postponement, still served by its hash.' }),
  logIndex: LogIndex,
});

/** A version published with less notice than its policy requires (`publish --short-notice`). */
const ShortNoticeSchema = z
  .looseObject({
    reason: z.string().min(1),
    recordedAt: Instant,
    requiredNotice: z.union([z.number().int().nonnegative(), z.string().min(1)]).meta({ description: 'The notice the site required when it was recorded: whole days, or an ISO 8601 duration (e.g. "P10D").' }),
  })
  .meta({ description: 'Set when the version was published with less notice than its policy requires, with the reason recorded (publish --short-notice); null otherwise.' });

const AnnouncedAt = Instant.nullable().meta({ description: 'When the version (this text) was announced: recorded by publish (the same instant as publishedAt); null outside the ledger (dev server).' });
const NoticeDays = z.number().int().nonnegative().nullable().meta({
  description:
    'Whole days from announcedAt to effectiveFrom: the notice this text was given (0 when published after it took effect); null for imported history, whose announcement nobody recorded, and outside the ledger.',
});
const NoticeUrl = Url.meta({ description: 'The ready-to-send notice of this version: /feed/v1/<policy>/<locale>/<version>/notice.txt (plain text).' });
const NoticeHtmlUrl = Url.meta({ description: 'The same notice as a standalone e-mail body (notice.html: inline styles, no script, nothing loaded from elsewhere).' });

/** The next version announced and not yet in force, as a locale's pages announce it. */
const AnnouncementSchema = z
  .looseObject({
    version: VersionId,
    title: z.string().min(1),
    effectiveFrom: Instant.meta({ description: 'The instant it takes effect: tell a returning user before then.' }),
    announcedAt: AnnouncedAt,
    noticeDays: NoticeDays,
    changeType: ChangeType,
    summary: z.array(z.string()),
    banner: z.boolean().meta({ description: 'Whether the site announces it with a banner (material, or editorial when the site says so) or only with a line in the history.' }),
    acceptEarly: z.boolean().optional().meta({
      description:
        'Whether the site lets a returning user accept it before it takes effect (notice.acceptEarly; a material version only): the kit then offers it and dispatches policy-accept-early. Absent from feeds built before it existed: read as false.',
    }),
    locale: Locale.meta({ description: "The language of the text named here: this file's own when it has the text, else the one it exists in (the default locale first)." }),
    locales: Locales,
    url: Url.meta({ description: 'Permanent page of the new text.' }),
    redlineUrl: Url.nullable().meta({ description: 'Redline from the version before it (the version in force) to it; null for a first version.' }),
    noticeUrl: NoticeUrl,
    noticeHtmlUrl: NoticeHtmlUrl,
    shortNotice: ShortNoticeSchema.nullable(),
  })
  .meta({ title: 'Announced version' });

/** One published version of one policy in one locale. */
const FeedVersionSchema = z
  .looseObject({
    policy: PolicyId.meta({ description: 'Policy id, e.g. "privacy".' }),
    locale: Locale,
    version: VersionIdField,
    title: z.string().min(1),
    effectiveFrom: EffectiveFrom,
    effectiveUntil: Instant.nullable().meta({ description: 'The instant the next version takes effect (exclusive); null while none is published.' }),
    sha256: Sha256,
    url: VersionPageUrl,
    markdownUrl: MarkdownUrl,
    sha256Url: CurrentSha256Url,
    diffUrl: Url.nullable().meta({ description: 'Redline from the previous version; null for the first.' }),
    summary: z.array(z.string()).meta({ description: 'What changed from the previous version, in plain words (may be empty).' }),
    changeType: ChangeType.meta({ description: '"material": users must be told and may have to consent again; "editorial": a wording fix.' }),
    publishedAt: Instant.nullable().meta({
      description:
        "When `publish` first recorded the version (this language's text) in the ledger; null for a version not in the ledger (dev server). For imported history (see publication) it is the import, not when readers first saw the text.",
    }),
    publication: z.enum(PUBLICATION_KINDS).nullable().optional().meta({
      description:
        'How the ledger came to record it. "published": recorded no later than it took effect, publishedAt is when it was announced; "imported": already in force when the ledger was created (history from before it, attested from publishedAt on); "backdated": recorded after it took effect (publish --backdate, with publicationReason): a consent given between effectiveFrom and publishedAt was given when nobody could read it; "late-translation": this language\'s text of a version already published in another, recorded after the version took effect (at publishedAt); null: not in the ledger.',
    }),
    publicationReason: z.string().min(1).nullable().optional().meta({ description: 'Why it was backdated (publish --backdate); null otherwise, and for a backdating recorded without a reason by a version 1 ledger.' }),
    announcedAt: AnnouncedAt.optional(),
    noticeDays: NoticeDays.optional(),
    shortNotice: ShortNoticeSchema.nullable().optional(),
    noticeUrl: NoticeUrl.optional(),
    noticeHtmlUrl: NoticeHtmlUrl.optional(),
    logIndex: LogIndex,
    editorialDecision: z
      .looseObject({
        reason: z.string().min(1).meta({ description: 'Why, in the words of the person who decided (publish --editorial).' }),
        comparedWithSha256: Sha256.nullable().meta({ description: 'The text the editorial check compared it with (the version before it, in this language); null when there was none.' }),
        logIndex: LogIndex,
      })
      .nullable()
      .optional()
      .meta({
        description:
          'Set when changeType is "editorial" only by decision: the editorial check found changes that are not cosmetic edits (or had no earlier text to compare with), and the person publishing confirmed it with this reason. Null otherwise.',
      }),
    corrections: z
      .array(
        z.looseObject({
          date: z.iso.date(),
          reason: z.string().min(1),
          previousSha256: Sha256,
          sha256: Sha256,
          previousMarkdownUrl: Url.meta({ description: 'The text before the correction, still served by its hash.' }),
          recordedAt: Instant.optional().meta({
            description:
              'When publish recorded the correction in the ledger: the site served the text before it until then, and the corrected text from then on (a consent is checked against the text served at its instant). Absent in feeds built before it was published.',
          }),
          sha256Url: Sha256Url.optional().meta({ description: 'The corrected text (sha256) by its hash.' }),
          diffUrl: Url.meta({ description: 'Redline of the correction.' }),
          kind: z.enum(CORRECTION_KINDS).optional().meta({
            description:
              '"editorial": it passed the editorial check (every changed passage a cosmetic edit: whitespace, punctuation, letter case, ё/е, markup alone, a spelling fix inside one word); "material": it did not and was recorded anyway, with overrideReason; "unchecked": recorded before corrections were checked.',
          }),
          overrideReason: z.string().min(1).nullable().optional(),
          changeType: z.looseObject({ from: ChangeType, to: ChangeType }).nullable().optional().meta({ description: 'The change of changeType this correction made, or null.' }),
          summary: z
            .looseObject({ from: z.array(z.string()), to: z.array(z.string()) })
            .nullable()
            .optional()
            .meta({ description: 'The change of summary this correction made, or null.' }),
          logIndex: LogIndex,
        }),
      )
      .meta({ description: 'Corrections of the published text, oldest first. A consent recorded with an earlier sha256 was given to that earlier text.' }),
    locales: Locales.optional(),
    rescheduled: z.array(RescheduleSchema).optional().meta({ description: 'Changes of effectiveFrom made before the version took effect, oldest first.' }),
  })
  .meta({ title: 'Policy version' });

/** A version withdrawn before it took effect: never in force, its text still served. */
const WithdrawnVersionSchema = z
  .looseObject({
    policy: PolicyId,
    locale: Locale,
    version: VersionId,
    title: z.string().min(1),
    effectiveFrom: Instant.meta({ description: 'The instant it was to take effect; it never did.' }),
    publishedAt: Instant,
    withdrawnAt: Instant,
    logIndex: LogIndex,
    reason: z.string().min(1),
    sha256: Sha256,
    url: Url,
    markdownUrl: Url,
  })
  .meta({ title: 'Withdrawn version' });

/** One version of the policy's timeline, whatever the language. */
const TimelineEntrySchema = z.looseObject({
  version: VersionId,
  effectiveFrom: Instant,
  effectiveUntil: Instant.nullable(),
  locales: Locales,
});

/** `/feed/v1/<policy>.json`: every published version of one policy, all locales. */
export const PolicyFeedSchema = z
  .looseObject({
    $schema: Url,
    feedVersion: z.literal(1),
    policy: PolicyId,
    locales: z.array(Locale).min(1),
    localeModel: LocaleModel.optional(),
    timeline: z.array(TimelineEntrySchema).optional().meta({
      description: 'Which version is in force when, oldest first, with its languages: with localeModel "translations" one list for the policy; with "independent", each locale\'s own, by locale.',
    }),
    versions: z.array(FeedVersionSchema).min(1).meta({ description: 'Ordered by locale, then effectiveFrom. Withdrawn versions are not here (see withdrawn).' }),
    withdrawn: z.array(WithdrawnVersionSchema).optional().meta({ description: 'Versions withdrawn before they took effect, by locale and id.' }),
  })
  .meta({ title: 'Policy feed', description: 'Every published version of one policy. The intervals are the truth; rebuild the site when a scheduled version takes effect.' });

/** The version of a policy in force in one locale when the site was built. */
const CurrentVersionSchema = z.looseObject({
  version: VersionIdField,
  title: z.string().min(1).meta({ description: "Title of this language's text." }),
  effectiveFrom: EffectiveFrom,
  sha256: Sha256,
  url: VersionPageUrl,
  markdownUrl: MarkdownUrl,
  sha256Url: CurrentSha256Url,
});

/** The version of a policy in force (or next), whatever the language of its texts. */
const VersionInForceSchema = z.looseObject({
  version: VersionIdField,
  effectiveFrom: EffectiveFrom,
  locales: Locales,
});

/** This language's previous text, shown for reference only while the version in force has no text in it. */
const ReferenceTextSchema = CurrentVersionSchema.extend({
  notInForceSince: Instant.meta({ description: 'When it stopped being in force.' }),
});

/** One policy in `/feed/v1/index.json`. */
const FeedIndexPolicySchema = z.looseObject({
  policy: PolicyId,
  title: z.string().min(1).meta({ description: 'Title of the version in force (or first scheduled) in the default locale, else the first locale.' }),
  feedUrl: Url,
  locales: z
    .array(
      z.looseObject({
        locale: Locale,
        title: z.string().min(1).meta({ description: "Title of this language's text the stable page shows at build time (its latest text in effect, else its first scheduled one)." }),
        currentUrl: Url.meta({ description: 'Stable page that always shows the version in force.' }),
        historyUrl: Url.meta({ description: 'The page of every version of the policy in this language, with its redlines.' }),
        currentJsonUrl: Url.meta({ description: "The policy's current.json (/feed/v1/<policy>/current.json): the same for every language, each language's entry in it under locales." }),
        atomUrl: Url.meta({ description: "This language's Atom feed (/feed/v1/<policy>/<locale>/atom.xml)." }),
        jsonFeedUrl: Url.meta({ description: "This language's JSON Feed (/feed/v1/<policy>/<locale>/feed.json)." }),
        timemapUrl: Url.meta({ description: "This language's Memento TimeMap (/feed/v1/<policy>/<locale>/timemap.link, RFC 7089)." }),
        inForce: CurrentVersionSchema.nullable().meta({
          description: "This language's text of the version in force at build time; null before the first takes effect, or when the version in force has no text in this language (see inForceVersion).",
        }),
        inForceVersion: VersionInForceSchema.nullable().optional().meta({ description: 'The version in force at build time and its languages, whatever this one has.' }),
      }),
    )
    .meta({ description: 'Every language of the policy, one entry each.' }),
});

/** `/feed/v1/index.json`: every policy with its locales and feeds. */
export const FeedIndexSchema = z
  .looseObject({
    $schema: Url,
    feedVersion: z.literal(1),
    builtAt: BuiltAt.optional(),
    siteUrl: Url,
    defaultLocale: Locale,
    timeZone: z.string().min(1).meta({ description: 'IANA time zone of the site: a bare date such as 2025-09-01 means the start of that day there.' }),
    log: z
      .looseObject({
        url: Url.meta({ description: 'The prefix of the public log (C2SP tlog-tiles): checkpoint, tile/…, tile/entries/….' }),
        origin: z.string().min(1).meta({ description: 'The origin line of its checkpoints.' }),
        checkpointUrl: Url,
        verifierKey: z.string().nullable().meta({ description: 'Its verifier key in signed-note form; null while the site has none.' }),
        size: z.number().int().nonnegative().meta({ description: 'Entries in the log when the site was built.' }),
      })
      .meta({ description: 'The public, append-only log of every published version and correction.' }),
    policies: z.array(FeedIndexPolicySchema),
  })
  .meta({ title: 'Feed index', description: '"inForce" reflects the build time; rebuild the site when a scheduled version takes effect.' });

/** `/feed/v1/<policy>/current.json`: what a sign-up form embeds with a consent checkbox. */
export const CurrentFeedSchema = z
  .looseObject({
    $schema: Url,
    feedVersion: z.literal(1),
    builtAt: BuiltAt.optional(),
    timeZone: z.string().min(1).optional().meta({ description: 'IANA time zone of the site, for showing the dates (as in index.json).' }),
    checkpoint: Checkpoint,
    policy: PolicyId,
    locales: z
      .record(
        // Titled so the reference names each entry's fields locales.<locale>.….
        Locale.meta({ title: 'locale' }),
        z.looseObject({
          inForce: CurrentVersionSchema.nullable().meta({ description: "This language's text of the version in force; null before the first, or when the version in force has no text in this language." }),
          next: CurrentVersionSchema.nullable().meta({ description: "This language's text of the next scheduled version, if any: switch to it at its effectiveFrom." }),
          inForceVersion: VersionInForceSchema.nullable().optional().meta({ description: 'The version in force and its languages.' }),
          nextVersion: VersionInForceSchema.nullable().optional().meta({ description: 'The next version to take effect and its languages (it may have no text in this language: then next is null).' }),
          announcement: AnnouncementSchema.nullable().optional().meta({ description: "The next version, announced and not yet in force, as this language's pages announce it; null when none is scheduled." }),
          reference: ReferenceTextSchema.nullable().optional().meta({
            description: "When the version in force has no text in this language: this language's previous text, which the stable page shows for reference only; null otherwise.",
          }),
        }),
      )
      .meta({ description: 'Every language of the policy, by its tag: what a sign-up form in that language embeds.' }),
  })
  .meta({ title: 'Current versions of a policy', description: 'As of the build; use "next" to switch at the right instant without waiting for a rebuild.' });

const VersionRef = z.looseObject({ version: VersionId, title: z.string().min(1), effectiveFrom: Instant, sha256: Sha256, url: Url });
const LaterTextFields = {
  locale: Locale.optional().meta({ description: "The language of the text named here: this file's own, or, for a version with no text in it, the one it exists in (the default locale first)." }),
  locales: Locales.optional(),
};

/** `/feed/v1/<policy>/<locale>/<version>/since.json`: the re-consent answer for users who accepted this version. */
export const SinceFeedSchema = z
  .looseObject({
    $schema: Url,
    feedVersion: z.literal(1),
    timeZone: z.string().min(1),
    checkpoint: Checkpoint,
    policy: PolicyId,
    locale: Locale,
    acceptedVersion: VersionId,
    accepted: VersionRef,
    later: z
      .array(
        VersionRef.extend({
          changeType: z.enum(CHANGE_TYPES),
          summary: z.array(z.string()),
          redlineUrl: Url.meta({ description: 'Redline from the accepted version straight to this one (for a version with no text in this language: in the language of the text named, else its page).' }),
          ...LaterTextFields,
          rescheduled: z
            .array(z.looseObject({ previousEffectiveFrom: Instant, effectiveFrom: Instant, recordedAt: Instant, reason: z.string() }))
            .optional()
            .meta({ description: 'Postponements before it took effect.' }),
          corrections: z
            .array(
              z.looseObject({
                date: z.iso.date(),
                reason: z.string(),
                kind: z.enum(CORRECTION_KINDS),
                changeType: z.looseObject({ from: ChangeType, to: ChangeType }).nullable(),
                summary: z.looseObject({ from: z.array(z.string()), to: z.array(z.string()) }).nullable(),
              }),
            )
            .optional()
            .meta({ description: 'Corrections of this version since it was published; changeType and summary above are the corrected ones, and a correction that changed them says from what.' }),
        }),
      )
      .meta({ description: 'Every version after the accepted one, oldest first, scheduled ones included (withdrawn ones are not): the data to answer for any later instant.' }),
    announcement: AnnouncementSchema.nullable()
      .optional()
      .meta({ description: 'The next version, announced and not yet in force at build time (as in current.json): tell the user before it takes effect; null when none is scheduled.' }),
    withdrawn: z
      .array(z.looseObject({ version: VersionId, effectiveFrom: Instant, withdrawnAt: Instant, reason: z.string() }))
      .optional()
      .meta({ description: 'Versions after the accepted one that were announced, then withdrawn before taking effect: they never apply.' }),
    answer: z
      .looseObject({
        policy: PolicyId,
        locale: Locale,
        acceptedVersion: VersionId,
        at: Instant,
        reconsent: z.enum(['none', 'notify', 'required', 'unknown-version']),
        current: VersionRef.extend({ locale: LaterTextFields.locale }).nullable(),
        changes: z.array(z.looseObject({ version: VersionId, effectiveFrom: Instant, changeType: z.enum(CHANGE_TYPES), summary: z.array(z.string()) })),
        redlineUrl: Url.nullable(),
      })
      .meta({
        description: 'The answer at build time: "required" when a material version took effect after the accepted one, "notify" when only editorial ones did, "none" when the accepted one is in force.',
      }),
  })
  .meta({ title: 'Re-consent answer for one accepted version' });

/**
 * `/feed/v1/<policy>/<locale>/feed.json`: JSON Feed 1.1 as this site writes
 * it, with each version's identity in the `_policy` extension (JSON Feed's
 * convention for extensions: a key starting with "_", with an `about` URL).
 */
export const JsonFeedSchema = z
  .looseObject({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string().min(1),
    home_page_url: Url.meta({ description: 'The history page of the policy in this locale.' }),
    feed_url: Url,
    language: Locale,
    authors: z.array(z.looseObject({ name: z.string().min(1) })).min(1),
    _log: z
      .looseObject({ about: Url, checkpointUrl: Url, checkpoint: z.string().min(1) })
      .optional()
      .meta({ description: "The public log's checkpoint when the feed was built (a signed note, C2SP tlog-checkpoint), and where the current one is." }),
    items: z
      .array(
        z.looseObject({
          // A pattern, not startsWith: zod writes that as the format "starts_with", which JSON Schema does not define and Ajv in strict mode refuses.
          id: z.string().regex(/^tag:/).meta({ description: 'Permanent: tag:<authority>:<policy>/<locale>/<version> (RFC 4151).' }),
          url: Url.meta({ description: 'Permanent page of the version.' }),
          external_url: Url.optional().meta({ description: 'Redline from the previous version.' }),
          title: z.string().min(1),
          content_text: z.string().min(1),
          summary: z.string().optional(),
          date_published: Instant.meta({ description: 'When the version was announced: recorded by publish (_policy.announcedAt); for imported history, whose announcement nobody recorded, when it took effect.' }),
          date_modified: Instant.optional().meta({ description: 'The last change the ledger recorded of it: publication, correction, postponement or withdrawal.' }),
          tags: z
            .array(z.enum([...CHANGE_TYPES, 'withdrawn', ...PUBLICATION_KINDS]))
            .min(1)
            .meta({ description: 'The changeType first; then "withdrawn" for a withdrawn version, and the publication kind when it is not "published".' }),
          language: Locale.meta({ description: "The language of the text the item links: another locale's when the version has no text in the feed's." }),
          _policy: z.looseObject({
            about: Url.meta({ description: 'The developers page of the site in this locale.' }),
            policy: PolicyId,
            locale: Locale,
            version: VersionId,
            effectiveFrom: Instant,
            changeType: z.enum(CHANGE_TYPES),
            sha256: Sha256,
            markdownUrl: Url.optional().meta({ description: 'The published Markdown, whose bytes hash to sha256.' }),
            sha256Url: Sha256Url.nullable().optional().meta({ description: 'The same text by its hash; null where the site serves no such file.' }),
            diffUrl: Url.nullable(),
            locales: Locales.optional(),
            hasTextInFeedLocale: z.boolean().optional().meta({ description: "False when the version has no text in the feed's locale: the item then links the text of another." }),
            publishedAt: Instant.nullable().optional(),
            publication: z.enum(PUBLICATION_KINDS).nullable().optional().meta({ description: 'As in the policy feed.' }),
            publicationReason: z.string().min(1).nullable().optional(),
            announcedAt: AnnouncedAt.optional(),
            noticeDays: NoticeDays.optional(),
            shortNotice: ShortNoticeSchema.nullable().optional(),
            rescheduled: z
              .array(z.looseObject({ previousEffectiveFrom: Instant, effectiveFrom: Instant, recordedAt: Instant, reason: z.string().min(1) }))
              .optional()
              .meta({ description: 'Postponements before it took effect, oldest first.' }),
            withdrawn: z
              .looseObject({ recordedAt: Instant, reason: z.string().min(1) })
              .nullable()
              .optional()
              .meta({ description: 'Set when the version was withdrawn before it took effect.' }),
            logIndex: LogIndex,
          }),
        }),
      )
      .meta({ description: 'One item per version, newest first, scheduled ones included.' }),
  })
  .meta({ title: 'JSON Feed of a policy in a locale' });

/** Types of the feed files. */
export type FeedVersion = z.output<typeof FeedVersionSchema>;
export type PolicyFeed = z.output<typeof PolicyFeedSchema>;
export type FeedIndex = z.output<typeof FeedIndexSchema>;
export type CurrentFeed = z.output<typeof CurrentFeedSchema>;
export type CurrentVersion = z.output<typeof CurrentVersionSchema>;
export type SinceFeed = z.output<typeof SinceFeedSchema>;
export type JsonFeed = z.output<typeof JsonFeedSchema>;
export type WithdrawnFeedVersion = z.output<typeof WithdrawnVersionSchema>;
export type VersionInForce = z.output<typeof VersionInForceSchema>;
export type FeedAnnouncement = z.output<typeof AnnouncementSchema>;
export type FeedShortNotice = z.output<typeof ShortNoticeSchema>;

/** The JSON Schema published at `/feed/v1/schema.json`, one definition per file type. */
export function getFeedJsonSchema(id: string): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(FeedIndexSchema, { id: 'FeedIndex' });
  registry.add(PolicyFeedSchema, { id: 'PolicyFeed' });
  registry.add(CurrentFeedSchema, { id: 'CurrentFeed' });
  registry.add(SinceFeedSchema, { id: 'SinceFeed' });
  registry.add(JsonFeedSchema, { id: 'JsonFeed' });
  registry.add(FeedVersionSchema, { id: 'FeedVersion' });
  registry.add(CurrentVersionSchema, { id: 'CurrentVersion' });
  registry.add(WithdrawnVersionSchema, { id: 'WithdrawnVersion' });
  registry.add(AnnouncementSchema, { id: 'Announcement' });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (name) => `#/$defs/${name}` });
  const defs = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [name, rest];
    }),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title: 'Policy Press feed v1',
    description:
      'Every JSON file of the feed. Use #/$defs/FeedIndex for index.json, #/$defs/PolicyFeed for <policy>.json, #/$defs/CurrentFeed for <policy>/current.json, #/$defs/SinceFeed for <policy>/<locale>/<version>/since.json, #/$defs/JsonFeed for <policy>/<locale>/feed.json. atom.xml (RFC 4287) and timemap.link (RFC 7089) follow their own standards.',
    anyOf: [{ $ref: '#/$defs/FeedIndex' }, { $ref: '#/$defs/PolicyFeed' }, { $ref: '#/$defs/CurrentFeed' }, { $ref: '#/$defs/SinceFeed' }, { $ref: '#/$defs/JsonFeed' }],
    $defs: defs,
  };
}
