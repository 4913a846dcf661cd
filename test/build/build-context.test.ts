/**
 * The build context (src/lib/build/build-context.ts) is resolved once, in
 * astro.config.mjs, before Astro does anything: what is wrong in it stops the
 * build there, named, with nothing written.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';

describe('a build whose context cannot be resolved', () => {
  test('stops at once on a SOURCE_DATE_EPOCH that is not whole seconds, names it, and writes nothing', () => {
    const build = buildSite({ policiesDir: 'policies', name: 'build-context-epoch', env: { SOURCE_DATE_EPOCH: 'вчера' } });
    expect(build.status).toBe(1);
    expect(build.output).toContain('SOURCE_DATE_EPOCH: "вчера" is not a whole number of seconds since 1970-01-01T00:00:00Z\n    Unset it, or set it like SOURCE_DATE_EPOCH=$(date +%s).');
    expect(readdirSync(build.outDir)).toEqual([]);
  });
});
