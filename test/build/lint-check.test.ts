import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LINT_RULE_IDS } from '#lib/lint/lint-rules.ts';
import { buildSite, LATER_EPOCH, OUTPUT, ROOT } from '../helpers/build-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

// Every rule through `npm run policy -- check`, on the same fixture texts as the unit tests
// (test/fixtures/lint/<rule>/{pass,fail}), each copied and published first, as a user's folder would be.
const NO_LINT = LINT_RULE_IDS.map((id) => `${id}=off`).join(',');
const cacheDir = join(OUTPUT, 'lint-check-cache');

function publishedCopy(fixture: string): { policies: string; display: string } {
  const name = `lint-${fixture.replace('/', '-')}`;
  const policies = join(OUTPUT, name);
  rmSync(policies, { recursive: true, force: true });
  cpSync(join(ROOT, 'test/fixtures/lint', fixture), policies, { recursive: true });
  const publish = (args: string[] = []) => {
    const published = runPolicyCli(['publish', ...args], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH, POLICY_LINT: NO_LINT } });
    if (published.status !== 0) throw new Error(published.stderr);
  };
  // A version that declares a correction was published before it, with the typo the correction fixed ("Исправлена
  // опечатка в пункте 1.1"): publish that text first, then the corrected one, as the correction workflow does.
  const corrected = listMarkdown(policies).filter((file) => readFileSync(file, 'utf8').includes('\ncorrections:\n'));
  const texts = new Map(corrected.map((file) => [file, readFileSync(file, 'utf8')]));
  for (const [file, text] of texts) writeFileSync(file, text.replace(/\ncorrections:\n(?: {2}.*\n)+/, '\n').replace('Пользователей', 'Пользоватлей'));
  publish();
  if (texts.size > 0) {
    for (const [file, text] of texts) writeFileSync(file, text);
    // A typo fix passes the editorial check; where a check of one word in a short text refuses it (more than its
    // share of 5%), it is recorded as material, as a user would have to.
    const editorial = runPolicyCli(['publish'], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH, POLICY_LINT: NO_LINT } });
    if (editorial.status !== 0) publish(['--material-correction', 'Исправлена опечатка в коротком тексте']);
  }
  return { policies, display: `test/.output/${name}` };
}

function listMarkdown(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md') && !path.startsWith('.'))
    .map((path) => join(folder, path));
}

const check = (policies: string, args: string[] = [], env: Record<string, string> = {}) =>
  runPolicyCli(['check', ...args], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH, ASTRO_CACHE_DIR: cacheDir, ...env } });

