import { describe, expect, test } from 'vitest';
import { parsePolicyPath } from '#lib/corpus/policy-path.ts';

describe('parsePolicyPath', () => {
  test.each([
    ['privacy/ru/2025-09-01.md', { policy: 'privacy', locale: 'ru', version: '2025-09-01' }],
    ['terms/en/v3.md', { policy: 'terms', locale: 'en', version: 'v3' }],
    ['cookie-policy/pt-br/3.1.md', { policy: 'cookie-policy', locale: 'pt-br', version: '3.1' }],
    ['privacy/zh-hant/2024_01.md', { policy: 'privacy', locale: 'zh-hant', version: '2024_01' }],
  ])('reads %s', (path, key) => {
    expect(parsePolicyPath(path)).toEqual({ ok: true, key });
  });

  test.each([
    ['privacy.md', 'the file is directly in the policies folder, not at <policy>/<locale>/<version>.md'],
    ['privacy/2025-09-01.md', 'the file is 1 folder(s) deep, not at <policy>/<locale>/<version>.md'],
    ['privacy/ru/old/2025-09-01.md', 'the file is 3 folder(s) deep, not at <policy>/<locale>/<version>.md'],
    ['privacy/ru/2025-09-01.txt', '"2025-09-01.txt" is not a Markdown file ending in .md'],
    ['privacy/ru/2025-09-01.MD', '"2025-09-01.MD" is not a Markdown file ending in .md'],
    ['Privacy/ru/v1.md', 'the policy folder "Privacy" is not a valid policy id'],
    ['privacy_policy/ru/v1.md', 'the policy folder "privacy_policy" is not a valid policy id'],
    ['privacy/RU/v1.md', 'the locale folder "RU" is not a lowercase BCP 47 language tag'],
    ['privacy/russian/v1.md', 'the locale folder "russian" is not a lowercase BCP 47 language tag'],
    ['privacy/ru/Version 2.md', 'the file name "Version 2.md" is not a valid version id'],
    ['privacy/ru/-v2.md', 'the file name "-v2.md" is not a valid version id'],
    ['privacy/ru/history.md', '"history" is reserved by the site and cannot be a version id'],
  ])('refuses %s', (path, message) => {
    expect(parsePolicyPath(path)).toMatchObject({ ok: false, message });
  });

  test('hints at the fix', () => {
    expect(parsePolicyPath('privacy/RU/v1.md')).toMatchObject({ hint: 'Use a tag such as "ru", "en" or "pt-br" (rename it to "ru").' });
    expect(parsePolicyPath('privacy/ru/2025-09-01.MD')).toMatchObject({ hint: 'Rename it to 2025-09-01.md.' });
    expect(parsePolicyPath('privacy/ru/Version 2.md')).toMatchObject({
      hint: 'Version ids go into permanent URLs: start with a lowercase letter or digit, then use only a-z, 0-9, ".", "_" and "-", e.g. "version-2.md".',
    });
  });
});
