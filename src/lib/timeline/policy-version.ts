/**
 * The validated form of one policy version, as every other module sees it.
 */
import type { Correction, FileLint, PolicyFrontMatter } from '#schemas/front-matter.ts';
import type { PublishedRecord } from '#schemas/ledger.ts';
import type { PolicyVersionKey } from '#lib/corpus/policy-path.ts';

/** One version of one policy in one locale, validated and normalized. */
export interface PolicyVersion extends PolicyVersionKey {
  /** `<policy>/<locale>/<version>`, unique in the corpus. */
  id: string;
  title: string;
  /** The `effective` text as written (`2025-09-01`). */
  effective: string;
  /** The instant it takes effect, in epoch milliseconds. */
  effectiveFrom: number;
  /** What changed from the previous version; empty when not given. */
  summary: string[];
  changeType: PolicyFrontMatter['changeType'];
  draft: boolean;
  /** Corrections declared in the front matter, oldest first. */
  corrections: Correction[];
  /** What the published-version ledger records of it; null until published (and for drafts). */
  published: PublishedRecord | null;
  /** The Markdown body in canonical form (NFC, LF, trimmed, one final newline). */
  body: string;
  /** Path of the source file, for messages. */
  file: string;
  /** Line of the file where the text of the body starts (its first non-blank line), to map body lines back to the file. */
  bodyStartLine: number;
  /** Line of the `effective` field, for messages about dates. */
  effectiveLine: number;
  /** Line of the `summary` field (1 when there is none), for messages about it. */
  summaryLine: number;
  /** Line of the `lint` field (1 when there is none), for messages about it. */
  lintLine: number;
  /** The file's lint settings: the rules it is exempt from, with reasons. */
  lint: FileLint;
}
