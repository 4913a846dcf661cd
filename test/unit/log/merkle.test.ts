import { describe, expect, test } from 'vitest';
import { EMPTY_ROOT, leafHash, MerkleTree, proveConsistency, proveInclusion, verifyConsistency, verifyInclusion } from '#lib/log/merkle.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
// The leaves of the RFC 6962 test data of Certificate Transparency's reference implementation.
const RFC6962_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((leaf) => Buffer.from(leaf, 'hex'));
const treeOf = (size: number) => new MerkleTree(Array.from({ length: size }, (_, i) => leafHash(Buffer.from(`entry ${i}`))));

describe('the RFC 6962 tree', () => {
  test('gives the known roots of the reference test data', () => {
    const tree = new MerkleTree(RFC6962_LEAVES.map(leafHash));
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(tree.root(1))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(hex(tree.root(2))).toBe('fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125');
    expect(hex(tree.root(3))).toBe('aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77');
    expect(hex(tree.root(5))).toBe('4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4');
    expect(hex(tree.root(8))).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
  });

  test('proves and verifies the inclusion of every leaf in every tree up to 40, and refuses a wrong one', () => {
    const tree = treeOf(40);
    for (let size = 1; size <= 40; size++) {
      const root = tree.root(size);
      for (let index = 0; index < size; index++) {
        const proof = proveInclusion(tree.read, index, size);
        expect(verifyInclusion(tree.read(0, index), index, size, proof, root), `${index} in ${size}`).toBe(true);
        expect(verifyInclusion(tree.read(0, (index + 1) % 40), index, size, proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion(tree.read(0, index), index, size, proof, tree.root(size - 1))).toBe(false);
      }
    }
  });

  test('proves and verifies consistency between every pair of sizes up to 40, and refuses a fork', () => {
    const tree = treeOf(40);
    const fork = new MerkleTree(tree.levels[0]?.map((hash, i) => (i === 3 ? leafHash(Buffer.from('rewritten')) : hash)) ?? []);
    for (let newSize = 1; newSize <= 40; newSize++) {
      for (let oldSize = 1; oldSize <= newSize; oldSize++) {
        const proof = proveConsistency(tree.read, oldSize, newSize);
        expect(verifyConsistency(oldSize, tree.root(oldSize), newSize, tree.root(newSize), proof), `${oldSize} → ${newSize}`).toBe(true);
        if (oldSize > 3) expect(verifyConsistency(oldSize, fork.root(oldSize), newSize, tree.root(newSize), proof)).toBe(false);
      }
    }
    expect(verifyConsistency(5, tree.root(5), 9, tree.root(9), [])).toBe(false);
  });
});
