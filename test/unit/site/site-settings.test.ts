import { describe, expect, test } from 'vitest';
import type { SiteConfigInput } from '#schemas/site-config.ts';
import { getBuildInstant, resolveSiteSettings, SiteConfigError } from '#lib/site/site-settings.ts';

const config: SiteConfigInput = {
  siteUrl: 'https://example.com/',
  defaultLocale: 'ru',
  timeZone: 'Europe/Moscow',
  siteTitle: { ru: 'Документы', en: 'Documents' },
};

describe('resolveSiteSettings', () => {
  test('resolves paths and the base path', () => {
    const settings = resolveSiteSettings(config, {}, '/project');
    expect(settings).toMatchObject({ policiesDir: 'policies', policiesPath: '/project/policies', basePath: '/', siteUrl: 'https://example.com/' });
  });

  test('lets the site be framed by origins it names, by none by default', () => {
    expect(resolveSiteSettings(config, {}, '/p').frameAncestors).toEqual([]);
    const origins = ["'self'", 'https://app.example.com', 'https://*.example.org', 'http://localhost:3000'];
    expect(resolveSiteSettings({ ...config, frameAncestors: origins }, {}, '/p').frameAncestors).toEqual(origins);
  });

  test('lets SITE_URL and POLICIES_DIR override the file', () => {
    const settings = resolveSiteSettings(config, { SITE_URL: 'https://example.com/legal', POLICIES_DIR: '/content/policies' }, '/project');
    expect(settings).toMatchObject({ siteUrl: 'https://example.com/legal/', basePath: '/legal/', policiesPath: '/content/policies' });
  });

  test('reads a relative POLICIES_DIR from where the command was typed, a relative policiesDir from the project', () => {
    expect(resolveSiteSettings(config, { POLICIES_DIR: '../legal-policies', INIT_CWD: '/home/me/project' }, '/home/me/project').policiesPath).toBe('/home/me/legal-policies');
    expect(resolveSiteSettings(config, { POLICIES_DIR: 'папка с политиками', INIT_CWD: '/home/me/work' }, '/home/me/project').policiesPath).toBe('/home/me/work/папка с политиками');
    expect(resolveSiteSettings(config, { POLICIES_DIR: '../legal-policies' }, '/home/me/project').policiesPath).toBe('/home/me/legal-policies');
    expect(resolveSiteSettings({ ...config, policiesDir: 'content' }, { INIT_CWD: '/elsewhere' }, '/home/me/project').policiesPath).toBe('/home/me/project/content');
  });

  test.each([
    [{ timeZone: 'Europe/Mordor' }, 'site.config.ts: timeZone: is not an IANA time zone name such as "Europe/Moscow"'],
    [{ siteUrl: 'example.com' }, 'site.config.ts: siteUrl:'],
    [{ defaultLocale: 'RU' }, 'site.config.ts: defaultLocale: must be a lowercase BCP 47 tag such as "ru" or "en"'],
    [{ siteTitle: { en: 'Documents' } }, 'site.config.ts: siteTitle: has no title for the default locale "ru"'],
    [{ frameAncestors: ['https://app.example.com/signup'] }, 'site.config.ts: frameAncestors.0: must be an origin such as "https://app.example.com"'],
    [{ frameAncestors: ["https://app.example.com; script-src 'unsafe-inline'"] }, 'site.config.ts: frameAncestors.0: must be an origin'],
    [{ frameAncestors: ['https://ok.example.com', 'app.example.com'] }, 'site.config.ts: frameAncestors.1: must be an origin'],
    [{ frameAncestors: ['*'] }, 'site.config.ts: frameAncestors.0: must be an origin'],
    [{ frameAncestors: ['https://App.Example.com'] }, 'site.config.ts: frameAncestors.0: must be an origin'],
  ])('refuses %j', (override, message) => {
    expect(() => resolveSiteSettings({ ...config, ...override } as SiteConfigInput, {}, '/p')).toThrow(SiteConfigError);
    expect(() => resolveSiteSettings({ ...config, ...override } as SiteConfigInput, {}, '/p')).toThrow(message);
  });
});

describe('getBuildInstant', () => {
  test('uses SOURCE_DATE_EPOCH when set, else the clock', () => {
    expect(getBuildInstant({ SOURCE_DATE_EPOCH: '1767225600' })).toBe(Date.UTC(2026, 0, 1));
    expect(getBuildInstant({}, () => 42)).toBe(42);
  });

  test('refuses a SOURCE_DATE_EPOCH that is not whole seconds', () => {
    expect(() => getBuildInstant({ SOURCE_DATE_EPOCH: '2026-01-01' })).toThrow('SOURCE_DATE_EPOCH: "2026-01-01" is not a whole number of seconds');
  });
});
