import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, OUTPUT, type BuildResult } from '../helpers/build-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

const CORPUS = 'test/fixtures/corpus-basic';
let build: BuildResult;
let feedIndex: string;
const work = join(OUTPUT, 'cli-consent');

beforeAll(() => {
  build = buildSite({ policiesDir: CORPUS, name: 'cli-consent' });
  feedIndex = join(build.outDir, 'feed/v1/index.json');
  mkdirSync(work, { recursive: true });
});

function sha(policy: string, locale: string, version: string): string {
  const feed = JSON.parse(readFileSync(join(build.outDir, `feed/v1/${policy}.json`), 'utf8')) as { versions: { locale: string; version: string; sha256: string }[] };
  return feed.versions.find((v) => v.locale === locale && v.version === version)?.sha256 ?? '';
}

describe('npm run policy -- at', () => {
  test.each([
    ['2025-08-31T21:00:00Z', '2025-09-01'],
    ['2025-08-31T20:59:59.999Z', '2024-01-01'],
    ['2025-09-01T00:00:00+03:00', '2025-09-01'],
    ['2025-09-01', '2025-09-01'],
    ['2026-06-01T00:00:00+03:00', '2026-06-01'],
  ])('at %s answers %s, from the folder and from the published feed alike', (instant, version) => {
    for (const args of [[], ['--feed', feedIndex]]) {
      const result = runPolicyCli(['at', 'privacy', instant, '--json', ...args], { policiesDir: CORPUS, env: { TZ: 'Pacific/Kiritimati' } });
      expect(result.status, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { inForce: { version: string } }).inForce.version).toBe(version);
    }
  });

  test('prints the version, its period, hash and URL for people', () => {
    const result = runPolicyCli(['at', 'privacy', '2025-10-01', '--locale', 'en'], { policiesDir: CORPUS });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'privacy (en) at 2025-10-01T00:00:00+03:00: version 2025-09-01 «Privacy Policy»',
        // One timeline per policy: the Russian version of 2026-06-01 ends the English text's interval too.
        '  in force  from 2025-09-01T00:00:00+03:00 until 2026-06-01T00:00:00+03:00',
        '  languages en, ru',
        `  sha256    ${sha('privacy', 'en', '2025-09-01')}`,
        '  url       https://policies.example.com/en/privacy/2025-09-01/',
        '  markdown  https://policies.example.com/raw/privacy/en/2025-09-01.md',
        '',
      ].join('\n'),
    );
  });

  test('exits 1 and says when the first version took effect, when none was in force', () => {
    const result = runPolicyCli(['at', 'privacy', '2023-12-31T20:59:59.999Z'], { policiesDir: CORPUS });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('No version of privacy (ru) was in force at 2023-12-31T23:59:59.999+03:00: the first, 2024-01-01, took effect 1 ms later, at 2024-01-01T00:00:00+03:00.\n');
  });

  test.each([
    [['at', 'privacy', '2025-09-01T10:00:00'], '"2025-09-01T10:00:00" is not an instant'],
    [['at', 'cookies', '2025-09-01'], 'There is no policy "cookies"'],
    [['at', 'privacy', '2025-09-01', '--locale', 'de'], 'privacy has no "de" text. Locales: en, ru.'],
    [['at', 'privacy'], 'at needs a policy and an instant.'],
    [['at', 'privacy', '2025-09-01', '--feed', '/nonexistent/index.json'], 'cannot read /nonexistent/index.json'],
    [['nope'], 'Unknown command "nope".'],
  ])('refuses %j with a clear message and exit 1', (args, message) => {
    const result = runPolicyCli(args, { policiesDir: CORPUS });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });

  test('refuses to answer from a folder with content problems, listing them', () => {
    const result = runPolicyCli(['at', 'privacy', '2025-09-01'], { policiesDir: 'test/fixtures/corpus-invalid' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('9 problems in 6 files.');
  });
});

describe('npm run policy -- verify', () => {
  const records = () => [
    { policy: 'privacy', locale: 'ru', version: '2025-09-01', acceptedAt: '2025-09-01T10:00:00+03:00', sha256: sha('privacy', 'ru', '2025-09-01'), user: 'a' },
    { policy: 'privacy', locale: 'ru', version: '2025-09-01', acceptedAt: '2025-08-31T20:59:59.999Z', user: 'b' },
    { policy: 'privacy', locale: 'ru', version: '2025-09-01', acceptedAt: '2025-09-01T10:00:00+03:00', sha256: 'f'.repeat(64) },
    { policy: 'privacy', locale: 'ru', version: 'v7', acceptedAt: '2025-09-01T10:00:00+03:00' },
    { acceptedAt: '2025-09-01T10:00:00+03:00', documents: [{ policy: 'privacy', locale: 'ru', version: '2025-09-01' }, { policy: 'terms', locale: 'ru', version: 'v1' }] },
  ];

  test('reports every bad record with its line, never stopping, and sums up', () => {
    const file = join(work, 'records.jsonl');
    writeFileSync(file, `${records().map((r) => JSON.stringify(r)).join('\n')}\n{broken\n`);
    for (const args of [[], ['--feed', feedIndex]]) {
      const result = runPolicyCli(['verify', file, ...args], { policiesDir: CORPUS });
      expect(result.status).toBe(1);
      const lines = result.stdout.trim().split('\n');
      expect(lines.map((line) => line.replace(`${file}:`, ''))).toEqual([
        '2: not-in-force: privacy/ru/2025-09-01 took effect 1 ms after acceptedAt (at 2025-09-01T00:00:00+03:00); 2024-01-01 was in force then',
        `3: hash-mismatch: sha256 ${'f'.repeat(64)} is not the hash of any published text of privacy/ru/2025-09-01 (now ${sha('privacy', 'ru', '2025-09-01')})`,
        '4: unknown-version: no version "v7" of privacy (ru) is published; at acceptedAt 2025-09-01 was in force',
        expect.stringMatching(/^6: malformed: not valid JSON/) as unknown as string,
        '6 records: 2 ok, 3 failed (1 not-in-force, 1 hash-mismatch, 1 unknown-version), 1 malformed.',
      ]);
    }
  });

  test('reads CSV and prints JSON results for programs', () => {
    const file = join(work, 'records.csv');
    writeFileSync(file, `policy,locale,version,acceptedAt,sha256,email\nprivacy,en,2025-09-01,2025-09-02T00:00:00Z,${sha('privacy', 'en', '2025-09-01')},"a@example.com"\nprivacy,en,2025-09-01,2024-01-01T00:00:00Z,,b@example.com\n`);
    const result = runPolicyCli(['verify', file, '--json'], { policiesDir: CORPUS });
    expect(result.status).toBe(1);
    const results = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { line: number; status: string; record: { email: string } });
    expect(results.map((r) => [r.line, r.status, r.record.email])).toEqual([
      [2, 'ok', 'a@example.com'],
      [3, 'failed', 'b@example.com'],
    ]);
    // In force then was privacy 2024-01-01, which has no English text.
    expect(result.stderr).toBe('2 records: 1 ok, 1 failed (1 no-translation), 0 malformed.\n');
  });

  test('exits 0 when every record is right', () => {
    const file = join(work, 'good.jsonl');
    writeFileSync(file, `${JSON.stringify(records()[0])}\n`);
    const result = runPolicyCli(['verify', file], { policiesDir: CORPUS });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('1 record: 1 ok, 0 failed, 0 malformed.\n');
  });
});
