/**
 * The notice settings against the folder being published: a policy they name
 * that the folder lacks is an error (a typo would leave the real policy
 * without its notice), wherever the folder is, unless the run says the folder
 * is not the one the settings were written for (POLICIES_DIR_FOREIGN=1); a
 * notice that is not a non-negative duration is refused naming the setting.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyProject, LATER_EPOCH, OUTPUT, ROOT } from '../helpers/build-site.ts';
import { listFiles } from '../helpers/dist-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

describe('the notice settings and a folder without their policy', () => {
  // The GitHub corpus has no "privacy", which the sample's settings give 10 days' notice; its own history is not linted here.
  const GITHUB_LINT = 'stated-date=off,clause-reference=off,site-link=off,stable-link=off,policy-link=off,empty-version=off,copied-summary=off,translation-parity=off';
  const copyGithub = (name: string) => {
    const folder = join(OUTPUT, name);
    rmSync(folder, { recursive: true, force: true });
    cpSync(join(ROOT, 'test/fixtures/github-site-policy'), folder, { recursive: true });
    return folder;
  };

  test('refuse it as an error naming the setting, for a folder POLICIES_DIR names too (a content repository elsewhere), recording nothing', () => {
    const folder = copyGithub('notice-unknown-policy');
    const env = { SOURCE_DATE_EPOCH: LATER_EPOCH, POLICY_LINT: GITHUB_LINT, POLICIES_DIR_FOREIGN: '' };
    const problem =
      'site.config.ts:1: notice.policies.privacy: there is no policy "privacy" in the policies folder\n    Name a policy by its folder (github-privacy-statement, github-terms-of-service), or remove the setting.\n\n';
    for (const [command, closing] of [
      ['check', '1 problem in 1 file. Fix it and run npm run policy -- check again.'],
      ['publish', '1 problem in 1 file. Nothing was recorded; fix it and run publish again.'],
    ] as const) {
      const result = runPolicyCli([command], { policiesDir: folder, env });
      expect(result.status, command).toBe(1);
      expect(`${result.stdout}${result.stderr}`, command).toContain(`${problem}${closing}`);
    }
    expect(listFiles(folder).filter((file) => !file.startsWith('github-') && file !== 'README.md')).toEqual([]);
  });

  test('name it as a warning only when the run says the folder is not the one the settings were written for (POLICIES_DIR_FOREIGN=1)', () => {
    const result = runPolicyCli(['check'], { policiesDir: 'test/fixtures/github-site-policy', env: { SOURCE_DATE_EPOCH: LATER_EPOCH, POLICY_LINT: GITHUB_LINT, POLICIES_DIR_FOREIGN: '1' } });
    expect(result.stdout).toContain('site.config.ts:1: warning: notice.policies.privacy: there is no policy "privacy" in the policies folder');
  });

  test.each([
    [{ POLICIES_DIR_FOREIGN: 'yes' }, 'POLICIES_DIR_FOREIGN: "yes" is not 1\n    Set POLICIES_DIR_FOREIGN=1 (the folder POLICIES_DIR names is not the one site.config.ts was written for), or unset it.'],
    [
      { POLICIES_DIR_FOREIGN: '1', POLICIES_DIR: '' },
      'POLICIES_DIR_FOREIGN: is 1, but POLICIES_DIR is not set: the folder of site.config.ts is its own\n    Unset POLICIES_DIR_FOREIGN, or set POLICIES_DIR to the other folder.',
    ],
  ])('refuse POLICIES_DIR_FOREIGN %j, saying what to set', (env, message) => {
    const result = runPolicyCli(['check'], { policiesDir: 'test/fixtures/github-site-policy', env: { SOURCE_DATE_EPOCH: LATER_EPOCH, POLICY_LINT: GITHUB_LINT, ...env } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });
});

describe('a notice that is not a non-negative duration', () => {
  test.each([
    ['material: -10', 'site.config.ts: notice.policies.privacy.material: is -10, which is not a whole number of days of at least 0; write e.g. 10 or "P10D"\n    Correct notice.policies.privacy.material.'],
    [
      'material: "P1M"',
      'site.config.ts: notice.policies.privacy.material: is "P1M": months and years have no fixed length; write the notice in days (e.g. "P30D") or weeks ("P4W"); write e.g. 10 or "P10D"\n    Correct notice.policies.privacy.material.',
    ],
  ])('%s in site.config.ts: publish refuses it naming the setting, exit 1, and records nothing', (setting, message) => {
    // A copy of the project with its settings changed (a test never edits the real ones), and of the sample with a version to publish.
    const name = `notice-setting-${setting.replace(/\W+/g, '-')}`;
    const root = copyProject(name);
    cpSync(join(ROOT, 'scripts'), join(root, 'scripts'), { recursive: true });
    const config = readFileSync(join(root, 'site.config.ts'), 'utf8');
    expect(config).toContain('notice: { policies: { privacy: { material: 10 } } },');
    writeFileSync(join(root, 'site.config.ts'), config.replace('notice: { policies: { privacy: { material: 10 } } },', `notice: { policies: { privacy: { ${setting} } } },`));
    const policies = join(OUTPUT, name, 'policies');
    rmSync(policies, { recursive: true, force: true });
    cpSync(join(ROOT, 'policies'), policies, { recursive: true });
    writeFileSync(
      join(policies, 'privacy/ru/2027-03-01.md'),
      readFileSync(join(policies, 'privacy/ru/2026-02-15.md'), 'utf8').replace('effective: 2026-02-15', 'effective: 2027-03-01').replace(/\n$/, '\nНовый абзац.\n'),
    );
    const ledger = readFileSync(join(policies, 'published.lock.json'), 'utf8');
    const result = spawnSync(process.execPath, [join(root, 'scripts/policy.ts'), 'publish'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', POLICIES_DIR: policies, SOURCE_DATE_EPOCH: LATER_EPOCH },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`The site settings are not valid:\n${message}\n`);
    expect(readFileSync(join(policies, 'published.lock.json'), 'utf8')).toBe(ledger);
  });
});
