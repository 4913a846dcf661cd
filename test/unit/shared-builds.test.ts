import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { oncePerRun, sharedDist, TEST_EPOCH } from '../helpers/build-site.ts';

const folder = mkdtempSync(join(tmpdir(), 'policy-press-shared-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function policies(name: string, text: string): string {
  const dir = join(folder, name);
  mkdirSync(join(dir, 'privacy/ru'), { recursive: true });
  writeFileSync(join(dir, 'privacy/ru/2025-09-01.md'), text);
  return dir;
}

describe('sharedDist', () => {
  test('names one folder for the same policies folder, content and environment, whatever the order of the variables', () => {
    const dir = policies('same', 'Текст.');
    expect(sharedDist({ policiesDir: dir, env: { TZ: 'UTC', LANG: 'C' } })).toBe(sharedDist({ policiesDir: dir, env: { LANG: 'C', TZ: 'UTC' } }));
    // SOURCE_DATE_EPOCH is TEST_EPOCH unless a build says otherwise, as in buildSite.
    expect(sharedDist({ policiesDir: dir })).toBe(sharedDist({ policiesDir: dir, env: { SOURCE_DATE_EPOCH: TEST_EPOCH } }));
  });

  test("names another folder when a variable, a file of the folder or the folder's place differs", () => {
    const dir = policies('changed', 'Текст.');
    const before = sharedDist({ policiesDir: dir });
    expect(sharedDist({ policiesDir: dir, env: { SOURCE_DATE_EPOCH: '1780272000' } })).not.toBe(before);
    expect(sharedDist({ policiesDir: dir, env: { TZ: 'America/Adak' } })).not.toBe(before);
    const copy = join(folder, 'copy');
    cpSync(dir, copy, { recursive: true });
    expect(sharedDist({ policiesDir: copy })).not.toBe(before);
    writeFileSync(join(dir, 'privacy/ru/2025-09-01.md'), 'Другой текст.');
    expect(sharedDist({ policiesDir: dir })).not.toBe(before);
    writeFileSync(join(dir, 'privacy/ru/2025-09-01.md'), 'Текст.');
    expect(sharedDist({ policiesDir: dir })).toBe(before);
    writeFileSync(join(dir, 'published.lock.json'), '{}');
    expect(sharedDist({ policiesDir: dir })).not.toBe(before);
  });
});

describe('oncePerRun', () => {
  test('makes a thing once in a test run and again in the next run', () => {
    const made: number[] = [];
    const make = () => {
      made.push(made.length);
      return { count: made.length };
    };
    const target = join(folder, 'once');
    expect(oncePerRun(target, make)).toEqual({ count: 1 });
    expect(oncePerRun(target, make)).toEqual({ count: 1 });
    const run = process.env['POLICY_PRESS_TEST_RUN'];
    try {
      process.env['POLICY_PRESS_TEST_RUN'] = 'another run';
      expect(oncePerRun(target, make)).toEqual({ count: 2 });
    } finally {
      if (run === undefined) delete process.env['POLICY_PRESS_TEST_RUN'];
      else process.env['POLICY_PRESS_TEST_RUN'] = run;
    }
    expect(oncePerRun(target, make)).toEqual({ count: 3 });
    expect(made).toEqual([0, 1, 2]);
  });
});

describe('oncePerRun across processes', () => {
  test('two processes asking at once: one makes it, the other waits and reads it', async () => {
    const target = join(folder, 'raced');
    const log = join(folder, 'raced-makes.log');
    // Each child asks for the same thing; making it takes long enough that the second asks while the first makes it.
    const child = (name: string) =>
      new Promise<string>((done, fail) => {
        const script = [
          `import { appendFileSync } from 'node:fs';`,
          `import { oncePerRun } from ${JSON.stringify(join(import.meta.dirname, '../helpers/build-site.ts'))};`,
          `const result = oncePerRun(${JSON.stringify(target)}, () => {`,
          `  appendFileSync(${JSON.stringify(log)}, '${name}\\n');`,
          `  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);`,
          `  return { by: '${name}' };`,
          `});`,
          `process.stdout.write(result.by);`,
        ].join('\n');
        execFile(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, POLICY_PRESS_TEST_RUN: 'raced run' } }, (error, stdout, stderr) =>
          error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout),
        );
      });
    const [first, second] = await Promise.all([child('a'), child('b')]);
    // Both got what one of them made, and it was made once.
    expect(first).toBe(second);
    expect(readFileSync(log, 'utf8')).toBe(`${first}\n`);
    expect(existsSync(`${target}.lock`)).toBe(false);
  });

  test('a lock left by a process that died is taken over, not waited on', () => {
    const target = join(folder, 'orphaned');
    mkdirSync(`${target}.lock`, { recursive: true });
    // A pid no process has: the largest Linux allows is 2^22.
    writeFileSync(join(`${target}.lock`, 'owner'), '4194304 0');
    expect(oncePerRun(target, () => 'made')).toBe('made');
  });
});
