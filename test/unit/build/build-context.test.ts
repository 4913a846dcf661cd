import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createBuildContext, getBuildContextData, renderBuildContextModule } from '#lib/build/build-context.ts';
import { generateSignerKey } from '#lib/log/signed-note.ts';
import { restoreSiteLog } from '#lib/log/site-log.ts';
import { SiteConfigError } from '#lib/site/site-settings.ts';

const work = mkdtempSync(join(tmpdir(), 'build-context-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
mkdirSync(join(work, 'policies'));

const config = { siteUrl: 'https://example.com/legal/', defaultLocale: 'ru', timeZone: 'Europe/Moscow', siteTitle: { ru: 'Документы' } };
const key = generateSignerKey('example.com/legal/log/v1');

describe('createBuildContext', () => {
  test('reads the clock once, however often "now" is asked for', () => {
    let reads = 0;
    const context = createBuildContext(config, {}, work, () => (reads += 1) * 1000);
    expect([context.now, context.now, getBuildContextData(context, false).now]).toEqual([1000, 1000, 1000]);
    expect(reads).toBe(1);
  });

  test('takes SOURCE_DATE_EPOCH over the clock, and refuses one that is not whole seconds', () => {
    expect(createBuildContext(config, { SOURCE_DATE_EPOCH: '1767225600' }, work, () => 5).now).toBe(Date.UTC(2026, 0, 1));
    expect(() => createBuildContext(config, { SOURCE_DATE_EPOCH: 'вчера' }, work)).toThrow(SiteConfigError);
    expect(() => createBuildContext(config, { SOURCE_DATE_EPOCH: 'вчера' }, work)).toThrow('SOURCE_DATE_EPOCH: "вчера" is not a whole number of seconds since 1970-01-01T00:00:00Z\n    Unset it, or set it like SOURCE_DATE_EPOCH=$(date +%s).');
  });

  test('resolves the policies folder from the root it is given', () => {
    expect(createBuildContext(config, {}, work).settings.policiesPath).toBe(join(work, 'policies'));
  });

  test('computes the log once, signed with the key of the environment', () => {
    const context = createBuildContext({ ...config, logVerifierKey: key.verifierKey }, { POLICY_PRESS_LOG_KEY_DATA: key.signerKey }, work);
    const log = context.getLog();
    expect(context.getLog()).toBe(log);
    expect(log.signedBy).toBe(key.verifierKey);
  });

  test('refuses a key that is not the one the site publishes when the log is first computed', () => {
    const other = generateSignerKey('example.com/legal/log/v1');
    const context = createBuildContext({ ...config, logVerifierKey: key.verifierKey }, { POLICY_PRESS_LOG_KEY_DATA: other.signerKey }, work);
    expect(() => context.getLog()).toThrow(`logVerifierKey: '${other.verifierKey}'`);
  });
});

describe('the build context module', () => {
  test('hands the pages the data and the log as signed, which they restore without the key', async () => {
    const context = createBuildContext({ ...config, logVerifierKey: key.verifierKey }, { POLICY_PRESS_LOG_KEY_DATA: key.signerKey, SOURCE_DATE_EPOCH: '1767225600' }, work);
    const file = join(work, 'build-context.mjs');
    writeFileSync(file, renderBuildContextModule(getBuildContextData(context, true)));
    const data = (await import(file)) as { default: ReturnType<typeof getBuildContextData> };
    expect(data.default).toEqual(JSON.parse(JSON.stringify(getBuildContextData(context, true))));
    const restored = restoreSiteLog(context.settings.siteUrl, data.default.log ?? { entries: [], checkpoint: '', signedBy: null, verifierKey: null });
    expect(restored.checkpoint).toBe(context.getLog().checkpoint);
    expect(restored.rootHash).toEqual(context.getLog().rootHash);
    expect(getBuildContextData(context, false).log).toBeNull();
  });
});
