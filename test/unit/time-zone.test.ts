import { describe, expect, test } from 'vitest';

// Guards the guard: if the runner stopped applying TZ, the "same results in every zone" runs would prove nothing.
describe('test environment', () => {
  test('runs in the time zone its project names', () => {
    const expected = process.env['EXPECTED_TZ'];
    expect(expected).toBeTruthy();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
    const offset = new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset();
    expect(offset).toBe(expected === 'Pacific/Kiritimati' ? -840 : 600);
  });
});
