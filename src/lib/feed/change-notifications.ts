/**
 * Change notifications per policy and locale: an Atom feed (RFC 4287), a JSON
 * Feed 1.1 and a Memento TimeMap (RFC 7089). Every version is an entry as soon
 * as it is in the build, a scheduled one included (it is announced before it
 * takes effect), with an id that never changes: a tag URI (RFC 4151) made of
 * the site's tagging authority and the version's policy, locale and id.
 * Atom and JSON Feed also carry the checkpoint of the site's public log, so
 * whoever archives the feeds keeps, with each copy, a signed tree head the
 * operator can no longer contradict.
 */
import { formatInstant } from '#lib/time/zoned-time.ts';
import { formatEffectiveDate } from '#lib/time/format-date.ts';
import { getTimeline } from '#lib/timeline/policy-corpus.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getVersionsStartedBy, type Timeline, type TimelineVersion } from '#lib/timeline/timeline.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';

/** The tagging entity of entry ids: `host,year` from the settings. */
export function getTagAuthority(context: SiteContext): string {
  return context.settings.feedTagAuthority ?? `${new URL(context.settings.siteUrl).hostname},2025`;
}

/** The permanent id of a version's entry: `tag:example.com,2025:privacy/ru/2025-09-01`. */
export function getEntryId(context: SiteContext, version: Pick<TimelineVersion, 'policy' | 'locale' | 'version'>): string {
  return `tag:${getTagAuthority(context)}:${version.policy}/${version.locale}/${version.version}`;
}

function requireTimeline(context: SiteContext, policy: string, locale: string): Timeline {
  const timeline = getTimeline(context.corpus, policy, locale);
  if (!timeline) throw new Error(`No versions of ${policy} in ${locale}`);
  return timeline;
}

interface EntryText {
  version: TimelineVersion;
  title: string;
  text: string;
  url: string;
  diffUrl: string | null;
  changeLabel: string;
}

