import { describe, expect, test } from 'vitest';
import { leafHash, MerkleTree } from '#lib/log/merkle.ts';
import { createTileReader, decodeBundle, encodeBundle, getNarrowerPartialTiles, getTileData, getTilePath, getTreeBundles, getTreeTiles, parseTilePath } from '#lib/log/tiles.ts';

describe('tile paths (C2SP tlog-tiles)', () => {
  test.each([
    [{ level: 0, index: 0, width: 256 }, 'tile/0/000'],
    [{ level: 0, index: 1234067, width: 256 }, 'tile/0/x001/x234/067'],
    [{ level: 1, index: 3057500, width: 2 }, 'tile/1/x003/x057/500.p/2'],
    [{ level: 'entries' as const, index: 0, width: 9 }, 'tile/entries/000.p/9'],
    [{ level: 'entries' as const, index: 1000, width: 256 }, 'tile/entries/x001/000'],
  ])('%o is %s, and back', (tile, path) => {
    expect(getTilePath(tile)).toBe(path);
    expect(parseTilePath(path)).toEqual(tile);
  });

  test.each(['tile/0/0', 'tile/0/000.p/0', 'tile/0/000.p/256', 'tile/0/000.p/07', 'tile/01/000', 'tile/0/x000/001', 'tile/64/000', 'tile/data/000', 'tile/0/1000'])('refuses %s', (path) => {
    expect(parseTilePath(path)).toBeNull();
  });

  test('a tree of 70,000 has the tiles the specification lists', () => {
    const tiles = getTreeTiles(70_000);
    expect(tiles.filter((tile) => tile.level === 0 && tile.width === 256)).toHaveLength(273);
    expect(tiles.filter((tile) => tile.width < 256).map(getTilePath)).toEqual(['tile/0/273.p/112', 'tile/1/001.p/17', 'tile/2/000.p/1']);
    expect(tiles.filter((tile) => tile.level === 1 && tile.width === 256).map(getTilePath)).toEqual(['tile/1/000']);
    expect(getTreeTiles(256).map(getTilePath)).toEqual(['tile/0/000', 'tile/1/000.p/1']);
    expect(getTreeBundles(70_000).at(-1)).toEqual({ level: 'entries', index: 273, width: 112 });
    expect(getTreeTiles(0)).toEqual([]);
  });

  test('serves every narrower width of each partial tile, for clients that hold an older checkpoint', () => {
    expect(getNarrowerPartialTiles(300).map(getTilePath)).toEqual([...Array.from({ length: 43 }, (_, i) => `tile/0/001.p/${i + 1}`)]);
    expect(getNarrowerPartialTiles(512)).toEqual([{ level: 1, index: 0, width: 1 }]);
  });
});

describe('tiles and bundles', () => {
  const tree = new MerkleTree(Array.from({ length: 70_000 }, (_, i) => leafHash(Buffer.from(String(i)))));

  test('a reader over the tiles gives the same subtree hashes, hence the same roots and proofs', () => {
    const reader = createTileReader(70_000, (tile) => getTileData(tree, tile));
    for (const [level, index] of [
      [0, 69_999],
      [3, 8749],
      [8, 272],
      [9, 135],
      [16, 0],
      [12, 16],
    ] as const) {
      expect(Buffer.from(reader(level, index)).equals(tree.read(level, index)), `${level}/${index}`).toBe(true);
    }
    expect(() => reader(16, 1)).toThrow(/no complete subtree/);
  });

  test('a bundle is each entry after its length as a big-endian uint16', () => {
    const entries = [Buffer.from('a'), Buffer.alloc(300, 1), Buffer.alloc(0)];
    const bundle = encodeBundle(entries);
    expect([...bundle.subarray(0, 3)]).toEqual([0, 1, 97]);
    expect([...bundle.subarray(3, 5)]).toEqual([1, 44]);
    expect(decodeBundle(bundle, 3)).toEqual({ entries: entries.map((entry) => new Uint8Array(entry)) });
    expect(decodeBundle(bundle.subarray(0, bundle.length - 3), 3)).toEqual({ error: 'truncated: entry 1 is 300 bytes, only 299 left' });
    expect(decodeBundle(bundle, 4)).toEqual({ error: 'truncated: 3 entries instead of 4' });
    expect(decodeBundle(Buffer.concat([bundle, Buffer.from([0])]), 3)).toEqual({ error: 'oversized: 1 bytes after its 3 entries' });
    expect(decodeBundle(Buffer.concat([bundle, Buffer.from([0])]), 4)).toEqual({ error: 'truncated: entry 3 has no complete length (1 byte left)' });
    expect(() => encodeBundle([Buffer.alloc(65_536)])).toThrow(/does not fit/);
  });
});
