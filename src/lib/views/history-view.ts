/**
 * The history page of a policy in a locale: every version of the policy,
 * newest first, with its effective period, status at build time and summary;
 * a version with no text in this locale is listed too, with the languages it
 * exists in; a withdrawn one has no period, only its withdrawal; every
 * withdrawal, postponement, late publication and correction is listed with
 * its date and reason.
 */
import { getLanguageName } from '#lib/time/format-date.ts';
import { getTimeline, getVersion, getVersionTimeline } from '#lib/timeline/policy-corpus.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getCurrentVersion, getVersionStatus, type VersionStatus } from '#lib/timeline/timeline.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';
import { getSiteLocales } from '#lib/site/language-alternates.ts';
import { getPublicationNotes } from './publication-notes.ts';
import type { Note } from './reason-language.ts';
import { getPeriodView, getVersionView, type LanguageLink, type PeriodView, type VersionView } from './version-view.ts';

/** A version with no text in the history's locale. */
interface ElsewhereEntry {
  version: string;
  status: VersionStatus;
  statusLabel: string;
  period: PeriodView;
  /** The languages it exists in. */
  languages: LanguageLink[];
}

/** One line of the history. */
type HistoryEntry = { kind: 'text'; view: VersionView; events: Note[] } | { kind: 'elsewhere'; entry: ElsewhereEntry };

/** The history of one policy in one locale. */
export interface HistoryView {
  policy: string;
  locale: string;
  /** Title of the version the stable URL shows. */
  title: string;
  /** This locale's texts, newest first (the compare form offers these). */
  versions: VersionView[];
  /** Every version of the policy, newest first: this locale's texts, versions with no text here, withdrawn ones. */
  entries: HistoryEntry[];
}

/** Builds the history page of a policy in a locale, or undefined if it has no versions there. */
export function getHistoryView(context: SiteContext, policy: string, locale: string): HistoryView | undefined {
  const { corpus, urls, settings, now } = context;
  const timeline = getTimeline(corpus, policy, locale);
  const current = timeline && getCurrentVersion(timeline, now);
  if (!timeline || !current) return undefined;
  const ui = getUiStrings(locale);
  const siteLocales = getSiteLocales(context);
  const textEntry = (version: NonNullable<ReturnType<typeof getVersion>>): HistoryEntry => ({
    kind: 'text',
    view: getVersionView(context, version),
    events: getPublicationNotes(version, settings.timeZone, siteLocales, { withdrawal: true, corrections: true }),
  });
  const dated: { at: number; version: string; entry: HistoryEntry }[] = [];
  for (const entry of getVersionTimeline(corpus, policy, locale)?.entries ?? []) {
    const text = getVersion(corpus, policy, locale, entry.version);
    if (text) {
      dated.push({ at: entry.effectiveFrom, version: entry.version, entry: textEntry(text) });
      continue;
    }
    const status = getVersionStatus(entry, now);
    dated.push({
      at: entry.effectiveFrom,
      version: entry.version,
      entry: {
        kind: 'elsewhere',
        entry: {
          version: entry.version,
          status,
          statusLabel: { 'in-force': ui.statusInForce, scheduled: ui.statusScheduled, superseded: ui.statusSuperseded, withdrawn: ui.statusWithdrawn }[status],
          period: getPeriodView(entry.effectiveFrom, entry.effectiveUntil, locale, settings.timeZone),
          languages: entry.locales.map((other) => ({ locale: other, languageName: getLanguageName(other), href: urls.version(policy, other, entry.version) })),
        },
      },
    });
  }
  for (const withdrawn of corpus.withdrawn) {
    if (withdrawn.policy !== policy || withdrawn.locale !== locale) continue;
    dated.push({ at: withdrawn.effectiveFrom, version: withdrawn.version, entry: textEntry(withdrawn) });
  }
  dated.sort((a, b) => b.at - a.at || (a.version < b.version ? 1 : -1));
  const entries = dated.map((item) => item.entry);
  return {
    policy,
    locale,
    title: current.title,
    versions: entries.flatMap((entry) => (entry.kind === 'text' && entry.view.status !== 'withdrawn' ? [entry.view] : [])),
    entries,
  };
}
