/**
 * `stated-date`: a date the text states about itself agrees with the
 * version. "Дата вступления в силу", "вступает в силу", "effective date"…
 * must name the day `effective` starts in the site's time zone; "редакция
 * от", "последнее обновление", "last updated"… must not be earlier than the
 * latest correction, nor later than the version's last change (it took
 * effect, or a correction was made), nor earlier than the day the previous
 * version took effect (a date copied along with the text).
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { getZonedParts } from '#lib/time/zoned-time.ts';
import { createRunLocator, getTextRuns } from '#lib/markdown/text-runs.ts';
import { report, type VersionFacts } from '../lint-context.ts';
import { findStatedDates, type StatedDate } from '../stated-dates.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

const iso = (year: number, month: number, day: number | null) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}${day === null ? '' : `-${String(day).padStart(2, '0')}`}`;

/** The day of an instant in the site's time zone, `YYYY-MM-DD`. */
function dayOf(instant: number, timeZone: string): string {
  const parts = getZonedParts(instant, timeZone);
  return iso(parts.year, parts.month, parts.day);
}

/** A stated date as a `YYYY-MM-DD` (or `YYYY-MM`) comparable with a day, cut to its precision. */
function compare(stated: StatedDate, day: string): number {
  const own = iso(stated.year, stated.month, stated.day);
  const other = day.slice(0, own.length);
  return own < other ? -1 : own > other ? 1 : 0;
}

const statedDate = lintRule<Root, VersionFacts>('policy-press:stated-date', (tree, file, facts) => {
  const source = String(file.value);
  const locator = createRunLocator(source);
  const effectiveDay = dayOf(facts.effectiveFrom, facts.timeZone);
  const lastCorrection = facts.corrections.at(-1) ?? null;
  const lastChange = lastCorrection !== null && lastCorrection > effectiveDay ? lastCorrection : effectiveDay;
  const previousDay = facts.previous ? dayOf(facts.previous.effectiveFrom, facts.timeZone) : null;
  for (const run of getTextRuns(tree)) {
    for (const stated of findStatedDates(run.text, facts.locale)) {
      const place = locator.pointAt(run, stated.start);
      const quoted = run.text.slice(stated.labelStart, stated.end).replace(/\s+/g, ' ');
      const written = iso(stated.year, stated.month, stated.day);
      if (!stated.valid) {
        report(file, problemText('dateNotReal', { stated: quoted }), place);
      } else if (stated.kind === 'effective') {
        if (compare(stated, effectiveDay) !== 0) {
          report(file, problemText('dateNotEffective', { stated: quoted, written, effective: effectiveDay, timeZone: facts.timeZone }), place);
        }
      } else if (lastCorrection !== null && compare(stated, lastCorrection) < 0) {
        report(file, problemText('dateNotCorrection', { stated: quoted, written, corrected: lastCorrection }), place);
      } else if (compare(stated, lastChange) > 0) {
        const text = lastCorrection
          ? problemText('dateAfterCorrection', { stated: quoted, written, effective: effectiveDay, corrected: lastCorrection })
          : problemText('dateAfterChange', { stated: quoted, written, effective: effectiveDay });
        report(file, text, place);
      } else if (previousDay !== null && facts.previous && compare(stated, previousDay) < 0) {
        report(file, problemText('dateCopied', { stated: quoted, written, previous: facts.previous.version, previousEffective: previousDay }), place);
      }
    }
  }
});

export default statedDate;
