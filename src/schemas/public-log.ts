/**
 * The public log's entries and the log state kept beside the ledger
 * (`policies/log.lock.json`). Every ledger event is one entry; the kinds of
 * event are the open list {@link LOG_ENTRY_KINDS}: a kind is added with one
 * line there, and never changes once entries of it are logged.
 */
import { z } from 'zod';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, SHA256_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';

const Sha256 = z.string().regex(SHA256_PATTERN, 'must be 64 lowercase hexadecimal characters');
// Exactly the form formatInstant writes, so an entry has one spelling.
const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be an instant like 2025-08-31T21:00:00.000Z')
  .pipe(z.iso.datetime());

/** Whether a kind has a field: always (`required`), never (`none`, written as null), or where the ledger recorded one (`recorded`, else null). */
type Presence = 'required' | 'none' | 'recorded';

/** What one kind of entry says, and which of the optional fields it carries. */
export interface LogEntryKind {
  /** What happened, for docs/reference/log-entries.md and the developers page. */
  description: string;
  previousSha256: Presence;
  reason: Presence;
}

/**
 * The kinds of log entry. Each entry has every field of {@link LogEntrySchema};
 * `previousSha256` and `reason` are null for the kinds that do not carry them,
 * so an absent value is explicit and never confused with an empty one.
 */
export const LOG_ENTRY_KINDS = {
  published: { description: 'a version was published no later than effectiveFrom: the text with this sha256', previousSha256: 'none', reason: 'none' },
  imported: {
    description: 'history from before the ledger: a version already in force (from effectiveFrom) when the ledger was created at publishedAt, which attests it from then on',
    previousSha256: 'none',
    reason: 'none',
  },
  backdated: {
    description: 'a version published at publishedAt, after its effectiveFrom (publish --backdate, with the reason; null where a version 1 ledger did not ask): nobody could read it in between',
    previousSha256: 'none',
    reason: 'recorded',
  },
  'late-translation': { description: "a language's text of a version already published in another, published at publishedAt, after the version's effectiveFrom", previousSha256: 'none', reason: 'none' },
  correction: { description: 'a published text was corrected: previousSha256 is the text before, sha256 the text after', previousSha256: 'required', reason: 'required' },
  postponed: {
    description: 'a version that had not taken effect was postponed (publish --postpone): effectiveFrom is the new instant, previousSha256 the text before (the instant is part of the text)',
    previousSha256: 'required',
    reason: 'required',
  },
  withdrawn: { description: 'a version was withdrawn before it took effect: it is never in force; sha256 is its text at that moment', previousSha256: 'none', reason: 'required' },
  editorial: {
    description:
      'a version declared changeType: editorial that the editorial check did not prove editorial was published as editorial by decision of the person publishing (publish --editorial, with the reason), at publishedAt, right after its publication entry: sha256 is its text, previousSha256 the text it was compared with (null when there was none)',
    previousSha256: 'recorded',
    reason: 'required',
  },
} as const satisfies Record<string, LogEntryKind>;

/** The name of a kind of entry. */
export type LogEntryKindName = keyof typeof LOG_ENTRY_KINDS;

const KIND_NAMES = Object.keys(LOG_ENTRY_KINDS) as [LogEntryKindName, ...LogEntryKindName[]];

/** One entry of the log, before its canonical encoding (src/lib/log/log-entry.ts). */
export const LogEntrySchema = z
  .strictObject({
    /** What happened; see {@link LOG_ENTRY_KINDS}. */
    kind: z.enum(KIND_NAMES),
    policy: z.string().regex(POLICY_ID_PATTERN),
    locale: z.string().regex(LOCALE_PATTERN),
    version: z.string().regex(VERSION_ID_PATTERN),
    /** The instant the version takes effect, as published. */
    effectiveFrom: Instant,
    /** Hash of the published Markdown this entry is about (after the event). */
    sha256: Sha256,
    /** Hash of the text before the event, for the kinds that replace a text; else null. */
    previousSha256: Sha256.nullable(),
    /** When `publish` recorded the event in the ledger. */
    publishedAt: Instant,
    /** Why, for the kinds that have a reason; else null. */
    reason: z.string().min(1).nullable(),
  })
  .superRefine((entry, context) => {
    const kind: LogEntryKind = LOG_ENTRY_KINDS[entry.kind];
    for (const field of ['previousSha256', 'reason'] as const) {
      const present = entry[field] !== null;
      if (kind[field] !== 'recorded' && present !== (kind[field] === 'required')) {
        context.addIssue({ code: 'custom', path: [field], message: kind[field] === 'required' ? `is required for a ${entry.kind} entry` : `must be null for a ${entry.kind} entry` });
      }
    }
  });

/** One line of the log state: an entry and its index in the log. */
const LoggedEntrySchema = z.object({ index: z.number().int().nonnegative() }).loose();

/** `policies/log.lock.json`: the log as it stands, written by `npm run policy -- publish`. */
export const LogLockSchema = z.strictObject({
  $comment: z.string().optional(),
  logVersion: z.literal(1),
  /** Number of entries: the tree size of the log. */
  size: z.number().int().nonnegative(),
  /** Base64 RFC 6962 root hash of the entries, as in a checkpoint. */
  rootHash: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be the base64 of a 32-byte hash'),
  entries: z.array(LoggedEntrySchema),
});

export type LogEntry = z.output<typeof LogEntrySchema>;
