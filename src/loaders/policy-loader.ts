/**
 * The content loader of the `policies` collection. It validates the whole
 * policies folder with the project's own rules before Astro stores anything,
 * so a build reports every problem at once (Astro's glob loader stops at the
 * first invalid file) and fails before a single page is written.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import buildContext from 'virtual:policy-press/build-context';
import { loadCorpus } from '#lib/corpus/load-corpus.ts';
import { CorpusError, formatProblemReport, formatWarningReport } from '#lib/corpus/problem.ts';
import { describeNextChange } from '#lib/build/next-change-message.ts';
import { recordStage, startStage } from '#lib/build/build-profile.ts';
import { setContentReport, toContentReport } from '#lib/dev-server/dev-status.ts';
import { getCacheCodeDigest } from '#lib/build/code-digest.ts';
import { getLintCacheFile, getLintCacheFolder, pruneLintCache, readCachedLint } from '#lib/build/lint-cache.ts';
import { getRenderedFiles, getRenderedFolder, pruneRenderedFiles, type RenderedFiles } from '#lib/build/rendered-files.ts';
import { runVersionTask, type VersionTask } from '#lib/build/render-version.ts';
import { getWorkerCount, OrderedTaskPool, WORKER_FILES } from '#lib/build/worker-pool.ts';
import { getTextLintInputs, isLintOn, lintCorpus } from '#lib/lint/lint-corpus.ts';
import { formatHistorySummary, hasLedger } from '#lib/lint/lint-history.ts';
import type { TextLintResult } from '#lib/lint/lint-text.ts';
import { getPolicyLinkTargets } from '#lib/markdown/policy-links.ts';
import { createSiteUrls } from '#lib/site/site-urls.ts';
import type { BuildContextData } from '#lib/build/build-context.ts';
import { PolicyEntrySchema } from '#schemas/policy-entry.ts';
import { getMessages } from '#lib/messages/message-catalog.ts';
import { resolveMessageLanguage } from '#lib/messages/message-language.ts';

/** Below this many texts to render, starting worker threads costs more than it saves. */
const MIN_TEXTS_FOR_WORKERS = 16;

/** How long the dev server waits after the last change in the policies folder before it checks the folder again. */
const SYNC_DELAY_MS = 150;

/** Options of {@link policyLoader}. */
export interface PolicyLoaderOptions {
  /** Load drafts too (the dev server); production builds leave them out. */
  includeDrafts: boolean;
}

/**
 * Validates the folder, renders and lints the texts (one parse each, on every
 * core), refuses the build on a lint error, then stores every version. Only
 * texts whose digest changed are rendered again, only texts whose lint input
 * changed are linted again.
 */