describe.each(LINT_RULE_IDS)('npm run policy -- check, %s', (rule) => {
  test('passes the passing texts', () => {
    const { policies } = publishedCopy(`${rule}/pass`);
    const result = check(policies);
    // policy-link's 2026-02-15 is Russian only, in force while earlier versions have English: check says so, though no lint rule finds anything.
    const ending = rule === 'policy-link' ? 'no errors, 1 warning above' : 'all is well';
    expect(result.stdout, result.stdout).toMatch(new RegExp(`^\\d+ versions in .*: ${ending}\\.\\n$`, 'm'));
    expect(result.stdout).not.toContain(`[${rule}]`);
    expect(result.status).toBe(0);
  });

  test('reports what it finds in the failing texts, once published, as history: one line, never refused; --history lists them as the unit test expects them', () => {
    const { policies, display } = publishedCopy(`${rule}/fail`);
    const result = check(policies);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^History: \\d+ lint findings? in \\d+ published versions? \\(.*\\b${rule} \\d+.*\\), reported, not refused`, 'm'));
    const listed = check(policies, ['--history']);
    const expected = readFileSync(join(ROOT, 'test/fixtures/lint', rule, 'fail.expected.txt'), 'utf8').replaceAll(`test/fixtures/lint/${rule}/fail`, display);
    const findings = expected.split('\n').filter((text) => /^\S+:\d+:\d+: /.test(text) && text.endsWith(`[${rule}]`));
    expect(findings.length).toBeGreaterThan(0);
    // A finding in history is listed without the fix the rule would suggest: the text can no longer change.
    for (const line of findings) expect(listed.stdout).toContain(line.replace(/^(\S+:\d+:\d+: )(?:warning: )?/, '$1history: '));
    expect(listed.status).toBe(0);
  });
});

describe('the lint in check and publish', () => {
  test("prints GitHub annotations with the column: a new text's errors as errors, history as warnings with --history", () => {
    const { policies } = publishedCopy('stable-link/fail');
    expect(check(policies, ['--format', 'github'], { POLICY_LINT: 'stable-link=error' }).stdout).toBe('');
    const history = check(policies, ['--format', 'github', '--history'], { POLICY_LINT: 'stable-link=error' });
    expect(history.status).toBe(0);
    expect(history.stdout).toMatch(
      /^::warning file=test\/\.output\/lint-stable-link-fail\/consent\/ru\/2025-09-01\.md,line=8,col=34,title=stable-link::the link "Политике конфиденциальности" \(\/ru\/privacy\/\) leads to the stable URL of privacy/m,
    );
    const fresh = publishedCopy('clause-reference/pass');
    writeFileSync(join(fresh.policies, 'privacy/ru/2026-01-01.md'), '---\ntitle: Политика конфиденциальности\neffective: 2026-01-01\n---\n\n## 1. Общие положения\n\n1.1. См. п. 3.5.\n');
    const refused = check(fresh.policies, ['--format', 'github']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^::error file=test\/\.output\/lint-clause-reference-pass\/privacy\/ru\/2026-01-01\.md,line=8,col=13,title=clause-reference::"п\. 3\.5" names 3\.5/m);
  });

  test('follows POLICY_LINT, and refuses a wrong one', () => {
    const { policies } = publishedCopy('clause-reference/fail');
    expect(check(policies, [], { POLICY_LINT: 'clause-reference=warning' }).status).toBe(0);
    const wrong = check(policies, [], { POLICY_LINT: 'clause-references=off' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('POLICY_LINT: "clause-references" is not a lint rule');
  });

  test('is the same from a cold cache and a warm one', () => {
    const { policies } = publishedCopy('stated-date/fail');
    rmSync(join(cacheDir, 'policy-press-lint'), { recursive: true, force: true });
    const cold = check(policies);
    expect(existsSync(join(cacheDir, 'policy-press-lint'))).toBe(true);
    expect(check(policies)).toEqual(cold);
  });

  test('publish refuses a new version with a lint error, and records nothing', () => {
    const { policies } = publishedCopy('clause-reference/pass');
    const ledger = readFileSync(join(policies, 'published.lock.json'), 'utf8');
    writeFileSync(join(policies, 'privacy/ru/2026-01-01.md'), '---\ntitle: Политика конфиденциальности\neffective: 2026-01-01\n---\n\n## 1. Общие положения\n\n1.1. См. п. 3.5.\n');
    const result = runPolicyCli(['publish'], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH, ASTRO_CACHE_DIR: cacheDir } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('privacy/ru/2026-01-01.md:8:13: "п. 3.5" names 3.5, which this text does not have (the nearest is 1.1) [clause-reference]');
    expect(result.stderr).toContain('Nothing was recorded');
    expect(readFileSync(join(policies, 'published.lock.json'), 'utf8')).toBe(ledger);
  });
});

describe('the build and the lint', () => {
  test('builds a published history with a lint finding, and reports it as history in one line', () => {
    const { policies } = publishedCopy('clause-reference/fail');
    const build = buildSite({ policiesDir: policies, name: 'lint-history', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/History: \d+ lint findings? in \d+ published versions? \(clause-reference \d+\), reported, not refused/);
    expect(existsSync(join(build.outDir, 'ru/privacy/index.html'))).toBe(true);
  });
});
