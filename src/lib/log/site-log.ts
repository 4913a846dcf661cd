/**
 * The public log of a site, as a build serves it under `/log/v1/`: the
 * entries the ledger gives (checked against the log state), their tree, the
 * tiles and entry bundles, and the checkpoint, signed when the build is given
 * the private key. Pages and feeds take their log indexes and the checkpoint
 * they announce from the same object, so they always agree with the files.
 *
 *   /log/v1/checkpoint                  the signed tree head (C2SP tlog-checkpoint)
 *   /log/v1/key                         the verifier key (C2SP signed-note vkey)
 *   /log/v1/tile/<L>/<N>[.p/<W>]        hash tiles (C2SP tlog-tiles)
 *   /log/v1/tile/entries/<N>[.p/<W>]    entry bundles
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { LogEntry } from '#schemas/public-log.ts';
import { readLedger } from '#lib/ledger/ledger-store.ts';
import type { SiteSettings } from '#lib/site/site-settings.ts';
import { formatCheckpointText, getLogOrigin } from './checkpoint.ts';
import { encodeLogEntry, getEntryLeaf, getEventKey } from './log-entry.ts';
import { readLogLock, resolveLog } from './log-state.ts';
import { MerkleTree, type Hash } from './merkle.ts';
import { describeKey, parseSignerKey, parseVerifierKey, signNote, type SignerKey } from './signed-note.ts';
import { encodeBundle, getNarrowerPartialTiles, getTileData, getTilePath, getTreeBundles, getTreeTiles, TILE_WIDTH } from './tiles.ts';

/** The environment variables that give the build the log's private key. */
export interface LogKeyEnv {
  /** Path of the key file written by `npm run policy -- log keygen`. */
  POLICY_PRESS_LOG_KEY?: string | undefined;
  /** The key itself (`PRIVATE+KEY+…`), as CI secrets arrive. */
  POLICY_PRESS_LOG_KEY_DATA?: string | undefined;
}

/** A private key that cannot be used, with what to do. */
export class LogKeyError extends Error {
  override name = 'LogKeyError';
}

/** The log of one site. */
export interface SiteLog {
  /** The origin line: `<host><base>log/v1`. */
  origin: string;
  entries: readonly LogEntry[];
  tree: MerkleTree;
  rootHash: Hash;
  /** The checkpoint as served: a signed note, or its text alone when the build had no key. */
  checkpoint: string;
  /** The key that signed it, or null. */
  signedBy: string | null;
  /** The verifier key the site publishes (the setting, else the signing key's), or null. */
  verifierKey: string | null;
  /** Index of the n-th event of a version (0: its publication; n: its n-th correction), or null. */
  indexOf(id: string, ordinal: number): number | null;
}

/** Reads the private key from the environment; null when none is given. */
export function readLogSigner(env: LogKeyEnv, cwd: string = process.cwd()): SignerKey | null {
  const path = env.POLICY_PRESS_LOG_KEY || undefined;
  const data = env.POLICY_PRESS_LOG_KEY_DATA || undefined;
  if (path && data) throw new LogKeyError('POLICY_PRESS_LOG_KEY and POLICY_PRESS_LOG_KEY_DATA are both set: give the log key one way only.');
  if (!path && !data) return null;
  let text = data ?? '';
  const source = path ? `POLICY_PRESS_LOG_KEY (${path})` : 'POLICY_PRESS_LOG_KEY_DATA';
  if (path) {
    const file = isAbsolute(path) ? path : resolve(cwd, path);
    if (!existsSync(file)) throw new LogKeyError(`POLICY_PRESS_LOG_KEY: there is no file at ${file}.\n    Give the path of the key file npm run policy -- log keygen wrote.`);
    text = readFileSync(file, 'utf8');
  }
  const signer = parseSignerKey(text);
  if (typeof signer === 'string') {
    throw new LogKeyError(`${source} is not a log signing key: ${signer}.\n    It is the PRIVATE+KEY+… line npm run policy -- log keygen wrote (never the verifier key of site.config.ts).`);
  }
  return signer;
}

/** Refuses a private key that is not the one whose verifier key the site publishes. */
export function checkSignerMatchesSetting(signer: SignerKey | null, configured: string | undefined): void {
  if (!signer || configured === undefined) return;
  const expected = parseVerifierKey(configured);
  if (typeof expected === 'string' || expected.text !== signer.verifier.text) {
    throw new LogKeyError(
      `The log key given to the build (${describeKey(signer)}) is not the key of logVerifierKey in site.config.ts (${typeof expected === 'string' ? configured : describeKey(expected)}).\n` +
        '    Sign with the private key that npm run policy -- log keygen printed this verifier key for, or, if the key was replaced on purpose, put its verifier key in site.config.ts:\n' +
        `    logVerifierKey: '${signer.verifier.text}'`,
    );
  }
}

