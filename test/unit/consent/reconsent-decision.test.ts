import { describe, expect, test } from 'vitest';
import { decideReconsent } from '#lib/consent/reconsent-decision.ts';
import { getReconsentInput } from '#lib/feed/since-data.ts';
import { createTestContext } from '../../helpers/site-context.ts';
import { makeVersion } from '../../helpers/versions.ts';

// privacy/ru: 2023-03-01 (material, first), 2025-09-01 (material), 2026-06-01 (editorial), 2027-01-01 (material, scheduled at "now").
const context = createTestContext('2026-11-26T12:00:00Z', [
  makeVersion({ version: '2023-03-01', effective: '2023-02-28T21:00:00Z' }),
  makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z', summary: ['Отдельное согласие'] }),
  makeVersion({ version: '2026-06-01', effective: '2026-05-31T21:00:00Z', changeType: 'editorial', summary: ['Опечатки'] }),
  makeVersion({ version: '2027-01-01', effective: '2026-12-31T21:00:00Z' }),
  makeVersion({ version: '2026-06-01', locale: 'en', title: 'Privacy Policy', effective: '2026-05-31T21:00:00Z' }),
]);
const at = (iso: string) => Date.parse(iso);
const decide = (accepted: string, instant: string, locale = 'ru') => decideReconsent(getReconsentInput(context, 'privacy', locale, accepted), at(instant));

describe('decideReconsent', () => {
  test('none when the accepted version is the one in force', () => {
    expect(decide('2026-06-01', '2026-11-26T12:00:00Z')).toMatchObject({ reconsent: 'none', current: { version: '2026-06-01' }, changes: [], redlineUrl: null });
  });

  test('notify when only editorial versions took effect since', () => {
    expect(decide('2025-09-01', '2026-11-26T12:00:00Z')).toMatchObject({
      reconsent: 'notify',
      current: { version: '2026-06-01' },
      changes: [{ version: '2026-06-01', changeType: 'editorial', summary: ['Опечатки'] }],
      redlineUrl: 'https://example.com/legal/ru/privacy/diff/2025-09-01/2026-06-01/',
    });
  });

  test('required when a material version took effect since, with one redline straight to the current one', () => {
    expect(decide('2023-03-01', '2026-11-26T12:00:00Z')).toMatchObject({
      reconsent: 'required',
      current: { version: '2026-06-01' },
      changes: [
        { version: '2025-09-01', changeType: 'material' },
        { version: '2026-06-01', changeType: 'editorial' },
      ],
      redlineUrl: 'https://example.com/legal/ru/privacy/diff/2023-03-01/2026-06-01/',
    });
  });

  test('a material version scheduled but not yet in force changes nothing until it takes effect', () => {
    expect(decide('2026-06-01', '2026-12-31T20:59:59.999Z')).toMatchObject({ reconsent: 'none' });
    const after = decide('2026-06-01', '2026-12-31T21:00:00.000Z');
    expect(after).toMatchObject({ reconsent: 'required', current: { version: '2027-01-01' }, redlineUrl: 'https://example.com/legal/ru/privacy/diff/2026-06-01/2027-01-01/' });
    // 2025-09-01 → 2027-01-01 is not pre-rendered at this build (2027-01-01 is not in force yet): the compare page shows it.
    expect(decide('2025-09-01', '2027-02-01T00:00:00Z').redlineUrl).toBe('https://example.com/legal/ru/privacy/compare/?from=2025-09-01&to=2027-01-01');
  });

  test('unknown-version when the accepted id is not published, or not in that locale', () => {
    expect(decide('v9', '2026-11-26T12:00:00Z')).toMatchObject({ reconsent: 'unknown-version', current: null, changes: [], redlineUrl: null });
    expect(decide('2025-09-01', '2026-11-26T12:00:00Z', 'en')).toMatchObject({ reconsent: 'unknown-version' });
  });

  test('says the instant it answered for', () => {
    expect(decide('2025-09-01', '2026-11-26T12:00:00Z').at).toBe('2026-11-26T12:00:00.000Z');
  });
});
