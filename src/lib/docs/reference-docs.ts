/**
 * The reference pages under `docs/reference/`, written from the code that
 * holds each truth: the feed's zod schemas (their descriptions), the
 * columns of `versions.csv`, verify's outcomes, the lint rules with their
 * passing and failing fixtures, the kinds of log entry, and (in
 * settings-reference.ts) the settings and the environment. No table of
 * these is kept by hand: `npm run reference` writes the pages and a test
 * fails when the committed ones differ from what this module gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { getFeedJsonSchema } from '#schemas/feed.ts';
import { LOG_ENTRY_KINDS } from '#schemas/public-log.ts';
import { OUTCOMES, outcomeFails, type Outcome } from '#lib/consent/verify-outcomes.ts';
import { VERSION_COLUMNS } from '#lib/feed/versions-table.ts';
import { DEFAULT_LINT_SEVERITIES, LINT_RULE_DOCS, LINT_RULE_IDS } from '#lib/lint/lint-rules.ts';
import { getMessagesReference } from './messages-reference.ts';
import { cell, referenceHeader as HEADER } from './reference-format.ts';
import { getEnvironmentReference, getSettingsReference } from './settings-reference.ts';

/** One JSON Schema node, as zod writes it. */
interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  format?: string;
  pattern?: string;
  title?: string;
  propertyNames?: JsonSchemaNode;
  additionalProperties?: JsonSchemaNode | boolean;
}

/** One row of a field table. */
interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

/** The schema of a record's values (`z.record`: `additionalProperties` beside `propertyNames`); null for any other node, a loose object's `{}` included. */
function recordValues(node: JsonSchemaNode): JsonSchemaNode | null {
  return node.propertyNames && typeof node.additionalProperties === 'object' ? node.additionalProperties : null;
}

/** How a record's key is written in a field's path: `<locale>` when the key's schema has the title "locale". */
const recordKey = (node: JsonSchemaNode) => `<${node.propertyNames?.title ?? 'key'}>`;

/** A short name of a JSON Schema node's type. */
function describeType(node: JsonSchemaNode): string {
  if (node.$ref) return `[${node.$ref.replace('#/$defs/', '')}](#${node.$ref.replace('#/$defs/', '').toLowerCase()})`;
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' | ');
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) return alternatives.map(describeType).join(' | ');
  if (node.properties) return 'object';
  const values = recordValues(node);
  if (values) return `object: \`${recordKey(node)}\` → ${describeType(values)}`;
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.includes('array') && node.items) return node.items.properties ? 'array of objects' : `array of ${describeType(node.items)}`;
  const base = types.join(' | ') || 'any';
  return node.format ? `${base} (${node.format})` : base;
}

/**
 * The inline object nodes a node stands for, through arrays (`[]`), records
 * (`.<key>`) and alternatives (a nullable object, or a union of objects: each
 * one), with the path suffix that reaches them; none for a `$ref`, which has
 * its own section.
 */
function objectsOf(node: JsonSchemaNode, suffix = ''): { node: JsonSchemaNode; suffix: string }[] {
  if (node.properties) return [{ node, suffix }];
  if (node.items) return objectsOf(node.items, `${suffix}[]`);
  const values = recordValues(node);
  if (values) return objectsOf(values, `${suffix}.${recordKey(node)}`);
  return (node.anyOf ?? node.oneOf ?? []).flatMap((alternative) => objectsOf(alternative, suffix));
}

/**
 * Every field of an object node, nested fields as `a.b`, `a[].b` and a
 * record's as `a.<key>.b`. A field that only some alternatives of a union
 * have is not required: the file may take another form.
 * @public Exported for its tests: test/unit/docs/reference-docs.test.ts gives it records and unions the feed does not have yet.
 */
export function listFields(node: JsonSchemaNode, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const required = new Set(node.required ?? []);
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push({ path, type: describeType(child), required: required.has(name), description: child.description ?? recordValues(child)?.description ?? '' });
    const forms = objectsOf(child).map(({ node: object, suffix }) => listFields(object, `${path}${suffix}.`));
    const merged = new Map<string, FieldRow>();
    for (const row of forms.flat()) {
      const first = merged.get(row.path);
      if (first) first.required &&= row.required;
      else merged.set(row.path, { ...row });
    }
    // A field that one form of a union lacks may be absent: the file can take that form.
    for (const row of merged.values()) if (forms.some((form) => !form.some((other) => other.path === row.path))) row.required = false;
    rows.push(...merged.values());
  }
  return rows;
}

