/**
 * The content folder as a user keeps it: anywhere on the machine (its own
 * repository, a sibling clone, a path with a space and Cyrillic), and read
 * without following links, so a pull request that adds a link, a pipe or a
 * device cannot publish a file from the build machine or hang the build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildShared, buildSite, FIXTURE_CORPUS, OUTPUT, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { listFiles } from '../helpers/dist-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

const FIXTURE = join(ROOT, FIXTURE_CORPUS.policiesDir);
// Outside the project: an absolute temporary folder, with a space and Cyrillic on the way.
const BASE = mkdtempSync(join(tmpdir(), 'policy press папка '));
const OUTSIDE = join(BASE, 'legal-policies');
const SECRET = 'SECRET-OF-THE-BUILD-MACHINE-4e1b';

let outside: BuildResult;
let inside: BuildResult;

beforeAll(() => {
  cpSync(FIXTURE, OUTSIDE, { recursive: true });
  writeFileSync(join(BASE, 'secret.md'), `---\ntitle: Чужой файл\neffective: 2025-10-01\n---\n\n${SECRET}\n`);
  // Built as the shared build of the same folder inside the project is (the fixture in test/fixtures), which it is compared with.
  outside = buildSite({ policiesDir: OUTSIDE, name: 'content-outside', env: FIXTURE_CORPUS.env });
  inside = buildShared(FIXTURE_CORPUS);
});

afterAll(() => rmSync(BASE, { recursive: true, force: true }));

describe('a policies folder outside the project', () => {
  test('builds, reading its ledger from that folder', () => {
    expect(outside.status, outside.output).toBe(0);
    expect(outside.output).toContain(`policy versions from ${OUTSIDE}`);
  });

  test('gives a site byte-identical to the same folder inside the project', () => {
    expect(inside.status, inside.output).toBe(0);
    const files = listFiles(outside.outDir);
    expect(listFiles(inside.outDir)).toEqual(files);
    expect(files.filter((file) => !readFileSync(join(outside.outDir, file)).equals(readFileSync(join(inside.outDir, file))))).toEqual([]);
    // Nothing of where the folder is reaches the site.
    expect(files.filter((file) => readFileSync(join(outside.outDir, file)).includes(BASE))).toEqual([]);
  });

  test('is read by the CLI given absolutely, relative to the project, or relative to where the command is typed', () => {
    const env = { POLICIES_DIR: relative(ROOT, OUTSIDE) };
    expect(env.POLICIES_DIR.startsWith('..')).toBe(true);
    const outsideCheck = runPolicyCli(['check'], { policiesDir: OUTSIDE }).stdout;
    expect(outsideCheck.endsWith(`6 versions in ${OUTSIDE}: no errors, 1 warning and 3 findings in published history above (1 draft not published).\n`), outsideCheck).toBe(true);
    expect(runPolicyCli(['check'], { env }).status).toBe(0);
    // npm runs scripts in the project root and says in INIT_CWD where the person typed the command.
    expect(runPolicyCli(['check'], { env: { POLICIES_DIR: 'legal-policies', INIT_CWD: BASE } }).status).toBe(0);
  });

  test('missing, a file, or empty: a clear error', () => {
    const missing = runPolicyCli(['check'], { env: { POLICIES_DIR: join(BASE, 'нет такой папки') } });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`The policies folder ${join(BASE, 'нет такой папки')} does not exist. Create it, or point POLICIES_DIR at the folder that holds <policy>/<locale>/<version>.md files.\n`);
    const file = runPolicyCli(['check'], { env: { POLICIES_DIR: join(BASE, 'secret.md') } });
    expect(file.status).toBe(1);
    expect(file.stderr).toContain(`The policies folder ${join(BASE, 'secret.md')} is not a folder.`);
    mkdirSync(join(BASE, 'empty'));
    const empty = runPolicyCli(['check'], { env: { POLICIES_DIR: join(BASE, 'empty') } });
    expect(empty.status).toBe(1);
    expect(empty.stdout).toContain(`${join(BASE, 'empty')}:1: the policies folder has no versions`);
  });
});

/** A fresh copy of the fixture outside the project with one hostile entry, and a dist/ from an earlier good build. */
function hostile(name: string, add: (folder: string) => string): { folder: string; entry: string; dist: string } {
  const folder = join(BASE, name);
  cpSync(FIXTURE, folder, { recursive: true });
  const entry = add(folder);
  const dist = join(OUTPUT, `refused-${name}`, 'dist');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, 'ru'), { recursive: true });
  writeFileSync(join(dist, 'ru', 'index.html'), 'the previous site');
  return { folder, entry, dist };
}

