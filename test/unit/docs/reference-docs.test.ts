import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { getFeedReference, getOutcomesReference, getReferenceDocs, listFields } from '#lib/docs/reference-docs.ts';
import { cell } from '#lib/docs/reference-format.ts';
import { OUTCOMES } from '#lib/consent/verify-outcomes.ts';
import { VERSION_COLUMNS } from '#lib/feed/versions-table.ts';
import { ENVIRONMENT_VARIABLES } from '#lib/site/environment.ts';
import { getFeedJsonSchema } from '#schemas/feed.ts';
import { SiteConfigSchema } from '#schemas/site-config.ts';
import { runPolicyCli } from '../../helpers/run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FOLDER = join(ROOT, 'docs', 'reference');
const pages = getReferenceDocs(ROOT);

/** A node of the JSON Schema zod writes, as far as the walk below reads it. */
interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  propertyNames?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
}

/** The description of every field below a node: inside nested objects, array items, records' values and each alternative of a union. */
function collectFieldDescriptions(node: SchemaNode): string[] {
  const below = [
    ...Object.values(node.properties ?? {}).flatMap((child) => [...(child.description ? [child.description] : []), ...collectFieldDescriptions(child)]),
    ...(node.items ? collectFieldDescriptions(node.items) : []),
    ...(node.anyOf ?? node.oneOf ?? []).flatMap(collectFieldDescriptions),
  ];
  return node.propertyNames && typeof node.additionalProperties === 'object' ? [...below, ...collectFieldDescriptions(node.additionalProperties)] : below;
}

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

  test('give every field description the feed schema carries, those inside records (current.json per locale) and unions too', () => {
    const schema = getFeedJsonSchema('https://example.com/feed/v1/schema.json') as { $defs: Record<string, SchemaNode> };
    const descriptions = new Set(Object.values(schema.$defs).flatMap(collectFieldDescriptions));
    expect(descriptions.size).toBeGreaterThan(50);
    const feed = getFeedReference();
    expect([...descriptions].filter((description) => !feed.includes(`| ${cell(description)} |`))).toEqual([]);
  });

  test("give current.json's and index.json's per-language fields, each with its meaning", () => {
    const feed = getFeedReference();
    expect(feed).toContain('| `locales` | object: `<locale>` → object | yes | Every language of the policy, by its tag: ');
    expect(feed).toContain("| `locales.<locale>.inForce` | [CurrentVersion](#currentversion) \\| null | yes | This language's text of the version in force; ");
    expect(feed).toContain('| `locales.<locale>.reference.notInForceSince` | string (date-time) | yes | When it stopped being in force. |');
    const section = (name: string) => feed.slice(feed.indexOf(`## ${name}\n`), feed.indexOf('\n## ', feed.indexOf(`## ${name}\n`) + 1));
    const perLanguage = [
      ...section('CurrentFeed')
        .split('\n')
        .filter((line) => line.startsWith('| `locales')),
      ...section('FeedIndex')
        .split('\n')
        .filter((line) => line.startsWith('| `policies[].locales')),
      ...section('CurrentVersion')
        .split('\n')
        .filter((line) => line.startsWith('| `')),
    ];
    expect(perLanguage.length).toBeGreaterThan(40);
    expect(perLanguage.filter((line) => line.endsWith('|  |'))).toEqual([]);
  });

  test.each([
    [
      'a record of objects, by its titled key',
      z.object({ byLocale: z.record(z.string().meta({ title: 'locale' }), z.object({ url: z.string().meta({ description: 'U' }) })) }),
      [
        { path: 'byLocale', type: 'object: `<locale>` → object', required: true, description: '' },
        { path: 'byLocale.<locale>.url', type: 'string', required: true, description: 'U' },
      ],
    ],
    [
      'a record of scalars, by an untitled key',
      z.object({ counts: z.record(z.string(), z.number()).meta({ description: 'C' }) }),
      [{ path: 'counts', type: 'object: `<key>` → number', required: true, description: 'C' }],
    ],
    [
      'a union of objects: a field only one form has may be absent',
      z.object({ answer: z.union([z.object({ a: z.string(), both: z.string() }), z.object({ b: z.number(), both: z.string() })]) }),
      [
        { path: 'answer', type: 'object | object', required: true, description: '' },
        { path: 'answer.a', type: 'string', required: false, description: '' },
        { path: 'answer.both', type: 'string', required: true, description: '' },
        { path: 'answer.b', type: 'number', required: false, description: '' },
      ],
    ],
    [
      'an array of nullable objects in a record',
      z.object({ r: z.record(z.string().meta({ title: 'policy' }), z.array(z.object({ x: z.boolean().optional() }).nullable())) }),
      [
        { path: 'r', type: 'object: `<policy>` → array of object | null', required: true, description: '' },
        { path: 'r.<policy>[].x', type: 'boolean', required: false, description: '' },
      ],
    ],
  ])('lists the fields of %s', (_name, schema, rows) => {
    expect(listFields(z.toJSONSchema(schema) as Parameters<typeof listFields>[0])).toEqual(rows);
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
