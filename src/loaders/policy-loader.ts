/**
 * The content loader of the `policies` collection. It validates the whole
 * policies folder with the project's own rules before Astro stores anything,
 * so a build reports every problem at once (Astro's glob loader stops at the
 * first invalid file) and fails before a single page is written.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import siteConfig from '../../site.config.ts';
import { loadCorpus } from '../lib/load-corpus.ts';
import { CorpusError, formatProblemReport } from '../lib/problem.ts';
import { formatInstant } from '../lib/effective-instant.ts';
import { rehypeBasePath } from '../lib/markdown-pipeline.ts';
import { getDocumentBlocks } from '../lib/redline/document-blocks.ts';
import { BLOCKS_METADATA_KEY, toPublishedBlocks } from '../lib/redline/published-blocks.ts';
import { getBuildInstant, resolveSiteSettings, type SiteSettings } from '../lib/site-settings.ts';
import { PolicyEntrySchema } from '../schemas/policy-entry.ts';

/**
 * Bump when what the loader stores for a version changes (rendering, blocks),
 * so content cached by an earlier build is rendered again.
 */
const CACHE_FORMAT = 'policy-press/2';

/** Options of {@link policyLoader}. */
export interface PolicyLoaderOptions {
  /** Load drafts too (the dev server); production builds leave them out. */
  includeDrafts: boolean;
}

/** Validates the folder, then stores every version, re-rendering only texts whose digest changed. */
async function syncPolicies(context: LoaderContext, settings: SiteSettings, root: string, includeDrafts: boolean): Promise<void> {
  const { store, parseData, renderMarkdown, generateDigest, logger } = context;
  const { versions, problems, ledgerWarnings } = loadCorpus({
    policiesPath: settings.policiesPath,
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    includeDrafts,
    // The dev server shows new versions before they are published; a production build refuses them.
    enforceLedger: !includeDrafts,
    cwd: root,
  });
  if (problems.length > 0) throw new CorpusError(problems);
  if (ledgerWarnings.length > 0) {
    logger.warn(`A production build would refuse this:\n${formatProblemReport(ledgerWarnings, 'Fix them, or publish with npm run policy -- publish.')}`);
  }

  const seen = new Set<string>();
  for (const { body, ...version } of versions) {
    seen.add(version.id);
    // The time zone and base path change what a text resolves to, and the cache format what is stored: all part of the digest.
    const digest = generateDigest(`${CACHE_FORMAT}\n${settings.timeZone}\n${settings.basePath}\n${JSON.stringify(version)}\n${body}`);
    const existing = store.get(version.id);
    if (existing?.digest === digest && existing.rendered?.metadata?.[BLOCKS_METADATA_KEY]) continue;
    const data = await parseData({ id: version.id, data: { ...version }, filePath: version.file });
    // renderMarkdown reads a leading "---" block as front matter; a blank line keeps a text that opens with a rule intact.
    const rendered = await renderMarkdown(body.startsWith('---') ? `\n${body}` : body);
    // The version cut into blocks for redlines, once, here: Astro's content cache keeps it until the text changes.
    rendered.metadata = { ...rendered.metadata, [BLOCKS_METADATA_KEY]: toPublishedBlocks(getDocumentBlocks(body, { transformLinks: rehypeBasePath({ basePath: settings.basePath }) })) };
    store.set({ id: version.id, data, body, digest, filePath: version.file, rendered });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  logger.info(`${versions.length} policy versions from ${settings.policiesDir}`);
  // Statuses are computed now; the site must be rebuilt when the next version takes effect.
  const now = getBuildInstant(process.env);
  const next = versions.filter((version) => version.effectiveFrom > now && !version.draft).sort((a, b) => a.effectiveFrom - b.effectiveFrom)[0];
  logger.info(
    next
      ? `next scheduled change: ${next.id} takes effect at ${formatInstant(next.effectiveFrom)}; rebuild the site then (a daily scheduled build does)`
      : 'no scheduled change: every version has taken effect',
  );
}

/** Loads every version under the policies folder into the collection. */
export function policyLoader(options: PolicyLoaderOptions): Loader {
  return {
    name: 'policy-press:policies',
    schema: PolicyEntrySchema,
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const settings = resolveSiteSettings(siteConfig, process.env, root);
      await syncPolicies(context, settings, root, options.includeDrafts);

      const { watcher, logger } = context;
      if (!watcher) return;
      // Dev server: any change under the policies folder re-validates everything, as a build would.
      const folder = resolve(settings.policiesPath) + sep;
      watcher.add(settings.policiesPath);
      const onChange = async (path: string) => {
        if (!resolve(path).startsWith(folder)) return;
        try {
          await syncPolicies(context, settings, root, options.includeDrafts);
        } catch (error) {
          // Keep serving the last good content; the report says what to fix.
          logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (path) => void onChange(path));
    },
  };
}
