import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CurrentFeed, FeedIndex, JsonFeed, PolicyFeed } from '#schemas/feed.ts';
import { buildSite, LATER_EPOCH, ROOT, TEST_EPOCH, type BuildResult } from '../helpers/build-site.ts';
import { startAstro, type AstroServer } from '../helpers/astro-server.ts';
import { attributeOf, listFiles, readPage, select, textOf } from '../helpers/dist-site.ts';
import { createFeedValidator } from '../helpers/feed-schema.ts';

let build: BuildResult;
let later: BuildResult;

beforeAll(() => {
  build = buildSite({ policiesDir: 'test/fixtures/corpus-basic', name: 'feed' });
  // The same content built after the scheduled version took effect.
  later = buildSite({ policiesDir: 'test/fixtures/corpus-basic', name: 'feed-later', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
});

const read = (outDir: string, file: string) => readFileSync(join(outDir, file), 'utf8');
const json = <T>(outDir: string, file: string) => JSON.parse(read(outDir, file)) as T;

describe('the feed of a built site', () => {
  test('builds', () => {
    expect(build.status, build.output).toBe(0);
    expect(later.status, later.output).toBe(0);
  });

  test('has every file of the contract', () => {
    expect(listFiles(build.outDir).filter((file) => file.startsWith('feed/') && !file.endsWith('/since.json')).sort()).toEqual([
      'feed/v1/index.json',
      'feed/v1/privacy.json',
      'feed/v1/privacy/current.json',
      'feed/v1/privacy/en/atom.xml',
      'feed/v1/privacy/en/feed.json',
      'feed/v1/privacy/en/timemap.link',
      'feed/v1/privacy/ru/atom.xml',
      'feed/v1/privacy/ru/feed.json',
      'feed/v1/privacy/ru/timemap.link',
      'feed/v1/schema.json',
      'feed/v1/terms.json',
      'feed/v1/terms/current.json',
      'feed/v1/terms/pt-br/atom.xml',
      'feed/v1/terms/pt-br/feed.json',
      'feed/v1/terms/pt-br/timemap.link',
      'feed/v1/terms/ru/atom.xml',
      'feed/v1/terms/ru/feed.json',
      'feed/v1/terms/ru/timemap.link',
    ]);
  });

  test('validates every JSON feed file against the published schema.json', () => {
    const validate = createFeedValidator(json(build.outDir, 'feed/v1/schema.json'));
    expect(validate('FeedIndex', json(build.outDir, 'feed/v1/index.json'))).toEqual([]);
    for (const policy of ['privacy', 'terms']) {
      expect(validate('PolicyFeed', json(build.outDir, `feed/v1/${policy}.json`))).toEqual([]);
      expect(validate('CurrentFeed', json(build.outDir, `feed/v1/${policy}/current.json`))).toEqual([]);
    }
    const jsonFeeds = listFiles(build.outDir).filter((file) => file.endsWith('/feed.json'));
    expect(jsonFeeds).toHaveLength(4);
    for (const file of jsonFeeds) expect(validate('JsonFeed', json(build.outDir, file)), file).toEqual([]);
    // The schema says which definition is for which file, and none of them accepts just anything.
    expect(json<{ description: string }>(build.outDir, 'feed/v1/schema.json').description).toContain('#/$defs/JsonFeed for <policy>/<locale>/feed.json');
    expect(validate('JsonFeed', json(build.outDir, 'feed/v1/privacy.json'))).not.toEqual([]);
  });

  test('index.json and current.json say when the site was built: SOURCE_DATE_EPOCH, so a rebuild is identical', () => {
    const at = (epoch: string) => new Date(Number(epoch) * 1000).toISOString();
    for (const [result, epoch] of [[build, TEST_EPOCH], [later, LATER_EPOCH]] as const) {
      expect(json<FeedIndex>(result.outDir, 'feed/v1/index.json').builtAt).toBe(at(epoch));
      for (const policy of ['privacy', 'terms']) expect(json<CurrentFeed>(result.outDir, `feed/v1/${policy}/current.json`).builtAt).toBe(at(epoch));
    }
  });

  test('names every version\'s text and every correction\'s by its hash, at a URL the site serves with those bytes', () => {
    let checked = 0;
    for (const policy of ['privacy', 'terms']) {
      for (const version of json<PolicyFeed>(build.outDir, `feed/v1/${policy}.json`).versions) {
        expect(version.sha256Url, `${version.locale}/${version.version}`).toBe(`https://policies.example.com/raw/${policy}/${version.locale}/${version.version}/${version.sha256}.md`);
        const bytes = readFileSync(join(build.outDir, new URL(version.sha256Url ?? '').pathname));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(version.sha256);
        checked += 1;
      }
    }
    expect(checked).toBe(6);
    const inForce = json<FeedIndex>(build.outDir, 'feed/v1/index.json').policies.flatMap((policy) => policy.locales.map((locale) => locale.inForce));
    for (const version of inForce) expect(version?.sha256Url).toMatch(new RegExp(`/${version?.version}/${version?.sha256}\\.md$`));
  });

  test('marks the history imported by the ledger\'s first publish, and what was published before it took effect', () => {
    const versions = json<PolicyFeed>(build.outDir, 'feed/v1/privacy.json').versions;
    expect(versions.map((v) => [v.locale, v.version, v.publishedAt, v.publication])).toEqual([
      ['en', '2025-09-01', '2026-01-01T00:00:00.000Z', 'imported'],
      ['ru', '2024-01-01', '2026-01-01T00:00:00.000Z', 'imported'],
      ['ru', '2025-09-01', '2026-01-01T00:00:00.000Z', 'imported'],
      ['ru', '2026-06-01', '2026-01-01T00:00:00.000Z', 'published'],
    ]);
  });

  test('gives every Atom entry its Markdown and its SHA-256, and every JSON Feed item too', () => {
    const feed = json<PolicyFeed>(build.outDir, 'feed/v1/privacy.json');
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link'].includes(name) });
    for (const locale of ['ru', 'en']) {
      const expected = feed.versions.filter((v) => v.locale === locale).reverse();
      const atom = parser.parse(read(build.outDir, `feed/v1/privacy/${locale}/atom.xml`)) as { feed: Record<string, string> & { entry: (Record<string, string> & { link: Record<string, string>[] })[] } };
      expect(atom.feed['@_xmlns:policy']).toBe('https://policies.example.com/feed/v1/schema.json');
      expect(atom.feed.entry.map((entry) => [entry.link.find((link) => link['@_type'] === 'text/markdown')?.['@_href'], entry['policy:sha256']])).toEqual(
        expected.map((v) => [v.markdownUrl, v.sha256]),
      );
      const items = json<JsonFeed>(build.outDir, `feed/v1/privacy/${locale}/feed.json`).items;
      expect(items.map((item) => [item._policy.markdownUrl, item._policy.sha256Url, item._policy.sha256])).toEqual(expected.map((v) => [v.markdownUrl, v.sha256Url, v.sha256]));
    }
  });

  test('points each JSON Feed at the developers page in its own language, a page the site has', () => {
    for (const [policy, locale] of [['privacy', 'ru'], ['privacy', 'en'], ['terms', 'pt-br']]) {
      const abouts = new Set(json<JsonFeed>(build.outDir, `feed/v1/${policy}/${locale}/feed.json`).items.map((item) => item._policy.about));
      expect([...abouts]).toEqual([`https://policies.example.com/${locale}/developers/`]);
      expect(listFiles(build.outDir)).toContain(`${locale}/developers/index.html`);
    }
  });

  test('publishes, for every version, Markdown whose SHA-256 is the one in the feed', () => {
    for (const policy of ['privacy', 'terms']) {
      const feed = json<PolicyFeed>(build.outDir, `feed/v1/${policy}.json`);
      for (const version of feed.versions) {
        const path = new URL(version.markdownUrl).pathname;
        const bytes = readFileSync(join(build.outDir, path));
        expect(createHash('sha256').update(bytes).digest('hex'), path).toBe(version.sha256);
        expect(listFiles(build.outDir)).toContain(`${new URL(version.url).pathname.slice(1)}index.html`);
      }
    }
  });

  test('never lists a draft', () => {
    expect(read(build.outDir, 'feed/v1/privacy.json')).not.toContain('2026-03-01');
  });

  test('per-policy feeds, Atom and JSON Feed do not change with the build time; what is in force does', () => {
    for (const file of ['feed/v1/privacy.json', 'feed/v1/privacy/ru/atom.xml', 'feed/v1/privacy/ru/feed.json', 'feed/v1/schema.json']) {
      expect(read(later.outDir, file), file).toBe(read(build.outDir, file));
    }
    type Current = { locales: Record<string, { inForce: { version: string } | null; next: { version: string } | null }> };
    expect(json<Current>(build.outDir, 'feed/v1/privacy/current.json').locales['ru']).toMatchObject({ inForce: { version: '2025-09-01' }, next: { version: '2026-06-01' } });
    expect(json<Current>(later.outDir, 'feed/v1/privacy/current.json').locales['ru']).toMatchObject({ inForce: { version: '2026-06-01' }, next: null });
  });

  test('announces a scheduled version in Atom before it takes effect', () => {
    const atom = new XMLParser({ isArray: (name) => name === 'entry' }).parse(read(build.outDir, 'feed/v1/privacy/ru/atom.xml')) as { feed: { entry: { id: string }[] } };
    expect(atom.feed.entry.map((entry) => entry.id)).toEqual([
      'tag:policies.example.com,2023:privacy/ru/2026-06-01',
      'tag:policies.example.com,2023:privacy/ru/2025-09-01',
      'tag:policies.example.com,2023:privacy/ru/2024-01-01',
    ]);
  });
});

describe('version pages', () => {
  test('carry their identity in meta tags and a JSON block matching the feed', () => {
    const page = readPage(build.outDir, '/ru/privacy/2025-09-01/');
    const feed = json<PolicyFeed>(build.outDir, 'feed/v1/privacy.json');
    const version = feed.versions.find((v) => v.locale === 'ru' && v.version === '2025-09-01');
    expect(attributeOf(page, 'meta[name="policy:sha256"]', 'content')).toBe(version?.sha256);
    expect(attributeOf(page, 'meta[name="policy:url"]', 'content')).toBe(version?.url);
    const identity = JSON.parse(textOf(select('script#policy-version', page))) as Record<string, string>;
    expect(identity).toEqual({
      policy: 'privacy',
      locale: 'ru',
      version: '2025-09-01',
      title: version?.title,
      effectiveFrom: version?.effectiveFrom,
      sha256: version?.sha256,
      url: version?.url,
      markdownUrl: version?.markdownUrl,
      sha256Url: version?.sha256Url,
    });
  });
});

describe('the developers page', () => {
  test('exists in Russian and English with live examples from this site', () => {
    for (const [locale, heading] of [['ru', 'Для разработчиков'], ['en', 'For developers']] as const) {
      const page = readPage(build.outDir, `/${locale}/developers/`);
      expect(textOf(select('h1', page))).toBe(heading);
      const text = textOf(page);
      expect(text).toContain('https://policies.example.com/feed/v1/index.json');
      expect(text).toContain('privacy_notice');
      expect(text).toContain('policyUrl');
      expect(text).toContain('legal_notices');
      expect(text).toContain('consent_sha256');
    }
  });
});

describe('npm run preview', () => {
  let preview: AstroServer | undefined;
  let origin = '';
  const log = () => preview?.log() ?? '';

  beforeAll(async () => {
    preview = await startAstro('preview', ['--outDir', build.outDir], { POLICIES_DIR: join(ROOT, 'test/fixtures/corpus-basic') });
    origin = preview.origin;
  });

  afterAll(() => {
    preview?.stop();
  });

  // What the generated _nginx.conf gives (test/browser/deploy.test.ts checks it through nginx).
  test.each([
    ['ru/privacy/', 200, 'text/html; charset=utf-8', null],
    ['feed/v1/index.json', 200, 'application/json; charset=utf-8', '*'],
    ['feed/v1/schema.json', 200, 'application/schema+json; charset=utf-8', '*'],
    ['feed/v1/privacy/ru/atom.xml', 200, 'application/atom+xml; charset=utf-8', '*'],
    ['feed/v1/privacy/ru/feed.json', 200, 'application/feed+json; charset=utf-8', '*'],
    ['feed/v1/privacy/ru/timemap.link', 200, 'application/link-format; charset=utf-8', '*'],
    ['raw/privacy/ru/2025-09-01.md', 200, 'text/markdown; charset=utf-8', '*'],
    ['kit/v1/policy-kit.js', 200, 'application/javascript; charset=utf-8', '*'],
    ['kit/v1/reconsent.d.ts', 200, 'application/typescript; charset=utf-8', '*'],
    ['blocks/privacy/ru/2025-09-01.json', 200, 'application/json; charset=utf-8', null],
    ['feed/v1/privacy/ru/v0/since.json', 404, 'text/html; charset=utf-8', '*'],
    ['ru/privacy/1999-01-01/', 404, 'text/html; charset=utf-8', null],
    ['_nginx.conf', 404, 'text/html; charset=utf-8', null],
  ])('serves %s with status %i, type %s, CORS %s, as the serving rules say', async (path, status, type, cors) => {
    const response = await fetch(`${origin}/${path}`);
    expect(response.status, log()).toBe(status);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('access-control-allow-origin')).toBe(cors);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    if (status === 404) expect(await response.text()).toContain('Страница не найдена');
  });

  test('serves the bytes of the build, and a folder without its slash redirects as a static host does', async () => {
    const response = await fetch(`${origin}/raw/privacy/ru/2025-09-01.md`);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(build.outDir, 'raw/privacy/ru/2025-09-01.md')))).toBe(true);
    const redirect = await fetch(`${origin}/ru/privacy`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/ru/privacy/']);
  });
});
