/** The `--key` option of `audit` and `verify --log`: a verifier key, or the path of a file that holds one. */
import { existsSync, readFileSync } from 'node:fs';
import { parseVerifierKey, type VerifierKey } from '#lib/log/signed-note.ts';
import { UsageError } from './command-context.ts';

/** Reads `--key`; a value that is not a key is a usage error naming it. */
export function readKeyOption(value: string): VerifierKey {
  const text = value.includes('+') ? value : existsSync(value) ? readFileSync(value, 'utf8') : value;
  const key = parseVerifierKey(text.trim());
  if (typeof key === 'string') throw new UsageError(`--key: ${value} is not a verifier key (${key}).`);
  return key;
}
