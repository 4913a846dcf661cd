import { getMessages, renderProblemMessage, type ProblemMessage } from '#lib/messages/message-catalog.ts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadCorpus } from '#lib/corpus/load-corpus.ts';
import { NOT_PLAIN_FILE } from '#lib/corpus/plain-files.ts';
import { MissingPoliciesDirError, readCorpus } from '#lib/corpus/read-corpus.ts';
import { archiveText, readArchivedText, readLedger, writeLedger } from '#lib/ledger/ledger-store.ts';

const VERSION = '---\ntitle: Политика\neffective: 2025-09-01\n---\n\nТекст.\n';
const SECRET = '---\ntitle: Чужой файл\neffective: 2025-10-01\n---\n\nSECRET-OUTSIDE-TEXT\n';

let base: string;
let root: string;
let outside: string;
const servers: Server[] = [];

beforeEach(() => {
  // A space and Cyrillic on the way, as a real user's folder has.
  base = mkdtempSync(join(tmpdir(), 'read corpus папка-'));
  root = join(base, 'policies');
  outside = join(base, 'outside');
  mkdirSync(join(root, 'privacy', 'ru'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'privacy', 'ru', '2025-09-01.md'), VERSION);
  writeFileSync(join(outside, 'secret.md'), SECRET);
});

afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  rmSync(base, { recursive: true, force: true });
});

const load = () => loadCorpus({ policiesPath: root, timeZone: 'Europe/Moscow', defaultLocale: 'ru', includeDrafts: false, enforceLedger: false, cwd: base, now: Date.parse('2026-12-01T00:00:00Z') });

describe('readCorpus', () => {
  test('reads plain files, sorted, with paths as the user would type them', () => {
    writeFileSync(join(root, 'privacy', 'ru', '2026-01-01.md'), VERSION);
    const { files, problems } = readCorpus(root, { cwd: base });
    expect(problems).toEqual([]);
    expect(files.map((file) => [file.relativePath, file.displayPath])).toEqual([
      ['privacy/ru/2025-09-01.md', 'policies/privacy/ru/2025-09-01.md'],
      ['privacy/ru/2026-01-01.md', 'policies/privacy/ru/2026-01-01.md'],
    ]);
  });

  test('refuses a symbolic link to a file outside the folder, naming where it points, and never reads it', () => {
    symlinkSync(join(outside, 'secret.md'), join(root, 'privacy', 'ru', 'v3.md'));
    const { files, problems } = readCorpus(root, { cwd: base });
    expect(files.map((file) => file.relativePath)).toEqual(['privacy/ru/2025-09-01.md']);
    expect(problems).toEqual([
      {
        file: 'policies/privacy/ru/v3.md',
        line: 1,
        code: NOT_PLAIN_FILE,
        message: `is a symbolic link to "${join(outside, 'secret.md')}" (outside the policies folder); links are not followed`,
        hint: expect.stringContaining('Replace the link with the file itself') as unknown as string,
        text: expect.objectContaining({ id: 'symbolicLink' }) as unknown as ProblemMessage,
      },
    ]);
  });

  test('refuses a symbolic link to a file inside the folder, and a relative one', () => {
    symlinkSync('2025-09-01.md', join(root, 'privacy', 'ru', 'v2.md'));
    const { problems } = readCorpus(root, { cwd: base });
    expect(problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      'policies/privacy/ru/v2.md: is a symbolic link to "2025-09-01.md" (policies/privacy/ru/2025-09-01.md, inside the policies folder); links are not followed',
    ]);
    const [problem] = problems;
    expect(problem?.text && renderProblemMessage(problem.text, getMessages('ru')).message).toBe(
      'это символическая ссылка на «2025-09-01.md» (policies/privacy/ru/2025-09-01.md, внутри папки документов); по ссылкам файлы не читаются',
    );
  });

  test('refuses a link to a folder, a dangling link and a link at the top of the folder', () => {
    symlinkSync(outside, join(root, 'terms'));
    symlinkSync(join(base, 'nothing-here.md'), join(root, 'privacy', 'ru', 'v4.md'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'README.md'));
    const { files, problems } = readCorpus(root, { cwd: base });
    expect(files).toHaveLength(1);
    expect(problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      `policies/README.md: is a symbolic link to "${join(outside, 'secret.md')}" (outside the policies folder); links are not followed`,
      `policies/privacy/ru/v4.md: is a symbolic link to "${join(base, 'nothing-here.md')}" (outside the policies folder, which does not exist); links are not followed`,
      `policies/terms: is a symbolic link to "${outside}" (outside the policies folder); links are not followed`,
    ]);
  });

  test('refuses a named pipe without opening it (opening one would hang the build)', () => {
    expect(spawnSync('mkfifo', [join(root, 'privacy', 'ru', 'v5.md')]).status).toBe(0);
    const { problems } = readCorpus(root, { cwd: base });
    expect(problems).toEqual([expect.objectContaining({ file: 'policies/privacy/ru/v5.md', code: NOT_PLAIN_FILE, message: 'is a named pipe (FIFO), not a file' })]);
  });

  test('refuses a socket', async () => {
    const path = join(root, 'privacy', 'ru', 'v6.md');
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path, resolve));
    expect(readCorpus(root, { cwd: base }).problems).toEqual([expect.objectContaining({ file: 'policies/privacy/ru/v6.md', message: 'is a socket, not a file' })]);
  });

  test("accepts a policies folder that is itself a link: that is the user's choice, not the content's", () => {
    symlinkSync(root, join(base, 'linked'));
    const { files, problems } = readCorpus(join(base, 'linked'), { cwd: base });
    expect(problems).toEqual([]);
    expect(files.map((file) => file.displayPath)).toEqual(['linked/privacy/ru/2025-09-01.md']);
  });

  test('says clearly when the folder is missing or is a file', () => {
    expect(() => readCorpus(join(base, 'missing'), { cwd: base })).toThrow(
      new MissingPoliciesDirError('The policies folder missing does not exist. Create it, or point POLICIES_DIR at the folder that holds <policy>/<locale>/<version>.md files.'),
    );
    writeFileSync(join(base, 'a-file'), 'x');
    expect(() => readCorpus(join(base, 'a-file'), { cwd: base })).toThrow('The policies folder a-file is not a folder.');
    // No stack trace under the sentence: Astro prints any stack it finds.
    expect(new MissingPoliciesDirError('x').stack).toBe('');
  });
});

