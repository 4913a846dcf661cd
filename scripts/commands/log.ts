/**
 * `npm run policy -- log keygen`: makes the key pair of the site's public
 * log. The private key goes to a file outside the project (never into the
 * repository, where anyone with the clone could sign); the verifier key is
 * printed for site.config.ts.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getLogOrigin } from '#lib/log/checkpoint.ts';
import { generateSignerKey, isValidKeyName } from '#lib/log/signed-note.ts';
import { getSettings, print, UsageError } from './command-context.ts';

export const LOG_HELP = `npm run policy -- log keygen [--out <file>] [--name <key name>]

  Makes the Ed25519 key pair of the site's public log (/log/v1/). Writes the
  private key (PRIVATE+KEY+…, the format of Go's golang.org/x/mod/sumdb/note)
  to a new file readable only by you, outside the project and the policies
  folder, and prints the verifier key to put into site.config.ts
  (logVerifierKey). Then build with POLICY_PRESS_LOG_KEY=<file>, or, in CI,
  the file's content in the secret POLICY_PRESS_LOG_KEY_DATA.

  --out   where to write the private key
          (default ~/.config/policy-press/<key name>.key); never overwritten
  --name  the key name (default the log's origin, <host><base>log/v1)`;

/** A path's real location, following links of the part that exists. */
function realLocation(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realLocation(parent), basename(absolute));
}

const isInside = (path: string, folder: string) => {
  const rest = relative(realLocation(folder), realLocation(path));
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest));
};

/** Runs `log <subcommand>`; returns the exit code. */
export function runLog(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, name: { type: 'string' } } });
  if (positionals.length !== 1 || positionals[0] !== 'keygen') throw new UsageError(`log has one command, keygen.\n\n${LOG_HELP}`);
  const settings = getSettings();
  const name = values.name ?? getLogOrigin(settings.siteUrl);
  if (!isValidKeyName(name)) throw new UsageError(`--name "${name}" cannot be a key name: it must not be empty or contain a space or a "+".`);
  const out = resolve(values.out ?? join(homedir(), '.config', 'policy-press', `${name.replace(/[^A-Za-z0-9.-]+/g, '_')}.key`));
  for (const [folder, what] of [
    [process.cwd(), 'the project'],
    [settings.policiesPath, 'the policies folder'],
  ] as const) {
    if (isInside(out, folder)) {
      throw new UsageError(
        `${out} is inside ${what} (${folder}): a private key there ends up in the repository, where anyone with a clone could sign. Give --out a path outside it, e.g. --out ~/.config/policy-press/log.key`,
      );
    }
  }
  if (existsSync(out)) throw new UsageError(`${out} already exists; log keygen never overwrites a key (a replaced key breaks the chain for everyone who pinned the old one). Give another --out.`);
  const { signerKey, verifierKey } = generateSignerKey(name);
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
  writeFileSync(out, `${signerKey}\n`, { mode: 0o600, flag: 'wx' });
  print(`Wrote the private key of the public log to ${out} (only you can read it). Keep it secret and keep a backup:`);
  print('a new key makes every checkpoint that others kept unverifiable with the key they pinned.');
  print('');
  print('The verifier key, for site.config.ts:');
  print(`  logVerifierKey: '${verifierKey}',`);
  print('');
  print('Sign the log when you build:');
  print(`  POLICY_PRESS_LOG_KEY=${out} npm run build`);
  print('In CI, store the content of the file as a secret and pass it as POLICY_PRESS_LOG_KEY_DATA.');
  return Promise.resolve(0);
}
