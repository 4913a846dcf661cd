/**
 * An Astro integration that hands the build context (src/lib/build/build-context.ts)
 * to the content loader and the pages as the virtual module
 * `virtual:policy-press/build-context`. For a build it computes the public
 * log here, before any page: a key that cannot sign stops the build at once,
 * and the pages and the log files (src/integrations/transparency-log.ts)
 * share the one log.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_CONTEXT_MODULE, getBuildContextData, renderBuildContextModule, type BuildContext } from '#lib/build/build-context.ts';
import { getVersionFilesReportFile, type VersionFilesOutput } from '#lib/build/version-files.ts';

/** Vite's convention for the resolved id of a virtual module. */
const RESOLVED_ID = `\0${BUILD_CONTEXT_MODULE}`;

/** Publishes the build context. */
export function buildContext(context: BuildContext): AstroIntegration {
  let isBuild = false;
  // A build's output folder and report file, from Astro's final config (the CLI's --outDir included), before any module loads.
  let output: VersionFilesOutput | null = null;
  return {
    name: 'policy-press:build-context',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // One root: astro.config.mjs sets Astro's to the one the context was resolved with; `--root` elsewhere would split them.
        const root = fileURLToPath(config.root);
        if (resolve(root) !== resolve(context.root)) {
          throw new Error(`Astro's project root ${root} is not the folder of astro.config.mjs (${context.root}).\n    Run Astro from the project folder, without --root.`);
        }
        isBuild = command === 'build';
        if (isBuild) context.getLog();
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'policy-press:build-context',
                resolveId: (id: string) => (id === BUILD_CONTEXT_MODULE ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? renderBuildContextModule(getBuildContextData(context, output)) : undefined),
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        if (isBuild) output = { outDir: resolve(fileURLToPath(config.outDir)), reportFile: getVersionFilesReportFile(resolve(fileURLToPath(config.cacheDir))) };
      },
    },
  };
}
