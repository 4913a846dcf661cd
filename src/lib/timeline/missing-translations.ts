/**
 * The versions in force or scheduled that lack a text in a language the
 * policy was published in before. Translations share one timeline, so from
 * the instant such a version takes effect, that language's pages can show
 * only the previous text, "for reference only": legal staff must know before
 * a reader finds out. A warning, not an error: a version may be published in
 * one language on purpose (the site then says where its text is).
 */
import type { Problem } from '#lib/corpus/problem.ts';
import { formatZonedInstant } from '#lib/time/zoned-time.ts';
import { getTextElsewhere, type PolicyCorpus } from './policy-corpus.ts';

/**
 * One warning per version in force at `now` or scheduled after it, and per
 * locale that has a text of an earlier version of the policy but not of it.
 * Locales that are independent documents have their own timelines: nothing
 * is missing there.
 */
export function findMissingTranslations(corpus: PolicyCorpus, now: number, timeZone: string, defaultLocale: string): Problem[] {
  if (corpus.localeModel !== 'translations') return [];
  const when = (instant: number) => formatZonedInstant(instant, timeZone);
  const warnings: Problem[] = [];
  for (const timeline of corpus.versionTimelines.values()) {
    const earlier = new Set<string>();
    for (const entry of timeline.entries) {
      const current = entry.effectiveUntil === null || entry.effectiveUntil > now;
      const missing = [...earlier].filter((locale) => !entry.locales.includes(locale)).sort();
      const text = getTextElsewhere(corpus, entry, defaultLocale);
      if (current && text) {
        for (const locale of missing) {
          const inForce = entry.effectiveFrom <= now;
          const state = inForce ? `is in force since ${when(entry.effectiveFrom)}` : `is scheduled for ${when(entry.effectiveFrom)}`;
          const pages = inForce ? `the ${locale} pages show the previous text for reference only` : `from then on the ${locale} pages will show the previous text for reference only`;
          warnings.push({
            file: text.file,
            line: 1,
            severity: 'warning',
            code: 'missing-translation',
            message: `${entry.policy} ${entry.version} ${state} with no ${locale} text, while earlier versions have one: ${pages}`,
            hint: `Add its ${locale} text: npm run policy -- new ${entry.policy} --locale ${locale} --effective ${text.effective} --version ${entry.version}, translate it, and publish. If it stays ${entry.locales.join(', ')} only on purpose, nothing needs to change.`,
          });
        }
      }
      for (const locale of entry.locales) earlier.add(locale);
    }
  }
  return warnings;
}
