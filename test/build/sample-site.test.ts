import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSample, buildSite, LATER_EPOCH, OUTPUT, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';
import { attributeOf, findBrokenLinks, listFiles, readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';

let build: BuildResult;

beforeAll(() => {
  // The shipped sample, as `npm run build` builds it, at a fixed "now": the browser tests' build, when they run too.
  build = buildSample();
});

describe('the shipped sample site', () => {
  test('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  test('has the privacy policy and the separate consent document in Russian and English', () => {
    const files = listFiles(build.outDir);
    for (const path of [
      'ru/privacy/index.html',
      'ru/privacy/2023-03-01/index.html',
      'ru/privacy/2025-09-01/index.html',
      'ru/privacy/2026-02-15/index.html',
      'ru/privacy/history/index.html',
      'ru/consent/index.html',
      'en/privacy/index.html',
      'en/privacy/2026-02-15/index.html',
      'en/consent/index.html',
    ]) {
      expect(files).toContain(path);
    }
  });

  test('lists both documents on the Russian home page with their dates in Russian', () => {
    const home = readPage(build.outDir, '/ru/');
    expect(selectAll('.policy-list li', home).map(textOf)).toEqual([
      'Согласие на обработку персональных данных (действует с 1 сентября 2025 г.) История редакций',
      'Политика конфиденциальности (действует с 15 февраля 2026 г.) История редакций',
    ]);
  });

  test('shows the 152-FZ version history with the first version superseded', () => {
    const history = readPage(build.outDir, '/ru/privacy/history/');
    expect(selectAll('.history-title', history).map(textOf)).toEqual(['Редакция 2026-02-15', 'Редакция 2025-09-01', 'Редакция 2023-03-01']);
    const first = readPage(build.outDir, '/ru/privacy/2023-03-01/');
    expect(textOf(select('.banner-superseded', first))).toContain('Эта редакция не действует с 1 сентября 2025 г.');
    expect(textOf(select('.policy-text strong', first))).toBe('Пользователь не должен пользоваться Сайтом, если Пользователь не согласен с условиями Политики.');
  });

  test('links the consent document from the later privacy policy', () => {
    const current = readPage(build.outDir, '/ru/privacy/');
    expect(selectAll('.policy-text a', current).map((a) => a.properties['href'])).toContain('/ru/consent/');
  });

  test('links the references of a text to its own clauses', () => {
    const policy = readPage(build.outDir, '/ru/privacy/2025-09-01/');
    expect(selectAll('.policy-text a[href="/ru/privacy/2025-09-01/#2.1"]', policy).map(textOf)).toEqual(['2.1']);
    expect(select('[id="2.1"]', policy)?.tagName).toBe('p');
  });

  test('publishes raw Markdown whose SHA-256 is the one printed on each version page', () => {
    for (const raw of listFiles(build.outDir).filter((file) => file.startsWith('raw/') && file.endsWith('.md'))) {
      const [, policy, locale, file, byHash] = raw.split('/');
      const hash = createHash('sha256')
        .update(readFileSync(join(build.outDir, raw)))
        .digest('hex');
      // Every text a version ever had (the consent was corrected) is served under its own hash.
      if (byHash !== undefined) {
        expect(byHash, raw).toBe(`${hash}.md`);
        continue;
      }
      const version = file?.replace(/\.md$/, '');
      const page = readPage(build.outDir, `/${locale}/${policy}/${version}/`);
      expect(textOf(select('.hash', page)), raw).toBe(hash);
    }
  });

  test('has no broken internal link', () => {
    expect(findBrokenLinks(build.outDir)).toEqual([]);
  });

  test('names the language of every page', () => {
    for (const page of listFiles(build.outDir).filter((file) => file.endsWith('.html'))) {
      expect(attributeOf(readPage(build.outDir, `/${page}`), 'html', 'lang'), page).toMatch(/^(ru|en)$/);
    }
  });
});

// What the lint's stable-link warning on the sample consent asks for, done as a user would: the consent's link to
// the privacy policy written as policy:privacy, recorded as a correction (material: it touches a URL), then built.
describe('the sample with its consent linking the privacy policy in force when it took effect', () => {
  let linked: BuildResult;
  beforeAll(() => {
    const policies = join(OUTPUT, 'sample-linked-policies');
    rmSync(policies, { recursive: true, force: true });
    cpSync(join(ROOT, 'policies'), policies, { recursive: true });
    const reasons: Record<string, string> = {
      ru: 'Ссылка на Политику ведёт на её редакцию, действовавшую, когда согласие вступило в силу',
      en: 'The link to the Privacy Policy leads to the version in force when this consent took effect',
    };
    for (const locale of ['ru', 'en']) {
      const file = join(policies, `consent/${locale}/2025-09-01.md`);
      const text = readFileSync(file, 'utf8').replace(`](/${locale}/privacy/)`, '](policy:privacy)');
      writeFileSync(file, text.replace('effective: 2025-09-01\n', `effective: 2025-09-01\ncorrections:\n  - date: 2026-12-01\n    reason: ${reasons[locale]}\n`));
    }
    const published = runPolicyCli(['publish', '--material-correction', 'The link names the version the consent was given with'], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
    expect(published.status, published.stderr).toBe(0);
    linked = buildSite({ policiesDir: policies, name: 'sample-linked', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
    expect(linked.status, linked.output).toBe(0);
  });

  test('links the consent to the privacy policy in force when it took effect, and says a newer one is in force', () => {
    const consent = readPage(linked.outDir, '/ru/consent/2025-09-01/');
    expect(selectAll('.policy-text a', consent).map((a) => [textOf(a), a.properties['href']])).toContainEqual(['Политика конфиденциальности', '/ru/privacy/2025-09-01/']);
    expect(textOf(select('.banner-linked', consent))).toBe(
      'Ссылка на документ «Политика конфиденциальности» ведёт на его редакцию от 1 сентября 2025 г. — ту, что действовала, когда вступил в силу этот документ. С 15 февраля 2026 г. действует новая редакция. Новая редакция',
    );
    expect(attributeOf(consent, '.banner-linked a', 'href')).toBe('/ru/privacy/');
    // The published Markdown keeps the link as written.
    expect(readFileSync(join(linked.outDir, 'raw/consent/ru/2025-09-01.md'), 'utf8')).toContain('«[Политика конфиденциальности](policy:privacy)»');
  });

  test('shows in the correction of the consent which link changed and what it became', () => {
    const correction = readPage(linked.outDir, '/en/consent/2025-09-01/corrections/1/');
    expect(selectAll('.redline-inline .diff-link-change', correction).map(textOf)).toEqual(['link “Privacy Policy”: removed: /en/privacy/ → added: /en/privacy/2025-09-01/']);
  });
});
