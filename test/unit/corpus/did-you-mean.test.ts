import { describe, expect, test } from 'vitest';
import { didYouMean, suggestName } from '#lib/corpus/did-you-mean.ts';

describe('did you mean', () => {
  test('suggests the known name a typo is close to', () => {
    expect(suggestName('privcy', ['consent', 'privacy'])).toBe('privacy');
    expect(suggestName('efective', ['title', 'effective', 'summary'])).toBe('effective');
    expect(suggestName('RU', new Set(['ru', 'en']))).toBe('ru');
    expect(didYouMean('privcy', ['consent', 'privacy'])).toBe(' Did you mean "privacy"?');
  });

  test('suggests nothing for a name far from every known one, or for the name itself', () => {
    expect(suggestName('cookies', ['privacy', 'consent'])).toBeUndefined();
    expect(didYouMean('cookies', ['privacy', 'consent'])).toBe('');
    expect(didYouMean('privacy', ['privacy'])).toBe('');
    expect(didYouMean('privacy', [])).toBe('');
    // A two-letter locale is all edits away from another: no guess.
    expect(suggestName('de', ['en', 'ru'])).toBeUndefined();
    expect(suggestName('rus', ['en', 'ru'])).toBe('ru');
    expect(suggestName('titel', ['title', 'effective'])).toBe('title');
  });
});
