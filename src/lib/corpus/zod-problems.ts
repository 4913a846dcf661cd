/**
 * Turns zod issues into messages a person who does not read code can act on:
 * the field first, then what is wrong with the value (quoted), then the fix.
 */
import type { z } from 'zod';

/** One friendly problem derived from a zod issue. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `summary.1`; empty for the whole object. */
  field: string;
  message: string;
  hint: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  null: 'an empty value',
  undefined: 'nothing',
};

/** Describes a value as it appears in YAML, for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (value instanceof Date) return `a date-time object (${value.toISOString()})`;
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

function typeHint(expected: string, field: string): string {
  switch (expected) {
    case 'string':
      return `Write ${field} as text on one line; put it in quotes if it contains a colon or starts with a special character.`;
    case 'boolean':
      return `Write ${field}: true or ${field}: false.`;
    case 'array':
      return `Write ${field} as a list, one "- item" per line.`;
    default:
      return `Write ${field} as ${TYPE_NAMES[expected] ?? expected}.`;
  }
}

/** Edit distance, for "did you mean" suggestions on misspelled keys. */
function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The known key closest to a misspelled one, if it is close enough to be a typo. */
export function suggestKey(key: string, knownKeys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of knownKeys) {
    const distance = levenshtein(key.toLowerCase(), known.toLowerCase());
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/**
 * Converts the issues of a failed `safeParse(…, { reportInput: true })` into
 * field problems. `knownKeys` lists the keys of the object, for typo hints;
 * `nestedKeys` those of nested objects, by dotted path (`lint.ignore`).
 */
export function describeZodIssues(
  issues: readonly z.core.$ZodIssue[],
  knownKeys: readonly string[],
  fieldHints: Readonly<Record<string, string>> = {},
  nestedKeys: Readonly<Record<string, readonly string[]>> = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    const name = field || 'the front matter';
    switch (issue.code) {
      case 'unrecognized_keys': {
        // A key inside a nested object (lint.ignore.<rule>) is named by its whole path and matched against that object's keys.
        const known = field === '' ? knownKeys : (nestedKeys[field] ?? []);
        for (const key of issue.keys) {
          const suggestion = suggestKey(key, known);
          problems.push({
            field: field === '' ? key : `${field}.${key}`,
            message: 'is not a known field',
            hint: suggestion
              ? `Did you mean "${suggestion}"? Fix the spelling of the key.`
              : known.length > 0
                ? `Remove it. The fields are: ${known.join(', ')}.`
                : 'Remove it.',
          });
        }
        break;
      }
      case 'invalid_type':
        problems.push(
          issue.input === undefined
            ? { field, message: 'is missing', hint: `Add a line "${field}: …" to the front matter.` }
            : {
                field,
                message: `should be ${TYPE_NAMES[issue.expected] ?? issue.expected}, but is ${describeValue(issue.input)}`,
                hint: fieldHints[field] ?? typeHint(issue.expected, field),
              },
        );
        break;
      case 'invalid_union': {
        problems.push({
          field,
          message: `has the wrong form: ${describeValue(issue.input)}`,
          hint: `Write ${field} as one line of text, or as a list with one "- item" per line.`,
        });
        break;
      }
      case 'invalid_value':
        problems.push({
          field,
          message: `is ${describeValue(issue.input)}, which is not allowed`,
          hint: `Use one of: ${issue.values.map((v) => String(v)).join(', ')}.`,
        });
        break;
      case 'too_small':
        problems.push({
          field,
          message: issue.origin === 'array' ? 'is an empty list' : 'is empty',
          hint: issue.origin === 'array' ? `Add at least one item, or remove ${field}.` : `Write the ${field}, or remove the line if the field is optional.`,
        });
        break;
      case 'custom':
        problems.push({
          field,
          message: issue.message,
          hint: typeof issue.params?.['hint'] === 'string' ? issue.params['hint'] : `Correct ${name}.`,
        });
        break;
      default:
        problems.push({ field, message: issue.message, hint: `Correct ${name}.` });
    }
  }
  return problems;
}
