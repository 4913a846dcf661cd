/**
 * Change notifications per policy and locale: an Atom feed (RFC 4287), a JSON
 * Feed 1.1 and a Memento TimeMap (RFC 7089). Every version of the policy is an
 * entry as soon as it is in the build, a scheduled one included (it is
 * announced before it takes effect), one with no text in this locale too (it
 * says so and links the languages it exists in), a withdrawn one too (it says
 * so); each with an id that never changes: a tag URI (RFC 4151) made of the
 * site's tagging authority and the policy, locale and version id.
 *
 * Each entry carries what a consent database ties a record to: the version's
 * SHA-256 and its Markdown. In Atom, the Markdown is an alternate link
 * (`type="text/markdown"`) and the hash a simple extension element
 * (RFC 4287 §6.4.1) `<policy:sha256>` in the namespace of the site's
 * schema.json URL, the same URL the change-type category scheme uses; in
 * JSON Feed both are in the `_policy` extension.
 *
 * Atom and JSON Feed also carry the checkpoint of the site's public log, so
 * whoever archives the feeds keeps, with each copy, a signed tree head the
 * operator can no longer contradict.
 */
import { formatInstant } from '#lib/time/zoned-time.ts';
import { countStartedBy } from '#lib/time/interval.ts';
import { formatEffectiveDate, getLanguageName } from '#lib/time/format-date.ts';
import { getTextElsewhere, getTimeline, getVersion, getVersionTimeline } from '#lib/timeline/policy-corpus.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import type { Timeline, TimelineVersion } from '#lib/timeline/timeline.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';
import { JsonFeedSchema, type JsonFeed } from '#schemas/feed.ts';
import { getSha256Url, toFeedShortNotice, validateFeedFile } from './feed-data.ts';
import { getLastRecordedChange, getPublicationNotes } from '#lib/views/publication-notes.ts';
import { getAnnouncedAt, getAnnouncedInstant, getGivenNoticeDays } from '#lib/notice/announcement.ts';
import { getNoteText } from '#lib/views/reason-language.ts';
import { getSiteLocales } from '#lib/site/language-alternates.ts';

/** The tagging entity of entry ids: `host,year` from the settings. */
function getTagAuthority(context: SiteContext): string {
  return context.settings.feedTagAuthority ?? `${new URL(context.settings.siteUrl).hostname},2025`;
}

/**
 * The permanent id of a version's entry in a locale's feed: `tag:example.com,2025:privacy/ru/2025-09-01`,
 * also for a version with no text in that locale yet (its translation, when published, updates the same entry).
 * @public Exported for its tests: an entry id is a contract of the Atom and JSON feeds; the test pins its form.
 */
export function getEntryId(context: SiteContext, version: Pick<TimelineVersion, 'policy' | 'locale' | 'version'>): string {
  return `tag:${getTagAuthority(context)}:${version.policy}/${version.locale}/${version.version}`;
}

function requireTimeline(context: SiteContext, policy: string, locale: string): Timeline {
  const timeline = getTimeline(context.corpus, policy, locale);
  if (!timeline) throw new Error(`No versions of ${policy} in ${locale}`);
  return timeline;
}

interface EntryText {
  policy: string;
  locale: string;
  version: string;
  /** This locale's text; for a version with no text here, the text it has in another language. */
  text: TimelineVersion;
  /** False when `text` is in another language. */
  own: boolean;
  locales: string[];
  title: string;
  content: string;
  url: string;
  markdownUrl: string;
  sha256Url: string | null;
  diffUrl: string | null;
  changeLabel: string;
  published: number;
  /** When it was announced (src/lib/notice/announcement.ts): Atom's `published`, JSON Feed's `date_published`. */
  announced: number;
  updated: number;
}

/**
 * Every version of the policy's timeline, newest first, as feed readers
 * expect: this locale's text, or, when the version has none here, an entry
 * that says so and links the text in the language it exists in; then the
 * locale's withdrawn versions, at the instant they were to take effect.
 */
