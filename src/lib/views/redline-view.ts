/**
 * What a redline page shows: the summary, the changed sections and the
 * rendered redline, for a pair of versions or for a correction.
 */
import { toHtml } from 'hast-util-to-html';
import { formatCalendarDate, formatEffectiveDate } from '#lib/time/format-date.ts';
import { getPolicyLinkTargets } from '#lib/markdown/policy-links.ts';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';
import { rehypeFragmentLinksTo } from '#lib/markdown/clause-anchors.ts';
import { createRedline, type ChangedSection, type RedlineStats } from '#lib/redline/redline.ts';
import { renderInlineRedline, renderSideBySideRedline, type RenderableBlock } from '#lib/redline/render-redline.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import type { RedlinePair } from '#lib/redline/redline-pairs.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';
import { splitPublishedText } from '#lib/timeline/published-text.ts';

/** A summary written by the authors of a version in the compared range. */
interface AuthorsSummary {
  version: string;
  dateText: string;
  items: string[];
}

/** Everything a redline page prints: how it names the two texts, and the redline. */
export interface RedlineView extends RedlineSides {
  hasChanges: boolean;
  countsText: string;
  /** Changed sections, with a link to their first change in each layout. */
  sections: { title: string; inlineHref: string; sideBySideHref: string; countText: string }[];
  degraded: boolean;
  /** The redline in one column: sanitized policy markup with `<ins>`/`<del>`. */
  inlineHtml: string;
  /** The same redline in two columns (old left, new right). */
  sideBySideHtml: string;
}

/** Anchors of the changes in the side-by-side layout (the inline layout uses `change-N`). */
const SIDE_BY_SIDE_ID_PREFIX = 'sbs-change-';

/** The two texts a redline page compares and how the page names them. */
export interface RedlineSides {
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
  /** The page's own URL. */
  href: string;
  summaries: AuthorsSummary[];
}

/**
 * The computed part of a redline page: what comparing the two texts gives,
 * whatever the page calls them. Plain data, so a worker thread can compute it
 * (see redline-task.ts).
 */
export interface RedlineBody {
  changeCount: number;
  stats: RedlineStats;
  sections: ChangedSection[];
  degraded: boolean;
  inlineHtml: string;
  sideBySideHtml: string;
}

/**
 * Computes the redline once and renders both layouts of it (the page switches between them without script).
 * @param pagePath the newer text's permanent page: the texts' own in-page links (`#3.4`, `#12-questions-and-concerns`)
 *   lead there, since the redline shows their blocks without the ids (they would repeat on both sides)
 */
export function renderRedlineBody(locale: string, oldBlocks: readonly RenderableBlock[], newBlocks: readonly RenderableBlock[], headings: { old: string; new: string }, pagePath: string): RedlineBody {
  const ui = getUiStrings(locale);
  const redline = createRedline(oldBlocks, newBlocks, { locale });
  // After the redline is computed, so both sides' links stay equal where the texts' links are.
  const toPage = rehypeFragmentLinksTo(pagePath);
  const inline = renderInlineRedline(redline, ui.diff.labels);
  const sideBySide = renderSideBySideRedline(redline, ui.diff.labels, headings, SIDE_BY_SIDE_ID_PREFIX);
  toPage(inline);
  toPage(sideBySide);
  return {
    changeCount: redline.changes.length,
    stats: redline.stats,
    sections: redline.sections,
    degraded: redline.degraded,
    inlineHtml: toHtml(inline, { allowDangerousHtml: true }),
    sideBySideHtml: toHtml(sideBySide, { allowDangerousHtml: true }),
  };
}

/** How the two layouts of a page title their columns. */
export function getRedlineHeadings(sides: RedlineSides): { old: string; new: string } {
  const ui = getUiStrings(sides.locale);
  return { old: `${ui.diff.fromVersion}: ${sides.fromDateText}`, new: `${ui.diff.toVersion}: ${sides.toDateText}` };
}

/** Puts a computed redline under the page's names for the two texts. */
export function composeRedlineView(sides: RedlineSides, body: RedlineBody): RedlineView {
  const ui = getUiStrings(sides.locale);
  return {
    ...sides,
    hasChanges: body.changeCount > 0,
    countsText: body.changeCount > 0 ? ui.diff.counts(body.stats) : ui.diff.noChanges,
    sections: body.sections.map((section) => ({
      title: section.title ?? ui.diff.preamble,
      inlineHref: `#change-${section.firstChange + 1}`,
      sideBySideHref: `#${SIDE_BY_SIDE_ID_PREFIX}${section.firstChange + 1}`,
      countText: ui.diff.changesInSection(section.changes),
    })),
    degraded: body.degraded,
    inlineHtml: body.inlineHtml,
    sideBySideHtml: body.sideBySideHtml,
  };
}

function renderRedlineView(sides: RedlineSides, oldBlocks: readonly RenderableBlock[], newBlocks: readonly RenderableBlock[]): RedlineView {
  return composeRedlineView(sides, renderRedlineBody(sides.locale, oldBlocks, newBlocks, getRedlineHeadings(sides), sides.toHref));
}

/** How a redline page of two versions names them, links them and lists the authors' summaries between them. */
export function getRedlineSides(context: SiteContext, pair: RedlinePair): RedlineSides {
  const { urls, settings } = context;
  const { from, to } = pair;
  const ui = getUiStrings(to.locale);
  const format = (instant: number) => formatEffectiveDate(instant, ui.lang, settings.timeZone);
  const fromDateText = format(from.effectiveFrom);
  const toDateText = format(to.effectiveFrom);
  const timeline = context.corpus.timelines.get(`${to.policy}/${to.locale}`);
  const between = timeline?.versions.slice(from.index + 1, to.index + 1) ?? [to];
  return {
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
    href: urls.diff(to.policy, to.locale, from.version, to.version),
    summaries: between.filter((version) => version.summary.length > 0).map((version) => ({ version: version.version, dateText: format(version.effectiveFrom), items: version.summary })),
  };
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
  const after = correction.sha256 === version.sha256 ? version.body : splitPublishedText(readArchive(correction.sha256) ?? '').body;
  if (before === null) return undefined;
  const { urls } = context;
  const ui = getUiStrings(version.locale);
  const dateText = formatCalendarDate(correction.date, ui.lang);
  const permanent = urls.version(version.policy, version.locale, version.version);
  const href = urls.correction(version.policy, version.locale, version.version, number);
  // Cut as the version's page is rendered: clause references, policy: links to the versions they name, the base path.
  const blockOptions = {
    basePath: context.settings.basePath,
    context: { locale: version.locale, title: version.title, permanentPath: permanent, policyLinkTargets: getPolicyLinkTargets(context.corpus, version, context.settings.defaultLocale, urls) },
  };
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
      href,
      summaries: [],
    },
    getDocumentBlocks(splitPublishedText(before).body, blockOptions),
    getDocumentBlocks(after, blockOptions),
  );
}
