/**
 * One policy version as the code sees it, and as an entry of the `policies`
 * content collection stores it: the validated front matter plus what the
 * path, the time zone and the ledger add. Extends the front matter schema,
 * so the collection validates front matter with the very same rules as
 * `npm run policy -- check`, and the type every module uses is this schema's.
 */
import { z } from 'zod';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';
import { PolicyFrontMatterSchema } from './front-matter.ts';
import { PublishedRecordSchema } from './ledger.ts';

/**
 * One version of one policy in one locale, validated and normalized: what
 * every module of src/lib sees (`PolicyVersion`). The content collection
 * stores it without its body ({@link PolicyEntrySchema}).
 * @public Exported for its tests: test/unit/corpus/policy-version-schema.test.ts validates versions with it directly.
 */
export const PolicyVersionSchema = PolicyFrontMatterSchema.extend({
  /** The `effective` text as written; the loader stores only versions validation has already parsed (see effectiveFrom). */
  effective: z.string(),
  /** Policy id from the folder name. */
  policy: z.string().regex(POLICY_ID_PATTERN),
  /** Locale from the folder name. */
  locale: z.string().regex(LOCALE_PATTERN),
  /** Version id from the file name. */
  version: z.string().regex(VERSION_ID_PATTERN),
  /** `<policy>/<locale>/<version>`. */
  id: z.string(),
  /** The instant it takes effect, epoch milliseconds, with the site's time zone applied. */
  effectiveFrom: z.number().int(),
  /** `summary` normalized to a list (empty when absent). */
  summary: z.array(z.string()),
  /** Source file, for messages. */
  file: z.string(),
  /** Line where the body starts in the source file. */
  bodyStartLine: z.number().int().positive(),
  /** Line of the `effective` field in the source file. */
  effectiveLine: z.number().int().positive(),
  /** Line of the `summary` field in the source file (1 without one). */
  summaryLine: z.number().int().positive(),
  /** Line of each item of `summary` in the source file (empty for a one-line summary). */
  summaryItemLines: z.array(z.number().int().positive()),
  /** Line of the `lint` field in the source file (1 without one). */
  lintLine: z.number().int().positive(),
  /** Line of the `changeType` field in the source file (1 without one). */
  changeTypeLine: z.number().int().positive(),
  /** What the published-version ledger knows of it: null for a draft shown by the dev server, or not yet published. */
  published: PublishedRecordSchema.nullable(),
  /** The Markdown body in canonical form (NFC, LF, trimmed, one final newline). */
  body: z.string(),
});

/** One version of one policy in one locale, validated and normalized. */
export type PolicyVersion = z.output<typeof PolicyVersionSchema>;

/** One policy version as stored in the content collection: its body and HTML are in its `renderedFiles`. */
export const PolicyEntrySchema = PolicyVersionSchema.omit({ body: true }).extend({
  /**
   * Where the build keeps the version's rendered text and redline blocks
   * (see src/lib/build/rendered-files.ts); set by the content loader, absent in front matter.
   */
  renderedFiles: z.object({ text: z.string(), blocks: z.string() }).optional(),
});
