/**
 * A calendar day in words, as the site and the client kit both write it:
 * «15 января 2027 г.» with the no-break spaces Russian typography requires,
 * "15 January 2027" (day first, as in the policies' own English). One
 * function for both, so the kit's «С 15 января 2027 г. действует новая
 * редакция…» is the site's banner to the character. It imports nothing: the
 * kit bundles it.
 */

/** U+00A0: binds «2025» to «г.» and a day to its month. */
const NBSP = '\u00a0';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The day an instant falls on in a time zone, in words.
 * @param locale `ru`, `en` (written as British English: the day first) or any other BCP 47 tag
 * @param timeZone an IANA zone; undefined for the runtime's own (a kit whose feed gave none)
 */
export function formatDayWords(epochMs: number, locale: string, timeZone: string | undefined): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { timeZone, year: 'numeric', month: 'long', day: 'numeric' });
    formatters.set(key, formatter);
  }
  const text = formatter.format(epochMs);
  return locale === 'ru' ? text.replace(/^(\d{1,2}) /, `$1${NBSP}`).replace(/ г\.$/, `${NBSP}г.`) : text;
}
