/**
 * Splitting text into the tokens a redline compares: words, punctuation and
 * runs of whitespace. Intl.Segmenter finds the words (jsdiff's default regexes
 * cut Cyrillic apart); hyphenated words such as «кто-то», «e-mail» or
 * «152-ФЗ» stay one token, because a reader sees them as one word.
 * Joining the tokens gives back the text exactly.
 */

import { LruCache } from '#lib/util/lru-cache.ts';

const segmenters = new Map<string, Intl.Segmenter>();
// Enough for the blocks of a few large versions: the pairs of one build share most of their blocks.
const tokenCache = new LruCache<readonly string[]>(5_000);

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/** Tokens of a text in a locale; `tokens.join('') === text`. Shared between callers: do not modify. */
export function tokenizeWords(text: string, locale: string): readonly string[] {
  return tokenCache.get(`${locale}\u0000${text}`, () => segmentWords(text, locale));
}

function segmentWords(text: string, locale: string): string[] {
  const tokens: string[] = [];
  const segments = [...segmenterFor(locale).segment(text)];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (!segment) continue;
    let token = segment.segment;
    // word - word (no spaces): one hyphenated word.
    while (segment.isWordLike || /\d$/.test(token)) {
      const hyphen = segments[index + 1];
      const next = segments[index + 2];
      if (!hyphen || !next || !HYPHENS.has(hyphen.segment) || !next.isWordLike) break;
      token += hyphen.segment + next.segment;
      index += 2;
    }
    tokens.push(token);
  }
  return tokens;
}
