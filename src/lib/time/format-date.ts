/**
 * Dates and instants as readers expect them in their language, always in the
 * site's time zone, never the machine's, so the same build on any machine
 * prints the same words: «1 сентября 2025 г.», "1 September 2025" (the day
 * first, as in the policies' own English); an instant to the minute with the
 * zone as people write it, «7 декабря 2026 г., 09:36 МСК», "7 December 2026,
 * 09:36 MSK"; a period «с 1 сентября 2025 г. по 14 февраля 2026 г.
 * включительно». Russian text gets the no-break spaces its typography
 * requires («2025 г.», «1 сентября»), so a date never breaks across lines.
 */
import { formatDayWords } from './day-words.ts';

// Pages import a language's name with the dates; it lives apart so the client kit bundles it without the rest.
export { getLanguageName } from '#lib/site/language-name.ts';
import { getZonedParts, getZoneOffsetMs } from './zoned-time.ts';

/** U+00A0: binds a time to its zone («09:36 МСК»). */
const NBSP = '\u00a0';

/** A calendar day in words, with Russian no-break spaces (the kit writes its days with the same function). */
function formatDay(year: number, month: number, day: number, locale: string): string {
  return formatDayWords(Date.UTC(year, month - 1, day), locale, 'UTC');
}

/**
 * The IANA zones of Russia (tzdata's zone1970.tab, RU). Russians name their
 * zones by their distance from Moscow («МСК+2»), not by an offset from UTC,
 * and ICU knows no such names.
 */
const RUSSIAN_ZONES = new Set([
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'W-SU',
  'Europe/Kirov',
  'Europe/Volgograd',
  'Europe/Astrakhan',
  'Europe/Saratov',
  'Europe/Ulyanovsk',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Barnaul',
  'Asia/Tomsk',
  'Asia/Novokuznetsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Chita',
  'Asia/Yakutsk',
  'Asia/Khandyga',
  'Asia/Vladivostok',
  'Asia/Ust-Nera',
  'Asia/Magadan',
  'Asia/Sakhalin',
  'Asia/Srednekolymsk',
  'Asia/Kamchatka',
  'Asia/Anadyr',
]);

const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

/** `+3`, `-4:30`: an offset in hours, minutes only when not whole. */
function formatOffsetHours(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const sign = offsetMs < 0 ? '−' : '+';
  return `${sign}${Math.floor(minutes / 60)}${minutes % 60 ? `:${String(minutes % 60).padStart(2, '0')}` : ''}`;
}

/**
 * The zone as people write it after a time: «МСК», «МСК+2» (Russia's zones,
 * "MSK" in English), else the zone's short name when the language has one
 * ("UTC", "EST", "CET"), else the offset from UTC ("UTC+5:30").
 * @public Exported for its tests: tested for zones with and without a common abbreviation.
 */
export function getZoneAbbreviation(epochMs: number, locale: string, timeZone: string): string {
  const offset = getZoneOffsetMs(epochMs, timeZone);
  if (RUSSIAN_ZONES.has(timeZone)) {
    const fromMoscow = offset - getZoneOffsetMs(epochMs, 'Europe/Moscow');
    return `${locale === 'ru' ? 'МСК' : 'MSK'}${fromMoscow === 0 ? '' : formatOffsetHours(fromMoscow)}`;
  }
  const key = `${locale}|${timeZone}`;
  let formatter = zoneNameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { timeZone, timeZoneName: 'short' });
    zoneNameFormatters.set(key, formatter);
  }
  const name = formatter.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
  // ICU's fallback is "GMT+3": say UTC, the reference the law and the feed use.
  if (name === '' || name.startsWith('GMT+') || name.startsWith('GMT-') || name.startsWith('GMT−')) return offset === 0 ? 'UTC' : `UTC${formatOffsetHours(offset)}`;
  return name;
}

/**
 * Whether an instant is the very start of a day in the time zone.
 * @public Exported for its tests: tested at the day's boundaries in several zones.
 */
export function isStartOfDay(epochMs: number, timeZone: string): boolean {
  const parts = getZonedParts(epochMs, timeZone);
  return parts.hour === 0 && parts.minute === 0 && parts.second === 0 && epochMs % 1000 === 0;
}

/**
 * An instant for people, always with its time: «7 декабря 2026 г., 09:36
 * МСК», "7 December 2026, 09:36 MSK". Seconds are shown only when asked and
 * not zero.
 * @param options `seconds`: keep non-zero seconds (an effective instant: versions seconds apart must not look simultaneous)
 */
export function formatZonedDateTime(epochMs: number, locale: string, timeZone: string, options: { seconds?: boolean } = {}): string {
  const p = getZonedParts(epochMs, timeZone);
  const two = (value: number) => String(value).padStart(2, '0');
  const time = `${two(p.hour)}:${two(p.minute)}${options.seconds && p.second !== 0 ? `:${two(p.second)}` : ''}`;
  return `${formatDay(p.year, p.month, p.day, locale)}, ${time}${NBSP}${getZoneAbbreviation(epochMs, locale, timeZone)}`;
}

const formattedDates = new Map<string, string>();

/**
 * An effective instant for people: the date alone when the version starts at
 * the beginning of a day, else the date with the time and zone, to the second
 * when the seconds are not zero.
 */
export function formatEffectiveDate(epochMs: number, locale: string, timeZone: string): string {
  // A build formats the same few thousand instants on every page that lists them: once each is enough.
  const key = `${epochMs}|${locale}|${timeZone}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    const p = getZonedParts(epochMs, timeZone);
    text = isStartOfDay(epochMs, timeZone) ? formatDay(p.year, p.month, p.day, locale) : formatZonedDateTime(epochMs, locale, timeZone, { seconds: true });
    formattedDates.set(key, text);
  }
  return text;
}

/** One end of a period: the words, and the `datetime` of its `<time>` (an instant, or a calendar day). */
export interface PeriodBound {
  text: string;
  datetime: string;
}

/**
 * The ends of a version's period as a lawyer states them. A period that ends
 * where a day begins ends, inclusive, on the day before («по 14 февраля
 * 2026 г. включительно»: the next version starts at 00:00 on the 15th); one
 * that ends mid-day ends at that instant, exclusive.
 * @param until the instant the next version takes effect, or null while none is scheduled
 */
export function getPeriodBounds(from: number, until: number | null, locale: string, timeZone: string): { from: PeriodBound; until: PeriodBound | null; inclusive: boolean } {
  const start = { text: formatEffectiveDate(from, locale, timeZone), datetime: new Date(from).toISOString() };
  if (until === null) return { from: start, until: null, inclusive: false };
  if (!isStartOfDay(until, timeZone)) return { from: start, until: { text: formatEffectiveDate(until, locale, timeZone), datetime: new Date(until).toISOString() }, inclusive: false };
  const p = getZonedParts(until, timeZone);
  const lastDay = new Date(Date.UTC(p.year, p.month - 1, p.day - 1));
  return {
    from: start,
    until: { text: formatDay(lastDay.getUTCFullYear(), lastDay.getUTCMonth() + 1, lastDay.getUTCDate(), locale), datetime: lastDay.toISOString().slice(0, 10) },
    inclusive: true,
  };
}

/** A calendar day written `YYYY-MM-DD` (a correction's date), shown the local way, the same in every time zone. */
export function formatCalendarDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return formatDay(year ?? 0, month ?? 1, day ?? 1, locale);
}
