import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, LATER_EPOCH, OUTPUT, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';
import { findBrokenLinks, listFiles, readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';
import { generateSignerKey } from '#lib/log/signed-note.ts';

// 114 real versions of GitHub's site policies (CC0), with Liquid tags, inline
// HTML, whitespace-only changes and several versions a day: a copy of
// shared/corpora/github-site-policy kept in the repository so CI needs nothing else.
const CORPUS = 'test/fixtures/github-site-policy';
const POLICIES = ['github-privacy-statement', 'github-terms-of-service'];

// The log is signed, with a key made for the test, in both builds: signatures must not break byte-identity.
const logKey = generateSignerKey('policies.example.com/log/v1');
const signed = { POLICY_PRESS_LOG_KEY_DATA: logKey.signerKey, LOG_VERIFIER_KEY: logKey.verifierKey };
let build: BuildResult;
let publish: ReturnType<typeof runPolicyCli>;
let check: ReturnType<typeof runPolicyCli>;

beforeAll(() => {
  // As a company adopting the tool would: copy its history in, publish it all once, build.
  const policies = join(OUTPUT, 'github-policies');
  rmSync(policies, { recursive: true, force: true });
  cpSync(join(ROOT, CORPUS), policies, { recursive: true });
  // No lint settings: what the lint finds in a history already in force is reported as history, never refused.
  const lint = {};
  publish = runPolicyCli(['publish'], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH, ...lint } });
  // Worker threads render versions and redlines side by side with the build's own thread (two even on a one-core runner)…
  build = buildSite({ policiesDir: policies, name: 'github', env: { SOURCE_DATE_EPOCH: LATER_EPOCH, POLICY_PRESS_WORKERS: '2', ...signed, ...lint } });
  // check after the build reads the texts' lint from the build's cache.
  check = runPolicyCli(['check', '--history'], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH, ASTRO_CACHE_DIR: join(OUTPUT, 'github', 'cache'), ...lint } });
});

function versionIds(policy: string): string[] {
  return readdirSync(join(ROOT, CORPUS, policy, 'en'))
    .map((file) => file.replace(/\.md$/, ''))
    .sort();
}

describe('building the real GitHub policy history', () => {
  test('publishes all 114 versions into a new ledger, then builds', () => {
    expect(publish.status, publish.stderr).toBe(0);
    // The publish that creates the ledger records a history already in force as imported, not as backdated.
    expect(publish.stdout.split('\n').filter((line) => line.startsWith('imported '))).toHaveLength(114);
    expect(build.status, build.output).toBe(0);
  });

  test('logs all 114 versions, each feed entry with its own index, and passes an audit', () => {
    expect(publish.stdout).toContain('logged entries 0–113 in the public log (114 entries in all)');
    const indexes = POLICIES.flatMap((policy) => (JSON.parse(readFileSync(join(build.outDir, `feed/v1/${policy}.json`), 'utf8')) as { versions: { logIndex: number }[] }).versions.map((v) => v.logIndex));
    expect([...indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: 114 }, (_, i) => i));
    const audit = runPolicyCli(['audit', '--site', build.outDir, '--key', logKey.verifierKey]);
    expect(audit.stderr).toBe('');
    expect(audit.stdout).toContain("inclusion: all 114 entries proven in the checkpoint's tree from the served tiles");
    expect(audit.stdout).toContain('All is consistent.');
  });

  test('builds the history as it is: what the lint finds in it is history, one line, never refused', () => {
    expect(build.output).toContain('History: 1937 lint findings in 114 published versions (stated-date 109, site-link 1817, empty-version 11), reported, not refused');
    expect(check.status, check.stdout).toBe(0);
    const rules = [...check.stdout.matchAll(/^\S+:\d+:\d+: history: .* \[([a-z-]+)\]$/gm)].map((match) => match[1]);
    const counts = Object.fromEntries([...new Set(rules)].sort().map((rule) => [rule, rules.filter((found) => found === rule).length]));
    // stated-date: GitHub's "Effective date: …" lines against effective = the commit time (see the fixture's README);
    // site-link: links written for docs.github.com (/github/site-policy/…), which this site does not have, and 10 anchors
    // no heading of the text has (#resolving-complaints); GitHub's own heading anchors (#5-additional-terms) work here;
    // empty-version: versions whose canonical text and title repeat the previous version's (they differed only in trailing whitespace).
    expect(counts).toEqual({ 'empty-version': 11, 'site-link': 1817, 'stated-date': 109 });
    expect([...check.stdout.matchAll(/names an anchor that does not exist/g)]).toHaveLength(10);
    expect(check.stdout).toContain(
      'github-privacy-statement/en/v001.md:6:19: history: "Effective date: January 26, 2017" says 2017-01-26, but effective says this version takes effect on 2017-06-10 (Europe/Moscow) [stated-date]',
    );
  });

  test('is byte-identical with worker threads and without', () => {
    // The build's own thread alone must give the same bytes (built here, not before all: the setup is long enough).
    const withoutWorkers = buildSite({ policiesDir: join(OUTPUT, 'github-policies'), name: 'github-one-thread', env: { SOURCE_DATE_EPOCH: LATER_EPOCH, POLICY_PRESS_WORKERS: '0', ...signed } });
    expect(withoutWorkers.status, withoutWorkers.output).toBe(0);
    const files = listFiles(build.outDir);
    expect(listFiles(withoutWorkers.outDir)).toEqual(files);
    expect(files.filter((file) => !readFileSync(join(withoutWorkers.outDir, file)).equals(readFileSync(join(build.outDir, file))))).toEqual([]);
  });

  test('produces a page and a raw file for every one of the 114 versions', () => {
    const files = new Set(listFiles(build.outDir));
    let count = 0;
    for (const policy of POLICIES) {
      for (const version of versionIds(policy)) {
        expect(files.has(`en/${policy}/${version}/index.html`), `${policy}/${version}`).toBe(true);
        expect(files.has(`raw/${policy}/en/${version}.md`), `${policy}/${version}`).toBe(true);
        count += 1;
      }
      expect(files.has(`en/${policy}/index.html`)).toBe(true);
      expect(files.has(`en/${policy}/history/index.html`)).toBe(true);
    }
    expect(count).toBe(114);
  });

  test('lists every version in each history, in order, and shows the latest as current', () => {
    for (const policy of POLICIES) {
      const ids = versionIds(policy);
      const history = readPage(build.outDir, `/en/${policy}/history/`);
      expect(selectAll('.history-title code', history).map(textOf)).toEqual([...ids].reverse());
      const current = readPage(build.outDir, `/en/${policy}/`);
      expect(textOf(select('.facts code', current))).toBe(ids.at(-1));
    }
  });

  test('shows versions that took effect minutes apart with their times', () => {
    const page = readPage(build.outDir, '/en/github-privacy-statement/history/');
    expect(textOf(page)).toContain('from 3 July 2019, 00:35:44 MSK until 3 July 2019, 04:12:27 MSK');
  });

  test("has no broken link of its own (the texts link to pages of GitHub's site, not ours)", () => {
    expect(findBrokenLinks(build.outDir, { skipInside: '.policy-text' })).toEqual([]);
  });
});
