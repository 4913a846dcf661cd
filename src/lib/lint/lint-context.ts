/**
 * What the lint rules are given besides a text: the facts of its version
 * (for the text rules, which read one mdast) and an index of the whole site
 * (for the corpus rules, which compare versions and follow links). Plain
 * data, so a text rule's result can be cached by its inputs.
 */
import type { DocumentOutline } from '#lib/markdown/document-outline.ts';
import type { SiteUrls } from '#lib/site/site-urls.ts';
import type { SitePages } from '#lib/views/site-pages.ts';
import type { PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { ProblemMessage } from '#lib/messages/message-catalog.ts';
import type { ProblemText } from '#lib/messages/messages-en.ts';

/** What a text rule knows of the version whose text it reads. */
export interface VersionFacts {
  locale: string;
  title: string;
  /** The site's time zone, in which `effective` is a day. */
  timeZone: string;
  effectiveFrom: number;
  /** Days of the corrections of the text (`YYYY-MM-DD`), from the front matter and the ledger, sorted. */
  corrections: string[];
  /** The version before it in its policy and locale, if any. */
  previous: { version: string; effectiveFrom: number } | null;
}

/** A version with the outline of its text, positions in file lines and columns. */
export interface LintedVersion extends PolicyVersion {
  outline: DocumentOutline;
}

/** What a corpus rule sees: one version, and all of them. */
export interface CorpusRuleContext {
  version: LintedVersion;
  /** Every version linted together, by id. */
  versions: ReadonlyMap<string, LintedVersion>;
  corpus: PolicyCorpus;
  pages: SitePages;
  defaultLocale: string;
  /** The site URL with its base path (`https://example.com/legal/`). */
  siteUrl: string;
  urls: SiteUrls;
}

/** A finding's message in a VFile: its English reason and note, and the catalog message they are the text of. */
export type CatalogVFileMessage = VFileMessage & { text?: ProblemMessage };

/**
 * Adds a finding with its hint (shown under the message, as every problem
 * has one): the English text, and its catalog message for reports in other
 * languages (problemText from src/lib/messages/).
 */
export function report(file: VFile, { message: reason, hint, text }: ProblemText & { text?: ProblemMessage }, place: { line: number; column: number }): void {
  const message: CatalogVFileMessage = file.message(reason, { place });
  message.note = hint;
  if (text) message.text = text;
}
