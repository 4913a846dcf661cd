/**
 * Site settings: the one place a deployment says where it lives, which
 * language comes first, which time zone bare dates mean, and what the site is
 * called. Written in `site.config.ts`; some keys can be overridden from the
 * environment (see `src/lib/site/site-settings.ts`).
 */
import { z } from 'zod';
import { isValidTimeZone } from '#lib/time/zoned-time.ts';
import { LOCALE_PATTERN, POLICY_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';
import { parseVerifierKey } from '#lib/log/signed-note.ts';

// A CSP host-source without path, or 'self': nothing that could end the directive or the header.
const FRAME_ANCESTOR_PATTERN = /^(?:'self'|https?:\/\/(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?)$/;
import { LINT_RULE_IDS, LINT_SEVERITIES } from '#lib/lint/lint-rules.ts';
import { parseNotice } from '#lib/notice/notice-period.ts';

// Each field's meaning is its `.meta({ description })`: docs/reference/settings.md is written from it (npm run reference),
// so the schema is the one place it is said. A record's key is named by its key schema's `title` (`<locale>`, `<policy>`).
const LocaleSchema = z.string().regex(LOCALE_PATTERN, 'must be a lowercase BCP 47 tag such as "ru" or "en"').meta({ title: 'locale' });

/** Settings of the lint rules of the legal text (docs/legal-staff.en.md, "Lint rules"; docs/reference/lint-rules.md). */
const LintConfigSchema = z.strictObject({
  rules: z
    .partialRecord(z.enum(LINT_RULE_IDS).meta({ title: 'rule' }), z.enum(LINT_SEVERITIES))
    .default({})
    .meta({
      description:
        'Severity per rule id: `error` refuses the build and `check`, `warning` is printed, `off` does not run the rule. Rules not named keep their default (every rule `error`, `stable-link` and `copied-summary` `warning`; see lint-rules.md). Override for one run: `POLICY_LINT=rule=severity,…`.',
    }),
});

/** A notice: whole days (`10`) or an ISO 8601 duration in weeks, days, hours, minutes, seconds (`"P10D"`, `"PT48H"`). */
const NoticeDurationSchema = z.union([z.number(), z.string()]).superRefine((value, context) => {
  const parsed = parseNotice(value);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: `${parsed.message}; write e.g. 10 or "P10D"` });
});

const MATERIAL_NOTICE =
  'The notice of a material version: whole days (`10`) or an ISO 8601 duration in weeks, days, hours, minutes or seconds (`"P10D"`, `"P2W"`, `"PT48H"`; a day is 24 hours; months and years are refused). `publish` refuses a version that takes effect sooner after it is recorded, unless `--short-notice "<reason>"` records why.';
const EDITORIAL_NOTICE = 'The notice of an editorial version, written as `material` is.';
const ANNOUNCE_EDITORIAL = 'Whether a scheduled editorial version is announced by a banner too (a material one always is); otherwise it is a line in the history.';
const ACCEPT_EARLY =
  'Whether the client kit offers a returning user to accept a scheduled material version before it takes effect («Принять новую редакцию сейчас», the `policy-accept-early` event); otherwise the user is told, and asked to accept once it is in force. `verify` counts a consent whose `acceptedAt` is before the version took effect as `not-in-force`.';

/**
 * How long before a new version takes effect it must be published (docs/legal-staff.en.md,
 * "Notice before change"). `publish` refuses a version announced with less,
 * unless the reason is recorded with `--short-notice "<reason>"`.
 */
const NoticeConfigSchema = z.strictObject({
  material: NoticeDurationSchema.default(0).meta({ description: `${MATERIAL_NOTICE} For every policy not named in \`policies\`.` }),
  editorial: NoticeDurationSchema.default(0).meta({ description: EDITORIAL_NOTICE }),
  announceEditorial: z.boolean().default(false).meta({ description: ANNOUNCE_EDITORIAL }),
  acceptEarly: z.boolean().default(false).meta({ description: ACCEPT_EARLY }),
  policies: z
    .record(
      z.string().regex(POLICY_ID_PATTERN, 'is not a policy id (lowercase Latin letters, digits and hyphens)').meta({ title: 'policy' }),
      z.strictObject({
        material: NoticeDurationSchema.optional().meta({ description: `${MATERIAL_NOTICE} For this policy; default \`notice.material\`.` }),
        editorial: NoticeDurationSchema.optional().meta({ description: `${EDITORIAL_NOTICE} For this policy; default \`notice.editorial\`.` }),
        announceEditorial: z
          .boolean()
          .optional()
          .meta({ description: `${ANNOUNCE_EDITORIAL} For this policy; default \`notice.announceEditorial\`.` }),
        acceptEarly: z
          .boolean()
          .optional()
          .meta({ description: `${ACCEPT_EARLY} For this policy; default \`notice.acceptEarly\`.` }),
      }),
    )
    .default({})
    .meta({
      description:
        'Per policy id (its folder name), the same keys, each overriding the default. Every id must be a policy of the folder: one it lacks is an error (a typo would leave the real policy without its notice), a warning only with `POLICIES_DIR_FOREIGN=1`.',
    }),
});

