import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { createAtomFeed, createJsonFeed, createTimeMap, getEntryId } from '#lib/feed/change-notifications.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { getFeedJsonSchema } from '#schemas/feed.ts';
import { createFeedValidator } from '../../helpers/feed-schema.ts';
import { withLedgerRecord } from '../../helpers/published-versions.ts';
import { createTestContext, TEST_VERSIONS } from '../../helpers/site-context.ts';

const context = createTestContext();

interface AtomLink {
  '@_rel': string;
  '@_href': string;
  '@_type'?: string;
}

describe('createAtomFeed', () => {
  const xml = createAtomFeed(context, 'privacy', 'ru');
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(xml) as {
    feed: { '@_xmlns': string; id: string; updated: string; title: string; link: AtomLink[]; author: { name: string }; entry: Record<string, unknown>[] };
  };

  test('is an RFC 4287 feed with the required elements', () => {
    expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.feed.id).toBe('tag:example.com,2025:privacy/ru');
    expect(parsed.feed.title).toBe('Политика конфиденциальности: новые редакции');
    expect(parsed.feed.updated).toBe('2026-12-31T21:00:00.000Z');
    expect(parsed.feed.author.name).toBeTruthy();
    expect(parsed.feed.link.find((link) => link['@_rel'] === 'self')?.['@_href']).toBe('https://example.com/legal/feed/v1/privacy/ru/atom.xml');
  });

  test('has an entry for every version, newest first, the scheduled one included, with permanent ids', () => {
    const ids = parsed.feed.entry.map((entry) => entry['id']);
    expect(ids).toEqual(['tag:example.com,2025:privacy/ru/2027-01-01', 'tag:example.com,2025:privacy/ru/2025-09-01', 'tag:example.com,2025:privacy/ru/2023-03-01']);
    expect(getEntryId(createTestContext('2030-01-01T00:00:00Z'), { policy: 'privacy', locale: 'ru', version: '2027-01-01' })).toBe(ids[0]);
  });

  test('links each entry to its version, its Markdown and its diff, with the change type as category', () => {
    const [scheduled, , first] = parsed.feed.entry as { link: AtomLink[]; category: Record<string, string>[]; summary: { '#text': string } | string }[];
    expect(scheduled?.link.map((link) => [link['@_rel'], link['@_type'], link['@_href']])).toEqual([
      ['alternate', 'text/html', 'https://example.com/legal/ru/privacy/2027-01-01/'],
      ['alternate', 'text/markdown', 'https://example.com/legal/raw/privacy/ru/2027-01-01.md'],
      ['related', 'text/html', 'https://example.com/legal/ru/privacy/diff/2025-09-01/2027-01-01/'],
    ]);
    expect(scheduled?.category[0]?.['@_term']).toBe('editorial');
    expect(first?.link).toHaveLength(2);
  });

  test("carries each version's SHA-256 in an extension element of the schema's namespace (RFC 4287 §6.4.1)", () => {
    // Resolved by namespace, not by prefix, as an XML client reads it.
    const document = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml) as { feed: Record<string, unknown> & { entry: Record<string, unknown>[] } };
    const prefix = Object.entries(document.feed)
      .find(([key, value]) => key.startsWith('@_xmlns:') && value === 'https://example.com/legal/feed/v1/schema.json')?.[0]
      .slice('@_xmlns:'.length);
    expect(prefix).toBeTruthy();
    const versions = context.corpus.timelines.get('privacy/ru')?.versions ?? [];
    expect(document.feed.entry.map((entry) => entry[`${prefix}:sha256`])).toEqual([...versions].reverse().map((version) => version.sha256));
  });

  test('escapes text for XML', () => {
    const tricky = createTestContext(undefined, [{ ...(createTestContext().corpus.timelines.get('consent/ru')?.versions[0] as PolicyVersion), title: 'A & B <C>', summary: ['"x" < y'] }]);
    const out = createAtomFeed(tricky, 'consent', 'ru');
    expect(() => new XMLParser().parse(out)).not.toThrow();
    expect(out).toContain('A &amp; B &lt;C&gt;');
  });
});

describe('createJsonFeed', () => {
  const feed = createJsonFeed(context, 'privacy', 'ru');

  test('is JSON Feed 1.1 with an item per version and the identity in an extension', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(3);
    for (const item of feed.items) {
      expect(typeof item['id']).toBe('string');
      expect(typeof item['content_text']).toBe('string');
    }
    expect(feed.items[1]).toMatchObject({
      id: 'tag:example.com,2025:privacy/ru/2025-09-01',
      url: 'https://example.com/legal/ru/privacy/2025-09-01/',
      external_url: 'https://example.com/legal/ru/privacy/diff/2023-03-01/2025-09-01/',
      date_published: '2025-08-31T21:00:00.000Z',
      tags: ['material'],
      _policy: { policy: 'privacy', locale: 'ru', version: '2025-09-01', changeType: 'material', markdownUrl: 'https://example.com/legal/raw/privacy/ru/2025-09-01.md', sha256Url: null },
    });
  });

  test("points each locale's extension at that locale's developers page", () => {
    expect(feed.items.map((item) => item._policy.about)).toEqual(Array(3).fill('https://example.com/legal/ru/developers/'));
    expect(createJsonFeed(context, 'privacy', 'en').items[0]?._policy.about).toBe('https://example.com/legal/en/developers/');
  });

  test('names the text by its hash where the ledger has it, and passes the published JSON Schema', () => {
    const [version] = TEST_VERSIONS as [PolicyVersion];
    const ledgered = createTestContext(undefined, [withLedgerRecord(version, '2026-01-01T00:00:00.000Z')]);
    const item = createJsonFeed(ledgered, 'privacy', 'ru').items[0];
    expect(item?._policy.sha256Url).toBe(`https://example.com/legal/raw/privacy/ru/2023-03-01/${item?._policy.sha256}.md`);
    const validate = createFeedValidator(getFeedJsonSchema('https://example.com/legal/feed/v1/schema.json'));
    expect(validate('JsonFeed', feed)).toEqual([]);
    expect(validate('JsonFeed', { ...feed, items: [{ ...feed.items[0], _policy: { ...feed.items[0]?._policy, sha256: 'nope' } }] })).not.toEqual([]);
  });
});

describe('createTimeMap', () => {
  test('lists the versions in force by build time as mementos, in RFC 7089 link format', () => {
    const links = createTimeMap(context, 'privacy', 'ru')
      .trim()
      .split(',\n')
      .map((link) => {
        const [target, ...params] = link.split(';');
        return { target: target?.slice(1, -1), params: Object.fromEntries(params.map((param) => param.split('=').map((part) => part.replace(/^"|"$/g, '')))) };
      });
    expect(links.map((link) => [link.target, link.params['rel'], link.params['datetime']])).toEqual([
      ['https://example.com/legal/ru/privacy/', 'original', undefined],
      ['https://example.com/legal/feed/v1/privacy/ru/timemap.link', 'self', undefined],
      ['https://example.com/legal/ru/privacy/2023-03-01/', 'first memento', 'Tue, 28 Feb 2023 21:00:00 GMT'],
      ['https://example.com/legal/ru/privacy/2025-09-01/', 'last memento', 'Sun, 31 Aug 2025 21:00:00 GMT'],
    ]);
  });
});
