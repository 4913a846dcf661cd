/**
 * What one build (or one dev server) works from, resolved once: the project
 * root, the site settings, the instant it treats as "now" and, for a build,
 * its public log. Astro's config creates it (astro.config.mjs); the
 * integrations take it as an argument, and the content loader and the pages
 * read it from the virtual module `virtual:policy-press/build-context`
 * (src/integrations/build-context-integration.ts), as Starlight hands its settings to its
 * pages. Before, each of them resolved `site.config.ts`, read the clock and
 * computed the log itself, so a build crossing an effective instant could
 * judge the ledger and the pages at different instants.
 */
import type { SiteConfigInput } from '#schemas/site-config.ts';
import { loadSiteLog, toSiteLogRecord, type LogKeyEnv, type SiteLog, type SiteLogRecord } from '#lib/log/site-log.ts';
import { getBuildInstant, resolveSiteSettings, type SettingsEnv, type SiteSettings } from '#lib/site/site-settings.ts';
import type { VersionFilesOutput } from './version-files.ts';

/** The id the content loader and the pages import the build context by. */
export const BUILD_CONTEXT_MODULE = 'virtual:policy-press/build-context';

/** The environment a build context reads. */
export type BuildContextEnv = SettingsEnv & LogKeyEnv & { SOURCE_DATE_EPOCH?: string | undefined };

/** The build context as the integrations hold it. */
export interface BuildContext {
  /** The project root (Astro's `root`): the worker files, the lockfile and relative paths are found from it. */
  root: string;
  settings: SiteSettings;
  /** The instant the build treats as now, epoch ms, read once. */
  now: number;
  /** The build's public log: the log state, signed with the key of the environment; computed on first use, once. */
  getLog(): SiteLog;
}

/** The build context as the loader and the pages read it: plain data. */
export interface BuildContextData {
  root: string;
  settings: SiteSettings;
  now: number;
  /** The log of a build (null for the dev server, whose pages read the ledger afresh, and for `astro sync`). */
  log: SiteLogRecord | null;
  /** Where a build's pages write the version files (src/lib/build/version-files.ts); null for the dev server, which serves them. */
  versionFiles: VersionFilesOutput | null;
}

/**
 * Resolves the build context: the settings (with their clear errors), the
 * build instant (`SOURCE_DATE_EPOCH`, else the clock, read here only).
 * @param input the object exported by `site.config.ts`
 * @param env usually `process.env`
 * @param root the project root
 * @param clock the clock, when `SOURCE_DATE_EPOCH` is not set
 */
export function createBuildContext(input: SiteConfigInput, env: BuildContextEnv, root: string, clock: () => number = Date.now): BuildContext {
  const settings = resolveSiteSettings(input, env, root);
  const now = getBuildInstant(env, clock);
  let log: SiteLog | undefined;
  return { root, settings, now, getLog: () => (log ??= loadSiteLog(settings, env, { cwd: root, withUnlogged: false })) };
}

/** The data of the build context for the loader and the pages; a build's (with `output`) carries its log too. */
export function getBuildContextData(context: BuildContext, output: VersionFilesOutput | null): BuildContextData {
  return { root: context.root, settings: context.settings, now: context.now, log: output ? toSiteLogRecord(context.getLog()) : null, versionFiles: output };
}

/** The source of the virtual module: the data as JSON (parsed once, faster than an object literal of that size). */
export function renderBuildContextModule(data: BuildContextData): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
}
