/**
 * The text of a new version file, as `npm run policy -- new` writes it: the
 * front matter filled in (title, effective date, a summary to write,
 * changeType, the source's lint settings, draft: true so nothing is
 * published by accident) and the body of the version it starts from, which
 * is the text in force at the new version's date.
 */
import type { FileLint } from '#schemas/front-matter.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { parseEffective, resolveEffective } from '#lib/time/effective-instant.ts';
import { getZonedParts } from '#lib/time/zoned-time.ts';

/** Written into `summary` by `new`; `check` refuses to publish it. */
export const SUMMARY_PLACEHOLDERS = ['Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Describe what changed from the previous version.'];

/** The placeholder for a locale: Russian for Russian texts, English otherwise. */
function getSummaryPlaceholder(locale: string): string {
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

/** Where a new version starts from, and the versions it does not carry. */
interface ScaffoldSource<T> {
  /** The version whose text and settings the new one copies, if any. */
  source: T | undefined;
  /** Ready versions that take effect after the new one: their changes are not in the copy. */
  later: T[];
}

/**
 * The version a new one starts from: the text in force at the instant it
 * takes effect, that is the latest ready version taking effect before it
 * (a draft only when no ready version does), never a version scheduled after
 * it, whose changes would otherwise slip in unseen. A new version dated
 * before every other starts from the first. Withdrawn versions never count.
 */
export function getScaffoldSource<T extends Pick<PolicyVersion, 'effectiveFrom' | 'draft' | 'published'>>(versions: readonly T[], instant: number): ScaffoldSource<T> {
  const live = [...versions].filter((version) => !version.published?.withdrawn).sort((a, b) => a.effectiveFrom - b.effectiveFrom);
  const before = live.filter((version) => version.effectiveFrom < instant);
  const source = before.filter((version) => !version.draft).at(-1) ?? before.at(-1) ?? live[0];
  return { source, later: live.filter((version) => !version.draft && version.effectiveFrom > instant) };
}

/** The `lint:` block of a front matter, or no lines when every rule applies. */
function lintLines(lint: FileLint | undefined): string[] {
  const ignored = Object.entries(lint?.ignore ?? {});
  if (ignored.length === 0) return [];
  return ['lint:', '  ignore:', ...ignored.map(([rule, reason]) => `    ${rule}: ${JSON.stringify(reason)}`)];
}

/**
 * The new file's text. YAML values are quoted where a plain scalar could be
 * misread. `lint`: the source's settings, kept (a link nobody changed must
 * not start warning in the copy).
 */
export function scaffoldVersion(options: { title: string; effective: string; locale: string; body: string; lint?: FileLint }): string {
  return [
    '---',
    `title: ${JSON.stringify(options.title)}`,
    `effective: ${options.effective}`,
    'summary:',
    `  - ${JSON.stringify(getSummaryPlaceholder(options.locale))}`,
    'changeType: material',
    ...lintLines(options.lint),
    '# Remove the next line when the text is ready, then run: npm run policy -- publish',
    'draft: true',
    '---',
    '',
    options.body.trimEnd(),
    '',
  ].join('\n');
}
