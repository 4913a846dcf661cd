import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { createAtomFeed, createJsonFeed, createTimeMap, getEntryId } from '#lib/feed/change-notifications.ts';
import { createTestContext } from '../../helpers/site-context.ts';

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

  test('links each entry to its version and its diff, with the change type as category', () => {
    const [scheduled, , first] = parsed.feed.entry as { link: AtomLink[]; category: Record<string, string>[]; summary: { '#text': string } | string }[];
    expect(scheduled?.link.map((link) => [link['@_rel'], link['@_href']])).toEqual([
      ['alternate', 'https://example.com/legal/ru/privacy/2027-01-01/'],
      ['related', 'https://example.com/legal/ru/privacy/diff/2025-09-01/2027-01-01/'],
    ]);
    expect(scheduled?.category[0]?.['@_term']).toBe('editorial');
    expect(first?.link).toHaveLength(1);
  });

  test('escapes text for XML', () => {
    const tricky = createTestContext(undefined, [
      { ...createTestContext().corpus.timelines.get('consent/ru')!.versions[0]!, title: 'A & B <C>', summary: ['"x" < y'] },
    ]);
    const out = createAtomFeed(tricky, 'consent', 'ru');
    expect(() => new XMLParser().parse(out)).not.toThrow();
    expect(out).toContain('A &amp; B &lt;C&gt;');
  });
});

describe('createJsonFeed', () => {
  const feed = createJsonFeed(context, 'privacy', 'ru') as { version: string; title: string; items: Record<string, unknown>[] };

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
      _policy: { policy: 'privacy', locale: 'ru', version: '2025-09-01', changeType: 'material' },
    });
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
