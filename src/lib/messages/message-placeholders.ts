/**
 * Every message of a catalog with its parameters' names in place of values
 * (`{count}`), for the reference page (docs/reference/messages.md) and for
 * the test that the catalogs agree: a message is called with a stand-in
 * whose every field is its own name in braces, and the fields it read are
 * its parameters.
 */
import type { MessageCatalog } from './message-catalog.ts';
import type { ProblemText } from './messages-en.ts';

/** One message as the reference shows it. */
export interface MessageTemplate {
  /** `check.passed`, `problem.noText`: the group and the key. */
  id: string;
  /** The names of the parameters it reads, sorted. */
  params: string[];
  /** The text, a placeholder for each value; a refusal has a message and a hint. */
  text: string | ProblemText;
}

const isGroup = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !('message' in value && 'hint' in value);

/** The text of a message with `{name}` for each parameter, and the names it read. */
function fillWithNames(entry: unknown): { params: string[]; text: string | ProblemText } {
  if (typeof entry !== 'function') return { params: [], text: entry as string | ProblemText };
  const read = new Set<string>();
  const names = new Proxy(
    {},
    {
      get: (_target, key) => {
        if (typeof key !== 'string') return undefined;
        read.add(key);
        return `{${key}}`;
      },
    },
  );
  const text = (entry as (params: unknown) => string | ProblemText)(names);
  return { params: [...read].sort(), text };
}

/**
 * Every message of a catalog, in the catalog's order, with placeholders.
 * The `lang` tag is no message and is left out.
 */
export function listMessageTemplates(catalog: MessageCatalog): MessageTemplate[] {
  const templates: MessageTemplate[] = [];
  for (const [group, entries] of Object.entries(catalog)) {
    if (!isGroup(entries)) continue;
    for (const [key, entry] of Object.entries(entries)) templates.push({ id: `${group}.${key}`, ...fillWithNames(entry) });
  }
  return templates;
}
