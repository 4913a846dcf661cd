/**
 * `npm run policy -- at <policy> <instant> [--locale L] [--feed URL] [--json]`:
 * the version of a policy in force at an instant, and its text in a locale.
 */
import { parseArgs } from 'node:util';
import { parseInstant } from '#lib/time/effective-instant.ts';
import { formatInstant, formatZonedInstant } from '#lib/time/zoned-time.ts';
import { findEntryAt, findInForceOrLastText, formatDuration, getIndexedTimeline } from '#lib/consent/version-index.ts';
import { getSuggestion } from '#lib/corpus/did-you-mean.ts';
import { getPolicySource, print, requireKnownPolicy, UsageError } from './command-context.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** Exit codes of `at`, for scripts. */
const AT_EXIT = { inForce: 0, none: 1, noTranslation: 2 } as const;

/** Runs `at`; returns the exit code. */
export async function runAt(args: string[], messages: MessageCatalog = DEFAULT_MESSAGES): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { locale: { type: 'string' }, feed: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [policy, instantText] = positionals;
  if (!policy || !instantText || positionals.length > 2) throw new UsageError(`${messages.help.atArguments}\n\n${messages.help.at}`);
  const source = await getPolicySource(values.feed);
  const locale = values.locale ?? source.defaultLocale;
  const instant = parseInstant(instantText, source.timeZone);
  if (instant === null) throw new UsageError(messages.at.notInstant({ text: instantText, timeZone: source.timeZone }));
  requireKnownPolicy(policy, source.index.policies.keys(), source.origin, messages);
  const locales = source.index.policies.get(policy) ?? new Set<string>();
  if (!locales.has(locale)) throw new UsageError(messages.help.noLocale({ policy, locale, suggestion: getSuggestion(locale, locales), locales: [...locales].sort() }));
  const when = (ms: number) => formatZonedInstant(ms, source.timeZone);

  const entry = findEntryAt(source.index, policy, locale, instant);
  if (!entry) {
    const first = getIndexedTimeline(source.index, policy, locale)[0];
    const none = (m: MessageCatalog) =>
      m.at.noneInForce({
        policy,
        locale,
        instant: when(instant),
        first: first?.version ?? null,
        later: first ? formatDuration(first.from - instant, (count, unit) => m.at.durationUnit({ count, unit })) : '',
        from: first ? when(first.from) : '',
      });
    // The JSON is read by programs: its message stays English, as the feed does.
    const message = none(DEFAULT_MESSAGES);
    if (values.json) print(JSON.stringify({ policy, locale, instant: formatInstant(instant), inForce: null, message }));
    else process.stderr.write(`${none(messages)}\n`);
    return AT_EXIT.none;
  }
  const text = entry.texts.get(locale);
  const version = { version: entry.version, effectiveFrom: formatInstant(entry.from), effectiveUntil: entry.until === null ? null : formatInstant(entry.until), locales: entry.locales };
  if (!text) {
    const reference = findInForceOrLastText(source.index, policy, locale, instant);
    const noText = (m: MessageCatalog) =>
      m.at.noText({
        policy,
        instant: when(instant),
        version: entry.version,
        from: when(entry.from),
        locale,
        locales: entry.locales.join(', '),
        reference: reference?.version ?? null,
        until: reference === undefined || reference.until === null ? '?' : when(reference.until),
      });
    const message = noText(DEFAULT_MESSAGES);
    if (values.json) {
      const { from: _from, until: _until, ...feedReference } = reference ?? { from: 0, until: null };
      print(JSON.stringify({ policy, locale, instant: formatInstant(instant), inForce: null, inForceVersion: version, reference: reference ? feedReference : null, message }, null, 2));
    } else {
      print(noText(messages));
      for (const other of entry.locales) {
        const elsewhere = entry.texts.get(other);
        if (elsewhere) print(`  ${other.padEnd(8)}  ${elsewhere.url}`);
      }
    }
    return AT_EXIT.noTranslation;
  }
  const { from: _from, until: _until, ...feedVersion } = text;
  if (values.json) {
    print(JSON.stringify({ instant: formatInstant(instant), inForce: feedVersion, inForceVersion: version }, null, 2));
  } else {
    const m = messages.at;
    print(m.header({ policy, locale, instant: when(instant), version: text.version, title: text.title }));
    print(text.until !== null ? m.inForceUntil({ from: when(text.from), until: when(text.until) }) : m.inForceOpen({ from: when(text.from) }));
    if (text.publication === 'backdated' && text.publishedAt) {
      const published = when(Date.parse(text.publishedAt));
      const reason = text.publicationReason ?? null;
      print(reason === null ? m.backdatedNoReason({ published }) : m.backdated({ published, reason }));
    }
    if (text.publication === 'late-translation' && text.publishedAt) print(m.lateTranslation({ locale, published: when(Date.parse(text.publishedAt)) }));
    if (entry.locales.length > 1) print(m.languages({ locales: entry.locales.join(', ') }));
    print(m.sha256({ sha256: text.sha256 }));
    print(m.url({ url: text.url }));
    print(m.markdown({ url: text.markdownUrl }));
  }
  return AT_EXIT.inForce;
}
