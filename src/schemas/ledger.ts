/**
 * The published-version ledger, `policies/published.lock.json`: for every
 * version ever published, its identity, effective instant and the SHA-256 of
 * the text published, plus every correction made since, with both hashes.
 * Written only by `npm run policy -- publish`; the build and `check` compare
 * the policies with it so a published text can never change silently.
 */
import { z } from 'zod';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, SHA256_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-path.ts';

const Sha256 = z.string().regex(SHA256_PATTERN, 'must be 64 lowercase hexadecimal characters');
const Instant = z.iso.datetime({ offset: false });

/** One recorded correction of a published text. */
export const RecordedCorrectionSchema = z.strictObject({
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
});

/** What the ledger says of one published version. */
export const PublishedRecordSchema = z.strictObject({
  /** When `publish` first recorded it. */
  publishedAt: Instant,
  /** Hash of the text as first published. */
  sha256: Sha256,
  /** Corrections since, oldest first; the last one's sha256 is the text served now. */
  corrections: z.array(RecordedCorrectionSchema),
});

/** One line of the ledger. */
export const LedgerEntrySchema = PublishedRecordSchema.extend({
  policy: z.string().regex(POLICY_ID_PATTERN),
  locale: z.string().regex(LOCALE_PATTERN),
  version: z.string().regex(VERSION_ID_PATTERN),
  /** The instant it takes effect, as published: it may never change. */
  effectiveFrom: Instant,
});

/** The whole ledger file. */
export const LedgerSchema = z.strictObject({
  $comment: z.string().optional(),
  ledgerVersion: z.literal(1),
  versions: z.array(LedgerEntrySchema),
});

export type RecordedCorrection = z.output<typeof RecordedCorrectionSchema>;
export type PublishedRecord = z.output<typeof PublishedRecordSchema>;
export type LedgerEntry = z.output<typeof LedgerEntrySchema>;
export type Ledger = z.output<typeof LedgerSchema>;
