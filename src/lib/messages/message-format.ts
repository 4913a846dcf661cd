/**
 * The few helpers a message of the catalogs needs beyond a template string:
 * a count with the noun form its language requires (Russian has three, «1
 * проблема», «2 проблемы», «5 проблем», through `Intl.PluralRules`), and
 * the same count written as a placeholder when the reference page asks a
 * message for its text with names in place of values (`{count}` is then a
 * string, never a number).
 */

const ruPlural = new Intl.PluralRules('ru');
const enPlural = new Intl.PluralRules('en');

/** The forms of a count as the reference page shows them: `{count: проблема|проблемы|проблем}`. */
function placeholderForms(count: string, forms: string[]): string {
  return `${count.replace(/}$/, '')}: ${forms.join('|')}}`;
}

/**
 * The Russian form of a noun after a count: «проблема» (1, 21), «проблемы»
 * (2–4, 22), «проблем» (5–20, 0). The word alone, without the count.
 */
export function ruForm(count: number, one: string, few: string, many: string): string {
  if (typeof count !== 'number') return placeholderForms(String(count), [one, few, many]);
  const form = ruPlural.select(count);
  return form === 'one' ? one : form === 'few' ? few : many;
}

/** The English form of a noun after a count: "problem" (1), "problems". The word alone. */
export function enForm(count: number, one: string, other: string): string {
  if (typeof count !== 'number') return placeholderForms(String(count), [one, other]);
  return enPlural.select(count) === 'one' ? one : other;
}

/** «1 пункт», «2 пункта», «5 пунктов»: a count and its Russian noun (the site's interface writes them so too). */
export function ru3(count: number, one: string, few: string, many: string): string {
  return `${count} ${ruForm(count, one, few, many)}`;
}

/** "1 problem", "5 problems". */
export function en2(count: number, one: string, other: string): string {
  return `${count} ${enForm(count, one, other)}`;
}

/** How many items a list holds, for the noun forms after it; a placeholder (on the reference page) stays a placeholder, so the forms show as `{later: takes|take}`. */
export function countOf(items: readonly unknown[]): number {
  return Array.isArray(items) ? items.length : (items as unknown as number);
}
