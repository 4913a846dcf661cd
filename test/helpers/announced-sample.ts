/**
 * A copy of the shipped sample with a new material version of the privacy
 * policy (Russian and English) published on 1 December 2026 to take effect on
 * 15 January 2027: the site announces it until then. For the build and
 * browser tests of notice before change.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, oncePerRun, ROOT, type SharedBuild } from './build-site.ts';
import { runPolicyCli } from './run-cli.ts';

/** 2026-12-01T09:30:00Z: when the new version is published. */
const ANNOUNCED_AT_EPOCH = String(Date.parse('2026-12-01T09:30:00Z') / 1000);
/** 2026-12-07T00:00:00Z: a "now" while it is announced and not yet in force. */
export const ANNOUNCED_EPOCH = String(Date.parse('2026-12-07T00:00:00Z') / 1000);

/** Where {@link createAnnouncedSample} makes the announced sample. */
const ANNOUNCED_POLICIES = join(OUTPUT, 'announced-policies');

/**
 * The announced sample's policies folder, made once per test run for the
 * build and browser tests, which read it and never change it (a test that
 * withdraws or edits works on a copy).
 */
export function announcedSample(): string {
  return oncePerRun(join(OUTPUT, 'announced-sample'), () => createAnnouncedSample(ANNOUNCED_POLICIES));
}

/** The announced sample while the new version is announced and not yet in force: the build the build and browser tests share. */
export const ANNOUNCED_BUILD = { policiesDir: ANNOUNCED_POLICIES, env: { SOURCE_DATE_EPOCH: ANNOUNCED_EPOCH } } satisfies SharedBuild;

/** Copies the sample into `policies` and publishes the new version in it; returns the folder. */
function createAnnouncedSample(policies: string): string {
  rmSync(policies, { recursive: true, force: true });
  cpSync(join(ROOT, 'policies'), policies, { recursive: true });
  const env = { SOURCE_DATE_EPOCH: ANNOUNCED_AT_EPOCH };
  const texts = {
    ru: { summary: 'Срок хранения персональных данных сокращён до 3 лет.', sentence: 'Персональные данные хранятся не дольше 3 лет.' },
    en: { summary: 'Personal data are kept for no longer than 3 years.', sentence: 'Personal data are kept for no longer than 3 years.' },
  };
  for (const [locale, text] of Object.entries(texts)) {
    const created = runPolicyCli(['new', 'privacy', '--locale', locale, '--effective', '2027-01-15'], { policiesDir: policies, env });
    if (created.status !== 0) throw new Error(`new failed:\n${created.stdout}${created.stderr}`);
    const file = join(policies, 'privacy', locale, '2027-01-15.md');
    const source = readFileSync(file, 'utf8')
      .replace(/^# Remove the next line.*\n/m, '')
      .replace('draft: true\n', '')
      .replace(/^changeType: editorial$/m, 'changeType: material');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const summary = front.replace(/summary:\n(?: {2}- .*\n)+/, `summary:\n  - "${text.summary}"\n`);
    writeFileSync(file, `---\n${summary}\n---\n${body}\n${text.sentence}\n`);
  }
  const published = runPolicyCli(['publish'], { policiesDir: policies, env });
  if (published.status !== 0) throw new Error(`publish failed:\n${published.stdout}${published.stderr}`);
  return policies;
}
