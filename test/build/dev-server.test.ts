import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { OUTPUT, ROOT, TEST_EPOCH } from '../helpers/build-site.ts';
import { freePort } from '../helpers/free-port.ts';

let server: ChildProcess | undefined;
let origin = '';
let log = '';
// A copy of the fixture corpus outside the project, in a folder with a space and Cyrillic in its name,
// as a content repository checked out beside the project would be; a test edits it as an author would.
const BASE = mkdtempSync(join(tmpdir(), 'dev server папка '));
const POLICIES = join(BASE, 'policies');
const DRAFT = join(POLICIES, 'privacy/ru/2026-03-01.md');
// A benchmark's work folder inside the project, as `npm run bench` leaves one: a full run's held more folders
// than the system's inotify watches, the dev server's watcher ran out, and edits to the policies went unseen.
const BENCH_WORK = join(ROOT, 'bench', 'work', `dev-server-test-${process.pid}`);
const benchFolders = Array.from({ length: 300 }, (_, index) => join(BENCH_WORK, 'dist', String(index)));

beforeAll(async () => {
  for (const folder of benchFolders) mkdirSync(folder, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/corpus-basic'), POLICIES, { recursive: true });
  writeFileSync(join(BASE, 'secret.md'), '---\ntitle: Чужой файл\neffective: 2026-04-01\ndraft: true\n---\n\nSECRET-OUTSIDE-TEXT\n');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_CACHE_DIR: join(OUTPUT, 'dev', 'cache'),
      POLICIES_DIR: POLICIES,
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      POLICY_PRESS_LANG: 'en',
    },
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/ru/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`astro dev did not start:\n${log}`);
});

afterAll(() => {
  server?.kill();
  rmSync(BASE, { recursive: true, force: true });
  rmSync(BENCH_WORK, { recursive: true, force: true });
});

