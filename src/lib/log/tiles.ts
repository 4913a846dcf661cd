/**
 * The static layout of a log, C2SP tlog-tiles (https://c2sp.org/tlog-tiles):
 * the Merkle tree as tiles of hashes, 256 wide (height 8), and the entries as
 * bundles of 256, each entry prefixed by its length as a big-endian uint16.
 *
 *   tile/<L>/<N>[.p/<W>]        hashes: level L, tile N, W hashes when partial
 *   tile/entries/<N>[.p/<W>]    entries of leaves 256·N up to 256·N + W
 *
 * `<N>` is written in 3-digit path elements, all but the last prefixed by
 * `x` (1234067 → `x001/x234/067`), so any number of tiles fits a file system.
 */
import { HASH_SIZE, type MerkleTree, nodeHash, type Hash, type SubtreeReader } from './merkle.ts';

/** Tiles hold 2^8 hashes. */
const TILE_HEIGHT = 8;
/** Hashes in a full tile, entries in a full bundle. */
export const TILE_WIDTH = 2 ** TILE_HEIGHT;
/** The longest entry a bundle can hold (its length is a uint16). */
export const MAX_ENTRY_BYTES = 0xffff;

/** One tile of hashes (`level` ≥ 0) or one entry bundle (`level` = 'entries'). */
export interface TileCoordinate {
  level: number | 'entries';
  /** Index of the tile within its level. */
  index: number;
  /** Hashes or entries it holds: TILE_WIDTH when full. */
  width: number;
}

/** `1234067` → `x001/x234/067`. */
function encodeIndex(index: number): string {
  let rest = Math.floor(index / 1000);
  let path = String(index % 1000).padStart(3, '0');
  while (rest > 0) {
    path = `x${String(rest % 1000).padStart(3, '0')}/${path}`;
    rest = Math.floor(rest / 1000);
  }
  return path;
}

/** The path of a tile under the log's prefix: `tile/0/x001/234.p/17`. */
export function getTilePath(tile: TileCoordinate): string {
  return `tile/${tile.level}/${encodeIndex(tile.index)}${tile.width === TILE_WIDTH ? '' : `.p/${tile.width}`}`;
}

/**
 * Parses a tile path; null unless it is exactly the path {@link getTilePath} writes.
 * @public Exported for its tests: tested as the inverse of getTilePath over many indices.
 */
export function parseTilePath(path: string): TileCoordinate | null {
  const match = /^tile\/(entries|0|[1-9]\d?)\/((?:x\d{3}\/)*)(\d{3})(?:\.p\/([1-9]\d{0,2}))?$/.exec(path);
  if (!match) return null;
  const [, levelText = '', prefix = '', last = '', widthText] = match;
  const index = [
    ...prefix
      .split('/')
      .filter(Boolean)
      .map((part) => part.slice(1)),
    last,
  ].reduce((sum, part) => sum * 1000 + Number(part), 0);
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  const level: TileCoordinate['level'] = levelText === 'entries' ? 'entries' : Number(levelText);
  if ((widthText !== undefined && width >= TILE_WIDTH) || (typeof level === 'number' && level > 63)) return null;
  const tile = { level, index, width };
  return getTilePath(tile) === path ? tile : null;
}

