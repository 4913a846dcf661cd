/**
 * Reading a site's public log as an outsider does: from its URL, a mirror, or
 * a built `dist/` folder, trusting nothing it serves. The checkpoint is
 * parsed and its signature checked, every entry bundle of its tree is read
 * and decoded, the tree is recomputed from the entries, and every hash tile
 * is compared with it, so whatever is wrong is named: the file, the entry,
 * and what differs.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogEntry } from '#schemas/public-log.ts';
import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { decodeLogEntry } from './log-entry.ts';
import { HASH_SIZE, hashEquals, leafHash, MerkleTree } from './merkle.ts';
import { checkNoteSignature, describeKey, type VerifierKey } from './signed-note.ts';
import { decodeBundle, getTileData, getTilePath, getTreeBundles, getTreeTiles, TILE_WIDTH, type TileCoordinate } from './tiles.ts';

/** Reads files of a site by their path under the site's base (`log/v1/checkpoint`). */
export interface SiteReader {
  /** The URL or folder, for messages. */
  location: string;
  /** The file's bytes, or null when the site does not serve it (404, no such file). */
  read(path: string): Promise<Uint8Array | null>;
  /** The file with the media type it is served with, where the site has one (HTTP); a folder has none. */
  readPage?(path: string): Promise<{ bytes: Uint8Array; contentType: string | null } | null>;
}

/** A site that cannot be read at all (network error, HTTP 500…). */
export class SiteReadError extends Error {
  override name = 'SiteReadError';
}

const isUrl = (location: string) => /^https?:\/\//i.test(location);

