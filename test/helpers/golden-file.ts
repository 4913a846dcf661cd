/**
 * Golden files: the expected output of a fixture, kept beside it and written
 * again only on purpose (`UPDATE=1`). A golden file that is missing is
 * written on a developer's machine, to be read and committed; in CI it is a
 * failure, since a run that writes its own expectation checks nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './build-site.ts';

/** Whether the environment says it is CI (`CI` set, and not to "false" or "0"). */
const isCi = (env: NodeJS.ProcessEnv) => env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false' && env['CI'] !== '0';

/**
 * The expected text of `file`, to compare `actual` with: the file's content;
 * `actual` itself after writing it when UPDATE=1, or when the file is missing
 * outside CI. Throws when it is missing in CI.
 */
export function readGoldenFile(file: string, actual: string, env: NodeJS.ProcessEnv = process.env): string {
  const missing = !existsSync(file);
  if (missing && isCi(env) && env['UPDATE'] !== '1') {
    throw new Error(`${relative(ROOT, file)} is missing, and CI does not write expectations: run the test with UPDATE=1 on your machine, read the file it writes, and commit it.`);
  }
  if (missing || env['UPDATE'] === '1') {
    writeFileSync(file, actual);
    return actual;
  }
  return readFileSync(file, 'utf8');
}
