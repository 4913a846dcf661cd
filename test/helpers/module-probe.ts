/**
 * A Node `--import` hook for tests of what a process loads: records the URL
 * of every module the process loads and writes them, one a line, to the file
 * named by LOADED_MODULES_FILE when the process exits. Run by Node itself
 * (type stripping), so only erasable TypeScript here.
 */
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded = new Set<string>();
registerHooks({
  load(url, context, nextLoad) {
    loaded.add(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  const file = process.env['LOADED_MODULES_FILE'];
  if (file) writeFileSync(file, [...loaded].map((url) => `${url}\n`).join(''));
});
