/**
 * Whether a change between two texts is editorial, proven and not assumed.
 * An editorial change is recorded without asking anyone to consent again, so
 * a change is editorial only when every changed passage of the site's
 * redline is one of an explicit list of cosmetic edits: whitespace,
 * punctuation (dashes, quotes, apostrophes, commas, semicolons and colons, a
 * missing or doubled stop), letter case, «ё» for «е», markup alone (the same words and
 * link targets), or a spelling fix inside one word (one letter inserted,
 * dropped, replaced or two swapped, never the first letter nor, except a
 * swap, the last two, where Russian and English inflect: «Компании» →
 * «Компаний» is another word form, not a typo). Anything else is material:
 * a word added or removed (a negation above all), a passage, list item or
 * clause added, removed or moved, an obligation or permission word, a
 * number, a month or a duration, a link target, any other symbol. Unknown
 * cases fail closed. Word-level over the site's redline (blocks aligned,
 * words diffed over Intl.Segmenter tokens), so the passages a refusal names
 * are the ones the redline shows.
 */
import type { Element } from 'hast';
import { getDocumentBlocks } from './text-blocks.ts';
import { getBlockLinkChanges, type LinkedBlock } from './link-changes.ts';
import { createRedline, type BlockChange, type RedlineBlock } from './redline.ts';
import { renderWordChanges } from './render-text-redline.ts';
import { tokenizeWords } from './tokenize-words.ts';
import type { WordChange } from './word-diff.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';
import type { PassageReason, ReasonWords, ShownPassage } from '#lib/messages/messages-en.ts';

/** The verdict on a change. */
export interface EditorialVerdict {
  /** True only when every changed passage is a cosmetic edit (also when nothing changed). */
  editorial: boolean;
  /** The passages that make it material, in document order; empty when it is editorial. */
  passages: ShownPassage[];
}

