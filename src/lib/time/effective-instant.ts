/**
 * Parsing of the `effective` front-matter field into an instant.
 *
 * Two forms are accepted: a calendar date `YYYY-MM-DD`, meaning the start of
 * that day in the site's time zone, and an ISO 8601 date-time with an explicit
 * offset (`2025-09-01T00:00:00+03:00`, or `Z`). A date-time without an offset
 * is refused: the same text would name different instants on machines in
 * different zones, and a consent record must point at one instant.
 */
import { daysInMonth, getStartOfZonedDay, getUtcMs } from './zoned-time.ts';
import { problemText, type ProblemMessage } from '#lib/messages/message-catalog.ts';
import { detailText, type DetailMessage } from '#lib/corpus/problem.ts';

/** A syntactically valid `effective` value, before the time zone is applied. */
export type EffectiveValue =
  | { kind: 'date'; year: number; month: number; day: number }
  /** `nanos`: the nanoseconds written after the millisecond (0–999999), when some are: they never change which version is in force, only how much a record missed one by. */
  | { kind: 'date-time'; epochMs: number; nanos?: number };

/** Why an `effective` value was refused, with a fix the user can apply. */
interface EffectiveError {
  message: string;
  hint: string;
  /** The catalog message of `message` and `hint`, for reports in the reader's language. */
  text?: ProblemMessage;
  /**
   * For a form ISO 8601 or RFC 3339 knows and this grammar refuses (a leap
   * second, 24:00, a comma before the fraction, a lower-case t or z): what
   * it is and what to write, without the text, for a consent record's message.
   */
  detail?: string;
  /** The catalog message `detail` is the English text of, to say it in another language. */
  detailText?: DetailMessage;
}

export type EffectiveParseResult = { ok: true; value: EffectiveValue } | { ok: false; error: EffectiveError };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

function checkCalendarDate(raw: string, year: number, month: number, day: number): EffectiveError | null {
  if (month < 1 || month > 12) {
    return problemText('noSuchMonth', { value: raw, month });
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return problemText('noSuchDay', { value: raw, year, month, days: last });
  }
  return null;
}

/** A date-time ISO 8601 allows and this grammar does not (a comma before the fraction, a lower-case t or z), said as such. */
function nearMiss(text: string): EffectiveError | null {
  const stopped = text.replace(/^(.{19}),(?=\d)/, '$1.');
  if (stopped !== text && DATE_TIME.test(stopped)) {
    return {
      ...problemText('commaFraction', { value: text, fixed: stopped }),
      ...detailText({ id: 'commaFraction', params: { fixed: stopped } }),
    };
  }
  const upper = text.toUpperCase();
  if (upper !== text && DATE_TIME.test(upper)) {
    return { ...problemText('lowercaseTz', { value: text, fixed: upper }), ...detailText({ id: 'lowercaseTz', params: { fixed: upper } }) };
  }
  return null;
}

/**
 * Parses the text of an `effective` field, checking its syntax and that the
 * date exists in the calendar; the time zone is applied later by
 * {@link resolveEffective}.
 */
export function parseEffective(raw: string): EffectiveParseResult {
  const text = raw.trim();
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const error = checkCalendarDate(text, year, month, day);
    return error ? { ok: false, error } : { ok: true, value: { kind: 'date', year, month, day } };
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) {
    const near = nearMiss(text);
    if (near) return { ok: false, error: near };
    const spaced = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(text);
    return {
      ok: false,
      error: spaced ? problemText('spacedDateTime', { value: text, fixed: `${text.slice(0, 10)}T${text.slice(11, 16)}:00+03:00` }) : problemText('notADate', { value: text }),
    };
  }
  const [, y, mo, d, h, mi, s, fraction, offset] = dateTime;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const calendarError = checkCalendarDate(text, year, month, day);
  if (calendarError) return { ok: false, error: calendarError };
  const [hour, minute, second] = [Number(h), Number(mi), Number(s ?? 0)];
  if (second === 60 && hour <= 23 && minute <= 59) {
    return { ok: false, error: { ...problemText('leapSecond', { value: text }), ...detailText({ id: 'leapSecond', params: { minute: text.slice(11, 16) } }) } };
  }
  if (hour === 24 && minute === 0 && second === 0 && !/[1-9]/.test(fraction ?? '')) {
    return { ok: false, error: { ...problemText('midnight24', { value: text }), ...detailText({ id: 'midnight24', params: undefined }) } };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return {
      ok: false,
      error: problemText('noSuchTime', { value: text }),
    };
  }
  if (offset === undefined) {
    return {
      ok: false,
      error: problemText('noOffset', { value: text, date: text.slice(0, 10) }),
    };
  }
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) {
      return {
        ok: false,
        error: problemText('noSuchOffset', { value: text, offset }),
      };
    }
    offsetMinutes = sign * (oh * 60 + om);
  }
  // Only milliseconds survive: finer digits cannot change which version is in force.
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const nanos = fraction && fraction.length > 3 ? Number(fraction.slice(3).padEnd(6, '0')) : 0;
  const epochMs = getUtcMs(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return { ok: true, value: { kind: 'date-time', epochMs, ...(nanos > 0 ? { nanos } : {}) } };
}

/** Resolves a parsed `effective` value to epoch milliseconds in a time zone. */
export function resolveEffective(value: EffectiveValue, timeZone: string): number {
  return value.kind === 'date-time' ? value.epochMs : getStartOfZonedDay(value.year, value.month, value.day, timeZone);
}

/**
 * Parses an instant typed by a user on the command line or in a consent
 * record: an ISO date-time with an offset, or a bare date meaning the start of
 * that day in `timeZone`. Returns null when the text is neither.
 */
export function parseInstant(raw: string, timeZone: string): number | null {
  const parsed = parseEffective(raw);
  return parsed.ok ? resolveEffective(parsed.value, timeZone) : null;
}
