/**
 * The text of a new version file, as `npm run policy -- new` writes it: the
 * front matter filled in (title, effective date, a summary to write,
 * changeType, draft: true so nothing is published by accident) and the body
 * of the version it starts from.
 */
import { parseEffective, resolveEffective } from '#lib/time/effective-instant.ts';
import { getZonedParts } from '#lib/time/zoned-time.ts';

/** Written into `summary` by `new`; `check` refuses to publish it. */
export const SUMMARY_PLACEHOLDERS = ['Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Describe what changed from the previous version.'];

/** The placeholder for a locale: Russian for Russian texts, English otherwise. */
export function getSummaryPlaceholder(locale: string): string {
  return locale === 'ru' || locale.startsWith('ru-') ? (SUMMARY_PLACEHOLDERS[0] as string) : (SUMMARY_PLACEHOLDERS[1] as string);
}

/**
 * The default version id: the date the version takes effect, `YYYY-MM-DD` in
 * the site's time zone, with `-2`, `-3`… when that id is taken.
 * @returns null when `effective` is not a valid effective value
 */
export function getDefaultVersionId(effective: string, timeZone: string, taken: ReadonlySet<string>): string | null {
  const parsed = parseEffective(effective);
  if (!parsed.ok) return null;
  const instant = resolveEffective(parsed.value, timeZone);
  const day = parsed.value.kind === 'date' ? parsed.value : getZonedParts(instant, timeZone);
  const base = `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** The new file's text. YAML values are quoted where a plain scalar could be misread. */
export function scaffoldVersion(options: { title: string; effective: string; locale: string; body: string }): string {
  return [
    '---',
    `title: ${JSON.stringify(options.title)}`,
    `effective: ${options.effective}`,
    'summary:',
    `  - ${JSON.stringify(getSummaryPlaceholder(options.locale))}`,
    'changeType: material',
    '# Remove the next line when the text is ready, then run: npm run policy -- publish',
    'draft: true',
    '---',
    '',
    options.body.trimEnd(),
    '',
  ].join('\n');
}
