import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAstro, type AstroServer } from '../helpers/astro-server.ts';
import { OUTPUT, ROOT, TEST_EPOCH } from '../helpers/build-site.ts';

let server: AstroServer | undefined;
let origin = '';
// A copy of the fixture corpus, so a test can edit a text as an author would.
const POLICIES = join(OUTPUT, 'dev', 'policies');


beforeAll(async () => {
  rmSync(POLICIES, { recursive: true, force: true });
  cpSync(join(ROOT, 'test/fixtures/corpus-basic'), POLICIES, { recursive: true });
  server = await startAstro('dev', [], { ASTRO_CACHE_DIR: join(OUTPUT, 'dev', 'cache'), POLICIES_DIR: POLICIES, SOURCE_DATE_EPOCH: TEST_EPOCH });
  origin = server.origin;
});

afterAll(() => {
  server?.stop();
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
    const deadline = Date.now() + 30_000;
    let html = '';
    while (Date.now() < deadline) {
      html = await (await fetch(`${origin}/ru/privacy/2026-03-01/`)).text();
      if (html.includes('EDITED-MARKER-5c1d')) break;
      await new Promise((wait) => setTimeout(wait, 250));
    }
    expect(html).toContain('EDITED-MARKER-5c1d');
    expect(html).not.toContain('DRAFT-MARKER-7f3a');
  });

  test('lists the draft in the history, marked as a draft', async () => {
    const html = await (await fetch(`${origin}/ru/privacy/history/`)).text();
    expect(html).toContain('2026-03-01');
    expect(html).toContain('Черновик');
  });
});
