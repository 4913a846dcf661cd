/**
 * The validated form of one policy version, as every other module sees it.
 * Its one definition is the zod schema beside the content collection's
 * (src/schemas/policy-entry.ts): the type is the schema's output, so the two
 * cannot drift apart.
 */
export type { PolicyVersion } from '#schemas/policy-entry.ts';