describe('loadCorpus', () => {
  test('reports an empty folder, saying how to start', () => {
    const empty = join(base, 'empty');
    mkdirSync(empty);
    const loaded = loadCorpus({ policiesPath: empty, timeZone: 'Europe/Moscow', defaultLocale: 'ru', includeDrafts: false, enforceLedger: true, cwd: base, now: Date.parse('2026-12-01T00:00:00Z') });
    expect(loaded.problems).toEqual([
      expect.objectContaining({ file: 'empty', message: 'the policies folder has no versions', hint: expect.stringContaining('npm run policy -- new privacy --locale ru') as unknown as string }),
    ]);
  });

  test('refuses links even where ledger problems are only warnings (the dev server)', () => {
    symlinkSync(join(outside, 'secret.md'), join(root, 'privacy', 'ru', 'v3.md'));
    const loaded = load();
    expect(loaded.problems.map((problem) => problem.file)).toEqual(['policies/privacy/ru/v3.md']);
    expect(loaded.corpus.policies).toEqual([]);
  });

  test('refuses a ledger that is a link, once, and never reads it', () => {
    symlinkSync(join(outside, 'secret.md'), join(root, 'published.lock.json'));
    expect(readLedger(root, base)).toEqual({ ledger: null, file: 'policies/published.lock.json', problems: [expect.objectContaining({ code: NOT_PLAIN_FILE })] });
    const loaded = load();
    expect(loaded.problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      `policies/published.lock.json: is a symbolic link to "${join(outside, 'secret.md')}" (outside the policies folder); links are not followed`,
    ]);
  });

  test('refuses links in the archive of published texts, and never reads through them', () => {
    const sha256 = archiveText(root, 'the published text\n');
    expect(readArchivedText(root, sha256)).toBe('the published text\n');
    rmSync(join(root, '.published', `${sha256}.md`));
    writeFileSync(join(outside, 'copy.md'), 'the published text\n');
    symlinkSync(join(outside, 'copy.md'), join(root, '.published', `${sha256}.md`));
    expect(readArchivedText(root, sha256)).toBeNull();
    expect(load().problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      `policies/.published/${sha256}.md: is a symbolic link to "${join(outside, 'copy.md')}" (outside the policies folder); links are not followed`,
    ]);
  });

  test('refuses an archive folder that is a link, and will not write through it', () => {
    symlinkSync(outside, join(root, '.published'));
    expect(load().problems.map((problem) => problem.file)).toEqual(['policies/.published']);
    expect(() => archiveText(root, 'a text\n')).toThrow('is a symbolic link to');
  });

  test('writes the ledger over a link by replacing the link, never through it', () => {
    symlinkSync(join(outside, 'secret.md'), join(root, 'published.lock.json'));
    writeLedger(root, { ledgerVersion: 1, versions: [] } as unknown as Parameters<typeof writeLedger>[1]);
    expect(readLedger(root, base).problems).toEqual([]);
    expect(spawnSync('cat', [join(outside, 'secret.md')], { encoding: 'utf8' }).stdout).toBe(SECRET);
  });
});