/** Hashes in row `level` of tiles for a tree of `size` leaves: complete subtrees of 256^level leaves. */
function rowLength(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** The hash tiles of a tree of `size` leaves: every full tile and the partial one of each level, bottom up. */
export function getTreeTiles(size: number): TileCoordinate[] {
  const tiles: TileCoordinate[] = [];
  for (let level = 0; rowLength(size, level) > 0; level++) {
    const row = rowLength(size, level);
    for (let index = 0; index < Math.floor(row / TILE_WIDTH); index++) tiles.push({ level, index, width: TILE_WIDTH });
    if (row % TILE_WIDTH > 0) tiles.push({ level, index: Math.floor(row / TILE_WIDTH), width: row % TILE_WIDTH });
  }
  return tiles;
}

/** The entry bundles of a tree of `size` leaves. */
export function getTreeBundles(size: number): TileCoordinate[] {
  const bundles: TileCoordinate[] = [];
  for (let index = 0; index < Math.floor(size / TILE_WIDTH); index++) bundles.push({ level: 'entries', index, width: TILE_WIDTH });
  if (size % TILE_WIDTH > 0) bundles.push({ level: 'entries', index: Math.floor(size / TILE_WIDTH), width: size % TILE_WIDTH });
  return bundles;
}

/**
 * Every narrower width of each level's rightmost partial tile. A partial tile
 * is immutable for its width, and a client holding an older checkpoint asks
 * for the width its tree had, so a static log serves them all (at most 255
 * per level, each smaller than a full tile).
 */
export function getNarrowerPartialTiles(size: number): TileCoordinate[] {
  return getTreeTiles(size).flatMap((tile) => (tile.width === TILE_WIDTH ? [] : Array.from({ length: tile.width - 1 }, (_, width) => ({ level: tile.level, index: tile.index, width: width + 1 }))));
}

/** The bytes of a hash tile: its hashes, concatenated. */
export function getTileData(tree: MerkleTree, tile: TileCoordinate): Uint8Array {
  if (tile.level === 'entries') throw new Error('an entry bundle is not a hash tile');
  const level = tile.level * TILE_HEIGHT;
  const data = new Uint8Array(tile.width * HASH_SIZE);
  for (let i = 0; i < tile.width; i++) data.set(tree.read(level, tile.index * TILE_WIDTH + i), i * HASH_SIZE);
  return data;
}

/** Concatenates entries into a bundle, each after its length as a big-endian uint16. */
export function encodeBundle(entries: readonly Uint8Array[]): Uint8Array {
  const size = entries.reduce((sum, entry) => sum + 2 + entry.length, 0);
  const bundle = new Uint8Array(size);
  let offset = 0;
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_BYTES) throw new RangeError(`a log entry of ${entry.length} bytes does not fit a bundle (at most ${MAX_ENTRY_BYTES})`);
    bundle[offset] = entry.length >> 8;
    bundle[offset + 1] = entry.length & 0xff;
    bundle.set(entry, offset + 2);
    offset += 2 + entry.length;
  }
  return bundle;
}

/** A bundle split into its entries, or what is wrong with it. */
export type DecodedBundle = { entries: Uint8Array[] } | { error: string };

/** Splits a bundle that must hold exactly `count` entries. */
export function decodeBundle(bundle: Uint8Array, count: number): DecodedBundle {
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < bundle.length) {
    if (entries.length === count) return { error: `oversized: ${bundle.length - offset} bytes after its ${count} entries` };
    if (offset + 2 > bundle.length) return { error: `truncated: entry ${entries.length} has no complete length (1 byte left)` };
    const length = ((bundle[offset] as number) << 8) | (bundle[offset + 1] as number);
    if (offset + 2 + length > bundle.length) {
      return { error: `truncated: entry ${entries.length} is ${length} bytes, only ${bundle.length - offset - 2} left` };
    }
    entries.push(bundle.subarray(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  if (entries.length < count) return { error: `truncated: ${entries.length} entries instead of ${count}` };
  return { entries };
}

/**
 * A {@link SubtreeReader} backed by tiles: the hash of any complete subtree
 * of a tree of `size` leaves, from the tile that holds its row.
 * @param readTile the hashes of one tile of the tree (full or the tree's partial one)
 */
export function createTileReader(size: number, readTile: (tile: TileCoordinate) => Uint8Array): SubtreeReader {
  return (level, index) => {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const height = level - tileLevel * TILE_HEIGHT;
    const first = index * 2 ** height;
    const row = rowLength(size, tileLevel);
    if (first + 2 ** height > row) throw new RangeError(`no complete subtree ${index} of 2^${level} leaves in a tree of ${size}`);
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const width = tileIndex < Math.floor(row / TILE_WIDTH) ? TILE_WIDTH : row % TILE_WIDTH;
    const data = readTile({ level: tileLevel, index: tileIndex, width });
    const start = first - tileIndex * TILE_WIDTH;
    let hashes: Hash[] = Array.from({ length: 2 ** height }, (_, i) => data.subarray((start + i) * HASH_SIZE, (start + i + 1) * HASH_SIZE));
    while (hashes.length > 1) hashes = Array.from({ length: hashes.length / 2 }, (_, i) => nodeHash(hashes[2 * i] as Hash, hashes[2 * i + 1] as Hash));
    return hashes[0] as Hash;
  };
}
