import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OUTPUT, ROOT, TEST_EPOCH } from '../helpers/build-site.ts';
import { freePort } from '../helpers/free-port.ts';

let server: ChildProcess | undefined;
let origin = '';
let log = '';
// A copy of the fixture corpus, so a test can edit a text as an author would.
const POLICIES = join(OUTPUT, 'dev', 'policies');


beforeAll(async () => {
  rmSync(POLICIES, { recursive: true, force: true });
  cpSync(join(ROOT, 'test/fixtures/corpus-basic'), POLICIES, { recursive: true });
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

/** A page of the dev server once it shows a text (it renders an edit a moment after the file is saved), or as it is after 30 s. */
async function fetchOnceItHas(path: string, text: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  let html = '';
  while (Date.now() < deadline) {
    html = await (await fetch(`${origin}${path}`)).text();
    if (html.includes(text)) break;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return html;
}

afterAll(() => {
  server?.kill();
});

describe('the dev server', () => {
  test('shows a draft with a clear DRAFT banner', async () => {
    const html = await (await fetch(`${origin}/ru/privacy/2026-03-01/`)).text();
    expect(html).toContain('ЧЕРНОВИК — не опубликован.');
    expect(html).toContain('DRAFT-MARKER-7f3a');
  });

  test('shows an edited text on the next request, not the text it rendered first', async () => {
    const file = join(POLICIES, 'privacy/ru/2026-03-01.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('DRAFT-MARKER-7f3a', 'EDITED-MARKER-5c1d'));
    const html = await fetchOnceItHas('/ru/privacy/2026-03-01/', 'EDITED-MARKER-5c1d');
    expect(html).toContain('EDITED-MARKER-5c1d');
    expect(html).not.toContain('DRAFT-MARKER-7f3a');
  });

  test('lists the draft in the history, marked as a draft', async () => {
    const html = await (await fetch(`${origin}/ru/privacy/history/`)).text();
    expect(html).toContain('2026-03-01');
    expect(html).toContain('Черновик');
  });

  test('shows a draft with a lint error while it is being fixed, and says a production build would refuse it', async () => {
    const file = join(POLICIES, 'privacy/ru/2026-03-01.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nСм. п. 97.5 и LINT-MARKER-2b9e.\n`);
    const html = await fetchOnceItHas('/ru/privacy/2026-03-01/', 'LINT-MARKER-2b9e');
    expect(html).toContain('LINT-MARKER-2b9e');
    expect(log).toContain('A production build would refuse this');
    expect(log).toMatch(/privacy\/ru\/2026-03-01\.md:\d+:\d+: "п\. 97\.5" names 97\.5, which this text does not have/);
  });
});
