import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getFeedReference, getOutcomesReference, getReferenceDocs } from '#lib/docs/reference-docs.ts';
import { OUTCOMES } from '#lib/consent/verify-outcomes.ts';
import { VERSION_COLUMNS } from '#lib/feed/versions-table.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FOLDER = join(ROOT, 'docs', 'reference');
const pages = getReferenceDocs(ROOT);

describe('docs/reference', () => {
  test.each([...pages.keys()])('%s is what the code gives (else: npm run reference)', (name) => {
    expect(existsSync(join(FOLDER, name)), `docs/reference/${name} is missing: run npm run reference`).toBe(true);
    expect(readFileSync(join(FOLDER, name), 'utf8'), `docs/reference/${name} is out of date: run npm run reference`).toBe(pages.get(name));
  });

  test('holds no page the code no longer writes', () => {
    expect(readdirSync(FOLDER).sort()).toEqual([...pages.keys()].sort());
  });
});

describe('the reference pages', () => {
  test('list every outcome with its exit status, the flags included', () => {
    const page = getOutcomesReference();
    for (const outcome of Object.keys(OUTCOMES)) expect(page).toContain(`| \`${outcome}\` |`);
    expect(page).toMatch(/\| `ok` \| .* \| exit 0 \|/);
    expect(page).toMatch(/\| `duplicate` \| .* \| exit 1 with `--strict`, else 0 \|/);
    expect(page).toMatch(/\| `no-hash` \| .* \| exit 0 with `--allow-missing-hash`, else 1 \|/);
  });

  test('list every versions.csv column, and every feed field with its description', () => {
    for (const column of VERSION_COLUMNS) expect(pages.get('versions-csv.md')).toContain(`| \`${column.name}\` |`);
    const feed = getFeedReference();
    expect(feed).toContain('## FeedVersion');
    expect(feed).toMatch(/\| `sha256` \| string \| yes \| Hex SHA-256 of the exact bytes served at markdownUrl\. \|/);
    expect(feed).toMatch(/\| `corrections\[\]\.reason` \|/);
  });
});
