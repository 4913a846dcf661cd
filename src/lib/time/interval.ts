/**
 * Half-open intervals of time, the one answer to "which version is in force
 * at instant t". A version is in force from the instant it takes effect
 * (inclusive) until the next one takes effect (exclusive): at the exact
 * instant of a change the new version is in force, one millisecond before it
 * the old one. Every part of the product (the timeline, the consent index,
 * re-consent, verify, the feeds, the client kit in the browser) asks here,
 * so no two places can disagree on a boundary. No imports: the kit bundles it.
 */

/** `[from, until)` in epoch milliseconds; `until` null while no later version exists. */
export interface Interval {
  from: number;
  until: number | null;
}

/** Where an interval stands relative to an instant. */
export type IntervalStatus = 'scheduled' | 'in-force' | 'superseded';

/** Whether something that begins at `start` has begun at `instant`: a start is inclusive. */
export function hasBegun(start: number, instant: number): boolean {
  return start <= instant;
}

/** Whether `instant` falls inside the interval. */
export function isInForceAt(interval: Interval, instant: number): boolean {
  return hasBegun(interval.from, instant) && (interval.until === null || !hasBegun(interval.until, instant));
}

/** Whether the interval has not begun, is running, or has ended at `now`. */
export function getIntervalStatus(interval: Interval, now: number): IntervalStatus {
  if (!hasBegun(interval.from, now)) return 'scheduled';
  if (interval.until !== null && hasBegun(interval.until, now)) return 'superseded';
  return 'in-force';
}

/**
 * How many items of a list sorted by start have started by `instant` (start
 * ≤ instant). Binary search: timelines can hold thousands of versions.
 * @param startOf the instant an item begins, epoch ms
 */
export function countStartedBy<T>(sorted: readonly T[], instant: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (hasBegun(startOf(sorted[middle] as T), instant)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The item in force at `instant` in a list sorted by start, where each item
 * lasts until the next begins: the last one started by then, or undefined
 * before the first begins.
 */
export function findInForceAt<T>(sorted: readonly T[], instant: number, startOf: (item: T) => number): T | undefined {
  const count = countStartedBy(sorted, instant, startOf);
  return count === 0 ? undefined : sorted[count - 1];
}

/** The first item of a list sorted by start that begins after `instant`, if any: the next change. */
export function findNextAfter<T>(sorted: readonly T[], instant: number, startOf: (item: T) => number): T | undefined {
  return sorted[countStartedBy(sorted, instant, startOf)];
}
