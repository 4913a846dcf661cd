/**
 * The machine-readable feed under `/feed/v1/`: the contract other systems
 * (sign-up forms, consent databases, auditors) rely on. The build validates
 * every feed file with these schemas before writing it, and
 * `/feed/v1/schema.json` is generated from them, so the published JSON Schema
 * is always the rules the files were checked against.
 *
 * Within v1 changes are additive only: objects accept properties they do not
 * know, so a client written today keeps working when a field is added.
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
const LogIndex = z
  .number()
  .int()
  .nonnegative()
  .nullable()
  .meta({ description: 'Index of this event in the public log (/log/v1/, C2SP tlog-tiles); null only for a version not published yet (dev server).' });

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
    diffUrl: Url.nullable().meta({ description: 'Redline from the previous version; null for the first.' }),
    summary: z.array(z.string()).meta({ description: 'What changed from the previous version, in plain words (may be empty).' }),
    changeType: z.enum(CHANGE_TYPES).meta({ description: '"material": users must be told and may have to consent again; "editorial": a wording fix.' }),
    publishedAt: Instant.nullable().meta({ description: 'When the version was recorded as published in the ledger.' }),
    logIndex: LogIndex,
    corrections: z
      .array(
        z.looseObject({
          date: z.iso.date(),
          reason: z.string().min(1),
          previousSha256: Sha256,
          sha256: Sha256,
          previousMarkdownUrl: Url.meta({ description: 'The text before the correction, still served by its hash.' }),
          diffUrl: Url.meta({ description: 'Redline of the correction.' }),
          logIndex: LogIndex,
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

/** Types of the feed files. */
export type FeedVersion = z.output<typeof FeedVersionSchema>;
export type PolicyFeed = z.output<typeof PolicyFeedSchema>;
export type FeedIndex = z.output<typeof FeedIndexSchema>;
export type CurrentFeed = z.output<typeof CurrentFeedSchema>;
export type CurrentVersion = z.output<typeof CurrentVersionSchema>;
export type SinceFeed = z.output<typeof SinceFeedSchema>;

/** The JSON Schema published at `/feed/v1/schema.json`, one definition per file type. */
export function getFeedJsonSchema(id: string): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(FeedIndexSchema, { id: 'FeedIndex' });
  registry.add(PolicyFeedSchema, { id: 'PolicyFeed' });
  registry.add(CurrentFeedSchema, { id: 'CurrentFeed' });
  registry.add(SinceFeedSchema, { id: 'SinceFeed' });
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
      'Use #/$defs/FeedIndex for index.json, #/$defs/PolicyFeed for <policy>.json, #/$defs/CurrentFeed for <policy>/current.json, #/$defs/SinceFeed for <policy>/<locale>/<version>/since.json.',
    anyOf: [{ $ref: '#/$defs/FeedIndex' }, { $ref: '#/$defs/PolicyFeed' }, { $ref: '#/$defs/CurrentFeed' }, { $ref: '#/$defs/SinceFeed' }],
    $defs: defs,
  };
}