/**
 * `docs/reference/feed.md`: every JSON file of the feed, field by field, from the published JSON Schema.
 * @public Exported for its tests: test/unit/docs/reference-docs.test.ts reads the page's parts without writing the folder.
 */
export function getFeedReference(): string {
  const schema = getFeedJsonSchema('https://example.com/feed/v1/schema.json') as { description: string; $defs: Record<string, JsonSchemaNode & { title?: string }> };
  const sections = Object.entries(schema.$defs).map(([name, def]) => {
    const rows = listFields(def);
    const table = ['| field | type | required | meaning |', '|---|---|---|---|', ...rows.map((row) => `| \`${row.path}\` | ${cell(row.type)} | ${row.required ? 'yes' : 'no'} | ${cell(row.description)} |`)].join('\n');
    return `## ${name}\n\n${def.title ? `${def.title}. ` : ''}${def.description ?? ''}\n\n${table}\n`;
  });
  return `${HEADER('The feed, field by field', 'the zod schemas in src/schemas/feed.ts (the same JSON Schema the site publishes at /feed/v1/schema.json)')}\n${schema.description}\n\n${sections.join('\n')}`;
}

/** `docs/reference/versions-csv.md`: the columns of `/feed/v1/versions.csv`, in file order. */
function getVersionsCsvReference(): string {
  const rows = VERSION_COLUMNS.map((column) => `| \`${column.name}\` | ${column.datatype}${column.list ? ' (a list, separated by one space)' : ''} | ${column.nullable ? 'yes' : 'no'} | ${cell(column.description)} |`);
  return `${HEADER('versions.csv, column by column', 'VERSION_COLUMNS in src/lib/feed/versions-table.ts')}\nOne row per policy, locale and version (withdrawn versions included), RFC 4180, UTF-8, CRLF, a header row; the same columns are described for machines in \`versions.csv-metadata.json\` (W3C CSVW). New columns are only ever added at the end.\n\n| column | datatype | may be empty | meaning |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}

/** When an outcome makes `verify` exit 1, in words. */
function describeExit(outcome: Outcome): string {
  const fails = [false, true].flatMap((strict) => [false, true].map((allowMissingHash) => outcomeFails(outcome, { strict, allowMissingHash })));
  if (fails.every(Boolean)) return 'exit 1';
  if (!fails.some(Boolean)) return 'exit 0';
  const parts: string[] = [];
  if (outcomeFails(outcome, { strict: false, allowMissingHash: false }) !== outcomeFails(outcome, { strict: true, allowMissingHash: false }))
    parts.push(outcomeFails(outcome, { strict: true }) ? 'exit 1 with `--strict`, else 0' : 'exit 0 with `--strict`, else 1');
  if (outcomeFails(outcome, { strict: false, allowMissingHash: false }) !== outcomeFails(outcome, { strict: false, allowMissingHash: true }))
    parts.push(outcomeFails(outcome, { allowMissingHash: true }) ? 'exit 1 with `--allow-missing-hash`, else 0' : 'exit 0 with `--allow-missing-hash`, else 1');
  return parts.join('; ');
}

/**
 * `docs/reference/verify-outcomes.md`: every outcome, most serious first, with the exit status it gives.
 * @public Exported for its tests: test/unit/docs/reference-docs.test.ts reads the page's parts without writing the folder.
 */
export function getOutcomesReference(): string {
  const rows = (Object.entries(OUTCOMES) as [Outcome, { meaning: string }][]).map(([outcome, kind]) => `| \`${outcome}\` | ${cell(kind.meaning)} | ${describeExit(outcome)} |`);
  return `${HEADER('verify: the outcomes of a consent record', 'OUTCOMES in src/lib/consent/verify-outcomes.ts')}\nEvery record gets exactly one outcome: the first failing one that applies, in this order, else the first that applies, else \`ok\`. \`verify\` exits 1 when any record has an outcome that fails the run, 0 otherwise; it exits 1 for a usage error too (no file of records, an option it does not know), having checked nothing. The streaming verifier, \`--engine duckdb\` and the SQL of \`--sql\` give the same outcome for every record.\n\n| outcome | meaning | exit status |\n|---|---|---|\n${rows.join('\n')}\n`;
}

