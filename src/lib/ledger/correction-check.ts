/**
 * Whether a correction of a published text is editorial: a correction is
 * recorded without a new version and without asking anyone to consent again,
 * so it may only fix wording. Using the site's redline (blocks aligned, then
 * words diffed with jsdiff over Intl.Segmenter tokens), a correction is
 * material when a changed passage touches a number (a date, a time limit, an
 * amount, a clause number), a month, a currency, an e-mail address or a URL
 * (a link target included), or when more than {@link MAX_CHANGED_WORD_SHARE}
 * of the words change. A material correction is refused unless recorded with
 * `publish --material-correction "<reason>"`.
 */
import { getDocumentBlocks } from '#lib/redline/document-blocks.ts';
import { createRedline, type BlockChange, type RedlineBlock } from '#lib/redline/redline.ts';
import { tokenizeWords } from '#lib/redline/tokenize-words.ts';
import { splitPublishedText } from '#lib/timeline/published-text.ts';

/** Above this share of changed words (removed + inserted, over the words of both texts), a correction is a rewrite. */
export const MAX_CHANGED_WORD_SHARE = 0.05;

/** The verdict on one correction. */
export interface CorrectionCheck {
  editorial: boolean;
  /** Why it is not editorial, one line each; empty when it is. */
  reasons: string[];
  /** Words removed plus words inserted. */
  changedWords: number;
  /** Words of the old text plus words of the new. */
  totalWords: number;
}

const MONTHS =
  /^(?:январ[ья]|феврал[ья]|март[а]?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август[а]?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]|january|february|march|april|may|june|july|august|september|october|november|december)$/iu;
/** What a person would not expect a "typo fix" to touch, each with how a message names it. */
const SENSITIVE: { name: string; pattern: RegExp }[] = [
  { name: 'an e-mail address', pattern: /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[^\s@<>()[\]]*[\p{L}\p{N}]/gu },
  // \b is ASCII-only even with the u flag, so word edges are spelled out for Cyrillic.
  { name: 'a URL', pattern: /(?:https?:\/\/|www\.)[^\s<>()]+|(?<![\p{L}\p{N}])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:ru|рф|com|org|net|io|su|info|eu|de|uk)(?![\p{L}\p{N}])(?:\/[^\s<>()]*)?/giu },
  { name: 'an amount', pattern: /[₽$€£¥]|(?<![\p{L}\p{N}])(?:руб(?:л\p{L}*)?|копе(?:й|е)к\p{L}*|коп\.|доллар\p{L}*|евро|dollars?|euros?|usd|eur|rub)(?![\p{L}])/giu },
  { name: 'a number', pattern: /\p{Nd}+(?:[.,:/-]\p{Nd}+)*/gu },
];

const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);
const countWords = (text: string, locale: string) => tokenizeWords(text, locale).filter(isWord).length;

/** Spans `[start, end)` of sensitive text in a passage, by kind. */
function sensitiveSpans(text: string): { name: string; start: number; end: number; value: string }[] {
  const spans: { name: string; start: number; end: number; value: string }[] = [];
  for (const { name, pattern } of SENSITIVE) {
    for (const match of text.matchAll(pattern)) spans.push({ name, start: match.index, end: match.index + match[0].length, value: match[0] });
  }
  let offset = 0;
  for (const token of tokenizeWords(text, 'ru')) {
    if (MONTHS.test(token)) spans.push({ name: 'a date', start: offset, end: offset + token.length, value: token });
    offset += token.length;
  }
  return spans;
}

/** A changed range of one side of a block, `[start, end)` in that side's text. */
interface ChangedRange {
  text: string;
  start: number;
  end: number;
}

/** The changed ranges of each side of a changed block. */
function changedRanges(block: BlockChange): { old: ChangedRange[]; new: ChangedRange[] } {
  const whole = (b: RedlineBlock): ChangedRange[] => (b.text === '' ? [] : [{ text: b.text, start: 0, end: b.text.length }]);
  switch (block.op) {
    case 'equal':
    case 'formatted':
      return { old: [], new: [] };
    case 'added':
      return { old: [], new: whole(block.new) };
    case 'removed':
      return { old: whole(block.old), new: [] };
    case 'modified': {
      if (!block.words) return { old: whole(block.old), new: whole(block.new) };
      const old: ChangedRange[] = [];
      const neu: ChangedRange[] = [];
      let oldAt = 0;
      let newAt = 0;
      for (const part of block.words) {
        if (part.removed) {
          old.push({ text: block.old.text, start: oldAt, end: oldAt + part.value.length });
          oldAt += part.value.length;
        } else if (part.added) {
          neu.push({ text: block.new.text, start: newAt, end: newAt + part.value.length });
          newAt += part.value.length;
        } else {
          oldAt += part.value.length;
          newAt += part.value.length;
        }
      }
      return { old, new: neu };
    }
  }
}

/** Link targets of a block's markup, to tell a changed URL from a changed style. */
function linkTargets(html: string): string[] {
  return [...html.matchAll(/\bhref="([^"]*)"/g)].map((match) => match[1] ?? '').sort();
}

/**
 * Checks a correction from the published text `before` to `after` (both
 * published Markdown, front matter included: the title counts as text).
 */
export function checkCorrection(before: string, after: string, locale: string): CorrectionCheck {
  const toDocument = (text: string) => {
    const { frontMatter, body } = splitPublishedText(text);
    const title = /^title: (".*")$/m.exec(frontMatter)?.[1];
    return `${title ? `# ${JSON.parse(title) as string}\n\n` : ''}${body}`;
  };
  const oldText = toDocument(before);
  const newText = toDocument(after);
  const redline = createRedline(getDocumentBlocks(oldText), getDocumentBlocks(newText), { locale });
  const touched = new Map<string, Set<string>>();
  let changedWords = 0;
  for (const block of redline.blocks) {
    if (block.op === 'formatted' && linkTargets(block.old.html).join(' ') !== linkTargets(block.new.html).join(' ')) {
      const set = touched.get('a URL') ?? new Set<string>();
      set.add(`${linkTargets(block.old.html).join(' ')} → ${linkTargets(block.new.html).join(' ')}`);
      touched.set('a URL', set);
    }
    const ranges = changedRanges(block);
    const spans = new Map<string, ReturnType<typeof sensitiveSpans>>();
    for (const range of [...ranges.old, ...ranges.new]) {
      changedWords += countWords(range.text.slice(range.start, range.end), locale);
      if (!spans.has(range.text)) spans.set(range.text, sensitiveSpans(range.text));
      for (const span of spans.get(range.text) ?? []) {
        if (span.start < range.end && range.start < span.end) {
          const set = touched.get(span.name) ?? new Set<string>();
          set.add(span.value);
          touched.set(span.name, set);
        }
      }
    }
  }
  const totalWords = countWords(oldText, locale) + countWords(newText, locale);
  const reasons = [...touched].map(([name, values]) => `it touches ${name}: ${[...values].map((value) => `"${value}"`).join(', ')}`);
  if (totalWords > 0 && changedWords / totalWords > MAX_CHANGED_WORD_SHARE) {
    reasons.push(`it changes ${changedWords} of ${totalWords} words (${(Math.round((changedWords / totalWords) * 1000) / 10).toLocaleString('en')}%, more than ${MAX_CHANGED_WORD_SHARE * 100}%)`);
  }
  return { editorial: reasons.length === 0, reasons, changedWords, totalWords };
}