/** Newest first, as feed readers expect. */
function getEntries(context: SiteContext, timeline: Timeline): EntryText[] {
  const { urls, settings } = context;
  const ui = getUiStrings(timeline.locale);
  return [...timeline.versions].reverse().map((version) => {
    const date = formatEffectiveDate(version.effectiveFrom, ui.lang, settings.timeZone);
    const lines = [ui.feeds.takesEffect(date)];
    if (version.previousVersion !== null) lines.push(ui.feeds.kindOfChange(ui.changeTypes[version.changeType]));
    if (version.summary.length > 0) lines.push(ui.feeds.whatChanged, ...version.summary.map((item) => `— ${item}`));
    return {
      version,
      title: ui.feeds.entryTitle(version.title, date),
      text: lines.join('\n'),
      url: urls.absolute(urls.version(version.policy, version.locale, version.version)),
      diffUrl: version.previousVersion === null ? null : urls.absolute(urls.diff(version.policy, version.locale, version.previousVersion, version.version)),
      changeLabel: ui.changeTypes[version.changeType],
    };
  });
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/** The namespace of the checkpoint element in Atom: the specification of its content. */
export const CHECKPOINT_NAMESPACE = 'https://c2sp.org/tlog-checkpoint';

/** The Atom feed of a policy in a locale. */
export function createAtomFeed(context: SiteContext, policy: string, locale: string): string {
  const { urls, settings } = context;
  const timeline = requireTimeline(context, policy, locale);
  const entries = getEntries(context, timeline);
  const ui = getUiStrings(locale);
  const latest = timeline.versions.at(-1);
  const author = settings.publisher?.[locale] ?? settings.publisher?.[settings.defaultLocale] ?? settings.siteTitle[settings.defaultLocale] ?? settings.siteUrl;
  // Derived from the content, never from the clock, so the file is the same in every build.
  const updated = formatInstant(Math.max(...timeline.versions.map((version) => version.effectiveFrom)));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:tlog="${CHECKPOINT_NAMESPACE}" xml:lang="${escapeXml(locale)}">`,
    `  <id>tag:${escapeXml(getTagAuthority(context))}:${escapeXml(policy)}/${escapeXml(locale)}</id>`,
    `  <title>${escapeXml(ui.feeds.title(latest?.title ?? policy))}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(urls.absolute(urls.atom(policy, locale)))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(urls.absolute(urls.history(policy, locale)))}"/>`,
    `  <author><name>${escapeXml(author)}</name></author>`,
    `  <link rel="${CHECKPOINT_NAMESPACE}" type="text/plain" href="${escapeXml(urls.absolute(urls.logCheckpoint()))}"/>`,
    `  <tlog:checkpoint>${escapeXml(context.log.checkpoint)}</tlog:checkpoint>`,
  ];
  for (const entry of entries) {
    const instant = formatInstant(entry.version.effectiveFrom);
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(getEntryId(context, entry.version))}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <published>${instant}</published>`,
      `    <updated>${instant}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      ...(entry.diffUrl ? [`    <link rel="related" type="text/html" title="diff" href="${escapeXml(entry.diffUrl)}"/>`] : []),
      `    <category term="${entry.version.changeType}" label="${escapeXml(entry.changeLabel)}" scheme="${escapeXml(urls.absolute(urls.feedSchema()))}#changeType"/>`,
      `    <summary type="text">${escapeXml(entry.text)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The JSON Feed 1.1 of a policy in a locale, with the version's identity in a `_policy` extension. */
export function createJsonFeed(context: SiteContext, policy: string, locale: string): Record<string, unknown> {
  const { urls, settings } = context;
  const timeline = requireTimeline(context, policy, locale);
  const ui = getUiStrings(locale);
  const author = settings.publisher?.[locale] ?? settings.publisher?.[settings.defaultLocale] ?? settings.siteTitle[settings.defaultLocale] ?? settings.siteUrl;
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: ui.feeds.title(timeline.versions.at(-1)?.title ?? policy),
    home_page_url: urls.absolute(urls.history(policy, locale)),
    feed_url: urls.absolute(urls.jsonFeed(policy, locale)),
    language: locale,
    authors: [{ name: author }],
    _log: { about: urls.absolute(urls.developers(settings.defaultLocale)), checkpointUrl: urls.absolute(urls.logCheckpoint()), checkpoint: context.log.checkpoint },
    items: getEntries(context, timeline).map((entry) => ({
      id: getEntryId(context, entry.version),
      url: entry.url,
      ...(entry.diffUrl ? { external_url: entry.diffUrl } : {}),
      title: entry.title,
      content_text: entry.text,
      ...(entry.version.summary.length > 0 ? { summary: entry.version.summary.join(' ') } : {}),
      date_published: formatInstant(entry.version.effectiveFrom),
      tags: [entry.version.changeType],
      language: locale,
      _policy: {
        about: urls.absolute(urls.developers(settings.defaultLocale)),
        policy: entry.version.policy,
        locale: entry.version.locale,
        version: entry.version.version,
        effectiveFrom: formatInstant(entry.version.effectiveFrom),
        changeType: entry.version.changeType,
        sha256: entry.version.sha256,
        diffUrl: entry.diffUrl,
        logIndex: entry.version.published ? context.log.indexOf(entry.version.id, 0) : null,
      },
    })),
  };
}

/**
 * The Memento TimeMap of a policy in a locale: the stable URL as the original
 * resource and each version in force by build time as a memento, with the
 * instant it took effect. Scheduled versions are left out: a memento is a
 * state that has existed.
 */
export function createTimeMap(context: SiteContext, policy: string, locale: string): string {
  const { urls, now } = context;
  const timeline = requireTimeline(context, policy, locale);
  const mementos = getVersionsStartedBy(timeline, now);
  const httpDate = (instant: number) => new Date(instant).toUTCString();
  const lines = [`<${urls.absolute(urls.current(policy, locale))}>;rel="original"`];
  const self = `<${urls.absolute(urls.timemap(policy, locale))}>;rel="self";type="application/link-format"`;
  const first = mementos[0];
  const last = mementos.at(-1);
  lines.push(first && last ? `${self};from="${httpDate(first.effectiveFrom)}";until="${httpDate(last.effectiveFrom)}"` : self);
  mementos.forEach((version, index) => {
    const relation = [index === 0 ? 'first' : null, index === mementos.length - 1 ? 'last' : null, 'memento'].filter(Boolean).join(' ');
    lines.push(`<${urls.absolute(urls.version(version.policy, version.locale, version.version))}>;rel="${relation}";datetime="${httpDate(version.effectiveFrom)}"`);
  });
  return `${lines.join(',\n')}\n`;
}
