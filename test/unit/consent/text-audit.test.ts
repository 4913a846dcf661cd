import { describe, expect, test } from 'vitest';
import { getContentAddressedUrl, TextAuditor, type TextReader } from '#lib/consent/text-audit.ts';
import { createVersionIndex, type IndexedVersion } from '#lib/consent/version-index.ts';
import type { ReadRecord } from '#lib/consent/read-records.ts';
import { verifyRecords } from '#lib/consent/verify-records.ts';
import type { RecordResult } from '#lib/consent/verify-record.ts';
import { createPolicyFeed } from '#lib/feed/feed-data.ts';
import { createTestContext } from '../../helpers/site-context.ts';

const context = createTestContext();
const index = createVersionIndex(context.corpus.policies.map((policy) => createPolicyFeed(context, policy)));
const version = (policy: string, locale: string, id: string) => index.versions.get(`${policy}/${locale}/${id}`) as IndexedVersion;
const privacy = version('privacy', 'ru', '2025-09-01');
const consent = version('consent', 'ru', '2025-09-01');

/** A reader over a fake site: URL → sha256 served, with every read counted and the largest number of reads at once. */
function fakeSite(served: Record<string, string>, delayMs = 5) {
  const reads: string[] = [];
  let running = 0;
  let peak = 0;
  const reader: TextReader = {
    locate: (url) => url.replace('https://example.com/legal/', 'mirror:/'),
    hash: async (location) => {
      reads.push(location);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      running -= 1;
      const sha = served[location];
      if (sha === undefined) throw new Error(`cannot read ${location}: HTTP 404`);
      return sha;
    },
  };
  return { reader, reads, peak: () => peak };
}

/** The honest copy of the site: every text at both URLs. */
function honest(): Record<string, string> {
  const served: Record<string, string> = {};
  for (const item of index.versions.values()) {
    served[item.markdownUrl.replace('https://example.com/legal/', 'mirror:/')] = item.sha256;
    served[getContentAddressedUrl(item, item.sha256).replace('https://example.com/legal/', 'mirror:/')] = item.sha256;
  }
  return served;
}

describe('getContentAddressedUrl', () => {
  test('follows /raw/<policy>/<locale>/<version>/<sha256>.md beside markdownUrl, under the base path', () => {
    expect(getContentAddressedUrl(privacy, 'ab'.repeat(32))).toBe(`https://example.com/legal/raw/privacy/ru/2025-09-01/${'ab'.repeat(32)}.md`);
  });

  test("takes the feed's sha256Url when the version entry has one", () => {
    const withUrl = { ...privacy, sha256Url: 'https://cdn.example.net/x.md' } as IndexedVersion;
    expect(getContentAddressedUrl(withUrl, privacy.sha256)).toBe('https://cdn.example.net/x.md');
  });
});

describe('TextAuditor', () => {
  test('passes texts that hash to the feed, reading each URL once however many documents ask', async () => {
    const site = fakeSite(honest());
    const auditor = new TextAuditor(site.reader);
    expect(await auditor.check(privacy, privacy.sha256)).toEqual({ status: 'ok', message: '' });
    expect(auditor.check(privacy, privacy.sha256)).toEqual({ status: 'ok', message: '' });
    expect(await auditor.check(privacy, undefined)).toEqual({ status: 'ok', message: '' });
    expect(site.reads).toEqual(['mirror:/raw/privacy/ru/2025-09-01.md', `mirror:/raw/privacy/ru/2025-09-01/${privacy.sha256}.md`]);
  });

  test('reports a served text that does not hash to the feed, naming where it was read', async () => {
    const served = honest();
    served['mirror:/raw/privacy/ru/2025-09-01.md'] = 'f'.repeat(64);
    const auditor = new TextAuditor(fakeSite(served).reader);
    expect(await auditor.check(privacy, privacy.sha256)).toEqual({
      status: 'text-mismatch',
      message: `the text at mirror:/raw/privacy/ru/2025-09-01.md hashes to ${'f'.repeat(64)}, not ${privacy.sha256} (the feed's sha256)`,
    });
  });

  test('fails closed when a text cannot be read', async () => {
    const served = honest();
    delete served[`mirror:/raw/privacy/ru/2025-09-01/${privacy.sha256}.md`];
    const auditor = new TextAuditor(fakeSite(served).reader);
    expect(await auditor.check(privacy, privacy.sha256)).toEqual({
      status: 'text-unavailable',
      message: `cannot read mirror:/raw/privacy/ru/2025-09-01/${privacy.sha256}.md: HTTP 404`,
    });
  });

  test('never reads more than its concurrency at once', async () => {
    const site = fakeSite(honest(), 20);
    const auditor = new TextAuditor(site.reader, 2);
    await Promise.all([...index.versions.values()].map((item) => auditor.check(item, item.sha256)));
    expect(site.reads).toHaveLength(index.versions.size * 2);
    expect(site.peak()).toBe(2);
  });
});

describe('verifyRecords with --texts', () => {
  const record = (item: IndexedVersion, user: number) => ({ policy: item.policy, locale: item.locale, version: item.version, acceptedAt: '2025-10-01T00:00:00Z', sha256: item.sha256, user });
  async function run(records: unknown[], served: Record<string, string>): Promise<{ results: RecordResult[]; reads: string[] }> {
    const site = fakeSite(served);
    async function* source(): AsyncGenerator<ReadRecord[]> {
      for (let at = 0; at < records.length; at += 700) {
        yield records.slice(at, at + 700).map((item, offset) => ({ line: at + offset + 1, record: item, bytes: Buffer.from(JSON.stringify(item)) }));
      }
    }
    const results: RecordResult[] = [];
    const options = { timeZone: 'Europe/Moscow', now: Date.parse('2026-11-26T12:00:00Z'), texts: new TextAuditor(site.reader) };
    for await (const batch of verifyRecords(source(), index, options)) results.push(...batch);
    return { results, reads: site.reads };
  }

  test('gives one result per record, in input order, reading each text once for thousands of records', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => record(i % 3 === 0 ? consent : privacy, i));
    const { results, reads } = await run(records, honest());
    expect(results.map((result) => result.line)).toEqual(records.map((_, i) => i + 1));
    expect(results.every((result) => result.outcome === 'ok')).toBe(true);
    expect(reads).toHaveLength(4);
  });

  test('marks every record of a tampered text as text-mismatch and leaves the others ok', async () => {
    const served = honest();
    served['mirror:/raw/consent/ru/2025-09-01.md'] = '0'.repeat(64);
    const { results } = await run([record(privacy, 1), record(consent, 2), record(consent, 3)], served);
    expect(results.map((result) => result.outcome)).toEqual(['ok', 'text-mismatch', 'text-mismatch']);
    expect(results.map((result) => result.status)).toEqual(['ok', 'failed', 'failed']);
  });
});
