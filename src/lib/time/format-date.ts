/**
 * Dates as readers expect them in their language («1 сентября 2025 г.»,
 * "September 1, 2025"), always in the site's time zone, never the machine's:
 * the same build on any machine prints the same dates.
 */
import { getZonedParts } from './zoned-time.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

type Precision = 'day' | 'minute' | 'second';

function formatter(locale: string, timeZone: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${precision}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      ...(precision === 'day' ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }),
      ...(precision === 'second' ? { second: '2-digit' } : {}),
    } as const);
    formatters.set(key, cached);
  }
  return cached;
}

/** Whether an instant is the very start of a day in the time zone. */
export function isStartOfDay(epochMs: number, timeZone: string): boolean {
  const parts = getZonedParts(epochMs, timeZone);
  return parts.hour === 0 && parts.minute === 0 && parts.second === 0 && epochMs % 1000 === 0;
}

/**
 * An effective instant for people: the date alone when the version starts at
 * the beginning of a day, else the date with the time and zone, to the second
 * when the seconds are not zero (versions a few seconds apart must not look
 * simultaneous).
 */
export function formatEffectiveDate(epochMs: number, locale: string, timeZone: string): string {
  // A build formats the same few thousand instants on every page that lists them: once each is enough.
  const key = `${epochMs}|${locale}|${timeZone}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    const precision: Precision = isStartOfDay(epochMs, timeZone) ? 'day' : getZonedParts(epochMs, timeZone).second === 0 ? 'minute' : 'second';
    text = formatter(locale, timeZone, precision).format(epochMs);
    formattedDates.set(key, text);
  }
  return text;
}

const formattedDates = new Map<string, string>();
const languageNames = new Map<string, string>();

/** The name of a language in that language, capitalized: «Русский», "English". */
export function getLanguageName(locale: string): string {
  let cached = languageNames.get(locale);
  if (cached === undefined) {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    cached = name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    languageNames.set(locale, cached);
  }
  return cached;
}

/** A calendar day written `YYYY-MM-DD` (a correction's date), shown the local way, the same in every time zone. */
export function formatCalendarDate(isoDate: string, locale: string): string {
  return formatEffectiveDate(Date.parse(`${isoDate}T00:00:00Z`), locale, 'UTC');
}
