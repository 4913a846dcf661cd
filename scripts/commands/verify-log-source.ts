/**
 * Where `verify --log` reads today's log: the policies folder (the log its
 * ledger gives, checked as the build checks it), or, with --feed, the log the
 * site serves beside that feed.
 */
import { getLogOrigin } from '#lib/log/checkpoint.ts';
import { parseVerifierKey } from '#lib/log/signed-note.ts';
import { createLogOfToday, readLogOfSite, type LogOfToday } from '#lib/log/verify-log.ts';
import { CorpusError } from '#lib/corpus/problem.ts';
import { getSettings, loadPolicies, printError } from './command-context.ts';
import { readKeyOption } from './key-option.ts';

/** Today's log for `verify --log`. */
export async function loadLogOfToday(feed: string | undefined, keyOption: string | undefined): Promise<LogOfToday> {
  const key = keyOption ? readKeyOption(keyOption) : null;
  if (feed) {
    const { log, keyFromSite } = await readLogOfSite(feed, key);
    if (keyFromSite) printError(`verify: trusting the log key the site serves${log.key ? ` (${log.key.text})` : ''}; give --key to pin it`);
    return log;
  }
  const settings = getSettings();
  const loaded = loadPolicies({ includeDrafts: false, enforceLedger: true }, settings);
  if (loaded.problems.length > 0) throw new CorpusError(loaded.problems, 'verify');
  const configured = settings.logVerifierKey ? parseVerifierKey(settings.logVerifierKey) : null;
  return createLogOfToday(getLogOrigin(settings.siteUrl), loaded.log.entries, key ?? (typeof configured === 'string' ? null : configured));
}
