import { describe, expect, test } from 'vitest';
import { parseFrontMatterYaml, splitFrontMatter, type SplitFile } from '#lib/corpus/front-matter-yaml.ts';
import { withoutMessageRef } from '../../helpers/problem-text.ts';

function split(text: string): SplitFile {
  const result = splitFrontMatter(text);
  if (!result.ok) throw new Error(result.message);
  return result.file;
}

describe('splitFrontMatter', () => {
  test('separates YAML and body and tells the lines they start on', () => {
    expect(split('---\ntitle: A\neffective: 2025-09-01\n---\n\nText\n')).toEqual({
      yaml: 'title: A\neffective: 2025-09-01',
      yamlStartLine: 2,
      body: '\nText\n',
      bodyStartLine: 5,
    });
  });

  test('reports a file without front matter', () => {
    expect(splitFrontMatter('# Title\n')).toMatchObject({ ok: false, line: 1, message: 'the file has no front matter' });
  });

  test('reports front matter that is never closed', () => {
    expect(splitFrontMatter('---\ntitle: A\n\nText\n')).toMatchObject({ ok: false, message: 'the front matter is never closed' });
  });
});

describe('parseFrontMatterYaml', () => {
  test('keeps dates as the text typed (no YAML 1.1 timestamps)', () => {
    const parsed = parseFrontMatterYaml(split('---\neffective: 2025-09-01\nother: 2025-02-30\n---\nx'));
    expect(parsed.data).toEqual({ effective: '2025-09-01', other: '2025-02-30' });
  });

  test('refuses an explicit !!timestamp tag instead of guessing a zone for it', () => {
    const parsed = parseFrontMatterYaml(split('---\neffective: !!timestamp 2025-09-01\n---\nx'));
    expect(parsed.data).toBeUndefined();
    expect(withoutMessageRef(parsed.problems)).toEqual([
      {
        line: 2,
        message: 'a value carries a YAML tag that this site does not read (tag:yaml.org,2002:timestamp)',
        hint: 'Remove the "!…" tag and write the value plainly, e.g. effective: 2025-09-01.',
      },
    ]);
  });

  test('gives the file line of every key', () => {
    const parsed = parseFrontMatterYaml(split('---\ntitle: A\n\neffective: 2025-09-01\n---\nx'));
    expect(Object.fromEntries(parsed.keyLines)).toEqual({ title: 2, effective: 4 });
  });

  test('reports a duplicated key at its second line, naming it', () => {
    const parsed = parseFrontMatterYaml(split('---\ntitle: A\ntitle: B\n---\nx'));
    expect(withoutMessageRef(parsed.problems)).toEqual([{ line: 3, field: 'title', message: 'is given twice', hint: 'Keep one "title:" line and delete the other.' }]);
  });

  test('names a key given twice inside a list item too', () => {
    const parsed = parseFrontMatterYaml(split('---\ntitle: A\ncorrections:\n  - date: 2026-01-01\n    reason: x\n    reason: y\n---\nx'));
    expect(withoutMessageRef(parsed.problems)).toEqual([{ line: 6, field: 'reason', message: 'is given twice', hint: 'Keep one "reason:" line and delete the other.' }]);
  });

  test('reports broken YAML with its line', () => {
    const parsed = parseFrontMatterYaml(split('---\ntitle: A\nsummary: [one,\n---\nx'));
    expect(parsed.problems[0]).toMatchObject({ line: 3 });
    expect(parsed.problems[0]?.message).toMatch(/^the front matter is not valid YAML/);
  });
});
