/**
 * The ready-to-send notice of a new version: what the law and the policy
 * itself expect a site to tell its users before a change takes effect (its
 * title, when it takes effect, what changes, whether consent will be asked
 * again, where to read the redline, the new text and the history, and the
 * new text's SHA-256). Printed by `npm run policy -- notice` and written by
 * the build beside each version's files, as plain text and as a standalone
 * e-mail body: inline styles, no script, nothing loaded from elsewhere. The
 * wording comes from the locale's interface strings, never from here.
 */
import { getSuggestion } from '#lib/corpus/did-you-mean.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';
import { escapeXml } from '#lib/feed/change-notifications.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';
import { formatEffectiveDate } from '#lib/time/format-date.ts';
import { formatZonedInstant } from '#lib/time/zoned-time.ts';
import { getEntry, getTimeline, getVersion } from '#lib/timeline/policy-corpus.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';

/** Thrown when there is no notice to give: no such version, a withdrawn one, no text in the locale. */
export class NoticeError extends Error {
  override name = 'NoticeError';
}

/** A notice, in one language, ready to render. */
export interface NoticeDocument {
  lang: string;
  subject: string;
  /** Sentences before the list of changes. */
  intro: string[];
  whatChanges: string;
  /** The summary's items; empty when the version has none (then `noSummary` is said). */
  changes: string[];
  noSummary: string;
  consent: string;
  links: { label: string; url: string }[];
  sha256Label: string;
  sha256: string;
}

/**
 * The version a notice is for, or a {@link NoticeError} saying why there is
 * none: the policy or version does not exist (with a "did you mean"), it was
 * withdrawn, or it has no text in the locale (naming those it has), in the
 * language of `messages`.
 */
export function getNoticeVersion(context: SiteContext, policy: string, locale: string, versionId: string, messages: MessageCatalog = DEFAULT_MESSAGES): TimelineVersion {
  const { corpus } = context;
  if (!corpus.policies.includes(policy)) {
    throw new NoticeError(messages.notice.noPolicy({ policy, suggestion: getSuggestion(policy, corpus.policies), policies: corpus.policies }));
  }
  const withdrawn = corpus.withdrawn.find((version) => version.policy === policy && version.version === versionId && version.published?.withdrawn);
  if (withdrawn?.published?.withdrawn) {
    const { recordedAt, reason } = withdrawn.published.withdrawn;
    throw new NoticeError(messages.notice.withdrawn({ policy, version: versionId, withdrawn: formatZonedInstant(Date.parse(recordedAt), context.settings.timeZone), reason }));
  }
  const entry = getEntry(corpus, policy, locale, versionId);
  if (!entry) {
    const ids = [...new Set(corpus.locales.flatMap((other) => getTimeline(corpus, policy, other)?.versions.map((version) => version.version) ?? []))].sort();
    throw new NoticeError(messages.notice.noVersion({ policy, version: versionId, suggestion: getSuggestion(versionId, ids), versions: ids }));
  }
  const text = getVersion(corpus, policy, locale, versionId);
  if (!text) throw new NoticeError(messages.notice.noText({ policy, version: versionId, locale, locales: entry.locales }));
  return text;
}

/** The notice of a version, in its locale's words, dates in the site's time zone, links absolute. */
export function createNoticeDocument(context: SiteContext, version: TimelineVersion): NoticeDocument {
  const { urls, settings } = context;
  const ui = getUiStrings(version.locale);
  const date = (instant: number) => formatEffectiveDate(instant, ui.lang, settings.timeZone);
  const effective = date(version.effectiveFrom);
  const links = [
    ...(version.previousVersion === null ? [] : [{ label: ui.notice.redlineLink, url: urls.absolute(urls.diff(version.policy, version.locale, version.previousVersion, version.version)) }]),
    { label: ui.notice.newTextLink, url: urls.absolute(urls.version(version.policy, version.locale, version.version)) },
    { label: ui.notice.historyLink, url: urls.absolute(urls.history(version.policy, version.locale)) },
  ];
  return {
    lang: ui.lang,
    subject: ui.notice.subject(version.title, effective),
    // Only a version recorded before it took effect was announced; imported history's publishedAt is the import.
    intro: [ui.notice.intro(version.title, effective), ...(version.published?.publication.kind === 'published' ? [ui.notice.announced(date(Date.parse(version.published.publishedAt)))] : [])],
    whatChanges: ui.notice.whatChanges,
    changes: version.summary,
    noSummary: ui.notice.noSummary,
    consent: version.changeType === 'material' ? ui.notice.consentAgain(effective) : ui.notice.noConsentAgain,
    links,
    sha256Label: ui.notice.sha256,
    sha256: version.sha256,
  };
}

/** The notice as plain text (UTF-8, LF), the subject on the first line. */
export function renderNoticeText(notice: NoticeDocument): string {
  const changes = notice.changes.length > 0 ? notice.changes.map((item) => `- ${item}`) : [notice.noSummary];
  return [
    notice.subject,
    '',
    ...notice.intro,
    '',
    `${notice.whatChanges}:`,
    ...changes,
    '',
    notice.consent,
    '',
    ...notice.links.map((link) => `${link.label}: ${link.url}`),
    `${notice.sha256Label}: ${notice.sha256}`,
    '',
  ].join('\n');
}

// Inline styles only: mail clients drop <style> blocks and never load stylesheets.
const BODY = 'margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5';
const HEADING = 'margin:0 0 16px;font-size:20px;line-height:1.3';
const SUBHEADING = 'margin:16px 0 8px;font-size:17px;line-height:1.3';
const PARAGRAPH = 'margin:0 0 12px';
const LINK = 'color:#0b57d0';
const CODE = 'font-family:Consolas,Menlo,monospace;font-size:13px;word-break:break-all';

/**
 * The notice as a standalone e-mail body: a whole HTML document with inline
 * styles, no script, no image and nothing fetched from elsewhere; the only
 * URLs are the links a reader follows.
 */
export function renderNoticeHtml(notice: NoticeDocument): string {
  // The feed's XML escaping: its five entities are HTML5's too.
  const e = escapeXml;
  const changes = notice.changes.length > 0 ? `<ul style="${PARAGRAPH};padding-left:24px">${notice.changes.map((item) => `<li>${e(item)}</li>`).join('')}</ul>` : `<p style="${PARAGRAPH}">${e(notice.noSummary)}</p>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(notice.lang)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(notice.subject)}</title></head>`,
    `<body style="${BODY}">`,
    `<h1 style="${HEADING}">${e(notice.subject)}</h1>`,
    ...notice.intro.map((sentence) => `<p style="${PARAGRAPH}">${e(sentence)}</p>`),
    `<h2 style="${SUBHEADING}">${e(notice.whatChanges)}</h2>`,
    changes,
    `<p style="${PARAGRAPH}"><strong>${e(notice.consent)}</strong></p>`,
    `<ul style="${PARAGRAPH};padding-left:24px">${notice.links.map((link) => `<li>${e(link.label)}: <a href="${e(link.url)}" style="${LINK}">${e(link.url)}</a></li>`).join('')}</ul>`,
    `<p style="${PARAGRAPH}">${e(notice.sha256Label)}: <code style="${CODE}">${e(notice.sha256)}</code></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
