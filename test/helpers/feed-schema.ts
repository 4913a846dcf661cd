/**
 * Validating feed files with the published JSON Schema through Ajv, an
 * independent validator: proves the schema works for clients, not only that
 * zod agrees with itself.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A validator for one of the schema's definitions (`FeedIndex`, `PolicyFeed`, `CurrentFeed`, `SinceFeed`, `JsonFeed`). */
export function createFeedValidator(schema: Record<string, unknown>) {
  // Strict, as integrators run it: a keyword or format JSON Schema does not define is an error, not a silent pass.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addSchema(schema, 'feed');
  return (definition: 'FeedIndex' | 'PolicyFeed' | 'CurrentFeed' | 'SinceFeed' | 'JsonFeed', data: unknown): string[] => {
    const validate = ajv.getSchema(`feed#/$defs/${definition}`);
    if (!validate) throw new Error(`no definition ${definition}`);
    return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
  };
}
