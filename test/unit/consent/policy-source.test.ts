import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createLocator, findFeedIndex } from '#lib/consent/policy-source.ts';

describe('findFeedIndex', () => {
  const site = mkdtempSync(join(tmpdir(), 'сайт с пробелом-'));
  mkdirSync(join(site, 'feed', 'v1'), { recursive: true });
  writeFileSync(join(site, 'feed', 'v1', 'index.json'), '{}');

  test.each([
    ['', 'feed/v1/index.json'],
    ['feed/v1', 'feed/v1/index.json'],
    ['feed/v1/', 'feed/v1/index.json'],
    ['feed/v1/index.json', 'feed/v1/index.json'],
  ])('finds the index from the path %j of a built site', async (path, index) => {
    expect(await findFeedIndex(join(site, path))).toBe(join(site, index));
  });

  test.each([
    ['https://example.com/legal/', 'https://example.com/legal/feed/v1/index.json'],
    ['https://example.com/legal', 'https://example.com/legal/feed/v1/index.json'],
    ['http://127.0.0.1:8080/feed/v1/', 'http://127.0.0.1:8080/feed/v1/index.json'],
    ['http://127.0.0.1:8080/feed/v1', 'http://127.0.0.1:8080/feed/v1/index.json'],
    ['http://127.0.0.1:8080/archive/2026.json', 'http://127.0.0.1:8080/archive/2026.json'],
    ['-', '-'],
  ])('finds the index from %s', async (location, index) => {
    expect(await findFeedIndex(location)).toBe(index);
  });

  test('says what is missing, never a stack trace', async () => {
    await expect(findFeedIndex(join(site, 'nope'))).rejects.toThrow(`cannot read ${join(site, 'nope')}: no such file or folder`);
    await expect(findFeedIndex(join(site, 'feed', 'v1', 'privacy'))).rejects.toThrow('no such file or folder');
    mkdirSync(join(site, 'empty'));
    await expect(findFeedIndex(join(site, 'empty'))).rejects.toThrow(`${join(site, 'empty')} is a folder without a feed`);
  });
});

describe('createLocator', () => {
  test('reads what the index names from the mirror the index came from', () => {
    const locate = createLocator('http://127.0.0.1:9000/feed/v1/index.json', 'https://example.com/', false);
    expect(locate('https://example.com/feed/v1/privacy.json')).toBe('http://127.0.0.1:9000/feed/v1/privacy.json');
    expect(locate('https://example.com/raw/privacy/ru/2025-09-01.md')).toBe('http://127.0.0.1:9000/raw/privacy/ru/2025-09-01.md');
  });

  test('keeps the base path of the site where the mirror keeps it', () => {
    const under = createLocator('http://127.0.0.1:9000/legal/feed/v1/index.json', 'https://example.com/legal/', false);
    expect(under('https://example.com/legal/raw/privacy/ru/v1.md')).toBe('http://127.0.0.1:9000/legal/raw/privacy/ru/v1.md');
    const atRoot = createLocator('http://127.0.0.1:9000/feed/v1/index.json', 'https://example.com/legal/', false);
    expect(atRoot('https://example.com/legal/raw/privacy/ru/v1.md')).toBe('http://127.0.0.1:9000/raw/privacy/ru/v1.md');
  });

  test('reads from a folder tree, with spaces and Cyrillic in its path', () => {
    const locate = createLocator('/tmp/копия сайта/feed/v1/index.json', 'https://example.com/', false);
    expect(locate('https://example.com/raw/privacy/ru/2025-09-01.md')).toBe('/tmp/копия сайта/raw/privacy/ru/2025-09-01.md');
  });

  test('keeps URLs outside the site, and every URL with --follow-absolute or an index from standard input', () => {
    expect(createLocator('/tmp/dist/feed/v1/index.json', 'https://example.com/legal/', false)('https://example.com/other/x.json')).toBe('https://example.com/other/x.json');
    expect(createLocator('/tmp/dist/feed/v1/index.json', 'https://example.com/', false)('https://cdn.example.net/x.json')).toBe('https://cdn.example.net/x.json');
    expect(createLocator('http://127.0.0.1:9000/feed/v1/index.json', 'https://example.com/', true)('https://example.com/feed/v1/privacy.json')).toBe('https://example.com/feed/v1/privacy.json');
    expect(createLocator('-', 'https://example.com/', false)('https://example.com/feed/v1/privacy.json')).toBe('https://example.com/feed/v1/privacy.json');
  });
});