/** Fetches a page until `done` says its answer is the expected one (the dev server re-syncs after a save). */
async function waitFor(path: string, done: (status: number, html: string) => boolean): Promise<{ status: number; html: string }> {
  const deadline = Date.now() + 30_000;
  let last = { status: 0, html: '' };
  while (Date.now() < deadline) {
    const response = await fetch(`${origin}${path}`);
    last = { status: response.status, html: await response.text() };
    if (done(last.status, last.html)) return last;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return last;
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

describe('the dev server', () => {
  test("watches neither a benchmark's work folder nor the tests' builds (Linux: its inotify watches, read from /proc)", () => {
    const fdinfo = `/proc/${server?.pid}/fdinfo`;
    const watched = new Set(
      readdirSync(fdinfo).flatMap((fd) => {
        try {
          return [...readFileSync(join(fdinfo, fd), 'utf8').matchAll(/^inotify wd:\S+ ino:([0-9a-f]+) /gm)].map((match) => BigInt(`0x${match[1]}`));
        } catch {
          return []; // closed since the listing
        }
      }),
    );
    // The policies folder is watched, so the reading works; the benchmark's folders are not.
    expect(watched.has(statSync(join(POLICIES, 'privacy/ru'), { bigint: true }).ino)).toBe(true);
    expect(benchFolders.filter((folder) => watched.has(statSync(folder, { bigint: true }).ino))).toEqual([]);
    expect(watched.has(statSync(OUTPUT, { bigint: true }).ino)).toBe(false);
  });

  test('serves the public log at its exact paths, with the production headers', async () => {
    const response = await fetch(`${origin}/log/v1/checkpoint`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await response.text()).split('\n').slice(0, 2)).toEqual(['policies.example.com/log/v1', '6']);
    const tile = await fetch(`${origin}/log/v1/tile/0/000.p/6`);
    expect(tile.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await tile.arrayBuffer()).byteLength).toBe(6 * 32);
    expect((await fetch(`${origin}/log/v1/tile/0/000.p/7`)).status).toBe(404);
  });

  test('serves every kind of version file a build writes after its pages, at the same paths', async () => {
    const feed = (await (await fetch(`${origin}/feed/v1/privacy.json`)).json()) as { versions: { locale: string; version: string; markdownUrl: string; sha256: string; sha256Url: string | null }[] };
    const version = feed.versions.find((v) => v.locale === 'ru' && v.version === '2025-09-01');
    if (!version?.sha256Url) throw new Error('the feed lists no published privacy/ru/2025-09-01');
    for (const url of [version.markdownUrl, version.sha256Url]) {
      const response = await fetch(`${origin}${new URL(url).pathname}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(
        createHash('sha256')
          .update(Buffer.from(await response.arrayBuffer()))
          .digest('hex'),
      ).toBe(version.sha256);
    }
    const blocks = await fetch(`${origin}/blocks/privacy/ru/2025-09-01.json`);
    expect(blocks.headers.get('content-type')).toBe('application/json');
    expect(((await blocks.json()) as { kind: string }[]).length).toBeGreaterThan(3);
    const since = (await (await fetch(`${origin}/feed/v1/privacy/ru/2024-01-01/since.json`)).json()) as { feedVersion: number; acceptedVersion: string };
    expect(since.feedVersion).toBe(1);
    expect(since.acceptedVersion).toBe('2024-01-01');
    // The draft is shown in dev, so it has its Markdown; a version that does not exist has no files.
    expect((await fetch(`${origin}/raw/privacy/ru/2026-03-01.md`)).status).toBe(200);
    expect((await fetch(`${origin}/blocks/privacy/ru/1999-01-01.json`)).status).toBe(404);
  });

  test('shows a draft with a clear DRAFT banner', async () => {
    const html = await (await fetch(`${origin}/ru/privacy/2026-03-01/`)).text();
    expect(html).toContain('ЧЕРНОВИК — не опубликован.');
    expect(html).toContain('DRAFT-MARKER-7f3a');
  });

  test('logs the next scheduled change counting the draft', () => {
    expect(log).toContain('next scheduled change: privacy 2026-03-01 (ru draft) takes effect at 2026-02-28T21:00:00.000Z');
    expect(log).toContain('(1 of them a draft)');
  });

  test('styles its pages: the Content-Security-Policy of the dev server allows what Astro injects there', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(message.text()));
      await page.goto(`${origin}/ru/privacy/2026-03-01/`, { waitUntil: 'networkidle' });
      const background = await page.evaluate(() => {
        const banner = document.querySelector('.banner-draft');
        return banner ? getComputedStyle(banner).backgroundColor : null;
      });
      expect(console.filter((text) => text.includes('Content Security Policy'))).toEqual([]);
      // The site stylesheet gives the DRAFT banner its colour; unstyled, it would be transparent.
      expect(background).not.toBeNull();
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
    } finally {
      await browser.close();
    }
  });

  test('shows an edited text on the next request, not the text it rendered first', async () => {
    edit(DRAFT, (text) => text.replace('DRAFT-MARKER-7f3a', 'EDITED-MARKER-5c1d'));
    const { html } = await waitFor('/ru/privacy/2026-03-01/', (_status, text) => text.includes('EDITED-MARKER-5c1d'));
    expect(html).toContain('EDITED-MARKER-5c1d');
    expect(html).not.toContain('DRAFT-MARKER-7f3a');
    expect(await (await fetch(`${origin}/raw/privacy/ru/2026-03-01.md`)).text()).toContain('EDITED-MARKER-5c1d');
  });

  test('lists the draft in the history, marked as a draft', async () => {
    const html = await (await fetch(`${origin}/ru/privacy/history/`)).text();
    expect(html).toContain('2026-03-01');
    expect(html).toContain('Черновик');
  });

  test('answers every page with the report (500) while a version is invalid, and shows the new text after the next good save', async () => {
    edit(DRAFT, (text) => text.replace('draft: true', 'draft: true\nefective: 2026-03-01'));
    const broken = await waitFor('/ru/privacy/2026-03-01/', (status) => status === 500);
    expect(broken.status, log).toBe(500);
    // The same report as the terminal: file and line, field, what is wrong, how to fix it; under /ru/ in Russian.
    expect(broken.html).toContain('<html lang="ru">');
    expect(broken.html).toContain(`<code>${DRAFT}:5</code> <strong>efective</strong>`);
    expect(broken.html).toContain('<p>такого поля нет</p><p class="hint">Возможно, имелось в виду «effective»? Исправьте написание названия поля.</p>');
    expect(broken.html).toContain('<h1>В документах 1 ошибка</h1>');
    expect(broken.html).not.toContain('is not a known field');
    // Under any other path in English; the terminal in the language of the environment (English here).
    const english = await (await fetch(`${origin}/en/privacy/`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<p>is not a known field</p><p class="hint">Did you mean &quot;effective&quot;? Fix the spelling of the key.</p>');
    expect(log).toContain(`${DRAFT}:5: efective: is not a known field`);
    // Every page, not only the one of the broken version; and a new version is not a plain 404.
    for (const path of ['/ru/', '/en/privacy/', '/ru/privacy/2026-04-01/', '/feed/v1/index.json']) expect((await fetch(`${origin}${path}`)).status, path).toBe(500);

    edit(DRAFT, (text) => text.replace('efective: 2026-03-01\n', '').replace('EDITED-MARKER-5c1d', 'FIXED-MARKER-9e2b'));
    const fixed = await waitFor('/ru/privacy/2026-03-01/', (status, html) => status === 200 && html.includes('FIXED-MARKER-9e2b'));
    expect(fixed.status, log).toBe(200);
    expect(fixed.html).toContain('FIXED-MARKER-9e2b');
    expect((await fetch(`${origin}/ru/`)).status).toBe(200);
  });

  test('shows the last of two saves in quick succession (the file watcher drops an event 50 ms after another)', async () => {
    const before = log.length;
    edit(DRAFT, (text) => text.replace('draft: true', 'draft: true\nefective: 2026-03-01'));
    // The second save right after the server has read the first one, as an editor that saves twice would.
    for (const deadline = Date.now() + 10_000; !log.slice(before).includes('The policies have 1 problem') && Date.now() < deadline; ) await new Promise((wait) => setTimeout(wait, 2));
    edit(DRAFT, (text) => text.replace('efective: 2026-03-01\n', '').replace('FIXED-MARKER-9e2b', 'QUICK-MARKER-3d7a'));
    const shown = await waitFor('/ru/privacy/2026-03-01/', (status, html) => status === 200 && html.includes('QUICK-MARKER-3d7a'));
    expect(shown.status, log).toBe(200);
    expect(shown.html).toContain('QUICK-MARKER-3d7a');
  });

  test('refuses a symbolic link in the folder, naming where it points, and never shows its target', async () => {
    const link = join(POLICIES, 'privacy/ru/2026-04-01.md');
    symlinkSync(join(BASE, 'secret.md'), link);
    const refused = await waitFor('/ru/privacy/2026-04-01/', (status) => status === 500);
    expect(refused.status, log).toBe(500);
    expect(refused.html).toContain(`<code>${link}:1</code>`);
    // Under /ru/ in Russian (the catalog's symbolicLink), under /en/ in English: both name where the link points.
    expect(refused.html).toContain(`это символическая ссылка на «${join(BASE, 'secret.md')}»`);
    expect(refused.html).toContain('за пределами папки документов');
    const english = await (await fetch(`${origin}/en/privacy/`)).text();
    expect(english).toContain(`is a symbolic link to &quot;${join(BASE, 'secret.md')}&quot; (outside the policies folder)`);
    expect(english).not.toContain('SECRET-OUTSIDE-TEXT');
    expect(refused.html).not.toContain('SECRET-OUTSIDE-TEXT');

    unlinkSync(link);
    expect((await waitFor('/ru/privacy/2026-03-01/', (status) => status === 200)).status).toBe(200);
    expect((await fetch(`${origin}/ru/privacy/2026-04-01/`)).status).toBe(404);
  });

  test('shows a lint error on the page as it shows a front-matter error (500, the report), and the text again once fixed', async () => {
    edit(DRAFT, (text) => `${text}\nСм. п. 97.5 и LINT-MARKER-2b9e.\n`);
    const broken = await waitFor('/ru/privacy/2026-03-01/', (status) => status === 500);
    expect(broken.status, log).toBe(500);
    expect(broken.html).toMatch(/privacy\/ru\/2026-03-01\.md:\d+<\/code>/);
    expect(broken.html).toContain('«п. 97.5» ссылается на 97.5, а такого номера в тексте нет');
    expect(broken.html).not.toContain('LINT-MARKER-2b9e</p>');
    expect(log).toMatch(/privacy\/ru\/2026-03-01\.md:\d+:\d+: "п\. 97\.5" names 97\.5, which this text does not have/);
    edit(DRAFT, (text) => text.replace('\nСм. п. 97.5 и LINT-MARKER-2b9e.\n', '\nСм. LINT-MARKER-2b9e.\n'));
    const fixed = await waitFor('/ru/privacy/2026-03-01/', (status, html) => status === 200 && html.includes('LINT-MARKER-2b9e'));
    expect(fixed.status, log).toBe(200);
  });
});
