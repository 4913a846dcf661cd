/**
 * `npm run policy -- reconsent <policy> <acceptedVersion> [--locale L] [--at instant] [--json]`:
 * must a user who accepted this version accept again? Exit codes for scripts.
 */
import { parseArgs } from 'node:util';
import { decideReconsent } from '#lib/consent/reconsent-decision.ts';
import { parseInstant } from '#lib/time/effective-instant.ts';
import { getBuildInstant } from '#lib/site/site-settings.ts';
import { findEntry } from '#lib/consent/version-index.ts';
import { formatZonedInstant } from '#lib/time/zoned-time.ts';
import { getPolicySource, print, printError, requireKnownPolicy, UsageError } from './command-context.ts';

/** Exit codes of `reconsent`, for scripts. */
const RECONSENT_EXIT = { none: 0, notify: 10, required: 20, error: 1 } as const;

export const RECONSENT_HELP = `npm run policy -- reconsent <policy> <acceptedVersion> [--locale <locale>] [--at <instant>] [--feed <url|path>] [--json]

  For a user who accepted <acceptedVersion>: the version in force at <instant>
  (default: now), the versions that took effect since, and whether to ask
  again. "required" when a material version took effect after the accepted
  one, "notify" when only editorial ones did, "none" when the accepted one is
  in force. Prints the redline from the accepted version to the current one.

  Exit codes: 0 none, 10 notify, 20 required, 1 error (including a version
  that is not published).

  --locale  the locale (default: the site's default locale)
  --at      an ISO 8601 instant with an offset, or a date (start of that day in the site's time zone)
  --feed    read a published feed (URL or path of index.json) instead of policies/
  --json    print the answer as JSON`;

/** Runs `reconsent`; returns the exit code. */
export async function runReconsent(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { locale: { type: 'string' }, at: { type: 'string' }, feed: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [policy, acceptedVersion] = positionals;
  if (!policy || !acceptedVersion || positionals.length > 2) throw new UsageError(`reconsent needs a policy and the accepted version.\n\n${RECONSENT_HELP}`);
  const source = await getPolicySource(values.feed);
  const locale = values.locale ?? source.defaultLocale;
  const at = values.at === undefined ? getBuildInstant(process.env) : parseInstant(values.at, source.timeZone);
  if (at === null) throw new UsageError(`--at "${values.at}" is not an instant: write 2026-03-01T12:00:00+03:00, or a date.`);
  requireKnownPolicy(policy, source.index.policies.keys(), source.origin);
  const answer = decideReconsent(await source.getReconsentInput(policy, locale, acceptedVersion), at);
  if (values.json) print(JSON.stringify(answer, null, 2));
  if (answer.reconsent === 'unknown-version') {
    const elsewhere = findEntry(source.index, policy, locale, acceptedVersion);
    const withdrawn = source.index.withdrawn.get(`${policy}/${locale}/${acceptedVersion}`);
    const why = withdrawn
      ? `: it was withdrawn at ${formatZonedInstant(Date.parse(withdrawn.withdrawnAt), source.timeZone)} before it took effect (${withdrawn.reason})`
      : elsewhere
        ? `: that version has no ${locale} text (it exists in ${elsewhere.locales.join(', ')}), so nobody accepted it in ${locale}`
        : '';
    printError(`${policy} (${locale}) has no published version "${acceptedVersion}"${why}: the record cannot be tied to a text.`);
    return RECONSENT_EXIT.error;
  }
  if (!values.json) {
    const verdict = {
      none: 'none: the accepted version is the one in force',
      notify: 'notify: only editorial changes took effect since; tell the user, no new consent needed',
      required: 'required: a material change took effect since; ask the user to accept again',
    }[answer.reconsent];
    print(`${policy} (${locale}), accepted ${acceptedVersion}, at ${formatZonedInstant(at, source.timeZone)}: ${verdict}`);
    const current = answer.current;
    if (current) {
      const elsewhere = current.locale !== undefined ? `, in ${current.locale}: it has no ${locale} text` : '';
      print(`  in force  ${current.version} «${current.title}», since ${formatZonedInstant(Date.parse(current.effectiveFrom), source.timeZone)}${elsewhere}`);
    }
    for (const change of answer.changes)
      print(`  ${change.changeType.padEnd(9)} ${change.version} (${formatZonedInstant(Date.parse(change.effectiveFrom), source.timeZone)})${change.summary.length > 0 ? `: ${change.summary.join(' ')}` : ''}`);
    if (answer.redlineUrl) print(`  redline   ${answer.redlineUrl}`);
  }
  return RECONSENT_EXIT[answer.reconsent];
}
