import { describe, expect, test } from 'vitest';
import { LruCache } from '#lib/util/lru-cache.ts';

describe('LruCache', () => {
  test('computes a value once while it stays among the most recently used', () => {
    const cache = new LruCache<number>(2);
    let computed = 0;
    const get = (key: string) => cache.get(key, () => ++computed);
    expect(get('a')).toBe(1);
    expect(get('b')).toBe(2);
    expect(get('a')).toBe(1);
    // 'b' is now the least recently used: adding 'c' drops it, not 'a'.
    expect(get('c')).toBe(3);
    expect(get('a')).toBe(1);
    expect(get('b')).toBe(4);
    expect(computed).toBe(4);
  });
});
