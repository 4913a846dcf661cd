import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildShared, FIXTURE_CORPUS, OUTPUT, type BuildResult } from '../helpers/build-site.ts';
import { startNginx, type NginxServer } from '../helpers/nginx-server.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

const CORPUS = FIXTURE_CORPUS.policiesDir;
let build: BuildResult;
let feedIndex: string;
const work = join(OUTPUT, 'cli-consent');

beforeAll(() => {
  build = buildShared(FIXTURE_CORPUS);
  feedIndex = join(build.outDir, 'feed/v1/index.json');
  mkdirSync(work, { recursive: true });
});

/**
 * The fixture's ledger imported every version on 2026-01-01, after most
 * records here: each ok record before then carries "history imported on …;
 * not attested before" (pinned in its own test below). The other tests
 * compare the report without those notes, and the summary without the
 * records noted for that alone.
 */
const IMPORT_NOTE = /: note: [^ ]+: history imported on 2026-01-01T03:00:00\+03:00; not attested before$/;
function withoutImportNotes(text: string): string {
  const lines = text.split('\n');
  const recordOf = (line: string) => line.slice(0, line.indexOf(': note: '));
  const imported = new Set(lines.filter((line) => IMPORT_NOTE.test(line)).map(recordOf));
  const other = new Set(lines.filter((line) => line.includes(': note: ') && !IMPORT_NOTE.test(line)).map(recordOf));
  const onlyImported = [...imported].filter((record) => !other.has(record)).length;
  return lines
    .filter((line) => !IMPORT_NOTE.test(line))
    .map((line) => line.replace(/ ok \((\d+) with a note\)/, (_match, noted: string) => (Number(noted) - onlyImported > 0 ? ` ok (${Number(noted) - onlyImported} with a note)` : ' ok')))
    .join('\n');
}
function runVerify(...args: Parameters<typeof runPolicyCli>): ReturnType<typeof runPolicyCli> {
  const result = runPolicyCli(...args);
  return { ...result, stdout: withoutImportNotes(result.stdout) };
}

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
    {
      acceptedAt: '2025-09-01T10:00:00+03:00',
      documents: [
        { policy: 'privacy', locale: 'ru', version: '2025-09-01', sha256: sha('privacy', 'ru', '2025-09-01') },
        { policy: 'terms', locale: 'ru', version: 'v1', sha256: sha('terms', 'ru', 'v1') },
      ],
    },
  ];

  test('reports every bad record with its line, never stopping, and sums up', () => {
    const file = join(work, 'records.jsonl');
    writeFileSync(
      file,
      `${records()
        .map((r) => JSON.stringify(r))
        .join('\n')}\n{broken\n`,
    );
    for (const args of [[], ['--feed', feedIndex]]) {
      const result = runVerify(['verify', file, ...args], { policiesDir: CORPUS });
      expect(result.status).toBe(1);
      const lines = result.stdout.trim().split('\n');
      expect(lines.map((line) => line.replace(`${file}:`, ''))).toEqual([
        '2: not-in-force: privacy/ru/2025-09-01 took effect 1 ms after acceptedAt (at 2025-09-01T00:00:00+03:00); 2024-01-01 was in force then',
        `3: hash-mismatch: sha256 ${'f'.repeat(64)} is not the hash of any published text of privacy/ru/2025-09-01 (now ${sha('privacy', 'ru', '2025-09-01')})`,
        '4: unknown-version: no version "v7" of privacy (ru) is published; at acceptedAt 2025-09-01 was in force',
        expect.stringMatching(/^6: malformed: not valid JSON/) as unknown as string,
        '6 records: 2 ok, 3 failed (1 unknown-version, 1 not-in-force, 1 hash-mismatch), 1 malformed.',
      ]);
    }
  });

  test('reads CSV and prints JSON results for programs', () => {
    const file = join(work, 'records.csv');
    writeFileSync(
      file,
      `policy,locale,version,acceptedAt,sha256,email\nprivacy,en,2025-09-01,2025-09-02T00:00:00Z,${sha('privacy', 'en', '2025-09-01')},"a@example.com"\nprivacy,en,2025-09-01,2024-01-01T00:00:00Z,,b@example.com\n`,
    );
    const result = runPolicyCli(['verify', file, '--json'], { policiesDir: CORPUS });
    expect(result.status).toBe(1);
    const results = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; status: string; record: { email: string } });
    expect(results.map((r) => [r.line, r.status, r.record.email])).toEqual([
      [2, 'ok', 'a@example.com'],
      [3, 'failed', 'b@example.com'],
    ]);
    // In force then was privacy 2024-01-01, which has no English text.
    expect(result.stderr).toBe('2 records: 1 ok (1 with a note), 1 failed (1 no-translation), 0 malformed.\n');
  });

  test("an ok record older than the ledger's import of its version says so: imported history is not attested before", () => {
    const file = join(work, 'imported.jsonl');
    writeFileSync(file, `${JSON.stringify(records()[0])}\n`);
    const result = runPolicyCli(['verify', file], { policiesDir: CORPUS });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${file}:1: note: privacy/ru/2025-09-01: history imported on 2026-01-01T03:00:00+03:00; not attested before\n1 record: 1 ok (1 with a note), 0 failed, 0 malformed.\n`);
  });

  test('exits 0 when every record is right', () => {
    const file = join(work, 'good.jsonl');
    writeFileSync(file, `${JSON.stringify(records()[0])}\n`);
    const result = runVerify(['verify', file], { policiesDir: CORPUS });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('1 record: 1 ok, 0 failed, 0 malformed.\n');
  });
});

describe('npm run policy -- verify: every record counted once, every unknown said', () => {
  const current = () => ({ policy: 'privacy', locale: 'ru', version: '2025-09-01', sha256: sha('privacy', 'ru', '2025-09-01') });
  const verify = (name: string, content: string, args: string[] = []) => {
    const file = join(work, name);
    writeFileSync(file, content);
    const result = runVerify(['verify', file, ...args], { policiesDir: CORPUS });
    return {
      ...result,
      lines: result.stdout
        .trim()
        .split('\n')
        .map((line) => line.replace(`${file}:`, '')),
    };
  };

  test('a stray quote in one CSV row of 4,001 costs that row only: the 2,000 wrong rows behind it are all checked', () => {
    const { policy, locale, version, sha256 } = current();
    const row = (name: string, v = version, hash = sha256) => [policy, locale, v, '2025-10-01T10:00:00Z', hash, name].join(',');
    const rows = [
      'policy,locale,version,acceptedAt,sha256,name',
      ...Array.from({ length: 2000 }, (_, i) => row(`user${i}`)),
      row('O"Brien'),
      ...Array.from({ length: 2000 }, (_, i) => row(`late${i}`, '2024-01-01', sha('privacy', 'ru', '2024-01-01'))),
    ];
    for (const [name, content] of [
      ['stray.csv', `${rows.join('\n')}\n`],
      // The same with the quote opening a field that never closes: the worst case for a CSV reader.
      ['stray-open.csv', `${rows.join('\n').replace('O"Brien', '"O\'Brien')}\n`],
    ] as const) {
      const result = verify(name, content);
      expect(result.status).toBe(1);
      expect(result.lines.at(-1)).toBe('4001 records: 2000 ok, 2000 failed (2000 not-in-force), 1 malformed.');
      expect(result.lines.filter((line) => line.includes(': malformed:'))).toEqual([expect.stringMatching(/^2002: malformed: field 6 \(name\)|^2002: malformed: a quoted field opens in field 6 \(name\)/)]);
      expect(result.lines.filter((line) => line.includes(': not-in-force:'))).toHaveLength(2000);
    }
  });

  test.each([
    ['a record without sha256', () => ({ ...current(), sha256: undefined }), 'no-hash: no sha256: the record cannot be tied to the text of privacy/ru/2025-09-01'],
    ['sha256 null', () => ({ ...current(), sha256: null }), 'no-hash: no sha256'],
    ['sha256 empty', () => ({ ...current(), sha256: '' }), 'no-hash: no sha256'],
    ['acceptedAt in 2099', () => ({ ...current(), acceptedAt: '2099-01-01T00:00:00Z' }), 'in-the-future: acceptedAt 2099-01-01T00:00:00.000Z is after now (2026-01-01T00:00:00.000Z)'],
    [
      'a bare date on the day a version took effect',
      () => ({ ...current(), acceptedAt: '2025-09-01' }),
      'ambiguous-instant: acceptedAt "2025-09-01" is a date without a time, and on that day privacy/ru/2025-09-01 took effect',
    ],
    ['a top-level version beside documents', () => ({ acceptedAt: '2025-10-01T10:00:00Z', version: '2024-01-01', documents: [current()] }), 'malformed: version next to a "documents" list'],
  ])('reports %s with its own outcome and exit 1', (_, record, line) => {
    const result = verify('kind.jsonl', `${JSON.stringify({ acceptedAt: '2025-10-01T10:00:00Z', ...record() })}\n`);
    expect(result.status).toBe(1);
    expect(result.lines[0]).toContain(`1: ${line}`);
    expect(result.lines.at(-1)).toMatch(/^1 record: 0 ok, (1 failed \(1 [a-z-]+\), 0 malformed|0 failed, 1 malformed)\.$/);
  });

  test('records without a hash pass with --allow-missing-hash, still counted apart', () => {
    const result = verify('old.jsonl', `${JSON.stringify({ ...current(), sha256: undefined, acceptedAt: '2025-10-01T10:00:00Z' })}\n`, ['--allow-missing-hash']);
    expect(result.status).toBe(0);
    expect(result.lines.at(-1)).toBe('1 record: 0 ok, 1 no-hash, 0 failed, 0 malformed.');
  });

  test('--as-of moves "now": a consent after it is in-the-future', () => {
    const content = `${JSON.stringify({ ...current(), acceptedAt: '2025-10-01T10:00:00Z' })}\n`;
    expect(verify('as-of.jsonl', content, ['--as-of', '2025-10-01T12:00:00+03:00']).lines.at(-1)).toBe('1 record: 0 ok, 1 failed (1 in-the-future), 0 malformed.');
    expect(verify('as-of.jsonl', content, ['--as-of', '2025-10-01T14:00:00+03:00']).status).toBe(0);
    expect(verify('as-of.jsonl', content, ['--as-of', 'tomorrow'])).toMatchObject({ status: 1, stderr: expect.stringContaining('--as-of "tomorrow" is not an instant') as unknown as string });
  });

  test('a bare date on a day no version changed is accepted, with a note', () => {
    const result = verify('bare.jsonl', `${JSON.stringify({ ...current(), acceptedAt: '2025-10-01' })}\n`);
    expect(result.status).toBe(0);
    expect(result.lines).toEqual([
      '1: note: acceptedAt "2025-10-01" is a date without a time: read as that whole day in Europe/Moscow (2025-09-30T21:00:00.000Z to 2025-10-01T21:00:00.000Z), on which no version changed',
      '1 record: 1 ok (1 with a note), 0 failed, 0 malformed.',
    ]);
  });

  test('exact duplicates are reported and counted apart, failing only with --strict', () => {
    const line = JSON.stringify({ ...current(), acceptedAt: '2025-10-01T10:00:00Z', user: 'a' });
    const content = `${line}\n${JSON.stringify({ ...current(), acceptedAt: '2025-10-01T10:00:00Z', user: 'b' })}\n${line}\n`;
    const result = verify('dup.jsonl', content);
    expect(result.status).toBe(0);
    expect(result.lines).toEqual(['3: duplicate: the same record, byte for byte, as line 1', '3 records: 2 ok, 1 duplicate, 0 failed, 0 malformed.']);
    expect(verify('dup.jsonl', content, ['--strict'])).toMatchObject({ status: 1, lines: [expect.any(String), '3 records: 2 ok, 1 failed (1 duplicate), 0 malformed.'] });
  });

  test('an empty file is empty-input and exit 1, however empty', () => {
    for (const [name, content] of [
      ['empty.jsonl', ''],
      ['blank.jsonl', '\n\n'],
      ['header.csv', 'policy,locale,version,acceptedAt,sha256\n'],
    ] as const) {
      const result = verify(name, content);
      expect(result.status, name).toBe(1);
      expect(result.stdout).toBe(`${join(work, name)}: empty-input: no records in the file (an empty file proves nothing; check the export)\n0 records: 0 ok, 0 failed, 0 malformed.\n`);
    }
  });

  test('CSV: a shifted column, a row cut short before its hash, a documents column, and both at once', () => {
    const { policy, locale, version, sha256 } = current();
    const terms = { policy: 'terms', locale: 'ru', version: 'v1', sha256: sha('terms', 'ru', 'v1') };
    const documents = `"${JSON.stringify([current(), terms]).replaceAll('"', '""')}"`;
    const result = verify(
      'kinds.csv',
      [
        'policy,locale,version,acceptedAt,sha256,documents,name',
        [policy, locale, version, '2025-10-01T10:00:00Z', sha256, '', 'Smith, John'].join(','),
        [policy, locale, version, '2025-10-01T10:00:00Z'].join(','),
        ['', '', '', '2025-10-01T10:00:00Z', '', documents, 'two documents'].join(','),
        [policy, locale, version, '2025-10-01T10:00:00Z', '', documents, 'both'].join(','),
        '',
      ].join('\n'),
    );
    expect(result.lines).toEqual([
      '2: malformed: the row has 8 fields and the header 7: a value with a comma must be quoted ("Smith, John")',
      expect.stringMatching(/^3: no-hash: the row stops before its sha256 column: the record cannot be tied to the text of privacy\/ru\/2025-09-01/) as unknown as string,
      '5: malformed: policy, locale, version next to a "documents" list: name the documents either at the top level or in "documents", not both',
      '4 records: 1 ok, 1 failed (1 no-hash), 2 malformed.',
    ]);
  });

  test('text output escapes control characters from the records; JSON output carries them intact', () => {
    const record = { ...current(), policy: 'privacy\u001b]0;owned\u0007\u202e', acceptedAt: '2025-10-01T10:00:00Z' };
    const result = verify('control.jsonl', `${JSON.stringify(record)}\n`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test proves no control character reaches the terminal.
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(result.lines[0]).toBe('1: unknown-policy: no policy "privacy\\u001b]0;owned\\u0007\\u202e" is published');
    const json = verify('control.jsonl', `${JSON.stringify(record)}\n`, ['--json']);
    expect((JSON.parse(json.stdout) as { record: { policy: string } }).record.policy).toBe(record.policy);
  });

  test('a record over the 1 MB limit is malformed, and memory stays flat: a 60 MB line passes under a 48 MB heap', () => {
    const file = join(work, 'huge.jsonl');
    writeFileSync(file, `${JSON.stringify({ ...current(), acceptedAt: '2025-10-01T10:00:00Z' })}\n{"note":"${'x'.repeat(60 * 1024 * 1024)}"}\n`);
    for (const args of [[], ['--json']]) {
      const result = runVerify(['verify', file, ...args], { policiesDir: CORPUS, nodeArgs: ['--max-old-space-size=48'] });
      expect(result.status, result.stderr).toBe(1);
      // With --json the summary is on stderr, where no note was stripped: the ok record is imported history (see withoutImportNotes).
      expect(`${result.stdout}${result.stderr}`).toContain(args.length === 0 ? '2 records: 1 ok, 0 failed, 1 malformed.' : '2 records: 1 ok (1 with a note), 0 failed, 1 malformed.');
      if (args.length === 0) expect(result.stdout).toContain(`:2: malformed: the record is longer than the 1 MB limit (${60 * 1024 * 1024 + 11} bytes); it was not read`);
    }
    rmSync(file);
  });
});

