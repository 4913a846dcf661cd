/**
 * What every `npm run policy` command shares: the site settings, the build's
 * "now", and the source of published versions (the policies folder, or a
 * feed given with --feed).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import siteConfig from '../../site.config.ts';
import type { CorpusLint } from '#lib/lint/lint-corpus.ts';
import { loadFeedSource, loadLocalSource, type FeedReadOptions, type PolicySource } from '#lib/consent/policy-source.ts';
import { getSuggestion } from '#lib/corpus/did-you-mean.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';
import { loadCorpus, type LoadedCorpus } from '#lib/corpus/load-corpus.ts';
import { getBuildInstant, resolveSiteSettings, type SiteSettings } from '#lib/site/site-settings.ts';

/** An error the CLI reports in one message and exit code 1, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The site settings from site.config.ts and the environment. */
export function getSettings(): SiteSettings {
  return resolveSiteSettings(siteConfig, process.env, process.cwd());
}

/** The project root (scripts/commands/ is two levels down). */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Astro's cache folder, where the build keeps what `check` may reuse (as astro.config.mjs sets it). */
function getCacheDir(): string {
  return resolve(ROOT, process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro');
}

/**
 * The policies folder of the settings, checked as the build checks it.
 * @param options drafts included or not; ledger problems counted as problems or left as warnings
 */
export function loadPolicies(options: { includeDrafts: boolean; enforceLedger: boolean; changeLabels?: MessageCatalog['diff'] }, settings: SiteSettings = getSettings()): LoadedCorpus {
  return loadCorpus({
    policiesPath: settings.policiesPath,
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    localeModel: settings.localeModel,
    now: getBuildInstant(process.env),
    notice: settings.notice,
    foreignFolder: settings.foreignFolder,
    ...options,
  });
}

/**
 * Refuses a policy id that is not among `known`, with a "did you mean" for a
 * typo and the list of policies, so `at privcy` says what was meant.
 * @param origin where the policies came from, for the message (the folder or the feed)
 */
export function requireKnownPolicy(policy: string, known: Iterable<string>, origin: string, messages: MessageCatalog = DEFAULT_MESSAGES): void {
  const policies = [...known].sort();
  if (policies.includes(policy)) return;
  throw new UsageError(messages.help.unknownPolicy({ policy, origin, suggestion: getSuggestion(policy, policies), policies }));
}

/**
 * The lint of a loaded folder, as the build lints it, with the text results
 * of earlier runs and builds (see build/lint-cache.ts). Nothing is linted
 * until the files themselves are valid: findings about invalid versions could
 * only mislead. The lint and its Markdown parser are imported here, not above:
 * the commands that do not lint (at, verify, …) would load them for nothing.
 */
export async function lintPolicies(loaded: LoadedCorpus, settings: SiteSettings = getSettings()): Promise<CorpusLint> {
  const [{ getCacheCodeDigest }, { getLintCacheFolder, getTextLintResults }, { getTextLintInputs, isLintOn, lintCorpus }, { hasLedger }, { buildPolicyCorpus }] = await Promise.all([
    import('#lib/build/code-digest.ts'),
    import('#lib/build/lint-cache.ts'),
    import('#lib/lint/lint-corpus.ts'),
    import('#lib/lint/lint-history.ts'),
    import('#lib/timeline/policy-corpus.ts'),
  ]);
  if (!loaded.contentValid || !isLintOn(settings)) return { errors: [], warnings: [], history: [] };
  // The loaded corpus has its timelines only without problems; a ledger problem alone still lets the texts be linted.
  const corpus = loaded.problems.length === 0 ? loaded.corpus : buildPolicyCorpus(loaded.versions, { localeModel: settings.localeModel });
  const cache = { folder: getLintCacheFolder(getCacheDir()), codeDigest: getCacheCodeDigest(ROOT, 'lint'), root: ROOT, onWorkerLost: (message: string) => void process.stderr.write(`${message}\n`) };
  const texts = await getTextLintResults(getTextLintInputs(loaded.versions, corpus, settings), cache);
  return lintCorpus({ versions: loaded.versions, corpus, settings, now: getBuildInstant(process.env), texts, ledgerExists: hasLedger(loaded.ledger) });
}

/** Published versions from `--feed` when given, else from the policies folder. */
export async function getPolicySource(feed: string | undefined, options: FeedReadOptions = {}): Promise<PolicySource> {
  if (feed) return loadFeedSource(feed, options);
  return loadLocalSource(getSettings(), getBuildInstant(process.env));
}

// C0 and C1 controls, and the marks that reorder text (Trojan Source): a record must not drive the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: it finds the control characters to take out of what is printed.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: control characters written as `\u001b`, so what a record holds is shown, never run. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes a line to stdout. */
export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Writes a line to stderr. */
export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}
