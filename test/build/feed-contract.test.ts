import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PolicyFeed } from '#schemas/feed.ts';
import { buildSite, LATER_EPOCH, type BuildResult } from '../helpers/build-site.ts';
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
    const identity = JSON.parse(textOf(select('script#policy-version', page))) as Record<string, string | number>;
    expect(attributeOf(page, 'meta[name="policy:log-index"]', 'content')).toBe(String(version?.logIndex));
    expect(identity).toEqual({
      policy: 'privacy',
      locale: 'ru',
      version: '2025-09-01',
      title: version?.title,
      effectiveFrom: version?.effectiveFrom,
      sha256: version?.sha256,
      url: version?.url,
      markdownUrl: version?.markdownUrl,
      logIndex: version?.logIndex,
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
