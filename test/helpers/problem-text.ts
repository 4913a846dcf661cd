/**
 * Problems as their English text alone: the tests of a rule pin what it
 * says; which catalog message it says it with (`text`) is pinned by the
 * tests of the catalogs (test/unit/messages/).
 */
import type { Problem } from '#lib/corpus/problem.ts';

/** The problems without their catalog reference, for `toEqual` on the English text. */
export function withoutMessageRef<T extends Partial<Pick<Problem, 'text'>>>(problems: readonly T[]): Omit<T, 'text'>[] {
  return problems.map(({ text: _text, ...rest }) => rest);
}
