import { describe, expect, test } from 'vitest';
import { decodeUtf8, InvalidUtf8Error, toCanonicalBody, toCanonicalText } from '#lib/corpus/canonical-text.ts';

describe('toCanonicalText', () => {
  test('removes a leading BOM and only a leading one', () => {
    expect(toCanonicalText('\uFEFFтекст\uFEFF')).toBe('текст\uFEFF');
  });

  test.each([
    ['CRLF', 'a\r\nb\r\n', 'a\nb\n'],
    ['lone CR', 'a\rb', 'a\nb'],
    ['mixed', 'a\r\n\rb\n', 'a\n\nb\n'],
  ])('turns %s line endings into LF', (_name, input, expected) => {
    expect(toCanonicalText(input)).toBe(expected);
  });

  test('composes NFD Cyrillic into NFC', () => {
    const decomposed = 'и\u0306 е\u0308'; // й and ё as base letter + combining mark
    expect(decomposed).toHaveLength(5);
    expect(toCanonicalText(decomposed)).toBe('й ё');
  });
});

describe('toCanonicalBody', () => {
  test('drops leading blank lines and trailing whitespace, ends with one LF', () => {
    expect(toCanonicalBody('\n  \n# Title\n\ntext  \n\n\n')).toBe('# Title\n\ntext\n');
  });

  test('keeps two trailing spaces inside the text (a Markdown line break)', () => {
    expect(toCanonicalBody('line one  \nline two\n')).toBe('line one  \nline two\n');
  });
});

describe('decodeUtf8', () => {
  test('decodes UTF-8 and keeps a BOM for toCanonicalText to remove', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0xd0, 0xaf]))).toBe('\uFEFFЯ');
  });

  test('refuses bytes that are not UTF-8 instead of replacing them', () => {
    // «Я» in Windows-1251.
    expect(() => decodeUtf8(new Uint8Array([0xdf]))).toThrow(InvalidUtf8Error);
  });
});
