/**
 * An Astro integration that writes every version's files (published
 * Markdown, texts by hash, blocks, since.json; src/lib/build/version-files.ts)
 * into the build's output once the pages are generated, instead of through
 * 8,000 routes at 2,000 versions. The dev server serves the same files
 * through the routes under src/pages/. The other integrations run after it
 * and find the files in place.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { recordStage, startStage } from '#lib/build/build-profile.ts';
import { takeVersionFiles, writeVersionFiles } from '#lib/build/version-files.ts';

/** Writes the version files of a build. */
export function versionFiles(options: { basePath: string }): AstroIntegration {
  return {
    name: 'policy-press:version-files',
    hooks: {
      // An offer left by an earlier build in this process (one that failed before its pages) is never written.
      'astro:build:start': () => void takeVersionFiles(),
      'astro:build:generated': async ({ dir, logger }) => {
        const offer = takeVersionFiles();
        // Every build has pages that load the site context; without its offer the feed would announce files that are not there.
        if (!offer) throw new Error('No page of this build loaded the site context, so the versions\' Markdown, blocks and since.json files cannot be written. This is a bug in Policy Press: report it with the build output.');
        const writing = startStage();
        const files = offer.files();
        const written = await writeVersionFiles(files, fileURLToPath(dir), options.basePath);
        recordStage('version files', writing(), { files: files.length });
        for (const [kind, { files: count, ms }] of Object.entries(written)) recordStage(`version files: ${kind}`, ms, { files: count });
        const counts = Object.entries(written).map(([kind, { files: count }]) => `${count} ${kind}`).join(', ');
        logger.info(`${files.length} version files written (${counts})`);
      },
    },
  };
}
