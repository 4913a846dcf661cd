// @ts-check
/**
 * Astro configuration. Site URL, base path and the Markdown pipeline all come
 * from site.config.ts (and SITE_URL), so links, feeds and canonical URLs agree.
 * The build context (settings, root, "now", the log) is resolved here once and
 * handed to every integration, the content loader and the pages
 * (src/lib/build/build-context.ts).
 */
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import siteConfig from './site.config.ts';
import { buildContext } from '#integrations/build-context-integration.ts';
import { devContentErrors } from '#integrations/dev-content-errors.ts';
import { pagefindIndex } from '#integrations/pagefind-index.ts';
import { servingRules } from '#integrations/serving-rules-integration.ts';
import { transparencyLog } from '#integrations/transparency-log.ts';
import { versionFiles } from '#integrations/version-files-integration.ts';
import { getPolicyMarkdownConfig } from '#lib/markdown/markdown-pipeline.ts';
import { createBuildContext } from '#lib/build/build-context.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const context = createBuildContext(siteConfig, process.env, root);
const { settings } = context;

export default defineConfig({
  root,
  site: settings.siteUrl,
  base: settings.basePath,
  trailingSlash: 'always',
  // Scripts and styles always as files: the Content-Security-Policy allows no inline code (src/lib/serving-rules.ts).
  // Four pages at a time: one page's file write or wait for its redline overlaps the next page's rendering
  // (a warm build of 2,000 versions: 50–57 s one at a time, 38–49 s four at a time; the same bytes).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  vite: {
    build: { assetsInlineLimit: 0 },
    // The dev server watches the project; a benchmark's work folder (hundreds of thousands of folders), the tests'
    // builds and a built site would take every inotify watch the system allows, and edits to the policies went unseen.
    server: { watch: { ignored: ['**/bench/work/**', '**/test/.output/**', '**/dist/**'] } },
  },
  // Separate caches let tests build several corpora without sharing one content store.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  markdown: await getPolicyMarkdownConfig({ basePath: settings.basePath }),
  devToolbar: { enabled: false },
  integrations: [
    buildContext(context),
    versionFiles({ basePath: settings.basePath }),
    pagefindIndex(),
    servingRules({ basePath: settings.basePath, frameAncestors: settings.frameAncestors }),
    devContentErrors({ basePath: settings.basePath }),
    transparencyLog({ context }),
  ],
});
