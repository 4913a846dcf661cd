import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatCheckpointText, parseCheckpoint } from '#lib/log/checkpoint.ts';
import { readLogLock, writeLogLock } from '#lib/log/log-state.ts';
import { createSiteLog, getLogFiles } from '#lib/log/site-log.ts';
import { generateSignerKey, parseSignerKey, signNote, type SignerKey } from '#lib/log/signed-note.ts';
import { loadCorpus } from '#lib/corpus/load-corpus.ts';
import { archiveText } from '#lib/ledger/ledger-store.ts';
import { getPublishedText } from '#lib/timeline/published-text.ts';
import { buildSite, OUTPUT, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { startNginx, type NginxServer } from '../helpers/nginx-server.ts';
import { readPage, select, textOf } from '../helpers/dist-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

// The sample, served under a base path, signed with a key made for this test (kept outside the project, as keygen insists).
const SITE = 'https://policies.example.com/legal/';
const ORIGIN = 'policies.example.com/legal/log/v1';
const KEYS = mkdtempSync(join(tmpdir(), 'policy-press-log-keys-'));
const keyA = generateSignerKey(ORIGIN);
const keyB = generateSignerKey(ORIGIN);
const keyAFile = join(KEYS, 'a.key');
writeFileSync(keyAFile, `${keyA.signerKey}\n`);
const signerA = parseSignerKey(keyA.signerKey) as SignerKey;

const folder = (name: string) => join(OUTPUT, `log-${name}`);
const copyPolicies = (from: string, name: string) => {
  rmSync(folder(name), { recursive: true, force: true });
  cpSync(from, folder(name), { recursive: true });
  return folder(name);
};
const edit = (policies: string, file: string, change: (text: string) => string) => writeFileSync(join(policies, file), change(readFileSync(join(policies, file), 'utf8')));
const build = (policies: string, name: string, env: Record<string, string>) => buildSite({ policiesDir: policies, name: `log-${name}`, env: { SITE_URL: SITE, ...env } });
const signedWith = (key: { signerKey: string; verifierKey: string }) => ({ POLICY_PRESS_LOG_KEY_DATA: key.signerKey, LOG_VERIFIER_KEY: key.verifierKey });
const audit = (...args: string[]) => runPolicyCli(['audit', ...args]);
const copyDist = (from: BuildResult, name: string) => {
  const target = join(folder(name), 'dist');
  rmSync(folder(name), { recursive: true, force: true });
  cpSync(from.outDir, target, { recursive: true });
  return target;
};

let first: BuildResult;
let second: BuildResult;
let rewritten: BuildResult;
let rekeyed: BuildResult;
let published: string;
let checkpoint1 = '';
let checkpoint2 = '';

beforeAll(() => {
  // 1. The sample as shipped: 7 entries.
  const p1 = copyPolicies(join(ROOT, 'policies'), 'policies-1');
  first = build(p1, '1', { POLICY_PRESS_LOG_KEY: keyAFile, LOG_VERIFIER_KEY: keyA.verifierKey });
  checkpoint1 = join(folder('1'), 'checkpoint.txt');
  writeFileSync(checkpoint1, readFileSync(join(first.outDir, 'log/v1/checkpoint')));

  // 2. A new version and a correction published: 9 entries, the first 7 unchanged.
  const p2 = copyPolicies(p1, 'policies-2');
  const cli = (args: string[]) => runPolicyCli(args, { policiesDir: p2 });
  cli(['new', 'privacy', '--locale', 'ru', '--effective', '2027-01-01']);
  edit(p2, 'privacy/ru/2027-01-01.md', (text) =>
    text.replace('draft: true\n', '').replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Уточнён пункт 1.1.').replace('Сайт собирает', 'Сайт собирает и хранит'),
  );
  edit(p2, 'privacy/en/2026-02-15.md', (text) =>
    text.replace('changeType: editorial', 'changeType: editorial\ncorrections:\n  - date: 2026-12-01\n    reason: A typo in clause 1.1').replace('obtains access to and uses', 'obtains access to, and uses'),
  );
  published = cli(['publish']).stdout;
  second = build(p2, '2', signedWith(keyA));
  checkpoint2 = join(folder('2'), 'checkpoint.txt');
  writeFileSync(checkpoint2, readFileSync(join(second.outDir, 'log/v1/checkpoint')));

  // 3. A published text rewritten with everything made to match it (text, ledger, archive, log state), then rebuilt.
  const p3 = copyPolicies(p2, 'policies-3');
  edit(p3, 'privacy/ru/2023-03-01.md', (text) => text.replace('Сайт собирает', 'Сайт тайно собирает'));
  const version = loadCorpus({ policiesPath: p3, timeZone: 'Europe/Moscow', defaultLocale: 'ru', includeDrafts: false, enforceLedger: false, now: Date.now() }).versions.find((v) => v.id === 'privacy/ru/2023-03-01');
  if (!version) throw new Error('no privacy/ru/2023-03-01');
  const { text, sha256 } = getPublishedText(version);
  archiveText(p3, text);
  const oldHash = 'd762f0ff00b35a816eeb8beb1a15cc15b8495c3f05345e6b6406d03cbea494f4';
  edit(p3, 'published.lock.json', (ledger) => ledger.replace(oldHash, sha256));
  writeLogLock(
    p3,
    (readLogLock(p3).entries ?? []).map((entry) => (entry.sha256 === oldHash ? { ...entry, sha256 } : entry)),
  );
  rewritten = build(p3, '3', signedWith(keyA));

  // 4. The log rebuilt from scratch (its state deleted, publish run again) and signed with a new key.
  const p4 = copyPolicies(p2, 'policies-4');
  rmSync(join(p4, 'log.lock.json'));
  runPolicyCli(['publish'], { policiesDir: p4 });
  rekeyed = build(p4, '4', signedWith(keyB));
});

afterAll(() => rmSync(KEYS, { recursive: true, force: true }));

describe('the public log of a built site', () => {
  test('builds, signs, and says so in one line', () => {
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/public log: 7 entries in log\/v1\/, checkpoint signed by policies\.example\.com\/legal\/log\/v1\+[0-9a-f]{8}\n/);
    expect(published).toContain('logged entries 7–8 in the public log (9 entries in all)');
    expect(second.status, second.output).toBe(0);
    expect(second.output).toContain('public log: 9 entries');
  });

  test('serves a C2SP checkpoint, the verifier key, hash tiles and entry bundles', () => {
    const checkpoint = readFileSync(join(second.outDir, 'log/v1/checkpoint'), 'utf8');
    expect(checkpoint).toMatch(/^policies\.example\.com\/legal\/log\/v1\n9\n[A-Za-z0-9+/]{43}=\n\n— policies\.example\.com\/legal\/log\/v1 [A-Za-z0-9+/]{91}=\n$/);
    expect(readFileSync(join(second.outDir, 'log/v1/key'), 'utf8')).toBe(`${keyA.verifierKey}\n`);
    for (const width of [1, 5, 9]) expect(readFileSync(join(second.outDir, `log/v1/tile/0/000.p/${width}`))).toHaveLength(32 * width);
    const bundle = readFileSync(join(second.outDir, 'log/v1/tile/entries/000.p/9'));
    expect(bundle.readUInt16BE(0)).toBe(bundle.indexOf('}') - 1);
    expect(bundle.subarray(2, 2 + bundle.readUInt16BE(0)).toString()).toMatch(/^\{"effectiveFrom":"2025-08-31T21:00:00\.000Z","kind":"imported","locale":"en","policy":"consent","previousSha256":null,/);
  });

  test('writes every version file where the base path serves it: the Markdown with its hash, the texts by hash, blocks, since.json', () => {
    const feed = JSON.parse(readFileSync(join(second.outDir, 'feed/v1/privacy.json'), 'utf8')) as {
      versions: { locale: string; version: string; markdownUrl: string; sha256: string; sha256Url: string | null; corrections: { sha256: string; sha256Url?: string }[] }[];
    };
    const file = (url: string) => {
      const path = new URL(url).pathname;
      expect(path.startsWith('/legal/')).toBe(true);
      return readFileSync(join(second.outDir, path.slice('/legal/'.length)));
    };
    expect(feed.versions.length).toBeGreaterThan(3);
    for (const version of feed.versions) {
      expect(createHash('sha256').update(file(version.markdownUrl)).digest('hex')).toBe(version.sha256);
      for (const { sha256, sha256Url } of [version, ...version.corrections]) if (sha256Url) expect(createHash('sha256').update(file(sha256Url)).digest('hex')).toBe(sha256);
      expect(existsSync(join(second.outDir, 'blocks/privacy', version.locale, `${version.version}.json`))).toBe(true);
      expect(existsSync(join(second.outDir, 'feed/v1/privacy', version.locale, version.version, 'since.json'))).toBe(true);
    }
    expect(existsSync(join(second.outDir, 'legal'))).toBe(false);
  });

  test('signs deterministically: the checkpoint is the one the entries and the key give', () => {
    const entries = readLogLock(folder('policies-2')).entries ?? [];
    expect(createSiteLog({ siteUrl: SITE, entries, signer: signerA, verifierKey: null }).checkpoint).toBe(readFileSync(join(second.outDir, 'log/v1/checkpoint'), 'utf8'));
  });

  test('gives every feed entry and version page its log index, and announces the checkpoint in the feeds', () => {
    const feed = JSON.parse(readFileSync(join(second.outDir, 'feed/v1/privacy.json'), 'utf8')) as { versions: { locale: string; version: string; logIndex: number; corrections: { logIndex: number }[] }[] };
    const indexes = Object.fromEntries(feed.versions.map((v) => [`${v.locale}/${v.version}`, v.logIndex]));
    // Recorded by one publish at one instant, the correction and the new version are logged in order of their ids.
    expect(indexes).toEqual({ 'en/2025-09-01': 2, 'en/2026-02-15': 3, 'ru/2023-03-01': 4, 'ru/2025-09-01': 5, 'ru/2026-02-15': 6, 'ru/2027-01-01': 8 });
    expect(feed.versions.find((v) => v.version === '2026-02-15' && v.locale === 'en')?.corrections[0]?.logIndex).toBe(7);
    const index = JSON.parse(readFileSync(join(second.outDir, 'feed/v1/index.json'), 'utf8')) as { log: Record<string, unknown> };
    expect(index.log).toEqual({ url: `${SITE}log/v1/`, origin: ORIGIN, checkpointUrl: `${SITE}log/v1/checkpoint`, verifierKey: keyA.verifierKey, size: 9 });
    const checkpoint = readFileSync(join(second.outDir, 'log/v1/checkpoint'), 'utf8');
    expect(readFileSync(join(second.outDir, 'feed/v1/privacy/ru/atom.xml'), 'utf8')).toContain(`<tlog:checkpoint>${checkpoint}</tlog:checkpoint>`);
    expect((JSON.parse(readFileSync(join(second.outDir, 'feed/v1/privacy/ru/feed.json'), 'utf8')) as { _log: { checkpoint: string } })._log.checkpoint).toBe(checkpoint);
    const page = readPage(second.outDir, '/legal/ru/privacy/2025-09-01/', '/legal/');
    expect(textOf(select('.policy-footer', page))).toContain('Запись в публичном журнале: 5');
    expect(select('meta[name="policy:log-index"]', page)?.properties['content']).toBe('5');
    const developers = textOf(readPage(second.outDir, '/legal/en/developers/', '/legal/'));
    expect(developers).toContain(keyA.verifierKey);
    expect(developers).toContain(`npm run policy -- audit --site ${SITE} --key '${keyA.verifierKey}' --since saved-checkpoint.txt`);
  });
});

describe('audit', () => {
  test('passes on the site, with a consistency proof from the checkpoint kept before', () => {
    const result = audit('--site', second.outDir, '--key', keyA.verifierKey, '--since', checkpoint1, '--save', join(folder('2'), 'saved.txt'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("inclusion: all 9 entries proven in the checkpoint's tree from the served tiles");
    expect(result.stdout).toContain('consistent with your checkpoint of 7 entries (a proof of');
    expect(result.stdout).toMatch(/^ {2}pages: \d+ pages people read \(each version's page, each stable page\) checked word for word against their logged texts$/m);
    expect(result.stdout).toContain('All is consistent.');
    expect(readFileSync(join(folder('2'), 'saved.txt'), 'utf8')).toBe(readFileSync(checkpoint2, 'utf8'));
  });

  describe('through a real nginx, on the base path', () => {
    let nginx: NginxServer;
    beforeAll(async () => {
      nginx = await startNginx(second.outDir, '/legal/');
    });
    afterAll(() => nginx.stop());

    test('passes, reading every file over HTTP', () => {
      const result = audit('--site', `${nginx.origin}/legal/`, '--key', keyA.verifierKey, '--since', checkpoint1, '--pages');
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('consistent with your checkpoint of 7 entries');
      // The pages as nginx serves them (text/html; charset=utf-8) read exactly as their logged texts, on the base path too.
      const local = audit('--site', second.outDir, '--key', keyA.verifierKey);
      expect(result.stdout).toContain(/^ {2}pages: .*$/m.exec(local.stdout)?.[0]);
    });

    test.each([
      ['log/v1/checkpoint', 'text/plain; charset=utf-8', 'public, max-age=5'],
      ['log/v1/key', 'text/plain; charset=utf-8', 'public, max-age=300'],
      ['log/v1/tile/0/000.p/9', 'application/octet-stream', 'public, max-age=31536000, immutable'],
      ['log/v1/tile/0/000.p/4', 'application/octet-stream', 'public, max-age=31536000, immutable'],
      ['log/v1/tile/entries/000.p/9', 'application/octet-stream', 'public, max-age=31536000, immutable'],
    ])('serves %s as %s, cached %s, to any origin', async (path, type, cache) => {
      const response = await fetch(`${nginx.origin}/legal/${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe(cache);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });
  });
});

describe('interoperability with Go (golang.org/x/mod/sumdb/note and tlog)', () => {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  const hasGo = !go.error && go.status === 0;
  if (!hasGo) console.warn('SKIPPED: the Go interoperability test needs `go` (Debian: apt-get install golang-go golang-golang-x-mod-dev; .ci/run installs them).');
  const goRun = (...args: string[]) =>
    spawnSync('go', ['run', join(ROOT, 'test/interop/tlog-verify.go'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOCACHE: mkdtempSync(join(tmpdir(), 'policy-press-gocache-')), GOFLAGS: '' },
    });

  test.skipIf(!hasGo)('verifies the signed checkpoint, inclusion proofs of every entry, and a consistency proof, from the served tiles', () => {
    const result = goRun('-log', join(second.outDir, 'log/v1'), '-key', keyA.verifierKey, '-old', checkpoint1);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`checkpoint: signature by ${ORIGIN} verified; origin ${ORIGIN}, 9 entries`);
    expect(result.stdout).toContain('inclusion: 9 of the 9 entries proven in the tree');
    expect(result.stdout).toMatch(/consistency: the tree of 9 entries extends the earlier one of 7 \(proof of \d+ hashes\)/);
  });

  test.skipIf(!hasGo)('refuses, in Go too, a forked history and a checkpoint signed by another key', () => {
    const fork = goRun('-log', join(rewritten.outDir, 'log/v1'), '-key', keyA.verifierKey, '-old', checkpoint2);
    expect(fork.status).toBe(1);
    expect(fork.stderr).toContain('consistency: the tree of 9 entries is not an extension of the earlier one of 9');
    const otherKey = goRun('-log', join(rekeyed.outDir, 'log/v1'), '-key', keyA.verifierKey);
    expect(otherKey.status).toBe(1);
    expect(otherKey.stderr).toContain('checkpoint: ');
  });
});

describe('consent records that carry the checkpoint (verify --log)', () => {
  const recordsFile = join(OUTPUT, 'log-records.jsonl');
  // Each record kept the hash of the text it names, as the site serves it now, so only the log decides.
  const hashOf = (locale: string, version: string) =>
    (JSON.parse(readFileSync(join(second.outDir, 'feed/v1/privacy.json'), 'utf8')) as { versions: { locale: string; version: string; sha256: string }[] }).versions.find(
      (v) => v.locale === locale && v.version === version,
    )?.sha256;
  const record = (fields: Record<string, unknown>) => {
    const full: Record<string, unknown> = { policy: 'privacy', locale: 'ru', acceptedAt: '2026-03-01T00:00:00Z', ...fields };
    return JSON.stringify({ sha256: hashOf(String(full['locale']), String(full['version'])), ...full });
  };

  test('proves a version was in the log when the person agreed, and catches one that was not', () => {
    const before = readFileSync(checkpoint1, 'utf8');
    const correctedHash = (JSON.parse(readFileSync(join(second.outDir, 'feed/v1/privacy.json'), 'utf8')) as { versions: { locale: string; version: string; sha256: string }[] }).versions.find(
      (v) => v.locale === 'en' && v.version === '2026-02-15',
    )?.sha256;
    writeFileSync(
      recordsFile,
      [
        record({ version: '2026-02-15', checkpoint: before }),
        record({ version: '2026-02-15' }),
        record({ version: '2027-01-01', acceptedAt: '2027-02-01T00:00:00Z', checkpoint: before }),
        record({ locale: 'en', version: '2026-02-15', sha256: correctedHash, checkpoint: before }),
        record({ version: '2026-02-15', checkpoint: before.replace('\n7\n', '\n6\n') }),
        record({ version: '2026-02-15', checkpoint: readFileSync(join(rewritten.outDir, 'log/v1/checkpoint'), 'utf8') }),
        record({ version: '2026-02-15', checkpoint: 'not a checkpoint' }),
        '',
      ].join('\n'),
    );
    const result = runPolicyCli(['verify', recordsFile, '--feed', second.outDir, '--log', '--key', keyA.verifierKey, '--as-of', '2027-06-01T00:00:00Z']);
    // Every record here is older than the ledger's import of 2026-02-15: each says so in a note.
    const notes = result.stdout.split('\n').filter((line) => line.includes(': note: '));
    expect(notes).toEqual([1, 2, 4, 5, 6, 7].map((line) => `${recordsFile}:${line}: note: privacy/${line === 4 ? 'en' : 'ru'}/2026-02-15: history imported on 2026-11-26T23:41:30.992+03:00; not attested before`));
    expect(result.stdout.split('\n').filter((line) => !line.includes(': note: '))).toEqual([
      `${recordsFile}:3: log-not-at-checkpoint: privacy/ru/2027-01-01 entered the log at entry 8, after the record's checkpoint of 7 entries: it was not yet public when that checkpoint was fetched`,
      `${recordsFile}:4: log-not-at-checkpoint: privacy/en/2026-02-15 entered the log at entry 7, after the record's checkpoint of 7 entries: it was not yet public when that checkpoint was fetched`,
      `${recordsFile}:5: log-checkpoint-forged: the signature of the record's checkpoint by ${keyA.verifierKey.split('+').slice(0, 2).join('+')} does not verify: the checkpoint was altered or forged`,
      `${recordsFile}:6: log-checkpoint-inconsistent: today's log does not extend the record's checkpoint: its first 9 entries give another root (the history before it was rewritten)`,
      `${recordsFile}:7: log-checkpoint-malformed: checkpoint is malformed: the checkpoint text does not end with a newline`,
      '7 records: 2 ok (2 with a note), 5 failed (1 log-checkpoint-malformed, 1 log-checkpoint-forged, 1 log-checkpoint-inconsistent, 2 log-not-at-checkpoint), 0 malformed.',
      '',
    ]);
    expect(result.status).toBe(1);
    // The policies folder gives the same answers as the site it builds.
    const local = runPolicyCli(['verify', recordsFile, '--log', '--key', keyA.verifierKey, '--as-of', '2027-06-01T00:00:00Z'], { policiesDir: folder('policies-2'), env: { SITE_URL: SITE } });
    expect(local.stdout).toBe(result.stdout);
  });
});

describe('attacks on the history, each caught and named', () => {
  test('a published text rewritten with ledger, archive and log state to match: the build cannot tell, an auditor can', () => {
    expect(rewritten.status, rewritten.output).toBe(0);
    const fork = audit('--site', rewritten.outDir, '--key', keyA.verifierKey, '--since', checkpoint2);
    expect(fork.status).toBe(1);
    expect(fork.stderr).toMatch(/^fork: the site's first 9 entries give the root [A-Za-z0-9+/=]+, your checkpoint says [A-Za-z0-9+/=]+: history up to entry 8 was rewritten$/m);
    const named = audit('--site', rewritten.outDir, '--key', keyA.verifierKey, '--since', second.outDir);
    expect(named.stderr).toContain('rewritten text: log entry 4 (imported privacy/ru/2023-03-01) was rewritten: sha256 was "d762f0ff00b35a816eeb8beb1a15cc15b8495c3f05345e6b6406d03cbea494f4", is "');
  });

  test('a text changed on the site after the build (a mirror, or a hand edit of dist/)', () => {
    const dist = copyDist(second, 'attack-text');
    writeFileSync(join(dist, 'raw/privacy/ru/2025-09-01.md'), readFileSync(join(dist, 'raw/privacy/ru/2025-09-01.md'), 'utf8').replace('Сайт', 'Сайт тайно'));
    const result = audit('--site', dist, '--key', keyA.verifierKey);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^rewritten text: raw\/privacy\/ru\/2025-09-01\.md is served with sha256 [0-9a-f]{64}, but log entry 5 \(imported privacy\/ru\/2025-09-01\) logged its latest text as 658f05b5/m);
  });

  test('a version dropped from the feed', () => {
    const dist = copyDist(second, 'attack-dropped');
    const path = join(dist, 'feed/v1/privacy.json');
    const feed = JSON.parse(readFileSync(path, 'utf8')) as { versions: { version: string; locale: string }[] };
    feed.versions = feed.versions.filter((v) => !(v.locale === 'ru' && v.version === '2023-03-01'));
    writeFileSync(path, JSON.stringify(feed));
    const result = audit('--site', dist, '--key', keyA.verifierKey);
    expect(result.stderr).toContain('dropped version: log entry 4 (imported privacy/ru/2023-03-01) is not in the feed: the site no longer lists a version it published');
  });

  test('a version removed from the ledger, or an entry changed in it: check and the build refuse', () => {
    const policies = copyPolicies(folder('policies-2'), 'policies-removed');
    const ledger = JSON.parse(readFileSync(join(policies, 'published.lock.json'), 'utf8')) as { versions: { policy: string; locale: string; version: string; publishedAt: string }[] };
    writeFileSync(join(policies, 'published.lock.json'), `${JSON.stringify({ ...ledger, versions: ledger.versions.filter((v) => v.version !== '2023-03-01') }, null, 2)}\n`);
    const removed = runPolicyCli(['check'], { policiesDir: policies });
    expect(removed.status).toBe(1);
    expect(removed.stdout).toMatch(/log\.lock\.json:11: log entry 4 \(imported privacy\/ru\/2023-03-01\) is no longer in the ledger .*published\.lock\.json: a published version was removed from it/);
    const changed = copyPolicies(folder('policies-2'), 'policies-changed');
    edit(changed, 'published.lock.json', (text) => text.replace('"publishedAt": "2026-11-26T20:41:30.992Z"', '"publishedAt": "2026-11-25T20:41:30.992Z"'));
    const message = 'log entry 0 (imported consent/en/2025-09-01) was changed in the ledger: publishedAt was "2026-11-26T20:41:30.992Z" when it was logged, the ledger now says "2026-11-25T20:41:30.992Z"';
    expect(runPolicyCli(['check'], { policiesDir: changed }).stdout).toContain(message);
    const refused = build(changed, 'refused', {});
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain(message);
    expect(existsSync(join(refused.outDir, 'index.html'))).toBe(false);
  });

  test('two entries swapped: in the log state check refuses; served, the audit names them', () => {
    const policies = copyPolicies(folder('policies-2'), 'policies-swapped');
    const lock = join(policies, 'log.lock.json');
    const lines = readFileSync(lock, 'utf8').split('\n');
    [lines[10], lines[11]] = [lines[11] ?? '', lines[10] ?? ''];
    writeFileSync(lock, lines.join('\n'));
    expect(runPolicyCli(['check'], { policiesDir: policies }).stdout).toContain("log.lock.json:11: log entry 5 stands at position 4: the log's entries were reordered (it moved up)");

    const dist = copyDist(second, 'attack-swapped');
    const entries = [...(readLogLock(folder('policies-2')).entries ?? [])];
    [entries[4], entries[5]] = [entries[5] as never, entries[4] as never];
    rmSync(join(dist, 'log'), { recursive: true });
    for (const [path, bytes] of getLogFiles(createSiteLog({ siteUrl: SITE, entries, signer: signerA, verifierKey: null }))) {
      mkdirSync(dirname(join(dist, 'log/v1', path)), { recursive: true });
      writeFileSync(join(dist, 'log/v1', path), bytes);
    }
    const result = audit('--site', dist, '--key', keyA.verifierKey, '--since', second.outDir);
    expect(result.stderr).toContain('reordered history: log entry 4 (imported privacy/ru/2023-03-01) is now entry 5; entry 4 is now imported privacy/ru/2025-09-01');
    expect(result.stderr).toContain('reordered history: log entry 5 (imported privacy/ru/2025-09-01) is now entry 4');
    expect(result.stderr).toMatch(/^fork: /m);
  });

  test('the log rebuilt from scratch with a new key', () => {
    expect(rekeyed.status, rekeyed.output).toBe(0);
    const pinned = audit('--site', rekeyed.outDir, '--key', keyA.verifierKey);
    expect(pinned.status).toBe(1);
    expect(pinned.stderr).toMatch(
      /^key changed: the checkpoint is not signed by policies\.example\.com\/legal\/log\/v1\+[0-9a-f]{8} but by policies\.example\.com\/legal\/log\/v1\+[0-9a-f]{8}: the log was re-keyed, or rebuilt from scratch under a new key$/m,
    );
    const trusting = audit('--site', rekeyed.outDir, '--since', checkpoint2);
    expect(trusting.stdout).toContain('trusting the key the site itself serves');
    expect(trusting.stderr).toMatch(/^key changed: your earlier checkpoint \(.*checkpoint\.txt\) is not signed by /m);
    expect(trusting.stderr).toMatch(/^fork: /m);
    // The build refuses a private key that is not the one of the published verifier key.
    const mismatch = build(folder('policies-4'), 'mismatch', { POLICY_PRESS_LOG_KEY_DATA: keyB.signerKey, LOG_VERIFIER_KEY: keyA.verifierKey });
    expect(mismatch.status).not.toBe(0);
    expect(mismatch.output).toContain('is not the key of logVerifierKey in site.config.ts');
    expect(mismatch.output).toContain(`logVerifierKey: '${keyB.verifierKey}'`);
  });

  test.each([
    [
      'a wrong signature',
      (text: string) =>
        text.replace(/ (\S+)\n$/, (_, signature: string) => {
          const bytes = Buffer.from(signature, 'base64');
          bytes[20] = (bytes[20] ?? 0) ^ 1; // a byte of the Ed25519 signature, after the 4-byte key ID
          return ` ${bytes.toString('base64')}\n`;
        }),
      /^checkpoint: the signature of the checkpoint by .* does not verify: the checkpoint was altered or forged$/m,
    ],
    [
      'a wrong size, signed',
      (text: string) => {
        const checkpoint = parseCheckpoint(Buffer.from(text));
        if (typeof checkpoint === 'string') throw new Error(checkpoint);
        return signNote(formatCheckpointText(checkpoint.origin, 10, checkpoint.rootHash), signerA);
      },
      /^tiles: log\/v1\/tile\/entries\/000\.p\/10 is not served: the log serves no tree of the 10 entries the checkpoint says/m,
    ],
    [
      'a wrong root hash, signed',
      (text: string) => {
        const checkpoint = parseCheckpoint(Buffer.from(text));
        if (typeof checkpoint === 'string') throw new Error(checkpoint);
        return signNote(formatCheckpointText(checkpoint.origin, checkpoint.size, Buffer.alloc(32, 7)), signerA);
      },
      /^checkpoint: the checkpoint's root hash BwcH\S+ is not the root of the 9 entries served \(\S+\): its tree size or root is wrong, or entries were changed$/m,
    ],
    ['a malformed note', (text: string) => text.replace('\n9\n', '\nnine\n'), /^checkpoint: log\/v1\/checkpoint is malformed: line 2 \("nine"\) is not a tree size/m],
    ['no signature', (text: string) => text.slice(0, text.indexOf('\n\n') + 1), /^checkpoint: the checkpoint is not signed \(the site was built without its log key\)/m],
  ])('a checkpoint with %s', (name, change, message) => {
    const dist = copyDist(second, `attack-checkpoint-${name.replace(/\W+/g, '-')}`);
    edit(dist, 'log/v1/checkpoint', change);
    const result = audit('--site', dist, '--key', keyA.verifierKey);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  test('truncated or oversized tiles', () => {
    const dist = copyDist(second, 'attack-tiles');
    const tile = join(dist, 'log/v1/tile/0/000.p/9');
    writeFileSync(tile, readFileSync(tile).subarray(0, 283));
    const bundle = join(dist, 'log/v1/tile/entries/000.p/9');
    writeFileSync(bundle, Buffer.concat([readFileSync(bundle), Buffer.from([0, 1, 2])]));
    const result = audit('--site', dist, '--key', keyA.verifierKey);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tiles: log/v1/tile/entries/000.p/9 is oversized: 3 bytes after its 9 entries');
    writeFileSync(bundle, readFileSync(join(second.outDir, 'log/v1/tile/entries/000.p/9')));
    const truncated = audit('--site', dist, '--key', keyA.verifierKey);
    expect(truncated.stderr).toContain('tiles: log/v1/tile/0/000.p/9 is truncated: 283 bytes, not 9 hashes (288 bytes)');
  });

  test('a mirror serving an older tree than the checkpoint the auditor holds', () => {
    const result = audit('--site', first.outDir, '--key', keyA.verifierKey, '--since', checkpoint2);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('stale tree: the site serves a tree of 7 entries, older than your checkpoint of 9: a mirror that is behind, or a log cut back (entries 7–8 are missing)');
    // Against a saved copy, the smaller tree is checked to be its prefix, and each missing entry is named.
    const named = audit('--site', first.outDir, '--key', keyA.verifierKey, '--since', second.outDir);
    expect(named.status).toBe(1);
    expect(named.stderr).toMatch(
      /^stale tree: the site serves a tree of 7 entries, the first 7 of your copy's 9: a mirror that is behind, or a log cut back; missing: entry 7 \(correction privacy\/en\/2026-02-15\), entry 8 \(published privacy\/ru\/2027-01-01\)$/m,
    );
  });

  test('the log rebuilt without a version, checked against a saved copy: the dropped entry is named, the rest moved up', () => {
    const dist = copyDist(second, 'attack-rebuilt-without');
    const entries = (readLogLock(folder('policies-2')).entries ?? []).filter((_, index) => index !== 4);
    rmSync(join(dist, 'log'), { recursive: true });
    for (const [path, bytes] of getLogFiles(createSiteLog({ siteUrl: SITE, entries, signer: signerA, verifierKey: null }))) {
      mkdirSync(dirname(join(dist, 'log/v1', path)), { recursive: true });
      writeFileSync(join(dist, 'log/v1', path), bytes);
    }
    const result = audit('--site', dist, '--key', keyA.verifierKey, '--since', second.outDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("fork: the site serves a tree of 8 entries that is not a prefix of your copy's 9: history was rewritten");
    expect(result.stderr).toContain('dropped version: log entry 4 (imported privacy/ru/2023-03-01) is gone from the log; entry 4 is now imported privacy/ru/2025-09-01');
    expect(result.stderr).toContain('moved entry: log entry 5 (imported privacy/ru/2025-09-01) is now entry 4: it moved up 1 place because an entry before it was dropped');
    expect(result.stderr).not.toContain('reordered history');
    expect(result.stderr).not.toContain('stale tree');
  });

  test('a page people read changed after the build, its version page or its stable page: the text check passes, the page check names it', () => {
    const dist = copyDist(second, 'attack-page');
    const page = join(dist, 'ru/privacy/2023-03-01/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Сайт собирает', 'Сайт собирает и на рекламные рассылки'));
    const stable = join(dist, 'en/privacy/index.html');
    writeFileSync(stable, readFileSync(stable, 'utf8').replace('The Site collects', 'The Site sells'));
    const charset = join(dist, 'ru/privacy/2025-09-01/index.html');
    writeFileSync(charset, readFileSync(charset, 'utf8').replace('<meta charset="utf-8">', '<meta charset="windows-1251">'));
    const result = audit('--site', dist, '--key', keyA.verifierKey);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('page'))).toEqual([
      'page differs from its logged text: ru/privacy/2023-03-01/index.html, the page of log entry 4 (imported privacy/ru/2023-03-01), from word 103: the page reads «… 1.1. Сайт собирает и на рекламные рассылки, получает …», the logged text «… 1.1. Сайт собирает, получает доступ и использует в …»',
      'page charset: ru/privacy/2025-09-01/index.html, the page of log entry 5 (imported privacy/ru/2025-09-01), declares charset windows-1251: a browser decodes it as windows-1251, not as the UTF-8 of the logged text',
      expect.stringMatching(
        /^page differs from its logged text: en\/privacy\/index\.html, the stable page, in force: log entry \d+ \(imported privacy\/en\/2025-09-01\), from word \d+: the page reads «… .*The Site sells/,
      ),
    ]);
    expect(result.stderr).not.toMatch(/^rewritten text/m);
  });
});

describe('log keygen', () => {
  test('writes a private key only outside the project and the policies folder, never over another, and prints the verifier key', () => {
    const inside = runPolicyCli(['log', 'keygen', '--out', join(ROOT, 'log.key')]);
    expect(inside.status).toBe(1);
    expect(inside.stderr).toContain(`${join(ROOT, 'log.key')} is inside the project`);
    const policies = mkdtempSync(join(tmpdir(), 'policy-press-policies-'));
    const inPolicies = runPolicyCli(['log', 'keygen', '--out', join(policies, 'keys', 'log.key')], { policiesDir: policies });
    expect(inPolicies.stderr).toContain('is inside the policies folder');
    const out = join(KEYS, 'new', 'log.key');
    const made = runPolicyCli(['log', 'keygen', '--out', out], { env: { SITE_URL: SITE } });
    expect(made.status, made.stderr).toBe(0);
    const signer = parseSignerKey(readFileSync(out, 'utf8'));
    if (typeof signer === 'string') throw new Error(signer);
    expect(signer.name).toBe(ORIGIN);
    expect(made.stdout).toContain(`  logVerifierKey: '${signer.verifier.text}',`);
    expect(made.stdout).toContain(`POLICY_PRESS_LOG_KEY=${out} npm run build`);
    expect((statSync(out).mode & 0o777).toString(8)).toBe('600');
    const again = runPolicyCli(['log', 'keygen', '--out', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; log keygen never overwrites a key');
    rmSync(policies, { recursive: true, force: true });
  });
});
