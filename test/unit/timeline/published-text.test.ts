import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { getPublishedText, renderPublishedText, sha256Hex, splitPublishedText } from '#lib/timeline/published-text.ts';
import { buildTimeline } from '#lib/timeline/timeline.ts';
import { validateCorpus } from '#lib/corpus/validate-corpus.ts';
import { makeVersion } from '../../helpers/versions.ts';

describe('renderPublishedText', () => {
  test('writes the canonical front matter, an empty line and the body', () => {
    const version = makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z', title: 'Политика "конфиденциальности"', body: 'Текст.\n' });
    expect(renderPublishedText(version)).toBe(
      ['---', 'policy: "privacy"', 'locale: "ru"', 'version: "2025-09-01"', 'title: "Политика \\"конфиденциальности\\""', 'effective: "2025-08-31T21:00:00.000Z"', '---', '', 'Текст.', ''].join('\n'),
    );
  });
});

describe('sha256Hex', () => {
  test('is the SHA-256 of the UTF-8 bytes, as sha256sum prints it', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('ё')).toBe(
      createHash('sha256')
        .update(Buffer.from([0xd1, 0x91]))
        .digest('hex'),
    );
  });
});

describe('the hash of a version', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const hashOf = (text: string) => {
    const { versions, problems } = validateCorpus([{ relativePath: 'privacy/ru/v1.md', displayPath: 'v1.md', bytes: encode(text) }], { timeZone: 'Europe/Moscow', includeDrafts: false });
    expect(problems).toEqual([]);
    return buildTimeline('privacy', 'ru', versions).versions[0]?.sha256;
  };
  const clean = '---\ntitle: Политика\neffective: 2025-09-01\n---\n\nСогласие субъекта.\n';

  test('does not change with a BOM, CRLF, NFD or trailing blank lines', () => {
    const reference = hashOf(clean);
    expect(hashOf(`\uFEFF${clean}`)).toBe(reference);
    expect(hashOf(clean.replace(/\n/g, '\r\n'))).toBe(reference);
    expect(hashOf(clean.normalize('NFD'))).toBe(reference);
    expect(hashOf(`${clean}\n\n\n`)).toBe(reference);
  });

  test('changes with one letter of the text, the title or the effective instant', () => {
    const reference = hashOf(clean);
    expect(hashOf(clean.replace('Согласие', 'Cогласие'))).not.toBe(reference); // Latin C
    expect(hashOf(clean.replace('title: Политика', 'title: Политика конфиденциальности'))).not.toBe(reference);
    expect(hashOf(clean.replace('2025-09-01', '2025-09-02'))).not.toBe(reference);
  });

  test('does not change with summary or changeType, which describe the change rather than the text', () => {
    const reference = hashOf(clean);
    expect(hashOf(clean.replace('---\n\n', 'summary: Что-то\nchangeType: editorial\n---\n\n'))).toBe(reference);
  });

  test('is the hash of the published Markdown', () => {
    const version = makeVersion({ version: 'v1', effective: '2025-08-31T21:00:00Z' });
    const [placed] = buildTimeline('privacy', 'ru', [version]).versions;
    expect(placed?.sha256).toBe(sha256Hex(renderPublishedText(version)));
  });
});

describe('splitPublishedText', () => {
  test('reads back the front matter and the body that renderPublishedText wrote', () => {
    const version = makeVersion({ version: 'v1', effective: '2025-08-31T21:00:00Z', body: '---\n\nТекст с чертой.\n' });
    const { text, sha256 } = getPublishedText(version);
    expect(sha256).toBe(sha256Hex(text));
    expect(splitPublishedText(text)).toEqual({
      frontMatter: 'policy: "privacy"\nlocale: "ru"\nversion: "v1"\ntitle: "Политика конфиденциальности"\neffective: "2025-08-31T21:00:00.000Z"',
      body: version.body,
    });
  });

  test('takes a text without a front matter as all body', () => {
    expect(splitPublishedText('Текст.\n---\nещё\n')).toEqual({ frontMatter: '', body: 'Текст.\n---\nещё\n' });
  });
});
