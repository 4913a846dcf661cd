/**
 * The published `/feed/v1/schema.json` as an integrator's validator reads it:
 * only keywords and formats JSON Schema 2020-12 defines, so Ajv in strict
 * mode (and any other validator) compiles it instead of refusing or
 * skipping a check.
 */
import { describe, expect, test } from 'vitest';
import { getFeedJsonSchema } from '#schemas/feed.ts';
import { createFeedValidator } from '../../helpers/feed-schema.ts';

/** The formats of JSON Schema 2020-12 (Validation, §7.3). */
const STANDARD_FORMATS = new Set([
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'idn-email',
  'hostname',
  'idn-hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'iri',
  'iri-reference',
  'uuid',
  'uri-template',
  'json-pointer',
  'relative-json-pointer',
  'regex',
]);

/** Every `format` in a schema, with where it is. */
function collectFormats(node: unknown, path = '#'): string[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'format' && typeof value === 'string' ? [`${path}: ${value}`] : collectFormats(value, `${path}/${key}`)));
}

describe('getFeedJsonSchema', () => {
  const schema = getFeedJsonSchema('https://example.com/legal/feed/v1/schema.json');

  test('uses only the formats JSON Schema defines', () => {
    expect(collectFormats(schema).filter((entry) => !STANDARD_FORMATS.has(entry.split(': ').at(-1) as string))).toEqual([]);
  });

  test.each(['FeedIndex', 'PolicyFeed', 'CurrentFeed', 'SinceFeed', 'JsonFeed'] as const)('compiles %s in Ajv strict mode', (definition) => {
    expect(createFeedValidator(schema)(definition, {}).length).toBeGreaterThan(0);
  });

  test('checks a JSON Feed item id by its pattern: a tag: URI', () => {
    const defs = schema['$defs'] as Record<string, { properties: { items: { items: { properties: { id: unknown } } } } }>;
    expect(defs['JsonFeed']?.properties.items.items.properties.id).toMatchObject({ type: 'string', pattern: '^tag:' });
  });
});
