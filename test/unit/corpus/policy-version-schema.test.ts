/**
 * One truth for a policy version: the versions the corpus loader builds are
 * exactly what PolicyVersionSchema (whose output is the PolicyVersion type)
 * describes, no key more or less, and the content collection stores the
 * same without its body.
 */
import { describe, expect, test } from 'vitest';
import { loadCorpus } from '#lib/corpus/load-corpus.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { PolicyEntrySchema, PolicyVersionSchema } from '#schemas/policy-entry.ts';
import siteConfig from '../../../site.config.ts';
import { ROOT } from '../../helpers/build-site.ts';

describe('PolicyVersionSchema', () => {
  const settings = resolveSiteSettings(siteConfig, {}, ROOT);
  const { versions } = loadCorpus({
    policiesPath: settings.policiesPath,
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    includeDrafts: false,
    enforceLedger: false,
    cwd: ROOT,
    now: Date.parse('2026-12-01T00:00:00Z'),
  });

  test('describes every version of the sample as the loader builds it, key for key', () => {
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) expect(PolicyVersionSchema.parse(version), version.id).toEqual(version);
  });

  test("refuses a key it does not know, and the collection's entry is the version without its body", () => {
    const [version] = versions;
    expect(PolicyVersionSchema.safeParse({ ...version, extra: 1 }).success).toBe(false);
    const { body: _body, ...entry } = version as NonNullable<typeof version>;
    expect(PolicyEntrySchema.parse(entry)).toEqual(entry);
    expect(PolicyEntrySchema.safeParse(version).success).toBe(false);
  });
});
