/**
 * The front matter of one policy version: the keys legal staff write at the
 * top of `policies/<policy>/<locale>/<version>.md`. This is the one schema the
 * build, `npm run policy -- check` and the content collection validate with.
 */
import { z } from 'zod';
import { parseEffective } from '#lib/time/effective-instant.ts';
import { problemText } from '#lib/messages/message-catalog.ts';
import { LINT_RULE_IDS } from '#lib/lint/lint-rules.ts';

/** `material` changes must be announced and may need new consent; `editorial` ones are wording fixes. */
export const CHANGE_TYPES = ['material', 'editorial'] as const;

/**
 * The `effective` field: a `YYYY-MM-DD` date or an ISO 8601 date-time with an
 * offset. Parsed here once: the output keeps the text as written and the
 * parsed value, to which validation applies the site's time zone.
 */
const EffectiveSchema = z.string().transform((value, ctx) => {
  const parsed = parseEffective(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { hint: parsed.error.hint, text: parsed.error.text }, input: value });
    return z.NEVER;
  }
  return { text: value.trim(), value: parsed.value };
});

/** A calendar date `YYYY-MM-DD` that exists. */
const CalendarDateSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseEffective(value);
  if (!parsed.ok || parsed.value.kind !== 'date') {
    const { message, hint, text } = problemText('notCalendarDate', { value, error: parsed.ok ? null : (parsed.error.text ?? null) });
    ctx.addIssue({ code: 'custom', message, params: { hint, text }, input: value });
  }
});

/**
 * An explicit correction of a published text: the only way to change one.
 * `npm run policy -- publish` records it in the ledger with the old and new hashes.
 */
const CorrectionSchema = z.strictObject({
  /** The day the correction was made, `YYYY-MM-DD`. */
  date: CalendarDateSchema,
  /** Why the published text had to change, in plain words; shown on the version page. Required. */
  reason: z.string().trim().min(1),
});

/**
 * Lint settings of one file. Kept in the front matter, which the published
 * hash does not cover, so silencing a finding in a published version is not
 * a change of its text.
 */
const FileLintSchema = z.strictObject({
  /**
   * Rules this file is exempt from, each with the reason, in plain words
   * (`stated-date: Цитирует дату вступления в силу закона, а не этой редакции`).
   * An exemption that silences nothing is reported, so it cannot outlive its reason.
   */
  ignore: z.partialRecord(z.enum(LINT_RULE_IDS), z.string().trim().min(1)).default({}),
});

/** Front matter of a policy version. Unknown keys are an error, so a typo cannot pass silently. */
export const PolicyFrontMatterSchema = z.strictObject({
  /** The document title shown on its pages and in the feed, e.g. «Политика конфиденциальности». Required. */
  title: z.string().trim().min(1),
  /**
   * When this version takes effect. `YYYY-MM-DD` means the start of that day
   * in the site's time zone; a date-time needs an explicit offset
   * (`2025-09-01T00:00:00+03:00`). Required.
   */
  effective: EffectiveSchema,
  /** What changed from the previous version, in plain words: one text or a list. Optional. */
  summary: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]).optional(),
  /**
   * Whether the change from the previous version is `material` (users must be
   * told, and may have to consent again) or `editorial` (a wording fix).
   * Default: `material`, the safe side.
   */
  changeType: z.enum(CHANGE_TYPES).default('material'),
  /** A draft is shown by `astro dev` only: never in a production build or the feed. Default: false. */
  draft: z.boolean().default(false),
  /** Corrections of this version after it was published, oldest first (see {@link CorrectionSchema}). Default: none. */
  corrections: z.array(CorrectionSchema).default([]),
  /** Lint settings of this file (see {@link FileLintSchema}). Default: every rule applies. */
  lint: FileLintSchema.default({ ignore: {} }),
});

/** Front matter after validation, with defaults applied. */
export type PolicyFrontMatter = z.output<typeof PolicyFrontMatterSchema>;

/** A file's lint settings, after defaults. */
export type FileLint = z.output<typeof FileLintSchema>;

/** The keys the front matter accepts, for "did you mean" hints. */
export const FRONT_MATTER_KEYS = Object.keys(PolicyFrontMatterSchema.shape);

/** The keys of the front matter's nested objects, by dotted path, for "did you mean" hints. */
export const NESTED_FRONT_MATTER_KEYS: Readonly<Record<string, readonly string[]>> = {
  lint: Object.keys(FileLintSchema.shape),
  'lint.ignore': LINT_RULE_IDS,
};
