import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_LINT_SEVERITIES, LINT_RULE_IDS } from '#lib/lint/lint-rules.ts';
import { ROOT } from '../../helpers/build-site.ts';
import { readGoldenFile } from '../../helpers/golden-file.ts';
import { formatLint, lintFolder } from '../../helpers/lint-folder.ts';

// Each rule has a folder of texts it must accept and one of texts it must refuse, in Russian and English:
// test/fixtures/lint/<rule>/{pass,fail}/<policy>/<locale>/<version>.md. What the failing ones give is kept in
// <rule>/fail.expected.txt; run with UPDATE=1 to write it again after a deliberate change, and read the diff.
// A missing one is written on your machine, and fails in CI (see test/helpers/golden-file.ts).
const FIXTURES = 'test/fixtures/lint';

describe.each(LINT_RULE_IDS)('the %s rule', (rule) => {
  test('accepts its passing texts, Russian and English, with no finding of any rule', () => {
    expect(formatLint(lintFolder(`${FIXTURES}/${rule}/pass`))).toBe('');
  });

  test('reports its failing texts, Russian and English, as expected', () => {
    const lint = lintFolder(`${FIXTURES}/${rule}/fail`);
    const findings = [...lint.errors, ...lint.warnings];
    expect(new Set(findings.map((finding) => finding.rule))).toEqual(new Set([rule]));
    expect(new Set(findings.map((finding) => finding.file.split('/').at(-2)))).toEqual(new Set(['ru', 'en']));
    const expectedFile = join(ROOT, FIXTURES, rule, 'fail.expected.txt');
    const report = `${formatLint(lint)}\n`;
    expect(report).toBe(readGoldenFile(expectedFile, report));
  });
});

describe("the legal staff's guide", () => {
  // The rules' table is generated (docs/reference/lint-rules.md); the guide explains each rule in plain words.
  test('explains every rule id, in order, and says which ones only warn', () => {
    const guide = readFileSync(join(ROOT, 'docs/legal-staff.en.md'), 'utf8');
    const rows = [...guide.matchAll(/^- `([a-z-]+)`( \(a warning\))?: /gm)].map((match) => [match[1], match[2] ? 'warning' : 'error']);
    expect(rows).toEqual(LINT_RULE_IDS.map((id) => [id, DEFAULT_LINT_SEVERITIES[id]]));
  });
});

describe('readGoldenFile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'golden-'));
  const file = join(folder, 'fail.expected.txt');

  test('fails in CI when the golden file is missing, and writes nothing', () => {
    rmSync(file, { force: true });
    expect(() => readGoldenFile(file, 'found\n', { CI: 'true' })).toThrow(
      `${relative(ROOT, file)} is missing, and CI does not write expectations: run the test with UPDATE=1 on your machine, read the file it writes, and commit it.`,
    );
    expect(existsSync(file)).toBe(false);
  });

  test('writes a missing one outside CI, and any one with UPDATE=1; otherwise reads it', () => {
    rmSync(file, { force: true });
    expect(readGoldenFile(file, 'first\n', { CI: 'false' })).toBe('first\n');
    expect(readGoldenFile(file, 'second\n', { CI: 'true' })).toBe('first\n');
    expect(readGoldenFile(file, 'second\n', { CI: 'true', UPDATE: '1' })).toBe('second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    rmSync(folder, { recursive: true, force: true });
  });
});
