/**
 * The client kit's DOM-free entry, as served (bundled by the build's own
 * bundleKit), imported and run under Node against a real HTTP feed made by
 * the feed's own functions: what a product's server does at sign-in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { bundleKit } from '#lib/build/kit-bundle.ts';
import { createCurrentFeed, serializeFeed } from '#lib/feed/feed-data.ts';
import { createSinceFeed } from '#lib/feed/since-data.ts';
import { getTimeline } from '#lib/timeline/policy-corpus.ts';
import type * as Kit from '#kit/reconsent.ts';
import { ROOT } from '../../helpers/build-site.ts';
import { createTestContext } from '../../helpers/site-context.ts';

// privacy/ru: 2023-03-01, 2025-09-01 (in force at "now"), 2027-01-01 (scheduled, editorial); consent/ru: 2025-09-01.
const context = createTestContext();
const folder = mkdtempSync(join(tmpdir(), 'kit-node-'));
let server: Server;
let feedUrl = '';
/** Paths the feed was asked for, in order. */
let requests: string[] = [];
/** Paths answered with another document's since.json, as a host that rewrote the path would. */
const rewritten = new Set<string>();
/** Paths whose file the feed changes before answering: cut short, broken, or holding other values. */
const tampered = new Map<string, (body: string) => string>();
/** Paths the feed never answers: the request stays open. */
const silent = new Set<string>();
const kits: Record<'reconsent' | 'policy-kit', typeof Kit> = {} as never;

