/**
 * What changed between two texts, for the terminal: the site's block-aware
 * redline of the changed blocks only. `policy diff` shows it for two
 * versions; the ledger check shows it for a published text that changed.
 */
import { splitPublishedText } from '#lib/timeline/published-text.ts';
import { getDocumentBlocks } from './text-blocks.ts';
import { createRedline } from './redline.ts';
import { renderTextRedline, type TextRedlineStyle } from './render-text-redline.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** The redline of two Markdown bodies; empty when they have no difference. */
export function describeBodyChange(before: string, after: string, locale: string, style: TextRedlineStyle = { color: false }): string {
  return renderTextRedline(createRedline(getDocumentBlocks(before), getDocumentBlocks(after), { locale }), style);
}

/**
 * The change between two published texts: a line for a changed front matter, then the redline of the bodies.
 * @param labels the words of its lines, from the reader's catalog (`diff` group); English when not given
 */
export function describeTextChange(before: string, after: string, locale: string, labels: MessageCatalog['diff'] = DEFAULT_MESSAGES.diff): string {
  const old = splitPublishedText(before);
  const current = splitPublishedText(after);
  const head = old.frontMatter === current.frontMatter ? [] : [labels.frontMatter({ before: old.frontMatter.replace(/\n/g, ' '), after: current.frontMatter.replace(/\n/g, ' ') })];
  return [...head, describeBodyChange(old.body, current.body, locale, { color: false, labels })].filter((line) => line !== '').join('\n');
}
