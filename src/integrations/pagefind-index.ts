/**
 * An Astro integration that indexes the built site with Pagefind, offline,
 * at the end of every build, into `<outDir>/pagefind/`. Only what a reader
 * searches is indexed: the text of each policy's version in force (marked
 * `data-pagefind-body` on its stable page). Archived versions and redlines
 * are left out: they would return stale duplicates of every clause, and the
 * index would grow with every version ever published.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { recordStage, startStage } from '#lib/build/build-profile.ts';

/** Indexes `dist/` after the build. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'policy-press:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const indexing = startStage();
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only the stable pages (<locale>/<policy>/index.html) carry indexed text; reading every other page would cost time for nothing.
        const added = await index.addDirectory({ path: site, glob: '*/*/index.html' });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        // The files come back in memory and are written here: Pagefind's own writeFiles could return before the
        // entry file was complete on disk (seen once in CI: an empty pagefind-entry.json right after it resolved).
        const built = await index.getFiles();
        if (built.errors.length > 0) throw new Error(`Pagefind could not build its index: ${built.errors.join('; ')}`);
        await close();
        for (const file of built.files) {
          const path = join(site, 'pagefind', file.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, file.path === 'pagefind-entry.json' ? sortEntryLanguages(file.content) : file.content);
        }
        recordStage('search index (Pagefind)', indexing(), { pages: added.page_count, files: built.files.length });
        logger.info(`search index of ${added.page_count} pages written to pagefind/`);
      },
    },
  };
}

/**
 * Pagefind lists the languages of its entry file in hash-map order, which
 * changes from run to run; sorting them keeps the build byte-identical.
 */
function sortEntryLanguages(content: Uint8Array): string {
  const entry = JSON.parse(new TextDecoder().decode(content)) as { languages?: Record<string, unknown> };
  if (entry.languages) entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(entry);
}
