/**
 * A redline for the terminal: only the blocks that changed, each under the
 * heading of its section, with deleted words as `[-…-]` and inserted words as
 * `{+…+}` (the markers of `git diff --word-diff`), or in colour when the
 * output is a terminal. Same redline as the site, from the same data.
 */
import { getBlockLinkChanges, type LinkedBlock, type LinkTargetChange } from './link-changes.ts';
import type { Redline, RedlineBlock } from './redline.ts';
import type { WordChange } from './word-diff.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** How changes are marked. */
export interface TextRedlineStyle {
  color: boolean;
  /** The words of the labels, from the reader's catalog (`diff` group); English when not given. */
  labels?: RedlineLabels;
}

/** The labels of a text redline's lines, as the catalogs word them. */
type RedlineLabels = MessageCatalog['diff'];
const labelsOf = (style: TextRedlineStyle): RedlineLabels => style.labels ?? DEFAULT_MESSAGES.diff;

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', dim: '\u001b[2m', bold: '\u001b[1m', strike: '\u001b[9m', underline: '\u001b[4m', reset: '\u001b[0m' };

function removed(text: string, style: TextRedlineStyle): string {
  return style.color ? `${ANSI.red}${ANSI.strike}${text}${ANSI.reset}` : `[-${text}-]`;
}

function added(text: string, style: TextRedlineStyle): string {
  return style.color ? `${ANSI.green}${ANSI.underline}${text}${ANSI.reset}` : `{+${text}+}`;
}

function label(text: string, style: TextRedlineStyle): string {
  return style.color ? `${ANSI.bold}${text}${ANSI.reset}` : text;
}

/** Word changes as text: deleted words as `[-…-]`, inserted ones as `{+…+}` (or in colour). */
export function renderWordChanges(parts: readonly WordChange[], style: TextRedlineStyle): string {
  return parts.map((part) => (part.removed ? removed(part.value, style) : part.added ? added(part.value, style) : part.value)).join('');
}

/** The lines that name each changed link target. */
function linkLines(links: readonly LinkTargetChange[], style: TextRedlineStyle): string[] {
  const words = labelsOf(style);
  return links.map((link) => `    ${words.link({ text: link.text })}: ${removed(link.from ?? words.noTarget, style)} → ${added(link.to ?? words.noTarget, style)}`);
}

/** The link changes of a changed block, when its blocks carry their rendered elements. */
function blockLinkChanges(before: RedlineBlock & Partial<LinkedBlock>, after: RedlineBlock & Partial<LinkedBlock>): LinkTargetChange[] {
  return before.element && after.element ? getBlockLinkChanges(before as LinkedBlock, after as LinkedBlock) : [];
}

/** Renders the changed blocks of a redline as text; blocks with their rendered element also show which link targets changed. */
export function renderTextRedline(redline: Redline<RedlineBlock & Partial<LinkedBlock>>, style: TextRedlineStyle): string {
  const lines: string[] = [];
  const words = labelsOf(style);
  let heading: string | null = null;
  let printedHeading: string | null = null;
  for (const block of redline.blocks) {
    const current = block.op === 'removed' ? null : block.new.kind === 'heading' ? block.new.text : null;
    if (current !== null) heading = current;
    if (block.op === 'equal') continue;
    if (heading !== null && heading !== printedHeading && !(block.op !== 'removed' && block.new.kind === 'heading')) {
      lines.push(style.color ? `${ANSI.dim}@@ ${heading} @@${ANSI.reset}` : `@@ ${heading} @@`);
      printedHeading = heading;
    }
    switch (block.op) {
      case 'added':
        lines.push(`${label(block.moved ? words.movedHere : words.added, style)} ${added(block.new.text, style)}`);
        break;
      case 'removed':
        lines.push(`${label(block.moved ? words.movedAway : words.removed, style)} ${removed(block.old.text, style)}`);
        break;
      case 'formatted': {
        const links = blockLinkChanges(block.old, block.new);
        lines.push(`${label(links.length === 0 ? words.formattingChanged : words.linkChanged, style)} ${block.new.text}`, ...linkLines(links, style));
        break;
      }
      case 'modified':
        lines.push(
          `${label(words.changed, style)} ${renderWordChanges(
            block.words ?? [
              { value: block.old.text, removed: true, added: false, count: 1 },
              { value: block.new.text, removed: false, added: true, count: 1 },
            ],
            style,
          )}`,
          ...linkLines(blockLinkChanges(block.old, block.new), style),
        );
        break;
    }
    if (current !== null) printedHeading = current;
  }
  return lines.join('\n');
}
