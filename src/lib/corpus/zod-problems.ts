/**
 * Turns zod issues into messages a person who does not read code can act on:
 * the field first, then what is wrong with the value (quoted), then the fix.
 */
import type { z } from 'zod';
import { suggestName } from './did-you-mean.ts';
import { problemText, type ProblemMessage } from '#lib/messages/message-catalog.ts';
import type { DescribedValue, LedgerIssue } from '#lib/messages/messages-en.ts';
import { SHA256_PATTERN } from './policy-id-patterns.ts';

/** One friendly problem derived from a zod issue. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `summary.1`; empty for the whole object. */
  field: string;
  message: string;
  hint: string;
  /** The catalog message of `message` and `hint` (absent for a schema's own custom message). */
  text?: ProblemMessage;
}

/** Describes a value as it appears in YAML, for the messages of the catalogs (src/lib/messages/). */
function toDescribedValue(value: unknown): DescribedValue {
  if (value === undefined) return { kind: 'nothing' };
  if (value === null) return { kind: 'empty' };
  // Never a JSON dump: a person reads the value in the file, not in the parser's form.
  if (Array.isArray(value)) return { kind: 'list', items: value.length };
  if (value instanceof Date) return { kind: 'date-time', iso: value.toISOString() };
  if (typeof value === 'object') return { kind: 'fields' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  return { kind: 'other', text: String(value) };
}

/**
 * What is wrong with a field of a file the commands write (the ledger), for
 * a message: the schema's English words as they are, and what another
 * language needs to say it in its own. Needs the issues of a
 * `safeParse(…, { reportInput: true })`.
 */
export function describeFileIssue(issue: z.core.$ZodIssue): LedgerIssue {
  const text = issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? { text, kind: 'missing' } : { text, kind: 'type', expected: issue.expected, value: toDescribedValue(issue.input) };
    case 'invalid_format':
      return { text, kind: 'format', format: issue.format === 'regex' && issue.pattern === String(SHA256_PATTERN) ? 'sha256' : issue.format, value: toDescribedValue(issue.input) };
    case 'invalid_value':
      return issue.input === undefined ? { text, kind: 'missing' } : { text, kind: 'allowed', allowed: issue.values.map(String), value: toDescribedValue(issue.input) };
    case 'unrecognized_keys':
      return { text, kind: 'unknown-fields', keys: issue.keys };
    default:
      return { text, kind: 'other' };
  }
}

const isProblemMessage = (value: unknown): value is ProblemMessage => typeof value === 'object' && value !== null && 'id' in value && 'params' in value;

/** A set of fields (an object that is not a list), as JSON and YAML read one. */
export const isFields = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

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
    return { field, ...problemText('colonItem', { typed: asTyped(input), quoted: quoted(asTyped(input)), field }) };
  }
  if (!Array.isArray(input)) return undefined;
  const index = input.findIndex(isFields);
  const item: unknown = input[index];
  if (!isFields(item)) return undefined;
  return { field: `${field}.${index}`, ...problemText('colonListItem', { item: index + 1, typed: asTyped(item), quoted: quoted(asTyped(item)) }) };
}

/**
 * Converts the issues of a failed `safeParse(…, { reportInput: true })` into
 * field problems. `knownKeys` lists the keys of the object, for typo hints;
 * `fieldMessages` the fields whose wrong type has a message of its own (with
 * an example); `nestedKeys` the keys of nested objects, by dotted path
 * (`lint.ignore`).
 */
export function describeZodIssues(
  issues: readonly z.core.$ZodIssue[],
  knownKeys: readonly string[],
  fieldMessages: Readonly<Record<string, 'wrongEffective' | 'wrongTitle'>> = {},
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
          const text = suggestion ? problemText('misspelledField', { suggestion }) : known.length > 0 ? problemText('unknownField', { known: known.join(', ') }) : problemText('unknownNestedField');
          problems.push({ field: field === '' ? key : `${field}.${key}`, ...text });
        }
        break;
      }
      case 'invalid_type':
        if (issue.input === undefined) problems.push({ field, ...problemText('missingField', { field }) });
        else {
          const value = toDescribedValue(issue.input);
          const own = fieldMessages[field];
          problems.push({ field, ...(own ? problemText(own, { expected: issue.expected, value }) : problemText('wrongType', { field, expected: issue.expected, value })) });
        }
        break;
      case 'invalid_union': {
        problems.push(describeColonMistake(issue.input, field) ?? { field, ...problemText('wrongForm', { field, value: toDescribedValue(issue.input) }) });
        break;
      }
      case 'invalid_value':
        problems.push({ field, ...problemText('notAllowed', { value: toDescribedValue(issue.input), allowed: issue.values.map((v) => String(v)).join(', ') }) });
        break;
      case 'too_small':
        problems.push({ field, ...(issue.origin === 'array' ? problemText('emptyList', { field }) : problemText('emptyField', { field })) });
        break;
      case 'custom':
        problems.push({
          field,
          message: issue.message,
          hint: typeof issue.params?.['hint'] === 'string' ? issue.params['hint'] : `Correct ${name}.`,
          // A schema's refinement may give its catalog message (the effective field's: src/schemas/front-matter.ts).
          ...(isProblemMessage(issue.params?.['text']) ? { text: issue.params['text'] } : {}),
        });
        break;
      default:
        problems.push({ field, message: issue.message, hint: `Correct ${name}.` });
    }
  }
  return problems;
}