// Punctuation a proofreader fixes without changing what a clause says. Anything else («%», «№», «§», «(», «+», «/») is material.
const COSMETIC_PUNCTUATION = /^[-\u2010-\u2015\u2212'"«»„“”‘’‚‹›,.…;:\u00ad]$/u;
const NEGATIONS = /^(?:не|ни|нет|без|безо|нельзя|никогда|нигде|никуда|никак\p{L}*|ник(?:то|ого|ому|ем|ом)|нич(?:то|его|ему|ем|ей\p{L}*)|not|no|never|without|none|nor|neither|nothing|nobody|cannot|\p{L}+n['’]t)$/u;
const OBLIGATIONS =
  /^(?:вправе|праве|обяза\p{L}*|обязу\p{L}*|мож(?:ет|ете|ем|ешь|но)|могут|долж(?:ен|на|но|ны)|разреш\p{L}*|запрещ\p{L}*|необходим\p{L}*|may|must|shall|should|will|can|could|might|required|obliged|obligated|entitled|permitted|prohibited|allowed)$/u;
const NUMBER_WORDS =
  /^(?:од(?:ин|на|но|ного|ному|ним|ной|ну|ни|них)|дв(?:а|е|ух|ум|умя)|тр(?:и|ех|ем|емя)|четыр\p{L}*|пят\p{L}*|шест\p{L}*|сем(?:ь|и|ью)|восем\p{L}*|девят\p{L}*|десят\p{L}*|\p{L}*дцат\p{L}*|сорок\p{L}*|девяност\p{L}*|ст(?:о|а)|двести|триста|\p{L}+сот|тысяч\p{L}*|миллион\p{L}*|миллиард\p{L}*|полтор\p{L}*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|thousand|million|billion|half|once|twice)$/u;
const DATE_WORDS =
  /^(?:январ\p{L}*|феврал\p{L}*|март\p{L}*|апрел\p{L}*|ма[йя]|июн\p{L}*|июл\p{L}*|август\p{L}*|сентябр\p{L}*|октябр\p{L}*|ноябр\p{L}*|декабр\p{L}*|january|february|march|april|may|june|july|august|september|october|november|december|дн\p{L}*|день|сут\p{L}*|недел\p{L}*|месяц\p{L}*|год\p{L}*|лет|час(?:а|ов|ам|ами|ах|у|ом)?|минут\p{L}*|days?|weeks?|months?|years?|hours?|minutes?)$/u;

const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);

/** A word as a proofreader compares it: lower case, «ё» as «е», one apostrophe, hyphens and soft hyphens inside it dropped («e-mail» = «email»). */
function normalizeWord(word: string, locale: string): string {
  return word
    .toLocaleLowerCase(locale)
    .replace(/ё/g, 'е')
    .replace(/[’‘ʼ]/gu, "'")
    .replace(/[-\u00ad\u2010\u2011]/g, '');
}

/** What a changed word is, when it is one a spelling fix may never touch; `original` tells the month «May» from the modal. */
function protectedKind(word: string, original = word): Exclude<ReasonWords, 'words'> | null {
  if (word === 'may' && original.startsWith('M')) return 'date';
  if (NEGATIONS.test(word)) return 'negation';
  if (OBLIGATIONS.test(word)) return 'obligation';
  if (/\p{N}/u.test(word) || NUMBER_WORDS.test(word)) return 'number';
  if (DATE_WORDS.test(word)) return 'date';
  return null;
}

/**
 * Whether `after` fixes the spelling of `before` (both normalized): one
 * letter inserted, dropped or replaced, not the first letter and not one of
 * the last two (an ending: another word form), or two neighbours swapped,
 * not the first; in a word of at least five letters.
 * @public Exported for its tests: the spelling rule is tested word pair by word pair.
 */
export function isSpellingFix(before: string, after: string): boolean {
  if (before === after) return true;
  const longer = before.length >= after.length ? [...before] : [...after];
  const shorter = before.length >= after.length ? [...after] : [...before];
  if (longer.length < 5 || longer.length - shorter.length > 1) return false;
  let prefix = 0;
  while (prefix < shorter.length && longer[prefix] === shorter[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter.length - prefix && longer[longer.length - 1 - suffix] === shorter[shorter.length - 1 - suffix]) suffix++;
  const inside = (index: number) => index >= 1 && index < longer.length - 2;
  if (longer.length === shorter.length) {
    const differing = longer.length - prefix - suffix;
    // One letter replaced.
    if (differing === 1) return inside(prefix);
    // Two neighbours swapped.
    return differing === 2 && prefix >= 1 && longer[prefix] === shorter[prefix + 1] && longer[prefix + 1] === shorter[prefix];
  }
  // One letter inserted or dropped: it may sit anywhere in a run of equal letters («колличество»), so any place in that run will do.
  for (let index = longer.length - 1 - suffix; index <= prefix; index++) if (inside(index)) return true;
  return false;
}

/** Counts of each item. */
function countItems(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** The items of `a` not matched in `b`, with multiplicity, in `a`'s order. */
function unmatched(a: readonly string[], b: readonly string[]): string[] {
  const left = countItems(b);
  return a.filter((item) => {
    const count = left.get(item) ?? 0;
    if (count === 0) return true;
    left.set(item, count - 1);
    return false;
  });
}

/**
 * Why replacing the passage `before` by `after` is material, or an empty list
 * when it is a cosmetic edit.
 * @public Exported for its tests: each kind of passage is tested on its own before the verdict that combines them.
 */
export function classifyPassage(before: string, after: string, locale: string): PassageReason[] {
  const tokens = (text: string) => tokenizeWords(text, locale).filter((token) => token.trim() !== '');
  const oldTokens = tokens(before);
  const newTokens = tokens(after);
  const oldWords = oldTokens.filter(isWord);
  const newWords = newTokens.filter(isWord);
  const reasons: PassageReason[] = [];

  const symbols = (list: readonly string[]) => list.filter((token) => !isWord(token)).flatMap((token) => [...token]);
  const changedSymbols = [...unmatched(symbols(oldTokens), symbols(newTokens)), ...unmatched(symbols(newTokens), symbols(oldTokens))];
  const otherSymbols = [...new Set(changedSymbols.filter((symbol) => !COSMETIC_PUNCTUATION.test(symbol)))];
  if (otherSymbols.length > 0) reasons.push({ kind: 'symbol', symbols: otherSymbols });

  const oldNormal = oldWords.map((word) => normalizeWord(word, locale));
  const newNormal = newWords.map((word) => normalizeWord(word, locale));
  const sameWords = oldNormal.length === newNormal.length && oldNormal.every((word, index) => word === newNormal[index]);
  if (sameWords) return reasons;
  if (oldNormal.length === newNormal.length) {
    const fixes = oldNormal.every((word, index) => {
      const other = newNormal[index] ?? '';
      return word === other || (protectedKind(word) === null && protectedKind(other) === null && isSpellingFix(word, other));
    });
    if (fixes) return reasons;
  }

  const removed = unmatched(oldNormal, newNormal);
  const added = unmatched(newNormal, oldNormal);
  const originals = new Map([...oldWords, ...newWords].map((word) => [normalizeWord(word, locale), word]));
  const kindOf = (word: string) => protectedKind(word, originals.get(word));
  // Name the words a reader of a contract looks for first; then whatever else changed.
  const named = new Set<string>();
  for (const kind of ['negation', 'obligation', 'number', 'date'] as const) {
    const gone = removed.filter((word) => kindOf(word) === kind);
    const come = added.filter((word) => kindOf(word) === kind);
    for (const word of [...gone, ...come]) named.add(word);
    if (gone.length > 0 || come.length > 0) reasons.push({ kind: 'words', words: kind, removed: gone, added: come });
  }
  const otherRemoved = removed.filter((word) => !named.has(word));
  const otherAdded = added.filter((word) => !named.has(word));
  // A whole sentence: it starts with a capital letter and ends with a stop.
  const sentence = (text: string, words: number) => words >= 2 && /^\p{Lu}.*[.!?…]$/su.test(text.trim());
  const words = { kind: 'words', words: 'words', removed: otherRemoved, added: otherAdded } as const;
  if (otherRemoved.length > 0 && otherAdded.length > 0) reasons.push(words);
  else if (otherRemoved.length > 0) reasons.push(sentence(before, oldWords.length) && newWords.length === 0 ? { kind: 'sentence', removed: true, count: oldWords.length } : words);
  else if (otherAdded.length > 0) reasons.push(sentence(after, newWords.length) && oldWords.length === 0 ? { kind: 'sentence', removed: false, count: newWords.length } : words);
  // Same words, other order («не может» → «может не»).
  if (reasons.length === 0) reasons.push({ kind: 'order' });
  return reasons;
}

/** Context shown around a passage, in characters each side, cut at a word. */
const CONTEXT = 40;

function contextBefore(text: string): string {
  if (text.length <= CONTEXT) return text;
  const cut = text.slice(-CONTEXT);
  return `…${cut.slice(cut.search(/\s/u) + 1)}`;
}

function contextAfter(text: string): string {
  if (text.length <= CONTEXT) return text;
  const cut = text.slice(0, CONTEXT);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/** The material passages of a block edited word by word. */
function getWordPassages(words: readonly WordChange[], clause: string | null, locale: string): ShownPassage[] {
  const passages: ShownPassage[] = [];
  let index = 0;
  while (index < words.length) {
    const part = words[index];
    if (!part || (!part.added && !part.removed)) {
      index++;
      continue;
    }
    const start = index;
    // One passage runs on over a few signs between two changes («[-10-]{+1+} ([-десять-]{+один+})»): a reader sees one edit.
    const changed = (at: number) => words[at]?.added === true || words[at]?.removed === true;
    const bridge = (at: number) => !changed(at) && (words[at]?.value.length ?? 0) <= 3 && !/[\p{L}\p{N}]/u.test(words[at]?.value ?? '') && changed(at + 1);
    while (index < words.length && (changed(index) || bridge(index))) index++;
    const run = words.slice(start, index);
    const before = run
      .filter((change) => !change.added)
      .map((change) => change.value)
      .join('');
    const after = run
      .filter((change) => !change.removed)
      .map((change) => change.value)
      .join('');
    const reasons = classifyPassage(before, after, locale);
    if (reasons.length === 0) continue;
    const previous = words[start - 1];
    const next = words[index];
    passages.push({
      clause,
      redline: `${previous ? contextBefore(previous.value).trimStart() : ''}${renderWordChanges(run, { color: false })}${next ? contextAfter(next.value).trimEnd() : ''}`,
      reasons,
    });
  }
  return passages;
}

type ClassifiedBlock = RedlineBlock & { element?: Element; kind?: string; clause?: string | null };

// What a block without words can still carry to a reader: a link, an image, an embedded object, a table.
const VISIBLE_MARKUP = /<(?:a|img|iframe|object|embed|video|audio|picture|svg|table|input|form)\b/i;

/** A block with no words and nothing a reader could follow or see (an HTML comment, an anchor, a rule): markup alone. */
const isInvisible = (block: ClassifiedBlock) => block.text.trim() === '' && !VISIBLE_MARKUP.test(block.html);

/** A block's words for a passage, or its markup when it has none. */
const blockText = (block: ClassifiedBlock) => block.text || (block.html.length > 120 ? `${block.html.slice(0, 120)}…` : block.html);

/** The material passages of one block's change. */
function getBlockPassages(block: BlockChange<ClassifiedBlock>, locale: string): ShownPassage[] {
  const kindName = (b: ClassifiedBlock) => b.kind ?? 'other';
  switch (block.op) {
    case 'equal':
      return [];
    case 'added':
      if (isInvisible(block.new)) return [];
      return [{ clause: block.new.clause ?? null, redline: `{+${blockText(block.new)}+}`, reasons: [{ kind: 'block', change: block.moved ? 'moves' : 'adds', block: kindName(block.new) }] }];
    case 'removed':
      // A move is one change, named where the text arrives.
      if (block.moved || isInvisible(block.old)) return [];
      return [{ clause: block.old.clause ?? null, redline: `[-${blockText(block.old)}-]`, reasons: [{ kind: 'block', change: 'removes', block: kindName(block.old) }] }];
    case 'formatted': {
      const reasons: PassageReason[] = [];
      if (block.old.kind !== block.new.kind) reasons.push({ kind: 'turns', from: kindName(block.old), to: kindName(block.new) });
      const links = block.old.element && block.new.element ? getBlockLinkChanges(block.old as LinkedBlock, block.new as LinkedBlock) : [];
      for (const link of links) reasons.push({ kind: 'link', text: link.text, from: link.from, to: link.to });
      return reasons.length === 0 ? [] : [{ clause: block.new.clause ?? null, redline: block.new.text, reasons }];
    }
    case 'modified': {
      const clause = block.new.clause ?? block.old.clause ?? null;
      const words = block.words ?? [
        { value: block.old.text, added: false, removed: true, count: 1 },
        { value: block.new.text, added: true, removed: false, count: 1 },
      ];
      const passages = getWordPassages(words, clause, locale);
      const reasons: PassageReason[] = [];
      if (block.old.kind !== block.new.kind) reasons.push({ kind: 'turns', from: kindName(block.old), to: kindName(block.new) });
      const links = block.old.element && block.new.element ? getBlockLinkChanges(block.old as LinkedBlock, block.new as LinkedBlock) : [];
      for (const link of links) reasons.push({ kind: 'link', text: link.text, from: link.from, to: link.to });
      return reasons.length === 0 ? passages : [...passages, { clause, redline: block.new.text, reasons }];
    }
  }
}

/** Judges the change from one Markdown document to another (a policy's title and body). */
export function checkEditorialChange(before: string, after: string, locale: string): EditorialVerdict {
  // A generous edit budget (a count, so the verdict never depends on the machine); a block beyond it is a whole replacement, which fails closed.
  const redline = createRedline(getDocumentBlocks(before), getDocumentBlocks(after), { locale, wordDiffMaxEdits: 20_000 });
  // Sections are the headings under the title (level 2 and below); a heading is placed by itself.
  let section: string | null = null;
  const passages = redline.blocks.flatMap((block) => {
    const isHeading = block.op !== 'removed' && block.new.kind === 'heading';
    if (isHeading && block.new.depth >= 2) section = block.new.text;
    return getBlockPassages(block, locale).map((passage) => (passage.clause === null && section !== null && !isHeading ? { ...passage, section } : passage));
  });
  return { editorial: passages.length === 0, passages };
}

/**
 * The passages of a verdict, one line each: `3.1: …[-не -]является… (removes a negation: «не»)`; a block without a clause number is placed by its section.
 * @public Exported for its tests: a refusal writes them through its detail's catalog message (`materialPassages`).
 */
export function formatMaterialPassages(passages: readonly ShownPassage[], messages: MessageCatalog = DEFAULT_MESSAGES): string {
  return messages.detail.materialPassages({ passages });
}
