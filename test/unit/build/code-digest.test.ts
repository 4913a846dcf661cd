import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CODE_ENTRIES, getCacheCodeDigest, getCodeDigest } from '#lib/build/code-digest.ts';
import { ROOT } from '../../helpers/build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'code-digest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('getCodeDigest', () => {
  test('changes with every module an entry reaches, wherever it lives, and with the lockfile', () => {
    const root = join(work, 'project');
    mkdirSync(join(root, 'src/lib/build'), { recursive: true });
    mkdirSync(join(root, 'src/lib/redline'), { recursive: true });
    mkdirSync(join(root, 'src/other'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ imports: { '#lib/*': './src/lib/*' } }));
    writeFileSync(join(root, 'package-lock.json'), '{}');
    writeFileSync(join(root, 'src/lib/build/worker.ts'), "import { b } from '#lib/redline/b.ts';\nimport 'diff';\n");
    writeFileSync(join(root, 'src/lib/redline/b.ts'), "import { c } from '../../other/c.ts';\nexport const b = 1;\n");
    writeFileSync(join(root, 'src/other/c.ts'), 'export const c = 1;\n');
    writeFileSync(join(root, 'src/lib/schema.ts'), 'export const s = 1;\n');
    writeFileSync(join(root, 'src/lib/unrelated.ts'), 'export const u = 1;\n');
    const entries = ['src/lib/build/worker.ts', 'src/lib/schema.ts'];
    const first = getCodeDigest(root, entries);
    expect(getCodeDigest(root, entries)).toBe(first);
    // A module outside src/lib, reached through a relative import.
    writeFileSync(join(root, 'src/other/c.ts'), 'export const c = 2;\n');
    const second = getCodeDigest(root, entries);
    expect(second).not.toBe(first);
    // A module reached through the #lib alias.
    writeFileSync(join(root, 'src/lib/redline/b.ts'), "import { c } from '../../other/c.ts';\nexport const b = 2;\n");
    const third = getCodeDigest(root, entries);
    expect(third).not.toBe(second);
    // The second entry counts as much as the first.
    writeFileSync(join(root, 'src/lib/schema.ts'), 'export const s = 2;\n');
    const fourth = getCodeDigest(root, entries);
    expect(fourth).not.toBe(third);
    // A module no entry imports cannot change a result.
    writeFileSync(join(root, 'src/lib/unrelated.ts'), 'export const u = 2;\n');
    expect(getCodeDigest(root, entries)).toBe(fourth);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3}');
    const fifth = getCodeDigest(root, entries);
    expect(fifth).not.toBe(fourth);
    // A project installed without a lockfile still builds.
    rmSync(join(root, 'package-lock.json'));
    expect(getCodeDigest(root, entries)).not.toBe(fifth);
  });

  test.each(Object.keys(CODE_ENTRIES) as (keyof typeof CODE_ENTRIES)[])('reaches the modules of this project that fill the %s cache', (kind) => {
    expect(getCacheCodeDigest(ROOT, kind)).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each(['src/lib/markdown/clause-anchors.ts', 'src/lib/markdown/markdown-pipeline.ts', 'src/lib/build/rendered-files.ts'])('keys the rendered texts by %s, which makes them', (module) => {
    // The stale-page bug: a changed rehype plugin must make every cached text stale. Adding a module the entries
    // already reach leaves the digest as it is; one they did not reach would change it.
    expect(getCodeDigest(ROOT, [...CODE_ENTRIES.render, module])).toBe(getCacheCodeDigest(ROOT, 'render'));
    expect(getCodeDigest(ROOT, [...CODE_ENTRIES.render, 'scripts/dist-digests.ts'])).not.toBe(getCacheCodeDigest(ROOT, 'render'));
  });
});