const ledgerOf = (folder: string) => ({ ledger: readFileSync(join(folder, 'published.lock.json'), 'utf8'), archive: readdirSync(join(folder, '.published')).sort() });

describe.each([
  {
    name: 'link-outside',
    add: (folder: string) => {
      const entry = join(folder, 'privacy/ru/v3.md');
      symlinkSync(join(BASE, 'secret.md'), entry);
      return entry;
    },
    message: () => `is a symbolic link to "${join(BASE, 'secret.md')}" (outside the policies folder); links are not followed`,
  },
  {
    name: 'link-inside',
    add: (folder: string) => {
      const entry = join(folder, 'privacy/ru/v3.md');
      symlinkSync('2025-09-01.md', entry);
      return entry;
    },
    message: (folder: string) => `is a symbolic link to "2025-09-01.md" (${join(folder, 'privacy/ru/2025-09-01.md')}, inside the policies folder); links are not followed`,
  },
  {
    name: 'fifo',
    add: (folder: string) => {
      const entry = join(folder, 'privacy/ru/v3.md');
      expect(spawnSync('mkfifo', [entry]).status).toBe(0);
      return entry;
    },
    message: () => 'is a named pipe (FIFO), not a file',
  },
])('a policies folder with a $name', ({ name, add, message }) => {
  let setup: ReturnType<typeof hostile>;
  let build: BuildResult;

  beforeAll(() => {
    setup = hostile(name, add);
    build = buildSite({ policiesDir: setup.folder, name: `refused-${name}`, keepOutDir: true });
  });

  test('is refused by the build, naming the path and what it is, with dist/ left as it was', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(`${setup.entry}:1: ${message(setup.folder)}`);
    expect(build.output).not.toContain('Stack trace');
    expect(listFiles(setup.dist)).toEqual(['ru/index.html']);
    expect(readFileSync(join(setup.dist, 'ru', 'index.html'), 'utf8')).toBe('the previous site');
  });

  test('is refused by check', () => {
    const result = runPolicyCli(['check'], { policiesDir: setup.folder });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${setup.entry}:1: ${message(setup.folder)}`);
    expect(result.stdout).not.toContain(SECRET);
  });

  test('is refused by publish, which records nothing', () => {
    const before = ledgerOf(setup.folder);
    const result = runPolicyCli(['publish'], { policiesDir: setup.folder });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${setup.entry}:1: ${message(setup.folder)}`);
    expect(result.stderr).toContain('Nothing was recorded');
    expect(ledgerOf(setup.folder)).toEqual(before);
  });
});

describe('the archive of published texts', () => {
  test('with a link in place of a published text is refused by check and publish', () => {
    const folder = join(BASE, 'archive-link');
    cpSync(FIXTURE, folder, { recursive: true });
    const [first = ''] = readdirSync(join(folder, '.published')).sort();
    const entry = join(folder, '.published', first);
    writeFileSync(join(BASE, 'copy.md'), readFileSync(entry));
    rmSync(entry);
    symlinkSync(join(BASE, 'copy.md'), entry);
    for (const command of ['check', 'publish']) {
      const result = runPolicyCli([command], { policiesDir: folder });
      expect(result.status, command).toBe(1);
      expect(`${result.stdout}${result.stderr}`, command).toContain(`${entry}:1: is a symbolic link to "${join(BASE, 'copy.md')}" (outside the policies folder); links are not followed`);
    }
  });

  test('with a ledger that is a link is refused, and the link is left alone', () => {
    const folder = join(BASE, 'ledger-link');
    cpSync(FIXTURE, folder, { recursive: true });
    const ledger = join(folder, 'published.lock.json');
    writeFileSync(join(BASE, 'ledger.json'), readFileSync(ledger));
    rmSync(ledger);
    symlinkSync(join(BASE, 'ledger.json'), ledger);
    const result = runPolicyCli(['publish'], { policiesDir: folder });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${ledger}:1: is a symbolic link to "${join(BASE, 'ledger.json')}" (outside the policies folder)`);
    expect(readFileSync(join(BASE, 'ledger.json'), 'utf8')).toBe(readFileSync(join(FIXTURE, 'published.lock.json'), 'utf8'));
  });
});