/** A reader of a site served at a URL (with its base path) or built into a folder. */
export function createSiteReader(location: string): SiteReader {
  if (isUrl(location)) {
    const base = new URL(location.endsWith('/') ? location : `${location}/`);
    const readPage = async (path: string) => {
      const url = new URL(path, base);
      let response: Response;
      try {
        response = await fetch(url);
      } catch (error) {
        throw new SiteReadError(`cannot read ${url.href}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
      }
      if (response.status === 404) return null;
      if (!response.ok) throw new SiteReadError(`cannot read ${url.href}: HTTP ${response.status}`);
      return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
    };
    return {
      location: base.href,
      readPage,
      read: async (path) => (await readPage(path))?.bytes ?? null,
    };
  }
  return {
    location,
    async read(path) {
      const file = join(location, ...path.split('/'));
      try {
        if (!(await stat(file)).isFile()) return null;
      } catch {
        return null;
      }
      return new Uint8Array(await readFile(file));
    },
  };
}

/** One thing found wrong, named by what it is about. */
export interface LogFinding {
  /** What differs: `checkpoint`, `tiles`, `entry`, `rewritten text`, `dropped version`, `not in log`, `reordered history`, `fork`, `stale tree`, `key changed`. */
  kind: string;
  message: string;
}

/** A log read from a site: its checkpoint and, when its entries could all be read, the tree they give. */
export interface ServedLog {
  checkpoint: Checkpoint;
  /** The checkpoint as served. */
  checkpointText: string;
  /** Null when the entries could not all be read and decoded. */
  entries: LogEntry[] | null;
  encoded: Uint8Array[];
  tree: MerkleTree | null;
}

/** Where the log lives under a site: `log/v1/`. */
export const LOG_PREFIX = 'log/v1/';

/**
 * Whether the checkpoint carries a valid signature by `key`, as findings
 * (none when it does).
 */
export function checkCheckpointSignature(checkpoint: Checkpoint, key: VerifierKey | null, what = 'the checkpoint'): LogFinding[] {
  if (checkpoint.note.signatures.length === 0) return [{ kind: 'checkpoint', message: `${what} is not signed (the site was built without its log key): it proves nothing to anyone else` }];
  if (!key) return [{ kind: 'checkpoint', message: `${what} cannot be checked: no verifier key was given and the site publishes none (give --key)` }];
  const result = checkNoteSignature(checkpoint.note, key);
  if (result === 'valid') return [];
  if (result === 'invalid') return [{ kind: 'checkpoint', message: `the signature of ${what} by ${describeKey(key)} does not verify: the checkpoint was altered or forged` }];
  const others = checkpoint.note.signatures.map(describeKey).join(', ');
  return [{ kind: 'key changed', message: `${what} is not signed by ${describeKey(key)} but by ${others}: the log was re-keyed, or rebuilt from scratch under a new key` }];
}

/**
 * Reads the checkpoint and every entry of its tree; with `checkTiles`, also
 * every hash tile, against the hashes of the entries.
 */
export async function readServedLog(reader: SiteReader, prefix: string, options: { checkTiles: boolean }): Promise<{ log: ServedLog | null; findings: LogFinding[] }> {
  const findings: LogFinding[] = [];
  const bytes = await reader.read(`${prefix}checkpoint`);
  if (!bytes) return { log: null, findings: [{ kind: 'checkpoint', message: `${prefix}checkpoint is not served: the site has no public log there` }] };
  const checkpoint = parseCheckpoint(bytes);
  if (typeof checkpoint === 'string') return { log: null, findings: [{ kind: 'checkpoint', message: `${prefix}checkpoint is malformed: ${checkpoint}` }] };
  const checkpointText = Buffer.from(bytes).toString('utf8');
  const encoded: Uint8Array[] = [];
  const entries: LogEntry[] = [];
  let complete = true;
  for (const bundle of getTreeBundles(checkpoint.size)) {
    const path = `${prefix}${getTilePath(bundle)}`;
    const data = await reader.read(path);
    if (!data) {
      findings.push({
        kind: 'tiles',
        message:
          bundle.width < TILE_WIDTH
            ? `${path} is not served: the log serves no tree of the ${checkpoint.size} entries the checkpoint says (its tree size is wrong, or the log is incomplete)`
            : `${path} is not served: the log is incomplete`,
      });
      complete = false;
      break;
    }
    const decoded = decodeBundle(data, bundle.width);
    if ('error' in decoded) {
      findings.push({ kind: 'tiles', message: `${path} is ${decoded.error}` });
      complete = false;
      break;
    }
    for (const [offset, entryBytes] of decoded.entries.entries()) {
      const index = bundle.index * TILE_WIDTH + offset;
      const entry = decodeLogEntry(entryBytes);
      if (typeof entry === 'string') {
        findings.push({ kind: 'entry', message: `log entry ${index} (in ${path}) is not a valid entry: ${entry}` });
        complete = false;
      } else entries.push(entry);
      encoded.push(entryBytes);
    }
  }
  if (!complete) return { log: { checkpoint, checkpointText, entries: null, encoded, tree: null }, findings };
  const tree = new MerkleTree(encoded.map(leafHash));
  const root = tree.root();
  if (!hashEquals(root, checkpoint.rootHash)) {
    findings.push({
      kind: 'checkpoint',
      message: `the checkpoint's root hash ${Buffer.from(checkpoint.rootHash).toString('base64')} is not the root of the ${checkpoint.size} entries served (${Buffer.from(root).toString('base64')}): its tree size or root is wrong, or entries were changed`,
    });
  }
  if (options.checkTiles) findings.push(...(await checkHashTiles(reader, prefix, tree)));
  return { log: { checkpoint, checkpointText, entries, encoded, tree }, findings };
}

/** Compares every hash tile of the tree with the hashes computed from the entries. */
async function checkHashTiles(reader: SiteReader, prefix: string, tree: MerkleTree): Promise<LogFinding[]> {
  const findings: LogFinding[] = [];
  for (const tile of getTreeTiles(tree.size)) {
    const path = `${prefix}${getTilePath(tile)}`;
    const data = await reader.read(path);
    const expected = getTileData(tree, tile);
    if (!data) findings.push({ kind: 'tiles', message: `${path} is not served: the tree cannot be checked from its tiles` });
    else if (data.length !== expected.length) {
      findings.push({ kind: 'tiles', message: `${path} is ${data.length < expected.length ? 'truncated' : 'oversized'}: ${data.length} bytes, not ${tile.width} hashes (${expected.length} bytes)` });
    } else if (!hashEquals(data, expected)) findings.push({ kind: 'tiles', message: `${path}: hash ${firstDifferentHash(data, expected)} is not the one the entries give` });
  }
  return findings;
}

function firstDifferentHash(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i * HASH_SIZE < a.length; i++) {
    if (!hashEquals(a.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE), b.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE))) return i;
  }
  return -1;
}

/** The served tile reader of a tree, for proofs computed from what the site serves. */
export async function readTreeTiles(reader: SiteReader, prefix: string, size: number): Promise<Map<string, Uint8Array>> {
  const tiles = new Map<string, Uint8Array>();
  for (const tile of getTreeTiles(size)) {
    const data = await reader.read(`${prefix}${getTilePath(tile)}`);
    if (data) tiles.set(getTilePath(tile), data);
  }
  return tiles;
}

/** The tile of a coordinate from {@link readTreeTiles}, or an error naming it. */
export function tileFrom(tiles: Map<string, Uint8Array>): (tile: TileCoordinate) => Uint8Array {
  return (tile) => {
    const data = tiles.get(getTilePath(tile));
    if (!data || data.length !== tile.width * HASH_SIZE) throw new Error(`${getTilePath(tile)} is missing or has the wrong size`);
    return data;
  };
}
