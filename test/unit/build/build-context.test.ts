import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildContext } from '#integrations/build-context-integration.ts';
import { BUILD_CONTEXT_MODULE, createBuildContext, getBuildContextData, renderBuildContextModule, type BuildContextData } from '#lib/build/build-context.ts';
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
    const context = createBuildContext(config, {}, work, () => {
      reads += 1;
      return reads * 1000;
    });
    expect([context.now, context.now, getBuildContextData(context, null).now]).toEqual([1000, 1000, 1000]);
    expect(reads).toBe(1);
  });

  test('takes SOURCE_DATE_EPOCH over the clock, and refuses one that is not whole seconds', () => {
    expect(createBuildContext(config, { SOURCE_DATE_EPOCH: '1767225600' }, work, () => 5).now).toBe(Date.UTC(2026, 0, 1));
    expect(() => createBuildContext(config, { SOURCE_DATE_EPOCH: 'вчера' }, work)).toThrow(SiteConfigError);
    expect(() => createBuildContext(config, { SOURCE_DATE_EPOCH: 'вчера' }, work)).toThrow(
      'SOURCE_DATE_EPOCH: "вчера" is not a whole number of seconds since 1970-01-01T00:00:00Z\n    Unset it, or set it like SOURCE_DATE_EPOCH=$(date +%s).',
    );
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

/** A build's output folder and report file, as the integration finds them in Astro's config. */
const OUTPUT = { outDir: '/site/dist', reportFile: '/site/node_modules/.astro/policy-press/version-files.json' };

describe('the build context module', () => {
  test('hands the pages the data and the log as signed, which they restore without the key', async () => {
    const context = createBuildContext({ ...config, logVerifierKey: key.verifierKey }, { POLICY_PRESS_LOG_KEY_DATA: key.signerKey, SOURCE_DATE_EPOCH: '1767225600' }, work);
    const file = join(work, 'build-context.mjs');
    writeFileSync(file, renderBuildContextModule(getBuildContextData(context, OUTPUT)));
    const data = (await import(file)) as { default: ReturnType<typeof getBuildContextData> };
    expect(data.default).toEqual(JSON.parse(JSON.stringify(getBuildContextData(context, OUTPUT))));
    const restored = restoreSiteLog(context.settings.siteUrl, data.default.log ?? { entries: [], checkpoint: '', signedBy: null, verifierKey: null });
    expect(restored.checkpoint).toBe(context.getLog().checkpoint);
    expect(restored.rootHash).toEqual(context.getLog().rootHash);
    expect(getBuildContextData(context, null).log).toBeNull();
  });
});

describe('the build context integration', () => {
  type Setup = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0];
  /** Runs the integration's setup as Astro would, with only what it reads; returns the Vite plugins it added. */
  function setUp(root: string, command: Setup['command']) {
    const plugins: { resolveId: (id: string) => string | undefined; load: (id: string) => string | undefined }[] = [];
    const updateConfig = (config: { vite: { plugins: typeof plugins } }) => void plugins.push(...config.vite.plugins);
    const integration = buildContext(createBuildContext(config, { SOURCE_DATE_EPOCH: '1767225600' }, work));
    integration.hooks['astro:config:setup']?.({ command, config: { root: pathToFileURL(`${root}/`) }, updateConfig } as unknown as Setup);
    const done = { config: { outDir: pathToFileURL(`${root}/dist/`), cacheDir: pathToFileURL(`${root}/node_modules/.astro/`) } };
    integration.hooks['astro:config:done']?.(done as unknown as Parameters<NonNullable<AstroIntegration['hooks']['astro:config:done']>>[0]);
    return plugins;
  }

  /** The data a module source exports, as the pages would import it. */
  async function evaluate(source: string | undefined, name: string): Promise<BuildContextData> {
    const file = join(work, `${name}.mjs`);
    writeFileSync(file, source ?? '');
    return ((await import(file)) as { default: BuildContextData }).default;
  }

  test('serves the context as its virtual module, with the log for a build only', async () => {
    const [plugin] = setUp(work, 'build');
    const id = plugin?.resolveId(BUILD_CONTEXT_MODULE);
    expect(id).toBe(`\0${BUILD_CONTEXT_MODULE}`);
    expect(plugin?.resolveId('virtual:other')).toBeUndefined();
    const built = await evaluate(plugin?.load(id ?? ''), 'for-build');
    expect([built.root, built.now, built.log?.entries]).toEqual([work, Date.UTC(2026, 0, 1), []]);
    // The pages of a build write the version files into Astro's output folder, and their report into its cache folder.
    expect(built.versionFiles).toEqual({ outDir: join(work, 'dist'), reportFile: join(work, 'node_modules/.astro/policy-press/version-files.json') });
    const [dev] = setUp(work, 'dev');
    const forDev = await evaluate(dev?.load(id ?? ''), 'for-dev');
    expect([forDev.log, forDev.versionFiles]).toEqual([null, null]);
  });

  test('refuses an Astro root other than the folder the context was resolved in (astro --root)', () => {
    const elsewhere = join(work, 'elsewhere');
    expect(() => setUp(elsewhere, 'build')).toThrow(`Astro's project root ${elsewhere}/ is not the folder of astro.config.mjs (${work}).\n    Run Astro from the project folder, without --root.`);
  });
});
