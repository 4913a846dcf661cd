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
import { LOCALE_PATTERN, POLICY_ID_PATTERN, SHA256_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-path.ts';
import { CHANGE_TYPES } from './front-matter.ts';

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
/** How the ledger came to record a version (see src/lib/ledger/publication.ts). */
const PUBLICATIONS = ['published', 'imported', 'backdated'] as const;

/** One published version of one policy in one locale. */
export const FeedVersionSchema = z
  .looseObject({
    policy: PolicyId.meta({ description: 'Policy id, e.g. "privacy".' }),
    locale: Locale,
    version: VersionId.meta({ description: 'Version id: permanent, the same in every locale for translations of one version.' }),
    title: z.string().min(1),
    effectiveFrom: Instant.meta({ description: 'The instant the version takes effect (inclusive).' }),
    effectiveUntil: Instant.nullable().meta({ description: 'The instant the next version takes effect (exclusive); null while none is published.' }),
    sha256: Sha256,
    url: Url.meta({ description: 'Permanent HTML page of this version.' }),
    markdownUrl: Url.meta({ description: 'The published Markdown: canonical front matter, then the text.' }),
    sha256Url: Sha256Url.nullable()
      .optional()
      .meta({ description: 'The current text (sha256) by its hash; null where the site serves no such file (a version not in the ledger, on the dev server).' }),
    diffUrl: Url.nullable().meta({ description: 'Redline from the previous version; null for the first.' }),
    summary: z.array(z.string()).meta({ description: 'What changed from the previous version, in plain words (may be empty).' }),
    changeType: z.enum(CHANGE_TYPES).meta({ description: '"material": users must be told and may have to consent again; "editorial": a wording fix.' }),
    publishedAt: Instant.nullable().meta({
      description: 'When `publish` first recorded the version in the ledger; null for a version not in the ledger (dev server). For imported history (see publication) it is the import, not when readers first saw the text.',
    }),
    publication: z
      .enum(PUBLICATIONS)
      .nullable()
      .optional()
      .meta({
        description:
          '"published": recorded before it took effect, publishedAt is when it was announced; "imported": recorded by the ledger\'s first publish after it had taken effect (history from before the ledger); "backdated": recorded by a later publish after it had taken effect; null: not in the ledger.',
      }),
    corrections: z
      .array(
        z.looseObject({
          date: z.iso.date(),
          reason: z.string().min(1),
          previousSha256: Sha256,
          sha256: Sha256,
          previousMarkdownUrl: Url.meta({ description: 'The text before the correction, still served by its hash.' }),
          sha256Url: Sha256Url.optional().meta({ description: 'The corrected text (sha256) by its hash.' }),
          diffUrl: Url.meta({ description: 'Redline of the correction.' }),
        }),
      )
      .meta({ description: 'Corrections of the published text, oldest first. A consent recorded with an earlier sha256 was given to that earlier text.' }),
  })
  .meta({ title: 'Policy version' });

/** `/feed/v1/<policy>.json`: every published version of one policy, all locales. */
export const PolicyFeedSchema = z
  .looseObject({
    $schema: Url,
    feedVersion: z.literal(1),
    policy: PolicyId,
    locales: z.array(Locale).min(1),
    versions: z.array(FeedVersionSchema).min(1).meta({ description: 'Ordered by locale, then effectiveFrom.' }),
  })
  .meta({ title: 'Policy feed', description: 'Every published version of one policy. The intervals are the truth; rebuild the site when a scheduled version takes effect.' });

/** The version of a policy in force in one locale when the site was built. */
export const CurrentVersionSchema = z.looseObject({
  version: VersionId,
  title: z.string().min(1),
  effectiveFrom: Instant,
  sha256: Sha256,
  url: Url,
  markdownUrl: Url,
  sha256Url: Sha256Url.nullable().optional(),
});

/** One policy in `/feed/v1/index.json`. */
export const FeedIndexPolicySchema = z.looseObject({
  policy: PolicyId,
  title: z.string().min(1).meta({ description: 'Title of the version in force (or first scheduled) in the default locale, else the first locale.' }),
  feedUrl: Url,
  locales: z.array(
    z.looseObject({
      locale: Locale,
      title: z.string().min(1),
      currentUrl: Url.meta({ description: 'Stable page that always shows the version in force.' }),
      historyUrl: Url,
      currentJsonUrl: Url,
      atomUrl: Url,
      jsonFeedUrl: Url,
      timemapUrl: Url,
      inForce: CurrentVersionSchema.nullable().meta({ description: 'The version in force at build time; null before the first takes effect.' }),
    }),
  ),
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
    policy: PolicyId,
    locales: z.record(
      Locale,
      z.looseObject({
        inForce: CurrentVersionSchema.nullable(),
        next: CurrentVersionSchema.nullable().meta({ description: 'The next scheduled version, if any: switch to it at its effectiveFrom.' }),
      }),
    ),
  })
  .meta({ title: 'Current versions of a policy', description: 'As of the build; use "next" to switch at the right instant without waiting for a rebuild.' });

const VersionRef = z.looseObject({ version: VersionId, title: z.string().min(1), effectiveFrom: Instant, sha256: Sha256, url: Url });

/** `/feed/v1/<policy>/<locale>/<version>/since.json`: the re-consent answer for users who accepted this version. */
export const SinceFeedSchema = z
  .looseObject({
    $schema: Url,
    feedVersion: z.literal(1),
    timeZone: z.string().min(1),
    policy: PolicyId,
    locale: Locale,
    acceptedVersion: VersionId,
    accepted: VersionRef,
    later: z
      .array(
        VersionRef.extend({
          changeType: z.enum(CHANGE_TYPES),
          summary: z.array(z.string()),
          redlineUrl: Url.meta({ description: 'Redline from the accepted version straight to this one.' }),
        }),
      )
      .meta({ description: 'Every version after the accepted one, oldest first, scheduled ones included: the data to answer for any later instant.' }),
    answer: z
      .looseObject({
        policy: PolicyId,
        locale: Locale,
        acceptedVersion: VersionId,
        at: Instant,
        reconsent: z.enum(['none', 'notify', 'required', 'unknown-version']),
        current: VersionRef.nullable(),
        changes: z.array(z.looseObject({ version: VersionId, effectiveFrom: Instant, changeType: z.enum(CHANGE_TYPES), summary: z.array(z.string()) })),
        redlineUrl: Url.nullable(),
      })
      .meta({
        description:
          'The answer at build time: "required" when a material version took effect after the accepted one, "notify" when only editorial ones did, "none" when the accepted one is in force.',
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
    items: z
      .array(
        z.looseObject({
          id: z.string().startsWith('tag:').meta({ description: 'Permanent: tag:<authority>:<policy>/<locale>/<version> (RFC 4151).' }),
          url: Url.meta({ description: 'Permanent page of the version.' }),
          external_url: Url.optional().meta({ description: 'Redline from the previous version.' }),
          title: z.string().min(1),
          content_text: z.string().min(1),
          summary: z.string().optional(),
          date_published: Instant.meta({ description: 'When the version takes effect.' }),
          tags: z.array(z.enum(CHANGE_TYPES)).length(1),
          language: Locale,
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