/** Every file below a folder, as sorted paths relative to it with `/`. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** A fenced block that no backtick run inside the content can close. */
function fence(language: string, content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${content.endsWith('\n') ? content : `${content}\n`}${marks}`;
}

/** `docs/reference/lint-rules.md`: each rule, its default severity, and its passing and failing fixtures with the messages they give. */
function getLintReference(root: string): string {
  const fixtures = join(root, 'test', 'fixtures', 'lint');
  const example = (rule: string, kind: 'pass' | 'fail') => {
    const folder = join(fixtures, rule, kind);
    return listFiles(folder)
      .map((file) => `\`${kind}/${file}\`:\n\n${fence(file.endsWith('.md') ? 'markdown' : '', readFileSync(join(folder, file), 'utf8'))}`)
      .join('\n\n');
  };
  const summary = ['| rule | default | checks |', '|---|---|---|', ...LINT_RULE_IDS.map((rule) => `| [\`${rule}\`](#${rule}) | ${DEFAULT_LINT_SEVERITIES[rule]} | ${cell(LINT_RULE_DOCS[rule])} |`)].join('\n');
  const sections = LINT_RULE_IDS.map((rule) => {
    const expected = readFileSync(join(fixtures, rule, 'fail.expected.txt'), 'utf8');
    return `## ${rule}\n\nDefault: **${DEFAULT_LINT_SEVERITIES[rule]}**. Checks that ${LINT_RULE_DOCS[rule]}.\n\n### Passes\n\n${example(rule, 'pass')}\n\n### Fails\n\n${example(rule, 'fail')}\n\nwith these findings (\`fail.expected.txt\`, the lint's own output, paths under \`test/fixtures/lint/${rule}/\`):\n\n${fence('text', expected)}\n`;
  });
  return `${HEADER('Lint rules of the legal text', 'src/lib/lint/lint-rules.ts and the fixtures in test/fixtures/lint/ (the same fixtures the tests run)')}\nSeverities are set per rule in \`site.config.ts\` (\`lint.rules\`) or for one run with \`POLICY_LINT=rule=severity,…\`; a version silences a rule for one finding with \`lint: ignore\` in its front matter.\n\n${summary}\n\n${sections.join('\n')}`;
}

/** `docs/reference/log-entries.md`: the kinds of entry of the public log. */
function getLogReference(): string {
  const presence = { required: 'always', none: 'never (null)', recorded: 'where the ledger recorded one, else null' } as const;
  const rows = Object.entries(LOG_ENTRY_KINDS).map(([kind, entry]) => `| \`${kind}\` | ${cell(entry.description)} | ${presence[entry.previousSha256]} | ${presence[entry.reason]} |`);
  return `${HEADER('The public log: kinds of entry', 'LOG_ENTRY_KINDS in src/schemas/public-log.ts')}\nEvery event of the ledger is one entry of the log (C2SP tlog-tiles), encoded as the RFC 8785 canonical JSON of all its fields. A kind is added with one line in the code and never changes once entries of it are logged.\n\n| kind | what happened | \`previousSha256\` | \`reason\` |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}

/** Every reference page, by file name under `docs/reference/`, in a stable order. */
export function getReferenceDocs(root: string): Map<string, string> {
  const pages = new Map<string, string>([
    ['feed.md', getFeedReference()],
    ['versions-csv.md', getVersionsCsvReference()],
    ['verify-outcomes.md', getOutcomesReference()],
    ['lint-rules.md', getLintReference(root)],
    ['log-entries.md', getLogReference()],
    ['messages.md', getMessagesReference({ header: HEADER, cell })],
    ['settings.md', getSettingsReference()],
    ['environment.md', getEnvironmentReference()],
  ]);
  const index = [...pages.keys()].map((file) => `- [${file}](${file}): ${/^# (.*)$/m.exec(pages.get(file) ?? '')?.[1] ?? file}`).join('\n');
  pages.set('README.md', `${HEADER('Reference', 'src/lib/docs/reference-docs.ts')}\nGenerated from the code; the code is the truth and these pages follow it.\n\n${index}\n`);
  return pages;
}
