/**
 * `npm run policy -- at <policy> <instant> [--locale L] [--feed URL] [--json]`:
 * the version of a policy in force at an instant.
 */
import { parseArgs } from 'node:util';
import { parseInstant } from '#lib/time/effective-instant.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { findVersionAt, formatDuration } from '#lib/consent/version-index.ts';
import { didYouMean } from '#lib/corpus/did-you-mean.ts';
import { getPolicySource, print, requireKnownPolicy, UsageError } from './command-context.ts';

export const AT_HELP = `npm run policy -- at <policy> <instant> [--locale <locale>] [--feed <url|path>] [--json]

  The version of <policy> in force at <instant>: its id, effective period,
  sha256 and permanent URL. <instant> is an ISO 8601 date-time with an offset
  or Z (2025-09-01T12:00:00+03:00), or a date (2025-09-01) meaning the start
  of that day in the site's time zone. Exit 1 when no version was in force.

  --locale  the locale (default: the site's default locale)
  --feed    read a published feed (URL or path of index.json) instead of policies/
  --json    print JSON for programs`;

/** Runs `at`; returns the exit code. */
export async function runAt(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { locale: { type: 'string' }, feed: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [policy, instantText] = positionals;
  if (!policy || !instantText || positionals.length > 2) throw new UsageError(`at needs a policy and an instant.\n\n${AT_HELP}`);
  const source = await getPolicySource(values.feed);
  const locale = values.locale ?? source.defaultLocale;
  const instant = parseInstant(instantText, source.timeZone);
  if (instant === null) {
    throw new UsageError(`"${instantText}" is not an instant: write 2025-09-01T12:00:00+03:00, 2025-09-01T09:00:00Z or 2025-09-01 (start of that day in ${source.timeZone}).`);
  }
  requireKnownPolicy(policy, source.index.policies.keys(), source.origin);
  const locales = source.index.policies.get(policy) ?? new Set<string>();
  if (!locales.has(locale)) throw new UsageError(`${policy} has no "${locale}" text.${didYouMean(locale, locales)} Locales: ${[...locales].sort().join(', ')}. Use --locale.`);

  const version = findVersionAt(source.index, policy, locale, instant);
  if (!version) {
    const first = source.index.timelines.get(`${policy}/${locale}`)?.[0];
    const message = `No version of ${policy} (${locale}) was in force at ${formatInstant(instant)}${first ? `: the first, ${first.version}, took effect ${formatDuration(first.from - instant)} later, at ${first.effectiveFrom}` : ''}.`;
    if (values.json) print(JSON.stringify({ policy, locale, instant: formatInstant(instant), inForce: null, message }));
    else process.stderr.write(`${message}\n`);
    return 1;
  }
  const { from: _from, until: _until, ...feedVersion } = version;
  if (values.json) {
    print(JSON.stringify({ instant: formatInstant(instant), inForce: feedVersion }, null, 2));
  } else {
    print(`${policy} (${locale}) at ${formatInstant(instant)}: version ${version.version} «${version.title}»`);
    print(`  in force  from ${version.effectiveFrom} ${version.effectiveUntil ? `until ${version.effectiveUntil}` : '(no later version yet)'}`);
    print(`  sha256    ${version.sha256}`);
    print(`  url       ${version.url}`);
    print(`  markdown  ${version.markdownUrl}`);
  }
  return 0;
}
