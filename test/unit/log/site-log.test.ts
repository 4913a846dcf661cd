import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { LogEntry } from '#schemas/public-log.ts';
import { checkSignerMatchesSetting, createSiteLog, getLogFiles, readLogSigner, restoreSiteLog, toSiteLogRecord, type SiteLogRecord } from '#lib/log/site-log.ts';
import { generateSignerKey } from '#lib/log/signed-note.ts';
import { resolveSiteSettings, SiteConfigError } from '#lib/site/site-settings.ts';

const key = generateSignerKey('example.com/legal/log/v1');
const other = generateSignerKey('example.com/legal/log/v1');
const entry = (version: string): LogEntry => ({
  kind: 'published',
  policy: 'privacy',
  locale: 'ru',
  version,
  effectiveFrom: '2025-08-31T21:00:00.000Z',
  sha256: 'a'.repeat(64),
  previousSha256: null,
  publishedAt: '2026-01-01T00:00:00.000Z',
  reason: null,
});

describe('the log key of a build', () => {
  const folder = mkdtempSync(join(tmpdir(), 'log-key-'));
  writeFileSync(join(folder, 'log.key'), `${key.signerKey}\n`);
  writeFileSync(join(folder, 'public.txt'), `${key.verifierKey}\n`);

  test('comes from a file or from the variable that holds it, or is absent', () => {
    expect(readLogSigner({})).toBeNull();
    expect(readLogSigner({ POLICY_PRESS_LOG_KEY: join(folder, 'log.key') })?.verifier.text).toBe(key.verifierKey);
    expect(readLogSigner({ POLICY_PRESS_LOG_KEY: 'log.key' }, folder)?.verifier.text).toBe(key.verifierKey);
    expect(readLogSigner({ POLICY_PRESS_LOG_KEY_DATA: key.signerKey })?.verifier.text).toBe(key.verifierKey);
  });

  test.each([
    [{ POLICY_PRESS_LOG_KEY: 'log.key', POLICY_PRESS_LOG_KEY_DATA: key.signerKey }, 'are both set'],
    [{ POLICY_PRESS_LOG_KEY: 'missing.key' }, `POLICY_PRESS_LOG_KEY: there is no file at ${join(folder, 'missing.key')}`],
    [{ POLICY_PRESS_LOG_KEY: 'public.txt' }, `POLICY_PRESS_LOG_KEY (public.txt) is not a log signing key: it does not start with PRIVATE+KEY+`],
    [{ POLICY_PRESS_LOG_KEY_DATA: key.signerKey.slice(0, -4) }, 'POLICY_PRESS_LOG_KEY_DATA is not a log signing key: its key is not an Ed25519 key (0x01 and 32 bytes)'],
  ])('refuses %o', (env, message) => {
    expect(() => readLogSigner(env, folder)).toThrow(message);
  });

  test('must be the key of the verifier key the site publishes', () => {
    const signer = readLogSigner({ POLICY_PRESS_LOG_KEY_DATA: key.signerKey });
    expect(() => checkSignerMatchesSetting(signer, key.verifierKey)).not.toThrow();
    expect(() => checkSignerMatchesSetting(signer, undefined)).not.toThrow();
    expect(() => checkSignerMatchesSetting(signer, other.verifierKey)).toThrow(`logVerifierKey: '${key.verifierKey}'`);
  });

  test('is a setting checked like the others, and LOG_VERIFIER_KEY overrides it', () => {
    const config = { siteUrl: 'https://example.com/legal/', defaultLocale: 'ru', timeZone: 'Europe/Moscow', siteTitle: { ru: 'Документы' } };
    expect(resolveSiteSettings({ ...config, logVerifierKey: key.verifierKey }, { LOG_VERIFIER_KEY: other.verifierKey }, '/p').logVerifierKey).toBe(other.verifierKey);
    expect(() => resolveSiteSettings({ ...config, logVerifierKey: key.signerKey }, {}, '/p')).toThrow(SiteConfigError);
    expect(() => resolveSiteSettings({ ...config, logVerifierKey: key.signerKey }, {}, '/p')).toThrow(/logVerifierKey: is not a verifier key: it is a private key/);
  });
});

describe('the files of a log', () => {
  test('are the checkpoint, the key, every width of the partial tile and the bundle', () => {
    const signer = readLogSigner({ POLICY_PRESS_LOG_KEY_DATA: key.signerKey });
    const log = createSiteLog({ siteUrl: 'https://example.com/legal/', entries: ['v1', 'v2', 'v3'].map(entry), signer, verifierKey: null });
    expect([...getLogFiles(log).keys()]).toEqual(['checkpoint', 'key', 'tile/0/000.p/3', 'tile/0/000.p/1', 'tile/0/000.p/2', 'tile/entries/000.p/3']);
    expect(log.checkpoint.startsWith(`example.com/legal/log/v1\n3\n${Buffer.from(log.rootHash).toString('base64')}\n\n— example.com/legal/log/v1 `)).toBe(true);
    expect(log.indexOf('privacy/ru/v2', 0)).toBe(1);
    expect(log.indexOf('privacy/ru/v2', 1)).toBeNull();
  });

  test('without a key: an unsigned checkpoint and no key file', () => {
    const log = createSiteLog({ siteUrl: 'https://example.com/', entries: [], signer: null, verifierKey: null });
    expect(log.checkpoint).toBe('example.com/log/v1\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n');
    expect([...getLogFiles(log).keys()]).toEqual(['checkpoint']);
  });
});

describe('restoreSiteLog', () => {
  const signer = readLogSigner({ POLICY_PRESS_LOG_KEY_DATA: key.signerKey });
  const log = createSiteLog({ siteUrl: 'https://example.com/legal/', entries: ['v1', 'v2', 'v3'].map(entry), signer, verifierKey: null });

  test('gives back the log of its record: the same checkpoint, tree, indexes and files, without the key', () => {
    const restored = restoreSiteLog('https://example.com/legal/', JSON.parse(JSON.stringify(toSiteLogRecord(log))) as SiteLogRecord);
    expect(restored.checkpoint).toBe(log.checkpoint);
    expect([restored.signedBy, restored.verifierKey]).toEqual([key.verifierKey, key.verifierKey]);
    expect(restored.indexOf('privacy/ru/v2', 0)).toBe(1);
    expect(getLogFiles(restored)).toEqual(getLogFiles(log));
  });

  test('refuses a record whose checkpoint is of another tree', () => {
    const record = { ...toSiteLogRecord(log), entries: ['v1', 'v2'].map(entry) };
    expect(() => restoreSiteLog('https://example.com/legal/', record)).toThrow('The log handed to the pages has a checkpoint for another tree than its 2 entries: this is a bug in Policy Press.');
  });
});
