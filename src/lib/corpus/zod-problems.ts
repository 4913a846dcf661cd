/**
 * Turns zod issues into messages a person who does not read code can act on:
 * the field first, then what is wrong with the value (quoted), then the fix.
 */
import type { z } from 'zod';
import { suggestName } from './did-you-mean.ts';

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
  // Never a JSON dump: a person reads the value in the file, not in the parser's form.
  if (Array.isArray(value)) return `a list of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (value instanceof Date) return `a date-time object (${value.toISOString()})`;
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

const isFields = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The line a person typed that YAML read as `key: value` fields: `Изменено: пункт 3.5`. */
function asTyped(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([key, value]) => (value === null ? `${key}:` : `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`))
    .join(', ');
}

/**
 * Text with a colon that YAML read as a field and its value (`- Изменено:
 * пункт 3.5` is a list item holding the field "Изменено"): the problem, at
 * the item (`summary.1`), says so in the words typed, and the fix is to
 * quote it. Undefined when the value has no such item.
 */
function describeColonMistake(input: unknown, field: string): FieldProblem | undefined {
  const quoted = (text: string) => `"${text.replace(/"/g, '\\"')}"`;
  if (isFields(input)) {
    return {
      field,
      message: `"${asTyped(input)}" has a colon, so YAML read it as a field and its value, not as text`,
      hint: `Put the text in quotes: ${field}: ${quoted(asTyped(input))}.`,
    };
  }
  if (!Array.isArray(input)) return undefined;
  const index = input.findIndex(isFields);
  const item: unknown = input[index];
  if (!isFields(item)) return undefined;
  return {
    field: `${field}.${index}`,
    message: `item ${index + 1}, "${asTyped(item)}", has a colon, so YAML read it as a field and its value, not as text`,
    hint: `Put the item in quotes: - ${quoted(asTyped(item))}.`,
  };
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
          const suggestion = suggestName(key, known);
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
        problems.push(
          describeColonMistake(issue.input, field) ?? {
            field,
            message: `has the wrong form: ${describeValue(issue.input)}`,
            hint: `Write ${field} as one line of text, or as a list with one "- item" per line.`,
          },
        );
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