function getEntries(context: SiteContext, timeline: Timeline): EntryText[] {
  const { urls, settings, corpus } = context;
  const ui = getUiStrings(timeline.locale);
  const { policy, locale } = timeline;
  const date = (instant: number) => formatEffectiveDate(instant, ui.lang, settings.timeZone);
  const make = (text: TimelineVersion, locales: string[]): EntryText => {
    const own = text.locale === locale;
    const when = date(text.effectiveFrom);
    const lines = text.published?.withdrawn ? [] : [ui.feeds.takesEffect(when)];
    if (!own) lines.push(ui.feeds.noTextHere(locales.map(getLanguageName).join(', ')));
    lines.push(...getPublicationNotes(text, settings.timeZone, getSiteLocales(context)).map(getNoteText));
    if (text.previousVersion !== null) lines.push(ui.feeds.kindOfChange(ui.changeTypes[text.changeType]));
    if (text.summary.length > 0) lines.push(ui.feeds.whatChanged, ...text.summary.map((item) => `— ${item}`));
    return {
      policy,
      locale,
      version: text.version,
      text,
      own,
      locales,
      title: `${ui.feeds.entryTitle(text.title, when)}${own ? '' : ` (${locales.map(getLanguageName).join(', ')})`}`,
      content: lines.join('\n'),
      url: urls.absolute(urls.version(text.policy, text.locale, text.version)),
      markdownUrl: urls.absolute(urls.raw(text.policy, text.locale, text.version)),
      sha256Url: getSha256Url(context, text),
      diffUrl: text.previousVersion === null || text.published?.withdrawn ? null : urls.absolute(urls.diff(text.policy, text.locale, text.previousVersion, text.version)),
      changeLabel: ui.changeTypes[text.changeType],
      published: text.effectiveFrom,
      announced: getAnnouncedInstant(text),
      updated: getLastRecordedChange(text),
    };
  };
  const entries = (getVersionTimeline(corpus, policy, locale)?.entries ?? []).flatMap((entry) => {
    const text = getVersion(corpus, policy, locale, entry.version) ?? getTextElsewhere(corpus, entry, settings.defaultLocale);
    return text ? [make(text, entry.locales)] : [];
  });
  const withdrawn = corpus.withdrawn.filter((version) => version.policy === policy && version.locale === locale).map((version) => make(version, [locale]));
  return [...entries, ...withdrawn].sort((a, b) => b.published - a.published || (a.version < b.version ? 1 : -1));
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/** The namespace of the checkpoint element in Atom: the specification of its content. */
const CHECKPOINT_NAMESPACE = 'https://c2sp.org/tlog-checkpoint';

/** The Atom feed of a policy in a locale. */
export function createAtomFeed(context: SiteContext, policy: string, locale: string): string {
  const { urls, settings } = context;
  const timeline = requireTimeline(context, policy, locale);
  const entries = getEntries(context, timeline);
  const ui = getUiStrings(locale);
  const latest = timeline.versions.at(-1);
  const author = settings.publisher?.[locale] ?? settings.publisher?.[settings.defaultLocale] ?? settings.siteTitle[settings.defaultLocale] ?? settings.siteUrl;
  // Derived from the content, never from the clock, so the file is the same in every build.
  const updated = formatInstant(Math.max(...entries.map((entry) => entry.updated)));
  const schemaUrl = urls.absolute(urls.feedSchema());
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:policy="${escapeXml(schemaUrl)}" xmlns:tlog="${CHECKPOINT_NAMESPACE}" xml:lang="${escapeXml(locale)}">`,
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
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(getEntryId(context, entry))}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <published>${formatInstant(entry.announced)}</published>`,
      `    <updated>${formatInstant(entry.updated)}</updated>`,
      `    <link rel="alternate" type="text/html"${entry.own ? '' : ` hreflang="${escapeXml(entry.text.locale)}"`} href="${escapeXml(entry.url)}"/>`,
      `    <link rel="alternate" type="text/markdown"${entry.own ? '' : ` hreflang="${escapeXml(entry.text.locale)}"`} href="${escapeXml(entry.markdownUrl)}"/>`,
      ...(entry.diffUrl ? [`    <link rel="related" type="text/html" title="diff" href="${escapeXml(entry.diffUrl)}"/>`] : []),
      `    <category term="${entry.text.changeType}" label="${escapeXml(entry.changeLabel)}" scheme="${escapeXml(schemaUrl)}#changeType"/>`,
      ...(entry.text.published?.withdrawn ? [`    <category term="withdrawn" scheme="${escapeXml(schemaUrl)}#status"/>`] : []),
      ...(entry.text.published && entry.text.published.publication.kind !== 'published' ? [`    <category term="${entry.text.published.publication.kind}" scheme="${escapeXml(schemaUrl)}#publication"/>`] : []),
      `    <summary type="text">${escapeXml(entry.content)}</summary>`,
      `    <policy:sha256>${entry.text.sha256}</policy:sha256>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The JSON Feed 1.1 of a policy in a locale, with the version's identity in a `_policy` extension, checked against its schema. */
export function createJsonFeed(context: SiteContext, policy: string, locale: string): JsonFeed {
  const { urls, settings } = context;
  const timeline = requireTimeline(context, policy, locale);
  const ui = getUiStrings(locale);
  const author = settings.publisher?.[locale] ?? settings.publisher?.[settings.defaultLocale] ?? settings.siteTitle[settings.defaultLocale] ?? settings.siteUrl;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: ui.feeds.title(timeline.versions.at(-1)?.title ?? policy),
    home_page_url: urls.absolute(urls.history(policy, locale)),
    feed_url: urls.absolute(urls.jsonFeed(policy, locale)),
    language: locale,
    authors: [{ name: author }],
    _log: { about: urls.absolute(urls.developers(locale)), checkpointUrl: urls.absolute(urls.logCheckpoint()), checkpoint: context.log.checkpoint },
    items: getEntries(context, timeline).map((entry) => {
      const { text } = entry;
      const published = text.published;
      return {
        id: getEntryId(context, entry),
        url: entry.url,
        ...(entry.diffUrl ? { external_url: entry.diffUrl } : {}),
        title: entry.title,
        content_text: entry.content,
        ...(text.summary.length > 0 ? { summary: text.summary.join(' ') } : {}),
        date_published: formatInstant(entry.announced),
        date_modified: formatInstant(entry.updated),
        tags: [text.changeType, ...(published?.withdrawn ? ['withdrawn'] : []), ...(published && published.publication.kind !== 'published' ? [published.publication.kind] : [])],
        language: text.locale,
        _policy: {
          // Every locale of the site has its developers page (getSiteLocales).
          about: urls.absolute(urls.developers(locale)),
          policy: text.policy,
          locale: text.locale,
          version: text.version,
          effectiveFrom: formatInstant(text.effectiveFrom),
          changeType: text.changeType,
          sha256: text.sha256,
          markdownUrl: entry.markdownUrl,
          sha256Url: entry.sha256Url,
          diffUrl: entry.diffUrl,
          locales: entry.locales,
          hasTextInFeedLocale: entry.own,
          publishedAt: published?.publishedAt ?? null,
          publication: published?.publication.kind ?? null,
          publicationReason: published?.publication.reason ?? null,
          announcedAt: getAnnouncedAt(published ?? null),
          noticeDays: getGivenNoticeDays(text),
          shortNotice: published?.shortNotice ? toFeedShortNotice(published.shortNotice) : null,
          rescheduled: published?.rescheduled.map(({ previousEffectiveFrom, effectiveFrom, recordedAt, reason }) => ({ previousEffectiveFrom, effectiveFrom, recordedAt, reason })) ?? [],
          withdrawn: published?.withdrawn ?? null,
          logIndex: published ? context.log.indexOf(text.id, 0) : null,
        },
      };
    }),
  };
  return validateFeedFile(JsonFeedSchema, feed, urls.jsonFeed(policy, locale));
}

/**
 * The Memento TimeMap of a policy in a locale: the stable URL as the original
 * resource and each version in force by build time as a memento, with the
 * instant it took effect. Scheduled versions are left out: a memento is a
 * state that has existed. A version with no text in this locale is the text
 * it has in another language, with `hreflang`: that was the state in force.
 */
export function createTimeMap(context: SiteContext, policy: string, locale: string): string {
  const { urls, now, corpus, settings } = context;
  requireTimeline(context, policy, locale);
  const entries = getVersionTimeline(corpus, policy, locale)?.entries ?? [];
  const mementos = entries
    .slice(
      0,
      countStartedBy(entries, now, (entry) => entry.effectiveFrom),
    )
    .flatMap((entry) => {
      const text = getVersion(corpus, policy, locale, entry.version) ?? getTextElsewhere(corpus, entry, settings.defaultLocale);
      return text ? [text] : [];
    });
  const httpDate = (instant: number) => new Date(instant).toUTCString();
  const lines = [`<${urls.absolute(urls.current(policy, locale))}>;rel="original"`];
  const self = `<${urls.absolute(urls.timemap(policy, locale))}>;rel="self";type="application/link-format"`;
  const first = mementos[0];
  const last = mementos.at(-1);
  lines.push(first && last ? `${self};from="${httpDate(first.effectiveFrom)}";until="${httpDate(last.effectiveFrom)}"` : self);
  mementos.forEach((version, index) => {
    const relation = [index === 0 ? 'first' : null, index === mementos.length - 1 ? 'last' : null, 'memento'].filter(Boolean).join(' ');
    const language = version.locale === locale ? '' : `;hreflang="${version.locale}"`;
    lines.push(`<${urls.absolute(urls.version(version.policy, version.locale, version.version))}>;rel="${relation}";datetime="${httpDate(version.effectiveFrom)}"${language}`);
  });
  return `${lines.join(',\n')}\n`;
}
