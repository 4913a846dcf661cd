import { describe, expect, test } from 'vitest';
import { describeNextChange, type ScheduledVersion } from '#lib/build/next-change-message.ts';

const at = (iso: string) => Date.parse(iso);
const version = (policy: string, locale: string, id: string, effective: string, draft = false): ScheduledVersion => ({ policy, locale, version: id, effectiveFrom: at(effective), draft });
const NOW = at('2026-01-01T00:00:00Z');

describe('describeNextChange', () => {
  test('says so when no version takes effect after now, without claiming a withdrawn one took effect', () => {
    expect(describeNextChange([version('privacy', 'ru', 'v1', '2025-09-01T00:00:00Z')], NOW, 'ru')).toBe('no scheduled change: no version takes effect after now');
  });

  test('names every locale of the change, the default locale first', () => {
    const versions = [version('privacy', 'en', '2026-12-01', '2026-11-30T21:00:00Z'), version('privacy', 'ru', '2026-12-01', '2026-11-30T21:00:00Z'), version('privacy', 'ru', '2027-01-01', '2026-12-31T21:00:00Z')];
    expect(describeNextChange(versions, NOW, 'ru')).toBe('next scheduled change: privacy 2026-12-01 (ru, en) takes effect at 2026-11-30T21:00:00.000Z; rebuild the site then (a daily scheduled build does)');
  });

  test('names every policy changing at that instant', () => {
    const versions = [version('terms', 'ru', 'v3', '2026-11-30T21:00:00Z'), version('privacy', 'ru', '2026-12-01', '2026-11-30T21:00:00Z')];
    expect(describeNextChange(versions, NOW, 'ru')).toContain('next scheduled change: privacy 2026-12-01 (ru), terms v3 (ru) takes effect');
  });

  test('counts drafts (the dev server shows them) and marks them', () => {
    const versions = [version('privacy', 'ru', '2026-03-01', '2026-02-28T21:00:00Z', true), version('privacy', 'en', '2026-03-01', '2026-02-28T21:00:00Z'), version('privacy', 'ru', '2026-06-01', '2026-05-31T21:00:00Z')];
    expect(describeNextChange(versions, NOW, 'ru')).toBe(
      'next scheduled change: privacy 2026-03-01 (ru draft, en) takes effect at 2026-02-28T21:00:00.000Z; rebuild the site then (a daily scheduled build does); 1 of the scheduled versions is a draft, shown by the dev server only',
    );
  });

  test('a version taking effect exactly now has taken effect', () => {
    expect(describeNextChange([version('privacy', 'ru', 'v1', '2026-01-01T00:00:00Z')], NOW, 'ru')).toBe('no scheduled change: no version takes effect after now');
  });
});
