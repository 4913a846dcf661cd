import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decideReconsent } from '#lib/consent/reconsent-decision.ts';
import type { CurrentFeed, FeedIndex, JsonFeed, PolicyFeed, SinceFeed } from '#schemas/feed.ts';
import { buildShared, buildSite, FIXTURE_CORPUS, LATER_EPOCH, OUTPUT, ROOT, TEST_EPOCH, type BuildResult } from '../helpers/build-site.ts';
import { startAstro, type AstroServer } from '../helpers/astro-server.ts';
import { attributeOf, listFiles, readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';
import { createFeedValidator } from '../helpers/feed-schema.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';
import { parseCsvRows } from '../helpers/csv-rows.ts';

let build: BuildResult;
let later: BuildResult;

beforeAll(() => {
  build = buildShared(FIXTURE_CORPUS);
  // The same content built after the scheduled version took effect, in the zone furthest ahead of UTC: nothing may notice.
  later = buildSite({ policiesDir: 'test/fixtures/corpus-basic', name: 'feed-later', env: { SOURCE_DATE_EPOCH: LATER_EPOCH, TZ: 'Pacific/Kiritimati' } });
});

const read = (outDir: string, file: string) => readFileSync(join(outDir, file), 'utf8');
const json = <T>(outDir: string, file: string) => JSON.parse(read(outDir, file)) as T;

describe('the feed of a built site', () => {
  test('builds', () => {
    expect(build.status, build.output).toBe(0);
    expect(later.status, later.output).toBe(0);
  });

  test('has every file of the contract', () => {
    const files = listFiles(build.outDir);
    // Beside each version's since.json, its ready-to-send notice as text and as an e-mail body.
    const since = files.filter((file) => file.endsWith('/since.json'));
    expect(files.filter((file) => /\/notice\.(txt|html)$/.test(file))).toEqual(since.flatMap((file) => [file.replace(/since\.json$/, 'notice.html'), file.replace(/since\.json$/, 'notice.txt')]));
    expect(files.filter((file) => file.startsWith('feed/') && !/\/(since\.json|notice\.txt|notice\.html)$/.test(file)).sort()).toEqual([
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
      'feed/v1/versions.csv',
      'feed/v1/versions.csv-metadata.json',
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
    for (const [result, epoch] of [
      [build, TEST_EPOCH],
      [later, LATER_EPOCH],
    ] as const) {
      expect(json<FeedIndex>(result.outDir, 'feed/v1/index.json').builtAt).toBe(at(epoch));
      for (const policy of ['privacy', 'terms']) expect(json<CurrentFeed>(result.outDir, `feed/v1/${policy}/current.json`).builtAt).toBe(at(epoch));
    }
  });

  test("names every version's text and every correction's by its hash, at a URL the site serves with those bytes", () => {
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

  test("marks the history imported by the ledger's first publish, and what was published before it took effect", () => {
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
      const items = json<JsonFeed>(build.outDir, `feed/v1/privacy/${locale}/feed.json`).items;
      // One entry per version, newest first; a version with no text in this locale links the text it has.
      const expected = items.map(({ _policy: item }) => feed.versions.find((v) => v.locale === item.locale && v.version === item.version) as PolicyFeed['versions'][number]);
      expect(expected.filter((v) => v.locale === locale)).toEqual(feed.versions.filter((v) => v.locale === locale).reverse());
      const atom = parser.parse(read(build.outDir, `feed/v1/privacy/${locale}/atom.xml`)) as { feed: Record<string, string> & { entry: (Record<string, string> & { link: Record<string, string>[] })[] } };
      expect(atom.feed['@_xmlns:policy']).toBe('https://policies.example.com/feed/v1/schema.json');
      expect(atom.feed.entry.map((entry) => [entry.link.find((link) => link['@_type'] === 'text/markdown')?.['@_href'], entry['policy:sha256']])).toEqual(expected.map((v) => [v.markdownUrl, v.sha256]));
      expect(items.map((item) => [item._policy.markdownUrl, item._policy.sha256Url, item._policy.sha256])).toEqual(expected.map((v) => [v.markdownUrl, v.sha256Url, v.sha256]));
    }
  });

  test('points each JSON Feed at the developers page in its own language, a page the site has', () => {
    for (const [policy, locale] of [
      ['privacy', 'ru'],
      ['privacy', 'en'],
      ['terms', 'pt-br'],
    ]) {
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
      sha256Url: version?.sha256Url,
      logIndex: version?.logIndex,
    });
  });
});

describe('the developers page', () => {
  test('exists in Russian and English with live examples from this site', () => {
    for (const [locale, heading] of [
      ['ru', 'Для разработчиков'],
      ['en', 'For developers'],
    ] as const) {
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

describe('the versions as a table, and the portable query of the developers page', () => {
  test('versions.csv has one row per version of each <policy>.json, under the columns its CSVW metadata names', () => {
    const text = read(build.outDir, 'feed/v1/versions.csv');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsvRows(text);
    const metadata = json<{ url: string; tableSchema: { columns: { name: string }[] } }>(build.outDir, 'feed/v1/versions.csv-metadata.json');
    expect(metadata.url).toBe('https://policies.example.com/feed/v1/versions.csv');
    expect(header).toEqual(metadata.tableSchema.columns.map((column) => column.name));
    const feeds = ['privacy', 'terms'].map((policy) => json<PolicyFeed>(build.outDir, `feed/v1/${policy}.json`));
    const listed = feeds.flatMap((feed) => [...feed.versions, ...(feed.withdrawn ?? [])].map((v) => [v.policy, v.locale, v.version, v.sha256].join(' ')));
    const column = (name: string) => (header ?? []).indexOf(name);
    expect(rows.map((row) => ['policy', 'locale', 'version', 'sha256'].map((name) => row[column(name)]).join(' ')).sort()).toEqual(listed.sort());
  });

  test.each([
    ['the long query, over a text acceptedAt and the built versions.csv', 1],
    ['the short query (--typed), over a typed acceptedAt', 0],
  ])('%s: run by DuckDB as the page shows it, it gives each record the outcome verify gives it against the built site', async (_name, at) => {
    const page = readPage(build.outDir, '/en/developers/');
    // As a reader copies it: the lines of the <pre> kept (its comments end at line ends).
    const codeOf = (tree: typeof page) => toText(selectAll('details pre', tree)[at] ?? { type: 'root', children: [] });
    const query = codeOf(page);
    expect(query).toContain(at === 1 ? '-- CREATE TABLE versions (' : 'is a timestamp with time zone');
    expect(codeOf(readPage(build.outDir, '/ru/developers/'))).toBe(query);
    // Records around every version's start, with its hash and a wrong one: ok, not-in-force, hash-mismatch and the rest.
    const [header = [], ...rows] = parseCsvRows(read(build.outDir, 'feed/v1/versions.csv'));
    const cell = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
    const records = rows.flatMap((row) => {
      const from = Date.parse(cell(row, 'effectiveFrom'));
      const identity = { policy: cell(row, 'policy'), locale: cell(row, 'locale'), version: cell(row, 'version') };
      return [from, from - 1, from + 86_400_000].flatMap((at) => [
        { ...identity, sha256: cell(row, 'sha256'), acceptedAt: new Date(at).toISOString() },
        { ...identity, sha256: 'f'.repeat(64), acceptedAt: new Date(at).toISOString() },
      ]);
    });
    const asOf = new Date(Number(TEST_EPOCH) * 1000).toISOString();
    const file = join(build.outDir, '..', 'portable-records.csv');
    writeFileSync(file, `line,policy,locale,version,sha256,acceptedAt\r\n${records.map((r, i) => [i + 1, r.policy, r.locale, r.version, r.sha256, r.acceptedAt].join(',')).join('\r\n')}\r\n`);
    const cli = runPolicyCli(['verify', file, '--feed', build.outDir, '--json', '--as-of', asOf]);
    const streaming = cli.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; outcome: string })
      .map((r) => [r.line - 1, r.outcome]);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(`CREATE TABLE versions AS SELECT * FROM read_csv('${join(build.outDir, 'feed/v1/versions.csv')}', header = true, all_varchar = true)`);
      await connection.run(
        `CREATE TABLE consents AS SELECT * FROM read_csv('${file}', header = true, columns = {'line': 'BIGINT', 'policy': 'VARCHAR', 'locale': 'VARCHAR', 'version': 'VARCHAR', 'sha256': 'VARCHAR', 'acceptedAt': '${at === 1 ? 'VARCHAR' : 'TIMESTAMPTZ'}'})`,
      );
      const result = (await connection.runAndReadAll(query.replace(/;\s*$/, ''))).getRowObjectsJS() as { line: bigint; outcome: string }[];
      const outcomes = result.map((row) => [Number(row.line), row.outcome]);
      expect(outcomes).toEqual(streaming);
      // The records reach more than one outcome, so the comparison is not of two empty answers.
      expect(new Set(outcomes.map(([, outcome]) => outcome)).size).toBeGreaterThanOrEqual(3);
      expect(outcomes).toHaveLength(records.length);
    } finally {
      connection.closeSync();
      instance.closeSync();
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

describe('a Russian-only version: every English surface says the truth (case 6)', () => {
  // privacy/ru/2026-06-01 takes effect at 2026-05-31T21:00:00.000Z and has no English text; the later build is after it.
  const CHANGE = '2026-05-31T21:00:00.000Z';
  const JUST_BEFORE = '2026-05-31T20:59:59.999Z';
  const kiritimati = { TZ: 'Pacific/Kiritimati' };
  const sources = () => [[], ['--feed', join(later.outDir, 'feed/v1/index.json')]];

  test('the English stable page shows the previous text for reference only, naming the version in force and its language', () => {
    const page = readPage(later.outDir, '/en/privacy/');
    expect(textOf(select('.banner-reference', page))).toBe(
      'The text below is shown for reference only: it is not in force. This version has not been in force since 1 June 2026. It was in force from 1 September 2025 to 31 May 2026 inclusive. The version in force is the version of 1 June 2026; it has no text in this language. It exists in: Русский',
    );
    expect(attributeOf(page, '.banner-reference a[hreflang=ru]', 'href')).toBe('/ru/privacy/2026-06-01/');
    expect(textOf(page)).not.toContain('This address always shows the version in force.');
    // Before the change, the same page is the version in force.
    expect(select('.banner', readPage(build.outDir, '/en/privacy/'))).toBeUndefined();
    const history = readPage(later.outDir, '/en/privacy/history/');
    expect(textOf(select('.history-elsewhere', history))).toBe('Version 2026-06-01 Status In force In force from 1 June 2026 No text in this language. Available in: Русский');
  });

  test('the feed files name the version in force and its languages, and pass the published schema', () => {
    const validate = createFeedValidator(json(later.outDir, 'feed/v1/schema.json'));
    const feed = json<PolicyFeed>(later.outDir, 'feed/v1/privacy.json');
    expect(validate('PolicyFeed', feed)).toEqual([]);
    expect(feed.versions.find((version) => version.locale === 'en')).toMatchObject({ version: '2025-09-01', effectiveUntil: CHANGE, locales: ['en', 'ru'] });
    const current = json<Record<string, unknown>>(later.outDir, 'feed/v1/privacy/current.json');
    expect(validate('CurrentFeed', current)).toEqual([]);
    expect(current['locales']).toMatchObject({ en: { inForce: null, inForceVersion: { version: '2026-06-01', effectiveFrom: CHANGE, locales: ['ru'] }, reference: { version: '2025-09-01', notInForceSince: CHANGE } } });
    const index = json<{ policies: { policy: string; locales: { locale: string; inForce: unknown }[] }[] }>(later.outDir, 'feed/v1/index.json');
    expect(validate('FeedIndex', index)).toEqual([]);
    expect(index.policies.find((policy) => policy.policy === 'privacy')?.locales.find((locale) => locale.locale === 'en')?.inForce).toBeNull();
    const since = json<SinceFeed>(later.outDir, 'feed/v1/privacy/en/2025-09-01/since.json');
    expect(validate('SinceFeed' as 'PolicyFeed', since)).toEqual([]);
    expect(since.later).toEqual([expect.objectContaining({ version: '2026-06-01', locale: 'ru', locales: ['ru'], url: 'https://policies.example.com/ru/privacy/2026-06-01/' })]);
    expect(decideReconsent(since, Date.parse(JUST_BEFORE))).toMatchObject({ reconsent: 'none', current: { version: '2025-09-01' } });
    expect(decideReconsent(since, Date.parse(CHANGE))).toMatchObject({ reconsent: 'notify', current: { version: '2026-06-01', locale: 'ru' } });
    expect(read(later.outDir, 'feed/v1/privacy/en/atom.xml')).toContain('<link rel="alternate" type="text/html" hreflang="ru" href="https://policies.example.com/ru/privacy/2026-06-01/"/>');
  });

  test('at --locale en: the English text up to the millisecond before, then exit 2 naming the version in force and its language', () => {
    for (const source of sources()) {
      const beforeChange = runPolicyCli(['at', 'privacy', JUST_BEFORE, '--locale', 'en', '--json', ...source], { policiesDir: 'test/fixtures/corpus-basic', env: kiritimati });
      expect(beforeChange.status, beforeChange.stderr).toBe(0);
      expect((JSON.parse(beforeChange.stdout) as { inForce: { version: string } }).inForce.version).toBe('2025-09-01');
      const atChange = runPolicyCli(['at', 'privacy', CHANGE, '--locale', 'en', ...source], { policiesDir: 'test/fixtures/corpus-basic', env: kiritimati });
      expect(atChange.status).toBe(2);
      expect(atChange.stdout).toContain(
        'privacy at 2026-06-01T00:00:00+03:00: version 2026-06-01 was in force (from 2026-06-01T00:00:00+03:00), and it has no en text: it exists in ru. The en text then was 2025-09-01, for reference only: not in force since 2026-06-01T00:00:00+03:00.',
      );
    }
  });

  test('verify and reconsent say the same, from the folder and from the feed', () => {
    const records = join(OUTPUT, 'case-6-records.jsonl');
    const sha256 = json<PolicyFeed>(later.outDir, 'feed/v1/privacy.json').versions.find((v) => v.locale === 'en' && v.version === '2025-09-01')?.sha256;
    writeFileSync(records, [JUST_BEFORE, CHANGE].map((acceptedAt) => JSON.stringify({ policy: 'privacy', locale: 'en', version: '2025-09-01', acceptedAt, sha256 })).join('\n'));
    for (const source of sources()) {
      const verify = runPolicyCli(['verify', records, '--as-of', '2026-07-01T00:00:00Z', ...source], { policiesDir: 'test/fixtures/corpus-basic', env: kiritimati });
      expect(verify.status).toBe(1);
      expect(verify.stdout).toContain(`${records}:2: no-translation: at acceptedAt (2026-06-01T00:00:00+03:00) 2026-06-01 was in force, and it has no en text (it exists in ru)`);
      expect(verify.stdout).toContain('2 records: 1 ok, 1 failed (1 no-translation), 0 malformed.');
      const reconsent = (at: string) => runPolicyCli(['reconsent', 'privacy', '2025-09-01', '--locale', 'en', '--at', at, ...source], { policiesDir: 'test/fixtures/corpus-basic', env: kiritimati });
      expect(reconsent(JUST_BEFORE).status).toBe(0);
      const after = reconsent(CHANGE);
      expect(after.status).toBe(10);
      expect(after.stdout).toContain('in force  2026-06-01 «Политика конфиденциальности», since 2026-06-01T00:00:00+03:00, in ru: it has no en text');
    }
  });
});
