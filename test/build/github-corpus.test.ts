import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, LATER_EPOCH, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { findBrokenLinks, listFiles, readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';

// 114 real versions of GitHub's site policies (CC0), with Liquid tags, inline
// HTML, whitespace-only changes and several versions a day: a copy of
// shared/corpora/github-site-policy kept in the repository so CI needs nothing else.
const CORPUS = 'test/fixtures/github-site-policy';
const POLICIES = ['github-privacy-statement', 'github-terms-of-service'];

let build: BuildResult;

beforeAll(() => {
  build = buildSite({ policiesDir: CORPUS, name: 'github', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
});

function versionIds(policy: string): string[] {
  return readdirSync(join(ROOT, CORPUS, policy, 'en')).map((file) => file.replace(/\.md$/, '')).sort();
}

describe('building the real GitHub policy history', () => {
  test('succeeds', () => {
    expect(build.status, build.output).toBe(0);
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
    expect(textOf(page)).toContain('July 3, 2019 at 00:35:44 GMT+3 — July 3, 2019 at 04:12:27 GMT+3');
  });

  test('has no broken link of its own (the texts link to pages of GitHub\'s site, not ours)', () => {
    expect(findBrokenLinks(build.outDir, { skipInside: '.policy-text' })).toEqual([]);
  });
});
