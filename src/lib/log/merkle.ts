/**
 * The Merkle hash tree of RFC 6962 / RFC 9162 (SHA-256): leaf and node
 * hashes, the tree head of any prefix of the log, and inclusion and
 * consistency proofs with their verification. Everything a transparency log
 * proves is computed here, from the hashes of complete subtrees, whether they
 * come from the entries themselves or from tiles a server sent.
 */
import { createHash, hash } from 'node:crypto';

/** A SHA-256 hash, 32 bytes. */
export type Hash = Uint8Array;

/** Size of a hash in bytes. */
export const HASH_SIZE = 32;

// One-shot hashing of one buffer: a tree hashes twice per leaf, and a hash object per call costs more than the hashing.
const node = Buffer.alloc(1 + 2 * 32, 0x01);

/** The leaf hash of an entry: SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Hash {
  const input = Buffer.allocUnsafe(1 + entry.length);
  input[0] = 0x00;
  input.set(entry, 1);
  return hash('sha256', input, 'buffer');
}

/** The hash of an inner node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  node.set(left, 1);
  node.set(right, 33);
  return hash('sha256', node, 'buffer');
}

/**
 * The root of the empty tree: SHA-256 of nothing.
 * @public Exported for its tests: RFC 6962's value for the empty tree, checked against its test vector.
 */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** Whether two hashes are the same bytes. */
export function hashEquals(a: Hash, b: Hash): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * Reads the hash of a complete subtree: the `index`-th subtree of 2^`level`
 * leaves (leaves `index·2^level` up to, not including, `(index+1)·2^level`).
 * Level 0 is the leaf hashes.
 */
export type SubtreeReader = (level: number, index: number) => Hash;

/** The largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether n is a power of two (n ≥ 1). */
function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/**
 * MTH(D[lo:hi]) of RFC 6962, from complete subtrees: the range splits into
 * maximal aligned power-of-two subtrees, folded from the right.
 */
function rangeHash(read: SubtreeReader, lo: number, hi: number): Hash {
  if (hi <= lo) return EMPTY_ROOT;
  const parts: Hash[] = [];
  let start = lo;
  while (start < hi) {
    // The largest aligned subtree starting here that fits.
    let level = 0;
    while (start % 2 ** (level + 1) === 0 && start + 2 ** (level + 1) <= hi) level++;
    parts.push(read(level, start / 2 ** level));
    start += 2 ** level;
  }
  let hash = parts.pop() as Hash;
  while (parts.length > 0) hash = nodeHash(parts.pop() as Hash, hash);
  return hash;
}

/** The root hash of the first `size` leaves. */
function treeHash(read: SubtreeReader, size: number): Hash {
  return rangeHash(read, 0, size);
}

/**
 * The inclusion proof (RFC 6962 PATH) of leaf `index` in the tree of the
 * first `size` leaves, nearest sibling first.
 */
export function proveInclusion(read: SubtreeReader, index: number, size: number): Hash[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Hash[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    if (hi - lo === 1) return;
    const k = splitPoint(hi - lo);
    if (m - lo < k) {
      walk(m, lo, lo + k);
      path.push(rangeHash(read, lo + k, hi));
    } else {
      walk(m, lo + k, hi);
      path.push(rangeHash(read, lo, lo + k));
    }
  };
  walk(index, 0, size);
  return path;
}

/**
 * The consistency proof (RFC 6962 PROOF) that the tree of the first
 * `oldSize` leaves is a prefix of the tree of the first `newSize`.
 */
export function proveConsistency(read: SubtreeReader, oldSize: number, newSize: number): Hash[] {
  if (!(oldSize >= 0 && oldSize <= newSize)) throw new RangeError(`no consistency proof from ${oldSize} to ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const proof: Hash[] = [];
  const walk = (m: number, lo: number, hi: number, complete: boolean): void => {
    if (m === hi - lo) {
      if (!complete) proof.push(rangeHash(read, lo, hi));
      return;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      walk(m, lo, lo + k, complete);
      proof.push(rangeHash(read, lo + k, hi));
    } else {
      walk(m - k, lo + k, hi, false);
      proof.push(rangeHash(read, lo, lo + k));
    }
  };
  walk(oldSize, 0, newSize, true);
  return proof;
}

/** Verifies an inclusion proof (RFC 9162, 2.1.3.2). */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (!(index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let hash = leaf;
  for (const sibling of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && hashEquals(hash, root);
}

/** Verifies a consistency proof between two tree heads (RFC 9162, 2.1.4.2). */
export function verifyConsistency(oldSize: number, oldRoot: Hash, newSize: number, newRoot: Hash, proof: readonly Hash[]): boolean {
  if (oldSize < 0 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && hashEquals(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0 && hashEquals(oldRoot, EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  const [first, ...rest] = path;
  if (!first) return false;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && hashEquals(fr, oldRoot) && hashEquals(sr, newRoot);
}

/**
 * A tree held in memory: every complete subtree's hash at every level,
 * computed once from the leaf hashes (2n hashes for n leaves).
 */
export class MerkleTree {
  /** `levels[l][i]`: hash of the i-th complete subtree of 2^l leaves. */
  readonly levels: Hash[][];

  constructor(leaves: readonly Hash[]) {
    this.levels = [[...leaves]];
    for (let below = this.levels[0] as Hash[]; below.length >= 2; ) {
      const above: Hash[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i] as Hash, below[i + 1] as Hash));
      this.levels.push(above);
      below = above;
    }
  }

  /** Number of leaves. */
  get size(): number {
    return this.levels[0]?.length ?? 0;
  }

  /** The {@link SubtreeReader} of this tree. */
  readonly read: SubtreeReader = (level, index) => {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`no complete subtree ${index} of 2^${level} leaves in a tree of ${this.size}`);
    return hash;
  };

  /** The root of the first `size` leaves (all by default). */
  root(size = this.size): Hash {
    return treeHash(this.read, size);
  }
}
