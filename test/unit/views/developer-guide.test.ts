import { describe, expect, test } from 'vitest';
import { OUTCOMES } from '#lib/consent/verify-outcomes.ts';
import { getDeveloperGuide } from '#lib/views/developer-guide.ts';
import { createTestContext } from '../../helpers/site-context.ts';

describe('getDeveloperGuide: verify', () => {
  const context = createTestContext();

  test('lists every outcome of verify, in its order, with whether it fails by default', () => {
    const guide = getDeveloperGuide(context, 'en');
    expect(guide.verifyOutcomes.map((item) => item.outcome)).toEqual(Object.keys(OUTCOMES));
    expect(guide.verifyOutcomes.filter((item) => !item.fails).map((item) => item.outcome)).toEqual(['duplicate', 'ok']);
    expect(guide.verifyOutcomes.find((item) => item.outcome === 'no-hash')?.meaning).toBe(OUTCOMES['no-hash'].meaning);
  });

  test('explains each outcome in Russian on the Russian page', () => {
    const guide = getDeveloperGuide(context, 'ru');
    for (const item of guide.verifyOutcomes) expect(item.meaning, item.outcome).toMatch(/[а-яё]/);
  });

  test('shows the audit command against this site', () => {
    expect(getDeveloperGuide(context, 'ru').auditExample).toBe('npm run policy -- verify consents.csv --feed https://example.com/legal/feed/v1/index.json --texts --json > report.jsonl');
  });
});