/** The feed's files, as the build writes them, by path under /feed/v1/. */
function feedFile(path: string): string | null {
  if (path === 'privacy/current.json') return serializeFeed(createCurrentFeed(context, 'privacy'));
  const [policy = '', locale = '', version = '', file] = path.split('/');
  const timeline = getTimeline(context.corpus, policy, locale);
  const entry = timeline?.versions.find((candidate) => candidate.version === version);
  return timeline && entry && file === 'since.json' ? serializeFeed(createSinceFeed(context, timeline, entry)) : null;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (path === '/feed/v1/broken/ru/v1/since.json') return void response.writeHead(500).end();
    if (silent.has(path)) return;
    const file = feedFile(rewritten.has(path) ? 'consent/ru/2025-09-01/since.json' : path.replace(/^\/feed\/v1\//, ''));
    const body = file === null ? null : (tampered.get(path) ?? String)(file);
    response.writeHead(body === null ? 404 : 200, { 'Content-Type': 'application/json' }).end(body ?? 'not found');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const address = server.address();
  feedUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/feed/v1/`;
  // The modules exactly as /kit/v1/ serves them.
  for (const entry of ['reconsent', 'policy-kit'] as const) {
    const file = join(folder, `${entry}.mjs`);
    writeFileSync(file, await bundleKit(entry, ROOT));
    kits[entry] = (await import(pathToFileURL(file).href)) as typeof Kit;
  }
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((closed) => server?.close(closed));
  rmSync(folder, { recursive: true, force: true });
});

const check = async (acceptedVersion: string, extra: Partial<Kit.CheckReconsentOptions> = {}) => {
  requests = [];
  return kits.reconsent.checkReconsent({ feedUrl, policy: 'privacy', locale: 'ru', acceptedVersion, at: Date.parse('2026-11-26T12:00:00Z'), ...extra });
};
const IN_FORCE = { version: '2025-09-01', effectiveFrom: '2025-08-31T21:00:00.000Z', url: 'https://example.com/legal/ru/privacy/2025-09-01/' };

describe('the kit without a DOM (Node)', () => {
  test('imports under Node, both entries: no HTMLElement, no customElements, no error', () => {
    expect(typeof globalThis.HTMLElement).toBe('undefined');
    expect(typeof kits['policy-kit'].checkReconsent).toBe('function');
    expect(typeof (kits['policy-kit'] as unknown as { PolicyUpdateNotice: unknown }).PolicyUpdateNotice).toBe('function');
    expect(Object.keys(kits.reconsent).sort()).toEqual(['checkReconsent', 'decideReconsent']);
  });

  test('answers a known version with one request, as since.json decides', async () => {
    const answer = await check('2023-03-01');
    expect(requests).toEqual(['/feed/v1/privacy/ru/2023-03-01/since.json']);
    expect(answer).toMatchObject({ reconsent: 'required', current: IN_FORCE, problem: null, timeZone: 'Europe/Moscow' });
    expect(await check('2025-09-01')).toMatchObject({ reconsent: 'none', problem: null });
    // The same file answers for a later instant, after the scheduled editorial version.
    expect(await check('2025-09-01', { at: Date.parse('2027-02-01T00:00:00Z') })).toMatchObject({ reconsent: 'notify', current: { version: '2027-01-01' } });
  });

  test('names the version announced and not yet in force at the instant asked, so a returning user hears of it before it takes effect', async () => {
    expect((await check('2025-09-01')).upcoming).toMatchObject({ version: '2027-01-01', effectiveFrom: '2026-12-31T21:00:00.000Z', changeType: 'editorial', summary: ['Опечатки'] });
    expect((await check('2025-09-01', { at: Date.parse('2026-12-31T21:00:00Z') })).upcoming).toBeNull();
    expect((await check('v0')).upcoming).toBeNull();
  });

  test('a version the feed does not publish (a 404) is unknown-version, with the version in force to accept', async () => {
    const answer = await check('v0');
    // current.json also gives the site's time zone, to show the date of the version to accept.
    expect(answer).toMatchObject({ reconsent: 'unknown-version', problem: 'not-found', current: { ...IN_FORCE, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }, timeZone: 'Europe/Moscow' });
    expect(requests).toEqual(['/feed/v1/privacy/ru/v0/since.json', '/feed/v1/privacy/current.json']);
    // After the scheduled version takes effect, current.json's "next" is the one to accept.
    expect((await check('v0', { at: Date.parse('2027-02-01T00:00:00Z') })).current?.version).toBe('2027-01-01');
  });

  test.each([['../../consent/ru/2025-09-01'], ['..%2F..%2Fconsent%2Fru%2F2025-09-01'], ['2025-09-01/../../../consent/ru/2025-09-01'], ['2025-09-01?x'], ['2025-09-01#x'], ['2025-09-01 '], ['Ⅰ'], ['']])(
    'a malformed version id %j is never requested: unknown-version, invalid-id',
    async (version) => {
      const answer = await check(version);
      expect(answer).toMatchObject({ reconsent: 'unknown-version', problem: 'invalid-id', acceptedVersion: version, current: { version: '2025-09-01' } });
      expect(requests).toEqual(['/feed/v1/privacy/current.json']);
    },
  );

  test('a malformed policy or locale makes no request at all', async () => {
    for (const options of [{ policy: '../consent' }, { locale: 'ru/../en' }, { policy: 'Privacy' }]) {
      expect(await check('2025-09-01', options)).toMatchObject({ reconsent: 'unknown-version', problem: 'invalid-id', current: null });
      expect(requests).toEqual([]);
    }
  });

  test('a file that answers for another document (a rewritten path) is not taken for this one', async () => {
    rewritten.add('/feed/v1/privacy/ru/2023-03-01/since.json');
    try {
      expect(await check('2023-03-01')).toMatchObject({ reconsent: 'unknown-version', problem: 'feed-error' });
    } finally {
      rewritten.clear();
    }
  });

  test('a feed that fails or cannot be reached answers unknown-version instead of throwing', async () => {
    expect(await check('v1', { policy: 'broken' })).toMatchObject({ reconsent: 'unknown-version', problem: 'feed-error', current: null });
    expect(await check('2023-03-01', { feedUrl: 'http://127.0.0.1:9/feed/v1/' })).toMatchObject({ reconsent: 'unknown-version', problem: 'feed-error', current: null, timeZone: null });
    // Relative to nothing: in Node there is no page to resolve it against.
    expect(await check('2023-03-01', { feedUrl: '/feed/v1/' })).toMatchObject({ reconsent: 'unknown-version', problem: 'feed-error' });
  });

  test('an invalid instant or timeout is a programming error, said at once', async () => {
    await expect(check('2023-03-01', { at: Number.NaN })).rejects.toThrow(TypeError);
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) await expect(check('2023-03-01', { timeoutMs })).rejects.toThrow(`policy-kit: invalid "timeoutMs": ${timeoutMs}`);
    expect(requests).toEqual([]);
  });

  describe('fails closed on a feed that breaks its contract', () => {
    const SINCE = '/feed/v1/privacy/ru/2025-09-01/since.json';
    /** since.json of 2025-09-01 with its later version (2027-01-01, editorial) changed. */
    const withLater = (change: (later: Record<string, unknown>) => void) => (body: string) => {
      const data = JSON.parse(body) as { later: Record<string, unknown>[] };
      for (const later of data.later) change(later);
      return JSON.stringify(data);
    };
    const AFTER = { at: Date.parse('2027-02-01T00:00:00Z') };

    afterEach(() => {
      tampered.clear();
      silent.clear();
    });

    test("the upcoming version is told by a banner and offered early only as since.json's announcement of that very version says; a material one without it: a banner, never early", async () => {
      // As built: an editorial version, announced by a line in the history only, not to be accepted early.
      expect((await check('2025-09-01')).upcoming).toMatchObject({ version: '2027-01-01', banner: false, acceptEarly: false });
      const announce =
        (announcement: Record<string, unknown> | null, changeType = 'material') =>
        (body: string) =>
          JSON.stringify({
            ...JSON.parse(
              withLater((later) => {
                later['changeType'] = changeType;
              })(body),
            ),
            announcement,
          });
      tampered.set(SINCE, announce({ version: '2027-01-01', banner: true, acceptEarly: true }));
      expect((await check('2025-09-01')).upcoming).toMatchObject({ version: '2027-01-01', banner: true, acceptEarly: true });
      // An editorial version is never accepted early: it asks for no consent.
      tampered.set(SINCE, announce({ version: '2027-01-01', banner: true, acceptEarly: true }, 'editorial'));
      expect((await check('2025-09-01')).upcoming).toMatchObject({ banner: true, acceptEarly: false });
      // An announcement of another version, or none (a feed built before it said so): the defaults.
      for (const announcement of [{ version: '2028-01-01', banner: false, acceptEarly: true }, null]) {
        tampered.set(SINCE, announce(announcement));
        expect((await check('2025-09-01')).upcoming).toMatchObject({ version: '2027-01-01', banner: true, acceptEarly: false });
      }
      // A text in another language only: told, not offered (nobody consents to a text they were not given in their language).
      tampered.set(SINCE, (body) =>
        announce({ version: '2027-01-01', banner: true, acceptEarly: true })(
          withLater((later) => {
            later['locale'] = 'en';
          })(body),
        ),
      );
      expect((await check('2025-09-01')).upcoming).toMatchObject({ banner: true, acceptEarly: false });
    });

    test('an editorial change as the feed writes it only notifies', async () => {
      expect(await check('2025-09-01', AFTER)).toMatchObject({ reconsent: 'notify', changes: [{ version: '2027-01-01', changeType: 'editorial' }] });
    });

    test.each([['MATERIAL'], ['Editorial'], ['minor'], [null], [undefined]])('a changeType %j, not exactly "editorial", is material: required', async (changeType) => {
      tampered.set(
        SINCE,
        withLater((later) => {
          later['changeType'] = changeType;
        }),
      );
      expect(await check('2025-09-01', AFTER)).toMatchObject({ reconsent: 'required', problem: null, changes: [{ version: '2027-01-01', changeType: 'material' }] });
    });

    test.each([
      ['cut short mid-JSON', (body: string) => body.slice(0, Math.floor(body.length / 2))],
      ['not JSON', () => '<!doctype html><title>Maintenance</title>'],
      ['JSON that is not an object', () => '[]'],
      [
        'an effectiveFrom that is not an instant ("soon")',
        withLater((later) => {
          later['effectiveFrom'] = 'soon';
        }),
      ],
      [
        'an effectiveFrom on a day that does not exist',
        withLater((later) => {
          later['effectiveFrom'] = '2027-02-30T00:00:00Z';
        }),
      ],
      [
        'an effectiveFrom without its Z',
        withLater((later) => {
          later['effectiveFrom'] = '2027-01-01T00:00:00';
        }),
      ],
      ['a later version without its summary', withLater((later) => void delete later['summary'])],
      [
        'later versions out of order',
        (body: string) =>
          JSON.stringify({
            ...JSON.parse(body),
            later: [...(JSON.parse(body) as { later: unknown[] }).later, { ...(JSON.parse(body) as { later: object[] }).later[0], version: 'early', effectiveFrom: '2020-01-01T00:00:00Z' }],
          }),
      ],
      ['a time zone no runtime knows', (body: string) => JSON.stringify({ ...JSON.parse(body), timeZone: 'Europe/Atlantis' })],
      ['the answer for another version', (body: string) => JSON.stringify({ ...JSON.parse(body), acceptedVersion: '2023-03-01' })],
    ])('since.json %s: unknown-version, "ask again", with the version in force from current.json', async (_name, change) => {
      tampered.set(SINCE, change);
      expect(await check('2025-09-01', AFTER)).toMatchObject({ reconsent: 'unknown-version', problem: 'feed-error', current: { version: '2027-01-01' } });
      expect(requests).toEqual([SINCE, '/feed/v1/privacy/current.json']);
    });

    test.each([
      ['cut short', (body: string) => body.slice(0, -10)],
      ['for another policy', (body: string) => JSON.stringify({ ...JSON.parse(body), policy: 'consent' })],
      [
        'with an instant that does not parse',
        (body: string) => {
          const data = JSON.parse(body) as { locales: Record<string, { inForce: { effectiveFrom: string } }> };
          for (const entry of Object.values(data.locales)) entry.inForce.effectiveFrom = 'soon';
          return JSON.stringify(data);
        },
      ],
    ])('current.json %s names no version to accept', async (_name, change) => {
      tampered.set('/feed/v1/privacy/current.json', change);
      expect(await check('v0')).toMatchObject({ reconsent: 'unknown-version', problem: 'not-found', current: null, timeZone: null, checkpoint: null });
    });

    test('a feed that never answers: "timeout" after timeoutMs, as for an unreachable feed, without asking current.json', async () => {
      silent.add(SINCE);
      const started = performance.now();
      expect(await check('2025-09-01', { timeoutMs: 300 })).toMatchObject({ reconsent: 'unknown-version', problem: 'timeout', current: null, timeZone: null });
      expect(performance.now() - started).toBeLessThan(3000);
      expect(requests).toEqual([SINCE]);
    });

    test("a caller's AbortSignal aborts the check: it rejects with the signal's reason, as fetch does", async () => {
      silent.add(SINCE);
      const controller = new AbortController();
      const checking = check('2025-09-01', { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('the user left the page')), 50);
      await expect(checking).rejects.toThrow('the user left the page');
    });
  });
});
