import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildShared, buildSite, FIXTURE_CORPUS, OUTPUT, type BuildResult } from '../helpers/build-site.ts';
import { attributeOf, findBrokenLinks, listFiles, readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';

let build: BuildResult;
let second: BuildResult;

beforeAll(() => {
  // Two builds in opposite time zones and locales: the output must not notice.
  // The first is the build the other tests of the fixture corpus read (UTC+14, Russian).
  build = buildShared(FIXTURE_CORPUS);
  second = buildSite({ policiesDir: FIXTURE_CORPUS.policiesDir, name: 'fixture-again', env: { TZ: 'America/Adak', LANG: 'C' } });
});

describe('building the fixture corpus', () => {
  test('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  test('writes a page for every version, current URL and history, and the raw Markdown', () => {
    // The feed files have their own contract test (feed-contract.test.ts).
    const files = listFiles(build.outDir).filter((file) => !/^(_astro|feed|pagefind|kit)\//.test(file) && !/\/[0-9a-f]{64}\.md$/.test(file));
    // Each published text is also served by its hash.
    expect(listFiles(build.outDir).filter((file) => /\/[0-9a-f]{64}\.md$/.test(file))).toHaveLength(6);
    expect(files).toEqual([
      '404.html',
      '_headers',
      '_nginx.conf',
      'blocks/privacy/en/2025-09-01.json',
      'blocks/privacy/ru/2024-01-01.json',
      'blocks/privacy/ru/2025-09-01.json',
      'blocks/privacy/ru/2026-06-01.json',
      'blocks/terms/pt-br/v1.json',
      'blocks/terms/ru/v1.json',
      'en/developers/index.html',
      'en/index.html',
      'en/privacy/2025-09-01/index.html',
      'en/privacy/history/index.html',
      'en/privacy/index.html',
      'en/search/index.html',
      'favicon.svg',
      'index.html',
      // The public log of the 6 published texts (unsigned: the test builds without a key).
      'log/v1/checkpoint',
      ...[1, 2, 3, 4, 5, 6].map((width) => `log/v1/tile/0/000.p/${width}`),
      'log/v1/tile/entries/000.p/6',
      'pt-br/developers/index.html',
      'pt-br/index.html',
      'pt-br/search/index.html',
      'pt-br/terms/history/index.html',
      'pt-br/terms/index.html',
      'pt-br/terms/v1/index.html',
      'raw/privacy/en/2025-09-01.md',
      'raw/privacy/ru/2024-01-01.md',
      'raw/privacy/ru/2025-09-01.md',
      'raw/privacy/ru/2026-06-01.md',
      'raw/terms/pt-br/v1.md',
      'raw/terms/ru/v1.md',
      'robots.txt',
      'ru/developers/index.html',
      'ru/index.html',
      'ru/privacy/2024-01-01/index.html',
      'ru/privacy/2025-09-01/index.html',
      'ru/privacy/2026-06-01/index.html',
      'ru/privacy/compare/index.html',
      'ru/privacy/diff/2024-01-01/2025-09-01/index.html',
      'ru/privacy/diff/2025-09-01/2026-06-01/index.html',
      'ru/privacy/history/index.html',
      'ru/privacy/index.html',
      'ru/search/index.html',
      'ru/terms/history/index.html',
      'ru/terms/index.html',
      'ru/terms/v1/index.html',
      'sitemap.xml',
    ]);
  });

  test('is byte-identical whatever the machine time zone and locale', () => {
    expect(second.status, second.output).toBe(0);
    const files = listFiles(build.outDir);
    expect(listFiles(second.outDir)).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(second.outDir, file)), file).toEqual(readFileSync(join(build.outDir, file)));
    }
  });

  test('never publishes a draft', () => {
    for (const file of listFiles(build.outDir)) {
      expect(readFileSync(join(build.outDir, file), 'utf8'), file).not.toContain('DRAFT-MARKER-7f3a');
    }
  });

  test('has no broken internal link', () => {
    expect(findBrokenLinks(build.outDir)).toEqual([]);
  });

  test('ships client JavaScript only to the compare, search and developers pages', () => {
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const scripts = selectAll('script', readPage(build.outDir, `/${file}`)).filter((script) => script.properties['type'] !== 'application/json');
      if (/\/(compare|search)\/index\.html$/.test(file))
        expect(
          scripts.map((script) => script.properties['type']),
          file,
        ).toEqual(['module']);
      // The developers page runs the client kit live, plus the small script that shows its events.
      else if (file.endsWith('/developers/index.html')) {
        expect(
          scripts.map((script) => String(script.properties['src'])),
          file,
        ).toEqual(['/kit/v1/policy-kit.js', expect.stringMatching(/^\/_astro\/KitDemo\..*\.js$/)]);
      } else expect(scripts, file).toEqual([]);
    }
  });

  test('indexes for search only the text of the versions in force', () => {
    const entry = JSON.parse(readFileSync(join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    // ru: privacy and terms in force; en: privacy; pt-br: terms (its UI is English, its text Portuguese).
    expect(Object.fromEntries(Object.entries(entry.languages).map(([language, value]) => [language, value.page_count]))).toEqual({ en: 2, ru: 2 });
  });

  test('lists the canonical pages in sitemap.xml, named by robots.txt', () => {
    const sitemap = readFileSync(join(build.outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://policies.example.com/ru/privacy/</loc><lastmod>2026-05-31</lastmod><priority>1.0</priority>');
    expect(sitemap).toContain('<loc>https://policies.example.com/ru/privacy/2024-01-01/</loc>');
    expect(sitemap).not.toContain('/diff/');
    expect(sitemap).not.toContain('2026-03-01');
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://policies.example.com/sitemap.xml');
  });
});

describe('the stable URL', () => {
  test('shows the version in force, not the scheduled one, and links its permanent page', () => {
    const page = readPage(build.outDir, '/ru/privacy/');
    expect(textOf(select('h1', page))).toBe('Политика конфиденциальности');
    expect(textOf(select('.policy-text', page))).toContain('Вторая редакция политики');
    expect(attributeOf(page, 'link[rel=canonical]', 'href')).toBe('https://policies.example.com/ru/privacy/');
    expect(selectAll('.version-links a', page).map((a) => a.properties['href'])).toContain('/ru/privacy/2025-09-01/');
    expect(textOf(page)).toContain('По этому адресу всегда открывается действующая редакция.');
  });
});

describe('a superseded version', () => {
  const page = () => readPage(build.outDir, '/ru/privacy/2024-01-01/');

  test('says it is not in force, since when, and links the current version', () => {
    const notice = select('.banner-superseded', page());
    expect(textOf(notice)).toBe('Эта редакция не действует с 1 сентября 2025 г. Она действовала с 1 января 2024 г. по 31 августа 2025 г. включительно. Перейти к действующей редакции');
    expect(attributeOf(page(), '.banner-superseded a', 'href')).toBe('/ru/privacy/');
  });

  test('is canonical to itself and dated in the title', () => {
    expect(attributeOf(page(), 'link[rel=canonical]', 'href')).toBe('https://policies.example.com/ru/privacy/2024-01-01/');
    expect(textOf(select('title', page()))).toBe('Политика конфиденциальности, редакция от 1 января 2024 г. — Правовые документы ALLJUS.RU');
  });

  test('was read correctly from a file with a BOM and CRLF line endings', () => {
    expect(textOf(select('h1', page()))).toBe('Политика конфиденциальности');
    expect(textOf(select('.policy-text', page()))).toContain('1.2. Пункт, который потом удалят.');
  });
});

describe('a scheduled version', () => {
  test('says when it takes effect and that the previous one is in force until then', () => {
    const page = readPage(build.outDir, '/ru/privacy/2026-06-01/');
    expect(textOf(select('.banner-scheduled', page))).toBe('Эта редакция вступит в силу 1 июня 2026 г. До этого действует прежняя редакция. Перейти к действующей редакции');
  });
});

describe('the version in force', () => {
  const page = () => readPage(build.outDir, '/ru/privacy/2025-09-01/');

  test('has no notice and shows its summary and period', () => {
    expect(select('.banner', page())).toBeUndefined();
    expect(selectAll('.summary li', page()).map(textOf)).toEqual(['Пункт 1.2 удалён.', 'Добавлен пункт 1.3 о согласии.']);
    expect(attributeOf(page(), '.facts time', 'dateTime')).toBe('2025-08-31T21:00:00.000Z');
    expect(textOf(select('.facts', page()))).toContain('Срок действия с 1 сентября 2025 г. по 31 мая 2026 г. включительно');
  });

  test('shows NFD text composed (NFC)', () => {
    const text = textOf(select('.policy-text', page()));
    expect(text).toContain('Её текст набран в разложенной форме (NFD): й, ё.');
    expect(text).toBe(text.normalize('NFC'));
  });

  test('does not let raw HTML or javascript: links reach the page', () => {
    const html = readFileSync(join(build.outDir, 'ru/privacy/2025-09-01/index.html'), 'utf8');
    expect(html).not.toMatch(/onclick|javascript:|<iframe|window\.hacked/);
    // The only script element is the page's own identity block, which is data, not code.
    expect(selectAll('script', page()).map((script) => [script.properties['type'], script.properties['id']])).toEqual([['application/json', 'policy-version']]);
    expect(textOf(select('.policy-text', page()))).toContain('Абзац с обработчиком события.');
    expect(selectAll('.policy-text table td', page()).map(textOf)).toEqual(['Ответ на заявку', '30 дней']);
  });

  test('links its translation with hreflang and the language switch', () => {
    expect(selectAll('link[rel=alternate][hreflang]', page()).map((link) => [link.properties['hrefLang'], link.properties['href']])).toEqual([
      ['ru', 'https://policies.example.com/ru/privacy/2025-09-01/'],
      ['en', 'https://policies.example.com/en/privacy/2025-09-01/'],
    ]);
    expect(attributeOf(page(), '.language-switch a[hreflang=en]', 'href')).toBe('/en/privacy/2025-09-01/');
  });
});

describe('the history page', () => {
  test('lists every published version newest first, with periods and summaries', () => {
    const page = readPage(build.outDir, '/ru/privacy/history/');
    const entries = selectAll('.history-entry', page).map(textOf);
    expect(entries).toEqual([
      'Редакция 2026-06-01 Статус Вступит в силу Срок действия с 1 июня 2026 г. Характер изменений редакционные Уточнён пункт 1.1. Что изменилось по сравнению с предыдущей редакцией',
      'Редакция 2025-09-01 Статус Действует Срок действия с 1 сентября 2025 г. по 31 мая 2026 г. включительно Характер изменений существенные Пункт 1.2 удалён. Добавлен пункт 1.3 о согласии. Что изменилось по сравнению с предыдущей редакцией',
      'Редакция 2024-01-01 Статус Утратила силу Срок действия с 1 января 2024 г. по 31 августа 2025 г. включительно Первая редакция Сравнить с действующей редакцией',
    ]);
  });
});

describe('languages', () => {
  test('sets lang on every page and speaks the page language', () => {
    expect(attributeOf(readPage(build.outDir, '/ru/'), 'html', 'lang')).toBe('ru');
    expect(attributeOf(readPage(build.outDir, '/en/'), 'html', 'lang')).toBe('en');
    const english = readPage(build.outDir, '/en/privacy/');
    expect(textOf(select('.facts', english))).toContain('In force from 1 September 2025');
  });

  test('gives a locale without interface strings the English interface around its own text', () => {
    const page = readPage(build.outDir, '/pt-br/terms/');
    expect(attributeOf(page, 'html', 'lang')).toBe('en');
    expect(attributeOf(page, 'article', 'lang')).toBe('pt-br');
    expect(textOf(select('.facts', page))).toContain('In force from 15 June 2025, 15:30 MSK');
    expect(textOf(select('.language-switch', page))).toContain('Português (Brasil)');
  });

  test('lists on each home page the policies that exist only in other languages', () => {
    const english = readPage(build.outDir, '/en/');
    expect(selectAll('.policy-list a', english).map((a) => a.properties['href'])).toEqual(['/en/privacy/', '/en/privacy/history/', '/pt-br/terms/', '/ru/terms/']);
  });

  test('makes the root the default-language home, canonical to /ru/', () => {
    const root = readPage(build.outDir, '/');
    expect(attributeOf(root, 'html', 'lang')).toBe('ru');
    expect(attributeOf(root, 'link[rel=canonical]', 'href')).toBe('https://policies.example.com/ru/');
  });
});

describe('the raw Markdown', () => {
  test('is the canonical text whose hash the page prints', () => {
    const raw = readFileSync(join(build.outDir, 'raw/privacy/ru/2024-01-01.md'));
    expect(raw.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = raw.toString('utf8');
    expect(text).not.toContain('\r');
    expect(text.startsWith('---\npolicy: "privacy"\nlocale: "ru"\nversion: "2024-01-01"\ntitle: "Политика конфиденциальности"\neffective: "2023-12-31T21:00:00.000Z"\n---\n\n## 1.')).toBe(true);
    const hash = createHash('sha256').update(raw).digest('hex');
    expect(textOf(select('.hash', readPage(build.outDir, '/ru/privacy/2024-01-01/')))).toBe(hash);
  });
});

describe('the 404 page', () => {
  test('helps in both languages and is kept out of search engines', () => {
    const page = readPage(build.outDir, '/404.html');
    expect(textOf(select('h1', page))).toBe('Страница не найдена');
    expect(textOf(page)).toContain('Page not found');
    expect(attributeOf(page, 'meta[name=robots]', 'content')).toBe('noindex');
  });
});

describe('a rebuild', () => {
  // Last in this file: it builds into the second build's folder again (the first is shared with other files).
  test('renders again the versions whose rendered files left the cache, and gives the same site', () => {
    // Astro's data store stays and still points at them.
    const rendered = join(OUTPUT, 'fixture-again', 'cache', 'policy-press');
    expect(readdirSync(rendered).length).toBeGreaterThan(0);
    rmSync(rendered, { recursive: true });
    // The two redline pages of the first build, kept for the next one (read back below, and equal to what was computed).
    expect(readdirSync(join(OUTPUT, 'fixture-again', 'cache', 'policy-press-redlines'))).toHaveLength(2);
    const again = buildSite({ policiesDir: FIXTURE_CORPUS.policiesDir, name: 'fixture-again', env: { TZ: 'America/Adak', LANG: 'C' } });
    expect(again.status, again.output).toBe(0);
    const files = listFiles(build.outDir);
    expect(listFiles(again.outDir)).toEqual(files);
    expect(files.filter((file) => !readFileSync(join(again.outDir, file)).equals(readFileSync(join(build.outDir, file))))).toEqual([]);
  });
});
