/**
 * `npm run policy -- audit --site <url|folder>`: checks a site's public log
 * as an outsider would (src/lib/log/audit-log.ts), and with --since, that it
 * extends the checkpoint the auditor kept.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { auditSite, type EarlierLog } from '#lib/log/audit-log.ts';
import { createSiteReader, LOG_PREFIX } from '#lib/log/served-log.ts';
import { print, printError, UsageError } from './command-context.ts';
import { readKeyOption } from './key-option.ts';

export const AUDIT_HELP = `npm run policy -- audit --site <url|folder> [--key <key|file>] [--since <checkpoint file|folder>] [--pages] [--save <file>]

  Checks the public log of a site, a mirror or a built dist/ folder: the
  checkpoint's signature, that the entries and tiles served give its root,
  that every version and correction of the feed is its log entry and every
  log entry is still in the feed, and that every text served by hash has
  the hash its entry logged. Each problem names the entry and what differs.
  Exit 0 when all is consistent, 1 otherwise.

  --key    the verifier key you trust (<name>+<hex>+<base64>, or a file with it);
           default: the key the site serves, which cannot detect a log rebuilt under a new key
  --since  a checkpoint you kept (a file), or an earlier copy of the log (a saved dist/
           or log/v1/ folder): the tree must extend it; with a copy, each entry that
           changed is named (rewritten text, dropped version, reordered history)
  --pages  also compare each version page people read with its logged text over HTTP
           (always done for a folder); a page that differs, or is not UTF-8, is named
  --save   write the site's checkpoint to this file when all is consistent (use it as
           --since next time)`;

function readSince(location: string): EarlierLog {
  if (!existsSync(location)) throw new UsageError(`--since: ${location} does not exist.`);
  if (!statSync(location).isDirectory()) return { kind: 'checkpoint', location, bytes: readFileSync(location) };
  const prefix = existsSync(join(location, LOG_PREFIX, 'checkpoint')) ? LOG_PREFIX : existsSync(join(location, 'checkpoint')) ? '' : null;
  if (prefix === null) throw new UsageError(`--since: ${location} is a folder without a log (no checkpoint, no ${LOG_PREFIX}checkpoint).`);
  return { kind: 'log', location, reader: createSiteReader(location), prefix };
}

/** Runs `audit`; returns the exit code. */
export async function runAudit(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { site: { type: 'string' }, key: { type: 'string' }, since: { type: 'string' }, save: { type: 'string' }, pages: { type: 'boolean', default: false } },
  });
  if (!values.site || positionals.length > 0) throw new UsageError(`audit needs --site.\n\n${AUDIT_HELP}`);
  const isUrl = /^https?:\/\//i.test(values.site);
  if (!isUrl && !existsSync(values.site)) throw new UsageError(`--site: ${values.site} is neither a URL nor a folder.`);
  // A local dist/ is cheap to read whole, so its pages are always checked; over HTTP it is asked for.
  const pages = values.pages || !isUrl;
  const result = await auditSite({ site: createSiteReader(values.site), key: values.key ? readKeyOption(values.key) : null, since: values.since ? readSince(values.since) : null, pages });
  print(`audit of ${values.site}`);
  for (const note of result.notes) print(`  ${note}`);
  for (const finding of result.findings) printError(`${finding.kind}: ${finding.message}`);
  if (result.findings.length > 0) {
    print(`${result.findings.length} problem${result.findings.length === 1 ? '' : 's'} found: the log does not prove this site's history.`);
    return 1;
  }
  if (values.save && result.checkpoint) {
    writeFileSync(values.save, result.checkpoint);
    print(`  saved the checkpoint to ${values.save}: give it as --since next time`);
  }
  print('All is consistent.');
  return 0;
}
