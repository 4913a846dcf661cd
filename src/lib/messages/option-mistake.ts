/**
 * A mistake in a command's options as Node's `parseArgs` reports it (an
 * unknown option, a value missing or given where none is taken, an argument
 * too many), told apart by its error code, so the commands legal staff run
 * can say it in the reader's language (`help.badOption`) while English keeps
 * Node's own words.
 */
import type { OptionMistake } from './messages-en.ts';

const KINDS: Record<string, OptionMistake['kind']> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'unknown',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'positional',
};

/** The mistake an error of `parseArgs` reports, or null when the error is not one. */
export function getOptionMistake(error: unknown): OptionMistake | null {
  if (!(error instanceof TypeError) || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('ERR_PARSE_ARGS')) return null;
  const text = error.message;
  // Node quotes what it refuses first: 'Unknown option '--foo'', 'Option '--reason <value>' argument missing', 'Unexpected argument 'x''.
  const option = /'([^' ]+)/.exec(text)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { kind: / argument missing$/.test(text) ? 'missing-value' : / does not take an argument$/.test(text) ? 'no-value' : 'other', option, text };
  return { kind: KINDS[error.code] ?? 'other', option, text };
}