/** Builds the log of a site from its entries. */
export function createSiteLog(input: { siteUrl: string; entries: readonly LogEntry[]; signer: SignerKey | null; verifierKey: string | null }): SiteLog {
  const { signer } = input;
  return assembleSiteLog(input.siteUrl, input.entries, {
    checkpoint: (text) => (signer ? signNote(text, signer) : text),
    signedBy: signer ? signer.verifier.text : null,
    verifierKey: input.verifierKey ?? signer?.verifier.text ?? null,
  });
}

/**
 * A log as it crosses from the build's integrations to its pages (plain
 * data): the entries and what was computed from the key, so the pages show
 * the checkpoint the build writes without reading or using the key again.
 */
export interface SiteLogRecord {
  entries: readonly LogEntry[];
  checkpoint: string;
  signedBy: string | null;
  verifierKey: string | null;
}

/** The plain data of a log, for {@link restoreSiteLog}. */
export function toSiteLogRecord(log: SiteLog): SiteLogRecord {
  return { entries: log.entries, checkpoint: log.checkpoint, signedBy: log.signedBy, verifierKey: log.verifierKey };
}

/** The log of a record: its tree from the entries, its checkpoint as signed (refused when the entries give another tree). */
export function restoreSiteLog(siteUrl: string, record: SiteLogRecord): SiteLog {
  const log = assembleSiteLog(siteUrl, record.entries, { checkpoint: () => record.checkpoint, signedBy: record.signedBy, verifierKey: record.verifierKey });
  const text = formatCheckpointText(log.origin, log.tree.size, log.rootHash);
  if (!record.checkpoint.startsWith(text)) throw new Error(`The log handed to the pages has a checkpoint for another tree than its ${log.tree.size} entries: this is a bug in Policy Press.`);
  return log;
}

/** A log from its entries, with its checkpoint made from the checkpoint text by `signed` (signed now, or as signed before). */
function assembleSiteLog(siteUrl: string, entries: readonly LogEntry[], signed: { checkpoint: (text: string) => string; signedBy: string | null; verifierKey: string | null }): SiteLog {
  const origin = getLogOrigin(siteUrl);
  const tree = new MerkleTree(entries.map(getEntryLeaf));
  const rootHash = tree.root();
  const text = formatCheckpointText(origin, tree.size, rootHash);
  const indexes = new Map<string, number>();
  const ordinals = new Map<string, number>();
  entries.forEach((entry, index) => {
    const id = `${entry.policy}/${entry.locale}/${entry.version}`;
    const ordinal = ordinals.get(id) ?? 0;
    ordinals.set(id, ordinal + 1);
    indexes.set(getEventKey(entry, ordinal), index);
  });
  return {
    origin,
    entries,
    tree,
    rootHash,
    checkpoint: signed.checkpoint(text),
    signedBy: signed.signedBy,
    verifierKey: signed.verifierKey,
    indexOf: (id, ordinal) => indexes.get(`${id}#${ordinal}`) ?? null,
  };
}

/** An empty log (a site with nothing published, or a test). */
export function createEmptySiteLog(siteUrl: string, verifierKey: string | null = null): SiteLog {
  return createSiteLog({ siteUrl, entries: [], signer: null, verifierKey });
}

/**
 * The log of the site's policies folder, signed with the key from the
 * environment. A production build has already refused a ledger that differs
 * from the log state in any way, so its log is the log state; the dev server
 * (`withUnlogged`) adds the ledger's events not logged yet, as publish would.
 */
export function loadSiteLog(settings: SiteSettings, env: LogKeyEnv, options: { cwd?: string; withUnlogged: boolean }): SiteLog {
  const cwd = options.cwd ?? process.cwd();
  const signer = readLogSigner(env, cwd);
  checkSignerMatchesSetting(signer, settings.logVerifierKey);
  const lock = readLogLock(settings.policiesPath, cwd);
  let entries = lock.entries ?? [];
  if (options.withUnlogged) {
    const ledger = readLedger(settings.policiesPath, cwd);
    entries = resolveLog({ ledger: ledger.ledger, ledgerFile: ledger.file, ledgerProblems: ledger.problems.length, lock }).entries;
  }
  return createSiteLog({ siteUrl: settings.siteUrl, entries, signer, verifierKey: settings.logVerifierKey ?? null });
}

/** Every file of the log, by path under `/log/v1/`. */
export function getLogFiles(log: SiteLog): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  files.set('checkpoint', Buffer.from(log.checkpoint, 'utf8'));
  if (log.verifierKey) files.set('key', Buffer.from(`${log.verifierKey}\n`, 'utf8'));
  for (const tile of [...getTreeTiles(log.tree.size), ...getNarrowerPartialTiles(log.tree.size)]) files.set(getTilePath(tile), getTileData(log.tree, tile));
  const encoded = log.entries.map(encodeLogEntry);
  for (const bundle of getTreeBundles(log.tree.size)) {
    const start = bundle.index * TILE_WIDTH;
    files.set(getTilePath(bundle), encodeBundle(encoded.slice(start, start + bundle.width)));
  }
  return files;
}
