import { describe, expect, test } from 'vitest';
import { formatDuration, formatProjectTimes, summarizeProjectTimes } from '../reporters/project-times.ts';

describe('summarizeProjectTimes', () => {
  test("gives each project its wall time, from its first file started to its last ended, and the files' own times added up", () => {
    const projects = summarizeProjectTimes([
      { project: 'build', start: 10_000, end: 70_000, busy: 60_000, tests: 3 },
      { project: 'unit-kiritimati', start: 0, end: 4_000, busy: 4_000, tests: 10 },
      { project: 'unit-kiritimati', start: 1_000, end: 9_000, busy: 8_000, tests: 5 },
      { project: 'build', start: 70_000, end: 100_000, busy: 30_000, tests: 2 },
    ]);
    expect(projects).toEqual([
      { project: 'unit-kiritimati', files: 2, tests: 15, wallMs: 9_000, busyMs: 12_000 },
      { project: 'build', files: 2, tests: 5, wallMs: 90_000, busyMs: 90_000 },
    ]);
    expect(formatProjectTimes(projects, 101_000)).toBe(
      [
        "Time per project (wall: first file started to last file ended; in files: the files' own times added up)",
        '  project              files      tests       wall   in files',
        '  unit-kiritimati          2         15       9.0s      12.0s',
        '  build                    2          5     1m 30s     1m 30s',
        '  the whole run: 1m 41s',
      ].join('\n'),
    );
  });

  test.each([
    [0, '0.0s'],
    [48_240, '48.2s'],
    [60_000, '1m 00s'],
    [725_400, '12m 05s'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