/** Settings of one site. */
export const SiteConfigSchema = z.strictObject({
  siteUrl: z
    .url({ protocol: /^https?$/ })
    .refine((url) => url.endsWith('/'), 'must end with "/"')
    .refine((url) => !/[?#]/.test(url), 'must not contain a query or a fragment')
    .meta({ description: 'Absolute URL the site is served at, with its base path and a trailing slash (`https://example.com/legal/`). Permanent URLs in the feed start with it. Override: `SITE_URL`.' }),
  defaultLocale: LocaleSchema.meta({ description: "The locale of the site's root page and the reference for translations." }),
  timeZone: z.string().refine(isValidTimeZone, 'is not an IANA time zone name such as "Europe/Moscow"').meta({ description: 'IANA time zone in which an `effective: YYYY-MM-DD` day starts, and dates are shown.' }),
  siteTitle: z.record(LocaleSchema, z.string().min(1)).meta({ description: "The site's name per locale, shown in the header and page titles; must include `defaultLocale`." }),
  publisher: z.record(LocaleSchema, z.string().min(1)).optional().meta({ description: 'Who publishes the policies (the data operator), per locale; shown in the footer.' }),
  feedTagAuthority: z
    .string()
    .regex(/^[a-z0-9.-]+(?:@[a-z0-9.-]+)?,\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must look like "example.com,2025" or "example.com,2025-09-01"')
    .optional()
    .meta({
      description:
        "The tagging entity of the feed entries' ids (RFC 4151 tag URIs), `<domain or email>,<date>`, e.g. `example.com,2025`: a name you controlled on that date. Entry ids never change once published, so set it once. Default: the host of `siteUrl` and `,2025`.",
    }),
  frameAncestors: z.array(z.string().regex(FRAME_ANCESTOR_PATTERN, `must be an origin such as "https://app.example.com" (scheme, host, optional port; no path) or "'self'"`)).default([]).meta({
    description:
      "Origins allowed to show the site's pages in a frame, e.g. a sign-up form at `https://app.example.com` that shows the policy in an `<iframe>`: the `frame-ancestors` of the Content-Security-Policy header. Each entry is an origin (`https://app.example.com`, `https://*.example.com`, `http://localhost:3000`) or `'self'`. Default: none, no other page may frame the site. Only hosts that send the serving rules' headers apply it.",
  }),
  logVerifierKey: z
    .string()
    .superRefine((value, context) => {
      const key = parseVerifierKey(value);
      if (typeof key === 'string') context.addIssue({ code: 'custom', message: `is not a verifier key: ${key}; paste the line npm run policy -- log keygen printed` });
      else if (key.text !== value) context.addIssue({ code: 'custom', message: 'has spaces around it; paste the key alone' });
    })
    .optional()
    .meta({
      description:
        "The verifier key of the site's public log (`/log/v1/`), in signed-note form `<name>+<8 hex digits>+<base64>`, as `npm run policy -- log keygen` prints it. The build publishes it at `/log/v1/key` and on the developers page, and refuses to sign with a private key that is not this key's. Without it the build publishes the key it signs with, if any. Override: `LOG_VERIFIER_KEY`.",
    }),
  policiesDir: z.string().min(1).default('policies').meta({ description: 'Folder of the policies, relative to the project root. Override: `POLICIES_DIR`.' }),
  localeModel: z.enum(['translations', 'independent']).default('translations').meta({
    description:
      'What the locales of one policy are to each other. `translations`: the same version id in two locales is one version in two languages, so a policy has one timeline: a version takes effect for every language at once, and a language that has no text of the version in force shows its previous text marked "for reference only, not in force since …". `independent`: each locale is its own document with its own timeline, for sites that publish genuinely different texts per language.',
  }),
  lint: LintConfigSchema.default({ rules: {} }).meta({ description: 'How the lint rules of the legal text count.' }),
  notice: NoticeConfigSchema.default({ material: 0, editorial: 0, announceEditorial: false, acceptEarly: false, policies: {} }).meta({
    description: 'The notice before a new version takes effect (docs/legal-staff.en.md, "Notice before change"); by default none is required.',
  }),
});

/** Settings as written in `site.config.ts`. */
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
/** Settings after validation and defaults. */
export type SiteConfig = z.output<typeof SiteConfigSchema>;

/** What the locales of a policy are to each other (see `localeModel`). */
export type LocaleModel = SiteConfig['localeModel'];
