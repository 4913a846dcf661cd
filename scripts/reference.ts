/**
 * `npm run reference`: writes the reference pages of docs/reference/ from the
 * code (src/lib/docs/reference-docs.ts). `--check` writes nothing and exits 1
 * naming each page that differs from what the code gives, as CI runs it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getReferenceDocs } from '#lib/docs/reference-docs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDER = join(ROOT, 'docs', 'reference');
const check = process.argv.includes('--check');
const pages = getReferenceDocs(ROOT);
const present = existsSync(FOLDER) ? readdirSync(FOLDER).filter((name) => name.endsWith('.md')) : [];
const stale = present.filter((name) => !pages.has(name));
const differing = [...pages].filter(([name, text]) => !existsSync(join(FOLDER, name)) || readFileSync(join(FOLDER, name), 'utf8') !== text).map(([name]) => name);

if (check) {
  for (const name of differing) console.error(`docs/reference/${name} differs from what the code gives: run npm run reference and commit it.`);
  for (const name of stale) console.error(`docs/reference/${name} is no longer written from the code: run npm run reference (it removes it).`);
  console.log(differing.length + stale.length === 0 ? `docs/reference: ${pages.size} pages, all as the code gives them.` : `docs/reference: ${differing.length + stale.length} of ${pages.size} pages out of date.`);
  process.exitCode = differing.length + stale.length === 0 ? 0 : 1;
} else {
  mkdirSync(FOLDER, { recursive: true });
  for (const name of stale) rmSync(join(FOLDER, name));
  for (const [name, text] of pages) writeFileSync(join(FOLDER, name), text);
  console.log(`docs/reference: wrote ${pages.size} pages (${differing.length} changed, ${stale.length} removed).`);
}
