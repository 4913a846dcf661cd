/**
 * `npm run policy -- diff <policy> <from> <to> [--locale L]`: the site's
 * block-aware redline of two versions, in the terminal.
 */
import { parseArgs } from 'node:util';
import { getPolicyLocales, getVersion } from '#lib/timeline/policy-corpus.ts';
import { getSuggestion } from '#lib/corpus/did-you-mean.ts';
import { CorpusError } from '#lib/corpus/problem.ts';
import { describeBodyChange } from '#lib/redline/describe-text-change.ts';
import { getSettings, loadPolicies, print, requireKnownPolicy, UsageError } from './command-context.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** Runs `diff`; returns the exit code (0 whether or not the texts differ). */
export function runDiff(args: string[], messages: MessageCatalog = DEFAULT_MESSAGES): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { locale: { type: 'string' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' } },
  });
  const [policy, from, to] = positionals;
  if (!policy || !from || !to || positionals.length > 3) throw new UsageError(`${messages.help.diffArguments}\n\n${messages.help.diff}`);
  const settings = getSettings();
  const locale = values.locale ?? settings.defaultLocale;
  const loaded = loadPolicies({ includeDrafts: true, enforceLedger: false, changeLabels: messages.diff }, settings);
  if (loaded.problems.length > 0) throw new CorpusError(loaded.problems, 'diff', messages);
  requireKnownPolicy(policy, loaded.corpus.policies, settings.policiesDir, messages);
  const locales = getPolicyLocales(loaded.corpus, policy);
  if (!locales.includes(locale)) throw new UsageError(messages.help.noLocale({ policy, locale, suggestion: getSuggestion(locale, locales), locales }));
  const find = (version: string) => {
    const found = getVersion(loaded.corpus, policy, locale, version);
    if (!found) {
      const known = loaded.corpus.timelines.get(`${policy}/${locale}`)?.versions.map((v) => v.version) ?? [];
      throw new UsageError(messages.diff.noVersion({ policy, locale, version, suggestion: getSuggestion(version, known), versions: known }));
    }
    return found;
  };
  const before = find(from);
  const after = find(to);
  const color = values['no-color'] ? false : (values.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']));
  print(`${policy} (${locale}): ${from} → ${to}`);
  if (before.title !== after.title) print(messages.diff.title({ before: before.title, after: after.title }));
  const text = describeBodyChange(before.body, after.body, locale, { color, labels: messages.diff });
  print(text === '' ? messages.diff.noChanges : text);
  return Promise.resolve(0);
}