async function syncPolicies(context: LoaderContext, build: BuildContextData, includeDrafts: boolean): Promise<void> {
  const { store, parseData, generateDigest, logger } = context;
  const { settings, root, now } = build;
  // The build has no --lang: POLICY_PRESS_LANG or the system's locale, once per sync.
  const messages = getMessages(resolveMessageLanguage(undefined, process.env));
  const checking = startStage();
  const { versions, problems, ledgerWarnings, settingsWarnings, corpus, ledger } = loadCorpus({
    policiesPath: settings.policiesPath,
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    includeDrafts,
    // The dev server shows new versions before they are published; a production build refuses them.
    enforceLedger: !includeDrafts,
    cwd: root,
    now,
    localeModel: settings.localeModel,
    notice: settings.notice,
    foreignFolder: settings.foreignFolder,
  });
  if (problems.length > 0) throw new CorpusError(problems, 'build', messages);
  if (settingsWarnings.length > 0) logger.warn(formatWarningReport(settingsWarnings, messages));
  if (ledgerWarnings.length > 0) {
    logger.warn(`${messages.build.productionWouldRefuse}\n${formatProblemReport(ledgerWarnings, 'unpublished', messages)}`);
  }

  recordStage('content: check the folder and the ledger', checking(), { versions: versions.length });
  const rendering = startStage();
  const seen = new Set<string>();
  const cacheDir = fileURLToPath(context.config.cacheDir);
  const folder = getRenderedFolder(cacheDir);
  const urls = createSiteUrls(settings.siteUrl);
  const lintOn = isLintOn(settings);
  const lintInputs = lintOn ? getTextLintInputs(versions, corpus, settings) : new Map();
  const lintFolder = getLintCacheFolder(cacheDir);
  const lintCodeDigest = lintOn ? getCacheCodeDigest(root, 'lint') : '';
  // The code that renders a text and what is stored of it: a changed plugin renders every text again.
  const renderCodeDigest = getCacheCodeDigest(root, 'render');
  const lintResults = new Map<string, TextLintResult>();
  const lintFiles = new Set<string>();
  const kept: RenderedFiles[] = [];
  const pending: { version: Omit<(typeof versions)[number], 'body'>; digest: string; files: RenderedFiles | undefined; task: VersionTask; ticket: number }[] = [];
  for (const { body, ...version } of versions) {
    seen.add(version.id);
    const policyLinkTargets = getPolicyLinkTargets(corpus, version, settings.defaultLocale, urls);
    // The time zone, base path and link targets change what a text resolves to, and the code what is made and stored of it: all part of the digest.
    const digest = generateDigest(`${renderCodeDigest}\n${settings.timeZone}\n${settings.basePath}\n${JSON.stringify(version)}\n${JSON.stringify(policyLinkTargets)}\n${body}`);
    const files = getRenderedFiles(folder, digest);
    kept.push(files);
    const lintInput = lintInputs.get(version.id);
    const lintFile = lintInput ? getLintCacheFile(lintFolder, lintCodeDigest, lintInput) : undefined;
    const cachedLint = lintFile ? readCachedLint(lintFile) : undefined;
    if (lintFile) lintFiles.add(lintFile);
    if (cachedLint) lintResults.set(version.id, cachedLint);
    const lint = lintInput && lintFile && !cachedLint ? { input: lintInput, cacheFile: lintFile } : undefined;
    const existing = store.get<{ renderedFiles?: RenderedFiles }>(version.id);
    const rendered = existing?.digest === digest && existing.data.renderedFiles?.text === files.text && existsSync(files.text) && existsSync(files.blocks);
    if (rendered && !lint) continue;
    const task: VersionTask = {
      body,
      basePath: settings.basePath,
      context: { locale: version.locale, title: version.title, permanentPath: urls.version(version.policy, version.locale, version.version), policyLinkTargets },
      ...(rendered ? {} : { files }),
      ...(lint ? { lint } : {}),
    };
    pending.push({ version, digest, files: rendered ? undefined : files, task, ticket: -1 });
  }
  // Worker threads and this thread render side by side; a worker takes a moment to start, so a few texts stay here.
  const pool = new OrderedTaskPool<VersionTask, TextLintResult | null>({
    workerFile: join(root, WORKER_FILES.version),
    workers: pending.length < MIN_TEXTS_FOR_WORKERS ? 0 : getWorkerCount(),
    run: runVersionTask,
    onWorkerLost: (message) => logger.warn(message),
  });
  // The text and its blocks go beside Astro's cache, not into its data store (see rendered-files.ts).
  for (const entry of pending) entry.ticket = pool.submit(entry.task);
  try {
    for (const { version, ticket } of pending) {
      const lint = await pool.take(ticket);
      if (lint) lintResults.set(version.id, lint);
    }
  } finally {
    await pool.close();
  }
  recordStage('content: render and lint the texts', rendering(), { texts: pending.length, cached: versions.length - pending.length });
  const storing = startStage();
  if (lintOn) {
    // Nothing is stored before the lint has passed: a refused build leaves the collection as it was.
    const lint = lintCorpus({ versions, corpus, settings, now, texts: lintResults, ledgerExists: hasLedger(ledger) });
    pruneLintCache(lintFolder, lintFiles);
    if (lint.warnings.length > 0) logger.warn(`${messages.build.lintWarns}\n${formatWarningReport(lint.warnings, messages)}`);
    const history = formatHistorySummary(lint.history, messages);
    if (history) logger.warn(history);
    // A lint error refuses the build, and the dev server shows it on every page as it shows a front-matter error
    // (src/integrations/dev-content-errors.ts): an editor sees it where they look, not only in a terminal.
    if (lint.errors.length > 0) throw new CorpusError(lint.errors, 'build', messages);
  }
  for (const { version, digest, files } of pending) {
    if (!files) continue;
    // No filePath: Astro's store takes only paths relative to the project root, and the policies folder may be
    // anywhere (its own repository, a sibling clone). The entry's own `file` is the record of its source.
    const data = await parseData({ id: version.id, data: { ...version, renderedFiles: files } });
    // Astro ignores a set with an unchanged digest; an entry rendered again (its files were gone) must replace the old one.
    store.delete(version.id);
    store.set({ id: version.id, data, digest });
  }
  pruneRenderedFiles(folder, kept);
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  recordStage('content: lint the corpus, store the entries', storing());
  const drafts = versions.filter((version) => version.draft).length;
  logger.info(`${versions.length} policy versions from ${settings.policiesDir}${drafts > 0 ? ` (${drafts} of them ${drafts === 1 ? 'a draft' : 'drafts'})` : ''}`);
  // Statuses are computed now; the site must be rebuilt when the next version takes effect.
  // A withdrawn version never takes effect.
  const scheduled = versions.filter((version) => !version.published?.withdrawn);
  logger.info(describeNextChange(scheduled, now, settings.defaultLocale, settings.timeZone));
}

/** Loads every version under the policies folder into the collection. */
export function policyLoader(options: PolicyLoaderOptions): Loader {
  return {
    name: 'policy-press:policies',
    schema: PolicyEntrySchema,
    async load(context) {
      const { settings } = buildContext;
      const { watcher, logger } = context;
      // A build (or astro sync, astro check) stops at the first refusal.
      if (!watcher) return syncPolicies(context, buildContext, options.includeDrafts);

      // Dev server: every sync either clears the report or replaces it; while there is one, every page is the
      // error page with it (src/integrations/dev-content-errors.ts), and the terminal shows the same text.
      const syncOnce = async () => {
        try {
          await syncPolicies(context, buildContext, options.includeDrafts);
          setContentReport(null);
        } catch (error) {
          const report = toContentReport(error);
          logger.error(`${report.title}:\n\n${report.text}`);
          setContentReport(report);
        }
      };
      // One sync at a time; saves during a sync are taken by one more sync after it, so the last save always wins.
      let running: Promise<void> | null = null;
      let again = false;
      const sync = async (): Promise<void> => {
        if (running) {
          again = true;
          return running;
        }
        running = (async () => {
          do {
            again = false;
            await syncOnce();
          } while (again);
        })();
        try {
          await running;
        } finally {
          running = null;
        }
      };
      await sync();
      // Any change under the policies folder, wherever it is, re-validates everything, as a build would.
      const folder = resolve(settings.policiesPath);
      watcher.add(folder);
      // The watcher drops a change event that comes within 50 ms of another for the same file (chokidar's throttle),
      // so a sync right at the first event could miss a second save; one sync 150 ms after the last event reads both.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onChange = (path: string) => {
        const changed = resolve(path);
        if (changed !== folder && !changed.startsWith(folder + sep)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void sync(), SYNC_DELAY_MS);
      };
      for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, onChange);
    },
  };
}
