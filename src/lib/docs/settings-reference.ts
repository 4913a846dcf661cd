/**
 * The reference pages of the site's settings and of the environment:
 * `docs/reference/settings.md` from `SiteConfigSchema` (each key's type,
 * default and the description its zod schema carries) and
 * `docs/reference/environment.md` from `ENVIRONMENT_VARIABLES`, so neither
 * table is kept by hand. Apart from reference-docs.ts, which lists them.
 */
import { z } from 'zod';
import { SiteConfigSchema } from '#schemas/site-config.ts';
import { ENVIRONMENT_VARIABLES } from '#lib/site/environment.ts';
import { cell, referenceHeader } from './reference-format.ts';

/** One JSON Schema node of the settings, as zod writes it. */
interface SettingNode {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, SettingNode>;
  required?: string[];
  items?: SettingNode;
  enum?: unknown[];
  format?: string;
  propertyNames?: SettingNode;
  additionalProperties?: SettingNode | boolean;
}

/** One row of the settings table. */
interface SettingRow {
  key: string;
  type: string;
  default: string;
  description: string;
}

/** The type of a setting in a few words. */
function describeSettingType(node: SettingNode): string {
  if (node.enum) return node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.includes('array') && node.items) return `array of ${describeSettingType(node.items)}`;
  if (types.includes('object') && typeof node.additionalProperties === 'object' && node.propertyNames) {
    return `object: ${node.propertyNames.title ?? 'key'} → ${node.additionalProperties.properties ? 'object' : describeSettingType(node.additionalProperties)}`;
  }
  const base = types.join(' \\| ') || 'any';
  return node.format === 'uri' ? 'URL' : base;
}

/** Every key of an object node, nested ones as `a.b`, a record's entries as `a.<key>`. */
function listSettings(node: SettingNode, prefix = ''): SettingRow[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([name, child]) => {
    const key = `${prefix}${name}`;
    const row: SettingRow = {
      key,
      type: describeSettingType(child),
      default: child.default !== undefined ? `\`${JSON.stringify(child.default)}\`` : required.has(name) ? 'required' : 'not set',
      description: child.description ?? '',
    };
    const entries = typeof child.additionalProperties === 'object' && child.additionalProperties.properties ? child.additionalProperties : null;
    return [row, ...(child.properties ? listSettings(child, `${key}.`) : []), ...(entries ? listSettings(entries, `${key}.<${child.propertyNames?.title ?? 'key'}>.`) : [])];
  });
}

/** `docs/reference/settings.md`: every key of `site.config.ts`, with its type, default and meaning. */
export function getSettingsReference(): string {
  const schema = z.toJSONSchema(SiteConfigSchema, { io: 'input', unrepresentable: 'any' }) as SettingNode;
  const rows = listSettings(schema).map((row) => `| \`${row.key}\` | ${row.type} | ${row.default} | ${cell(row.description)} |`);
  return `${referenceHeader('Settings (site.config.ts)', 'SiteConfigSchema in src/schemas/site-config.ts')}
The settings of one site, in \`site.config.ts\` at the project root, checked when any command or build starts: a wrong value is refused naming the key and what to write. Some are overridden from the environment (see [environment.md](environment.md)).

| key | type | default | meaning |
|---|---|---|---|
${rows.join('\n')}
`;
}

/** `docs/reference/environment.md`: every environment variable the code reads. */
export function getEnvironmentReference(): string {
  const table = (audience: 'operators' | 'developers') =>
    ENVIRONMENT_VARIABLES.filter((variable) => variable.audience === audience)
      .map((variable) => `| \`${variable.name}\` | ${cell(variable.effect)} | ${'overrides' in variable ? `\`${variable.overrides}\`` : ''} | \`${cell(variable.example)}\` |`)
      .join('\n');
  const head = '| variable | effect | overrides | example |\n|---|---|---|---|';
  return `${referenceHeader('Environment variables', 'ENVIRONMENT_VARIABLES in src/lib/site/environment.ts')}
Every variable the code of Policy Press reads (Node, npm and Astro read their own). A test fails when the code reads one this list does not name.

## For operators

${head}
${table('operators')}

## For developers of Policy Press

${head}
${table('developers')}
`;
}
