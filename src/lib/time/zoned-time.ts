/**
 * Time-zone arithmetic on instants, with nothing but Intl: the wall-clock
 * fields of an instant in a zone, the zone's offset, the first instant of a
 * calendar day there, and the one form instants are published in. The
 * `effective` parser (effective-instant.ts) and every date shown to a person
 * build on it.
 */

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the proleptic Gregorian calendar; verify asks it once per record, so no Date is made. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** Milliseconds in 400 Gregorian years: the calendar repeats after them. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * `Date.UTC` with the year read as written: `Date.UTC` reads years 0–99 as
 * 1900–1999, so a year below 100 is computed 400 years later (the calendar
 * repeats) and moved back. Years 0000–9999 of the proleptic Gregorian
 * calendar, year 0 a leap year, as ISO 8601 has them.
 */
export function getUtcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  if (year >= 0 && year < 100) return Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - FOUR_CENTURIES_MS;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      // Without the era, 1 BC (ISO year 0) would read as year 1.
      era: 'short',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a time zone, as Intl reads them (the slow path: a formatter call). */
function readZonedParts(epochMs: number, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  let beforeCommonEra = false;
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type === 'era') beforeCommonEra = part.value === 'BC';
    else if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  // ISO 8601 numbers years astronomically: 1 BC is year 0.
  const year = parts['year'] ?? 0;
  return {
    year: beforeCommonEra ? 1 - year : year,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Wall-clock fields: what getZonedParts gives. */
interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** An instant's whole second (floored, before 1970 too). */
const floorSecond = (epochMs: number) => epochMs - (((epochMs % 1000) + 1000) % 1000);

/** The offset Intl gives at an instant, in milliseconds (whole seconds: local mean times have them). */
function readOffsetMs(epochMs: number, timeZone: string): number {
  const p = readZonedParts(epochMs, timeZone);
  return getUtcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - floorSecond(epochMs);
}

const HOUR_MS = 3_600_000;
/** Hours whose offset is known per zone; NaN for an hour with a transition in it. Cleared when it grows past a bound. */
const hourOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_HOURS = 200_000;

/**
 * The offset of a zone at an instant: read once per zone and hour from Intl
 * (a formatter call costs microseconds, and verify asks for millions). An
 * hour is cached only when its first and last second have the same offset,
 * so no transition falls inside it (tzdb has no pair of transitions within
 * one hour that cancel out); an hour with a transition is read each time.
 */
function offsetAt(epochMs: number, timeZone: string): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let zone = hourOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    hourOffsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = readOffsetMs(hour * HOUR_MS, timeZone);
    offset = readOffsetMs(hour * HOUR_MS + HOUR_MS - 1000, timeZone) === first ? first : Number.NaN;
    if (zone.size >= MAX_CACHED_HOURS) zone.clear();
    zone.set(hour, offset);
  }
  return Number.isNaN(offset) ? readOffsetMs(epochMs, timeZone) : offset;
}

/** The wall-clock fields of an instant in a time zone. */
export function getZonedParts(epochMs: number, timeZone: string): ZonedParts {
  // Outside what Date can hold once shifted, Intl reads it (and throws where it must).
  if (!(Math.abs(epochMs) < 8.6e15)) return readZonedParts(epochMs, timeZone);
  const wall = new Date(floorSecond(epochMs) + offsetAt(epochMs, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() };
}

/** The offset of a time zone from UTC at an instant, in milliseconds. */
export function getZoneOffsetMs(epochMs: number, timeZone: string): number {
  if (!(Math.abs(epochMs) < 8.6e15)) return readOffsetMs(epochMs, timeZone);
  return offsetAt(epochMs, timeZone);
}

function localDayNumber(epochMs: number, timeZone: string): number {
  const p = getZonedParts(epochMs, timeZone);
  return getUtcMs(p.year, p.month, p.day) / 86_400_000;
}

/**
 * The first instant of a calendar day in a time zone. Usually local midnight;
 * on a day whose midnight is skipped by a daylight-saving jump, the instant
 * the day actually begins.
 */
export function getStartOfZonedDay(year: number, month: number, day: number, timeZone: string): number {
  const utcMidnight = getUtcMs(year, month, day);
  const target = utcMidnight / 86_400_000;
  // Two rounds settle the offset on either side of a transition.
  let guess = utcMidnight - getZoneOffsetMs(utcMidnight, timeZone);
  guess = utcMidnight - getZoneOffsetMs(guess, timeZone);
  const guessParts = getZonedParts(guess, timeZone);
  if (localDayNumber(guess, timeZone) === target && guessParts.hour === 0 && guessParts.minute === 0 && guessParts.second === 0) {
    return guess;
  }
  // Midnight does not exist on this day (a daylight-saving jump at 00:00):
  // find the first instant of it by bisection. Offsets stay within ±16 h, so
  // the day starts somewhere in the 48 hours around UTC midnight.
  return searchDayStart(utcMidnight - 86_400_000, utcMidnight + 86_400_000, target, timeZone);
}

/** Earliest instant in (low, high] whose local day is at least `target`. */
function searchDayStart(low: number, high: number, target: number, timeZone: string): number {
  let lo = low;
  let hi = high;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (localDayNumber(mid, timeZone) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** ISO 8601 in UTC with millisecond precision and `Z`: the one form instants are published in. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** How {@link formatZonedInstant} writes an instant. */
interface ZonedIsoOptions {
  /**
   * Every instant in one shape, for a table column: always three digits of
   * milliseconds and a numeric offset (`+00:00`, never `Z`), so a cell's
   * wall-clock day and time are at fixed positions. Default false: the
   * shortest exact form, for messages.
   */
  fixed?: boolean;
}

/**
 * An instant as the site's wall clock reads it, ISO 8601 with the offset
 * that makes it exact: `2026-12-01T15:00:00+03:00` (milliseconds only when
 * not zero, `Z` in UTC) for messages, or with `fixed`
 * `2026-12-01T15:00:00.000+03:00` for versions.csv's local columns. The one
 * zoned ISO formatter of the code base; the feed and the ledger keep
 * {@link formatInstant}, people read {@link formatEffectiveDate}'s words.
 */
export function formatZonedInstant(epochMs: number, timeZone: string, options: ZonedIsoOptions = {}): string {
  const p = getZonedParts(epochMs, timeZone);
  const offsetMinutes = Math.round(getZoneOffsetMs(epochMs, timeZone) / 60_000);
  const two = (value: number) => String(value).padStart(2, '0');
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const numericOffset = `${sign}${two(Math.floor(Math.abs(offsetMinutes) / 60))}:${two(Math.abs(offsetMinutes) % 60)}`;
  const offset = offsetMinutes === 0 && !options.fixed ? 'Z' : numericOffset;
  const fraction = ms || options.fixed ? `.${String(ms).padStart(3, '0')}` : '';
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${fraction}${offset}`;
}

/** The first whole minute after an instant: a clean effective instant to suggest in a message. */
export function getNextMinute(epochMs: number): number {
  return (Math.floor(epochMs / 60_000) + 1) * 60_000;
}
