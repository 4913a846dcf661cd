import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getFeedReference, getOutcomesReference, getReferenceDocs } from '#lib/docs/reference-docs.ts';
import { OUTCOMES } from '#lib/consent/verify-outcomes.ts';
import { VERSION_COLUMNS } from '#lib/feed/versions-table.ts';
import { ENVIRONMENT_VARIABLES } from '#lib/site/environment.ts';
import { SiteConfigSchema } from '#schemas/site-config.ts';
import { runPolicyCli } from '../../helpers/run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FOLDER = join(ROOT, 'docs', 'reference');
const pages = getReferenceDocs(ROOT);

describe('docs/reference', () => {
  test.each([...pages.keys()])('%s is what the code gives (else: npm run reference)', (name) => {
    expect(existsSync(join(FOLDER, name)), `docs/reference/${name} is missing: run npm run reference`).toBe(true);
    expect(readFileSync(join(FOLDER, name), 'utf8'), `docs/reference/${name} is out of date: run npm run reference`).toBe(pages.get(name));
  });

  test('holds no page the code no longer writes', () => {
    expect(readdirSync(FOLDER).sort()).toEqual([...pages.keys()].sort());
  });
});

describe('the reference pages', () => {
  test('list every outcome with its exit status, the flags included', () => {
    const page = getOutcomesReference();
    for (const outcome of Object.keys(OUTCOMES)) expect(page).toContain(`| \`${outcome}\` |`);
    expect(page).toMatch(/\| `ok` \| .* \| exit 0 \|/);
    expect(page).toMatch(/\| `duplicate` \| .* \| exit 1 with `--strict`, else 0 \|/);
    expect(page).toMatch(/\| `no-hash` \| .* \| exit 0 with `--allow-missing-hash`, else 1 \|/);
  });

  test('say the exit status verify really gives a usage error', () => {
    const { status, stderr } = runPolicyCli(['verify']);
    expect(stderr).toContain('verify needs one file of records.');
    expect(getOutcomesReference()).toContain(`it exits ${status} for a usage error too`);
  });

  test('list every versions.csv column, and every feed field with its description', () => {
    for (const column of VERSION_COLUMNS) expect(pages.get('versions-csv.md')).toContain(`| \`${column.name}\` |`);
    const feed = getFeedReference();
    expect(feed).toContain('## FeedVersion');
    expect(feed).toMatch(/\| `sha256` \| string \| yes \| Hex SHA-256 of the exact bytes served at markdownUrl\. \|/);
    expect(feed).toMatch(/\| `corrections\[\]\.reason` \|/);
  });

  test("list every setting with its type, default and the description its schema carries, records' entries by their key", () => {
    const settings = pages.get('settings.md') ?? '';
    for (const key of Object.keys(SiteConfigSchema.shape)) expect(settings).toContain(`| \`${key}\` |`);
    expect(settings).toContain('| `siteUrl` | URL | required | Absolute URL the site is served at');
    expect(settings).toContain('| `localeModel` | `"translations"` \\| `"independent"` | `"translations"` |');
    expect(settings).toContain('| `notice.policies.<policy>.acceptEarly` | boolean | not set | ');
    expect(settings).toContain('| `lint.rules` | object: rule → `"error"` \\| `"warning"` \\| `"off"` | `{}` |');
    // Every row says what the key means: no setting without its description in the schema.
    expect(settings.split('\n').filter((line) => line.startsWith('| `') && line.endsWith('|  |'))).toEqual([]);
  });

  test('list every environment variable for its audience', () => {
    const environment = pages.get('environment.md') ?? '';
    for (const variable of ENVIRONMENT_VARIABLES) expect(environment).toContain(`| \`${variable.name}\` | ${variable.effect.replace(/\|/g, '\\|')} |`);
    expect(environment.indexOf('| `POLICY_PRESS_PROFILE` |')).toBeGreaterThan(environment.indexOf('## For developers of Policy Press'));
  });
});
