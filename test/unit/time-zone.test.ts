import { globSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ZONE_DEPENDENT_TESTS } from '../../vitest.config.ts';

const ROOT = join(import.meta.dirname, '../..');

// Guards the guard: if the runner stopped applying TZ, the "same results in every zone" runs would prove nothing.
describe('test environment', () => {
  test('runs in the time zone its project names', () => {
    const expected = process.env['EXPECTED_TZ'];
    expect(expected).toBeTruthy();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
    const offset = new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset();
    expect(offset).toBe(expected === 'Pacific/Kiritimati' ? -840 : 600);
  });

  test('names in vitest.config.ts only tests that exist, for the second zone', () => {
    // A test renamed or moved would otherwise leave the second zone without a word.
    expect(ZONE_DEPENDENT_TESTS.filter((pattern) => globSync(pattern, { cwd: ROOT }).length === 0)).toEqual([]);
  });
});
