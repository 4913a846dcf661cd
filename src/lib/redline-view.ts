/**
 * What a redline page shows: the summary, the changed sections and the
 * rendered redline, for a pair of versions or for a correction.
 */
import { toHtml } from 'hast-util-to-html';
import { formatCalendarDate, formatEffectiveDate } from './format-date.ts';
import { rehypeBasePath } from './markdown-pipeline.ts';
import { getDocumentBlocks, type DocBlock } from './redline/document-blocks.ts';
import { createRedline } from './redline/redline.ts';
import { renderInlineRedline, renderSideBySideRedline } from './redline/render-redline.ts';
import type { SiteContext } from './site-context.ts';
import type { RedlinePair } from './redline-pairs.ts';
import type { TimelineVersion } from './timeline.ts';
import { getUiStrings } from './ui-strings.ts';

/** One of the two ways to show a redline. */
export type RedlineLayout = 'inline' | 'side-by-side';

/** A summary written by the authors of a version in the compared range. */
export interface AuthorsSummary {
  version: string;
  dateText: string;
  items: string[];
}

/** Everything a redline page prints. */
export interface RedlineView {
  policy: string;
  locale: string;
  title: string;
  subtitle: string;
  fromVersion: string;
  toVersion: string;
  fromHref: string;
  toHref: string;
  fromDateText: string;
  toDateText: string;
  inlineHref: string;
  /** Null for redlines shown in one column only (corrections). */
  sideBySideHref: string | null;
  layout: RedlineLayout;
  hasChanges: boolean;
  countsText: string;
  sections: { title: string; href: string; countText: string }[];
  summaries: AuthorsSummary[];
  degraded: boolean;
  /** The rendered redline: sanitized policy markup with `<ins>`/`<del>`. */
  html: string;
}

/** The two texts a redline page compares and how the page names them. */
interface RedlineSides {
  policy: string;
  locale: string;
  title: string;
  subtitle: string;
  fromVersion: string;
  toVersion: string;
  fromHref: string;
  toHref: string;
  fromDateText: string;
  toDateText: string;
  inlineHref: string;
  sideBySideHref: string | null;
  summaries: AuthorsSummary[];
}

function renderRedlineView(sides: RedlineSides, oldBlocks: DocBlock[], newBlocks: DocBlock[], layout: RedlineLayout): RedlineView {
  const ui = getUiStrings(sides.locale);
  const redline = createRedline(oldBlocks, newBlocks, { locale: sides.locale });
  const rendered =
    layout === 'inline'
      ? renderInlineRedline(redline, ui.diff.labels)
      : renderSideBySideRedline(redline, ui.diff.labels, { old: `${ui.diff.fromVersion}: ${sides.fromDateText}`, new: `${ui.diff.toVersion}: ${sides.toDateText}` });
  return {
    ...sides,
    layout,
    hasChanges: redline.changes.length > 0,
    countsText: redline.changes.length > 0 ? ui.diff.counts(redline.stats) : ui.diff.noChanges,
    sections: redline.sections.map((section) => ({
      title: section.title ?? ui.diff.preamble,
      href: `#change-${section.firstChange + 1}`,
      countText: ui.diff.changesInSection(section.changes),
    })),
    degraded: redline.degraded,
    html: toHtml(rendered),
  };
}

/**
 * Builds a redline page of two versions.
 * @param blocksOf the blocks of a version (cached by the caller; each version is cut once)
 */
export function getRedlineView(
  context: SiteContext,
  pair: RedlinePair,
  layout: RedlineLayout,
  blocksOf: (version: TimelineVersion) => DocBlock[],
): RedlineView {
  const { urls, settings } = context;
  const { from, to } = pair;
  const ui = getUiStrings(to.locale);
  const format = (instant: number) => formatEffectiveDate(instant, ui.lang, settings.timeZone);
  const fromDateText = format(from.effectiveFrom);
  const toDateText = format(to.effectiveFrom);
  const timeline = context.corpus.timelines.get(`${to.policy}/${to.locale}`);
  const between = timeline?.versions.slice(from.index + 1, to.index + 1) ?? [to];
  return renderRedlineView(
    {
      policy: to.policy,
      locale: to.locale,
      title: ui.diff.title(to.title),
      subtitle: ui.diff.between(fromDateText, toDateText),
      fromVersion: from.version,
      toVersion: to.version,
      fromHref: urls.version(from.policy, from.locale, from.version),
      toHref: urls.version(to.policy, to.locale, to.version),
      fromDateText,
      toDateText,
      inlineHref: urls.diff(to.policy, to.locale, from.version, to.version),
      sideBySideHref: urls.diffSideBySide(to.policy, to.locale, from.version, to.version),
      summaries: between
        .filter((version) => version.summary.length > 0)
        .map((version) => ({ version: version.version, dateText: format(version.effectiveFrom), items: version.summary })),
    },
    blocksOf(from),
    blocksOf(to),
    layout,
  );
}

/** The body of a published text (its canonical front matter removed). */
export function getPublishedBody(text: string): string {
  const end = text.indexOf('\n---\n', 4);
  return end === -1 ? text : text.slice(end + 5).replace(/^\n/, '');
}

/**
 * The redline of the n-th correction (1-based) of a version: the text before
 * it (from the archive) against the text it produced.
 * @returns undefined when the version has no such correction or an archived text is missing
 */
export function getCorrectionView(context: SiteContext, version: TimelineVersion, number: number, readArchive: (sha256: string) => string | null): RedlineView | undefined {
  const correction = version.published?.corrections[number - 1];
  if (!correction) return undefined;
  const before = readArchive(correction.previousSha256);
  const after = correction.sha256 === version.sha256 ? version.body : getPublishedBody(readArchive(correction.sha256) ?? '');
  if (before === null) return undefined;
  const { urls } = context;
  const ui = getUiStrings(version.locale);
  const dateText = formatCalendarDate(correction.date, ui.lang);
  const permanent = urls.version(version.policy, version.locale, version.version);
  const href = urls.correction(version.policy, version.locale, version.version, number);
  return renderRedlineView(
    {
      policy: version.policy,
      locale: version.locale,
      title: ui.corrections.pageTitle(version.title, dateText),
      subtitle: correction.reason,
      fromVersion: `${version.version} · ${correction.previousSha256.slice(0, 12)}`,
      toVersion: `${version.version} · ${correction.sha256.slice(0, 12)}`,
      fromHref: urls.rawByHash(version.policy, version.locale, version.version, correction.previousSha256),
      toHref: permanent,
      fromDateText: ui.corrections.before,
      toDateText: ui.corrections.after,
      inlineHref: href,
      sideBySideHref: null,
      summaries: [],
    },
    getDocumentBlocks(getPublishedBody(before), { transformLinks: rehypeBasePath({ basePath: context.settings.basePath }) }),
    getDocumentBlocks(after, { transformLinks: rehypeBasePath({ basePath: context.settings.basePath }) }),
    'inline',
  );
}