describe('npm run policy -- verify --feed: a folder, a file, a URL, standard input, a mirror', () => {
  let records: string;
  let nginx: NginxServer;
  let tamperedNginx: NginxServer;
  let silent: Server;
  const sockets: Socket[] = [];
  const tampered = join(work, 'копия сайта');

  beforeAll(async () => {
    records = join(work, 'good.jsonl');
    writeFileSync(
      records,
      `${['2025-09-01', '2024-01-01']
        .map((version, i) => JSON.stringify({ policy: 'privacy', locale: 'ru', version, acceptedAt: i === 0 ? '2025-10-01T00:00:00Z' : '2024-06-01T00:00:00Z', sha256: sha('privacy', 'ru', version) }))
        .join('\n')}\n${JSON.stringify({ policy: 'terms', locale: 'ru', version: 'v1', acceptedAt: '2025-10-01T00:00:00Z', sha256: sha('terms', 'ru', 'v1') })}\n`,
    );
    rmSync(tampered, { recursive: true, force: true });
    cpSync(build.outDir, tampered, { recursive: true });
    // The served Markdown changed after publication; the feed and the content-addressed copy still say the old hash.
    appendFileSync(join(tampered, 'raw/privacy/ru/2025-09-01.md'), '\nДобавлено потом.\n');
    nginx = await startNginx(build.outDir, '/');
    tamperedNginx = await startNginx(tampered, '/');
    // A host that accepts connections and never answers.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    silent.close();
    await Promise.all([nginx.stop(), tamperedNginx.stop()]);
  });

  const verify = (...args: string[]) => runVerify(['verify', records, ...args], { policiesDir: CORPUS });
  const GOOD = '3 records: 3 ok, 0 failed, 0 malformed.\n';

  test.each([
    ['the built site', () => build.outDir],
    ['its feed/v1/ folder', () => `${join(build.outDir, 'feed/v1')}/`],
    ['its index.json', () => feedIndex],
    ['a copy in a folder with spaces and Cyrillic', () => tampered],
    ['a mirror on another port', () => `${nginx.origin}/feed/v1/index.json`],
    ['the root of a mirror', () => `${nginx.origin}/`],
  ])('reads the feed from %s', (_, location) => {
    const result = verify('--feed', location());
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(GOOD);
    expect(result.status).toBe(0);
  });

  test('reads the index from standard input, then the files at the URLs it names', () => {
    const result = runVerify(['verify', records, '--feed', '-', '--timeout', '2'], { policiesDir: CORPUS, input: readFileSync(feedIndex, 'utf8') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot read https://policies.example.com/feed/v1/privacy.json');
  });

  test('--follow-absolute reads the files at the absolute URLs the index names, as before', () => {
    const result = verify('--feed', `${nginx.origin}/feed/v1/index.json`, '--follow-absolute', '--timeout', '2');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^cannot read https:\/\/policies\.example\.com\/feed\/v1\/privacy\.json: /);
  });

  test('a host that never answers times out after --timeout, naming the URL', () => {
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const result = verify('--feed', `http://127.0.0.1:${port}/feed/v1/`, '--timeout', '1');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`cannot read http://127.0.0.1:${port}/feed/v1/index.json: no answer within 1 s (a longer wait: --timeout <seconds>)\n`);
  });

  test.each([
    ['a missing path', () => ['--feed', join(work, 'nope')], `cannot read ${join(work, 'nope')}: no such file or folder`],
    ['a folder without a feed', () => ['--feed', work], `${work} is a folder without a feed`],
    ['a folder that is not the feed', () => ['--feed', join(build.outDir, 'feed/v1/privacy')], 'is a folder without a feed'],
    ['a file that is not JSON', () => ['--feed', join(build.outDir, 'index.html')], 'is not JSON'],
    ['a zero timeout', () => ['--timeout', '0'], '--timeout "0" is not a number of seconds above 0'],
  ])('refuses %s with a clear message, no stack trace', (_, args, message) => {
    const result = verify(...args());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([
    [join(work, 'no-such-records.jsonl'), 'no such file or folder: give the file of records'],
    [work, 'is a folder: give the file of records'],
  ])('refuses the records file %s with a clear message', (file, message) => {
    const result = runVerify(['verify', file], { policiesDir: CORPUS });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('--texts passes an honest copy, local and mirrored', () => {
    for (const location of [build.outDir, `${nginx.origin}/`]) {
      const result = verify('--feed', location, '--texts');
      expect(result.stdout).toBe(`texts: 6 read.\n${GOOD}`);
      expect(result.status).toBe(0);
    }
  });

  test('--texts catches a served text altered after publication, in a local copy and through nginx', () => {
    for (const [location, where] of [
      [tampered, join(tampered, 'raw/privacy/ru/2025-09-01.md')],
      [`${tamperedNginx.origin}/feed/v1/`, `${tamperedNginx.origin}/raw/privacy/ru/2025-09-01.md`],
    ] as const) {
      const result = verify('--feed', location, '--texts');
      const lines = result.stdout
        .trim()
        .split('\n')
        .map((line) => line.replace(`${records}:`, ''));
      expect(lines[0]).toMatch(new RegExp(`^1: text-mismatch: the text at ${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} hashes to [0-9a-f]{64}, not ${sha('privacy', 'ru', '2025-09-01')} \\(the feed's sha256\\)$`));
      expect(lines.slice(1)).toEqual(['texts: 6 read.', '3 records: 2 ok, 1 failed (1 text-mismatch), 0 malformed.']);
      expect(result.status).toBe(1);
    }
  });

  test('--texts fails closed when a text is missing', () => {
    const copy = join(work, 'missing-text');
    rmSync(copy, { recursive: true, force: true });
    cpSync(build.outDir, copy, { recursive: true });
    rmSync(join(copy, `raw/terms/ru/v1/${sha('terms', 'ru', 'v1')}.md`));
    const result = verify('--feed', copy, '--texts');
    expect(result.stdout).toContain(`3: text-unavailable: cannot read ${join(copy, `raw/terms/ru/v1/${sha('terms', 'ru', 'v1')}.md`)}: no such file or folder`);
    expect(result.stdout).toContain('texts: 6 read (1 could not be).\n3 records: 2 ok, 1 failed (1 text-unavailable), 0 malformed.');
    expect(result.status).toBe(1);
  });
});

describe('npm run policy -- verify --sql and --engine duckdb: the same answers, and explicit refusals', () => {
  const folder = join(work, 'выгрузка согласий');
  const records = () => {
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'согласия 2025.csv');
    const ok = `privacy,ru,2025-09-01,${sha('privacy', 'ru', '2025-09-01')},2025-10-01T12:00:00+03:00`;
    writeFileSync(file, `policy,locale,version,sha256,acceptedAt\r\n${ok}\r\nprivacy,ru,2025-09-01,${'f'.repeat(64)},2025-10-01T12:00:00+03:00\r\nprivacy,ru,2025-09-01,,2025-10-01 12:00\r\n`);
    return file;
  };

  test("--engine duckdb over a file in a folder with spaces and Cyrillic: the streaming verifier's summary and exit status", () => {
    const file = records();
    const streaming = runVerify(['verify', file, '--feed', feedIndex]);
    const engine = runVerify(['verify', file, '--engine', 'duckdb', '--feed', feedIndex]);
    expect(streaming.status).toBe(1);
    expect(engine.status, engine.stderr).toBe(1);
    const summary = (output: string) => output.trim().split('\n').at(-1);
    expect(summary(engine.stdout + engine.stderr)).toBe(summary(streaming.stdout + streaming.stderr));
    expect(summary(engine.stdout + engine.stderr)).toMatch(/^3 records: 1 ok, 1 failed \(1 hash-mismatch\), 1 malformed\.$/);
    // Without the notes stripped: the ok record is imported history from before the ledger's import, in both engines.
    expect(runPolicyCli(['verify', file, '--engine', 'duckdb', '--feed', feedIndex]).stdout).toContain(': note: privacy/ru/2025-09-01: history imported on 2026-01-01T03:00:00+03:00; not attested before\n');
  });

  test('--engine duckdb --json prints one line per record, the plain ok ones too, exactly as the streaming verifier does', () => {
    const file = records();
    const streaming = runPolicyCli(['verify', file, '--feed', feedIndex, '--json']);
    const engine = runPolicyCli(['verify', file, '--engine', 'duckdb', '--feed', feedIndex, '--json']);
    expect(engine.status, engine.stderr).toBe(1);
    expect(
      engine.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { line: number; outcome: string }).outcome),
    ).toEqual(['ok', 'hash-mismatch', 'malformed']);
    expect(engine.stdout).toBe(streaming.stdout);
  });

  test.each([
    [['--engine', 'duckdb', '--log'], /--log checks each record's checkpoint .* which --engine cannot do/],
    [['--sql', 'postgres', '--log'], /which --sql cannot do/],
    [['--engine', 'spark'], /--engine "spark" is not an engine/],
    [['--sql', 'oracle'], /--sql "oracle" is not a dialect: write duckdb, postgres, ansi/],
    [['--engine', 'duckdb', '--texts'], /--texts reads served files, which DuckDB does not/],
    [['--typed'], /^--typed chooses the short form of the query --sql prints: add --sql duckdb\|postgres\|ansi, or drop --typed\n/],
    [['--sql', 'postgres', '--typed', '--versions', 'versions.csv'], /^--typed lists the versions in the query as outcome segments, which versions.csv does not hold: drop --versions\n/],
    [['--memory', '512'], /^--memory is the budget of --engine duckdb: add --engine duckdb, or drop --memory\n/],
    [['--engine', 'duckdb', '--memory', '64'], /^--memory "64" is not a number of megabytes of 128 or more: write e.g. --memory 2048\n/],
  ])('verify %j is refused with exit 1 and says why, before reading anything', (options, message) => {
    const args = options[0] === '--sql' ? ['verify', ...options, '--feed', feedIndex] : ['verify', records(), ...options, '--feed', feedIndex];
    const result = runPolicyCli(args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  test("--sql --versions checks the file against the site: its own passes, another site's is refused naming the file, the row and the column", () => {
    mkdirSync(folder, { recursive: true });
    const own = join(folder, 'версии сайта.csv');
    const csv = readFileSync(join(build.outDir, 'feed/v1/versions.csv'), 'utf8');
    writeFileSync(own, csv);
    const printed = runPolicyCli(['verify', '--sql', 'duckdb', '--versions', own, '--feed', feedIndex]);
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toContain(`read_csv('${own}'`);
    const other = join(folder, 'other site.csv');
    writeFileSync(other, csv.replaceAll('https://policies.example.com/', 'https://other.example/'));
    const refused = runPolicyCli(['verify', '--sql', 'postgres', '--versions', other, '--feed', feedIndex]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`--versions ${other} is not the versions.csv of ${feedIndex}`);
    expect(refused.stderr).toMatch(/row 2 \([a-z-]+\/[a-z-]+\/[0-9-]+\): url is "https:\/\/other\.example\//);
  });
});
