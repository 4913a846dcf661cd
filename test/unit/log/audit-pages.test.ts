import { describe, expect, test } from 'vitest';
import type { LogEntry } from '#schemas/public-log.ts';
import { comparePagesWithLog, findFirstDifference, getWords } from '#lib/log/audit-pages.ts';
import { createPolicyMarkdownRenderer } from '#lib/markdown/markdown-pipeline.ts';
import type { LogFinding, SiteReader } from '#lib/log/served-log.ts';
import { sha256Hex } from '#lib/timeline/published-text.ts';

const SITE = 'https://example.com/legal/';
const MARKDOWN = '---\ntitle: Политика\n---\n## 1. Общие положения\n\n1.1. Сайт собирает данные Пользователей.\n\n1.2. Согласие не является частью договора (см. п. 1.1).\n';
const RAW = Buffer.from(MARKDOWN);
const SHA = sha256Hex(RAW);
const ENTRY: LogEntry = {
  kind: 'published',
  policy: 'privacy',
  locale: 'ru',
  version: 'v1',
  effectiveFrom: '2025-08-31T21:00:00.000Z',
  publishedAt: '2025-08-01T00:00:00.000Z',
  sha256: SHA,
  previousSha256: null,
  reason: null,
};

async function pageOf(body: string, head = '<meta charset="utf-8">'): Promise<string> {
  const renderer = await createPolicyMarkdownRenderer({ basePath: '/legal/' });
  const html = (await renderer.render(body)).code;
  return `<!doctype html><html lang="ru"><head>${head}<title>Политика</title></head><body><nav>Меню Сайт</nav><article><h1>Политика</h1><div class="policy-text">${html}</div></article></body></html>`;
}

/** A site in memory: its files, and the media type it serves pages with. */
function siteOf(files: Record<string, string | Uint8Array>, contentType: string | null = null): SiteReader {
  const bytes = (path: string) => {
    const file = files[path];
    return file === undefined ? null : typeof file === 'string' ? new Uint8Array(Buffer.from(file)) : file;
  };
  return { location: SITE, read: async (path) => bytes(path), readPage: async (path) => (bytes(path) ? { bytes: bytes(path) as Uint8Array, contentType } : null) };
}

async function check(site: SiteReader): Promise<LogFinding[]> {
  const findings: LogFinding[] = [];
  const pages = [{ url: `${SITE}ru/privacy/v1/`, id: 'privacy/ru/v1', role: 'the page of' }];
  const checked = await comparePagesWithLog({ site, siteUrl: SITE, pages, entries: [ENTRY], pathOf: (url) => url.slice(SITE.length) }, findings);
  expect(checked).toBe(1);
  return findings;
}

const body = MARKDOWN.split('---\n')[2] ?? '';

describe('comparePagesWithLog', () => {
  test('finds nothing when the page shows its logged text, whatever surrounds it', async () => {
    expect(await check(siteOf({ [`raw/privacy/ru/v1/${SHA}.md`]: RAW, 'ru/privacy/v1/index.html': await pageOf(body) }))).toEqual([]);
  });

  test('names the page, the entry and the first words that differ when a word was slipped in', async () => {
    const page = (await pageOf(body)).replace('собирает данные', 'собирает и продаёт данные');
    expect(await check(siteOf({ [`raw/privacy/ru/v1/${SHA}.md`]: RAW, 'ru/privacy/v1/index.html': page }))).toEqual([
      {
        kind: 'page differs from its logged text',
        message:
          'ru/privacy/v1/index.html, the page of log entry 0 (published privacy/ru/v1), from word 7: the page reads «… Сайт собирает и продаёт данные Пользователей. 1.2. Согласие …», the logged text «… Сайт собирает данные Пользователей. 1.2. Согласие не является …»',
      },
    ]);
  });

  test('names a page whose text was cut short', async () => {
    const page = (await pageOf(body)).replace(/1\.2\.[^<]*/, '');
    const [finding] = await check(siteOf({ [`raw/privacy/ru/v1/${SHA}.md`]: RAW, 'ru/privacy/v1/index.html': page }));
    expect(finding?.message).toBe(
      'ru/privacy/v1/index.html, the page of log entry 0 (published privacy/ru/v1), from word 9: the page reads «… данные Пользователей.», the logged text «… данные Пользователей. 1.2. Согласие не является частью договора …»',
    );
  });

  test('names a page served, or declared, in another charset than UTF-8', async () => {
    const files = { [`raw/privacy/ru/v1/${SHA}.md`]: RAW, 'ru/privacy/v1/index.html': await pageOf(body) };
    expect(await check(siteOf(files, 'text/html; charset=windows-1251'))).toEqual([
      {
        kind: 'page charset',
        message: 'ru/privacy/v1/index.html, the page of log entry 0 (published privacy/ru/v1), is served as "text/html; charset=windows-1251": a browser decodes it as windows-1251, not as the UTF-8 of the logged text',
      },
    ]);
    expect(await check(siteOf(files, 'text/html; charset=UTF-8'))).toEqual([]);
    const declared = { ...files, 'ru/privacy/v1/index.html': await pageOf(body, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">') };
    expect((await check(siteOf(declared)))[0]?.message).toContain('declares charset koi8-r');
  });

  test('names a page that is not served, and one without the policy text', async () => {
    expect((await check(siteOf({ [`raw/privacy/ru/v1/${SHA}.md`]: RAW })))[0]).toEqual({
      kind: 'page missing',
      message: 'ru/privacy/v1/index.html is not served, though the feed lists it as the page of log entry 0 (published privacy/ru/v1)',
    });
    expect((await check(siteOf({ [`raw/privacy/ru/v1/${SHA}.md`]: RAW, 'ru/privacy/v1/index.html': '<p>Сайт</p>' })))[0]?.message).toContain('has no policy text (no element of class "policy-text")');
  });
});

describe('getWords and findFirstDifference', () => {
  test('split on every kind of space, the no-break ones included', () => {
    expect(getWords(' 152\u00a0ФЗ\n от 2006\u202fг. ')).toEqual(['152', 'ФЗ', 'от', '2006', 'г.']);
  });
  test('give the first differing position, a missing tail included, or -1', () => {
    expect(findFirstDifference(['a', 'b'], ['a', 'b'])).toBe(-1);
    expect(findFirstDifference(['a', 'b'], ['a', 'c'])).toBe(1);
    expect(findFirstDifference(['a', 'b'], ['a'])).toBe(1);
  });
});
