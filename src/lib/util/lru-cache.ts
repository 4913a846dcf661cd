/**
 * A small least-recently-used cache, for any module that keeps derived work
 * within a fixed size (the redline's word segmentation, the build's rendered
 * files). Redlines of one build compare the same blocks again and again
 * (every version against the one in force), so per-text work is kept for
 * the texts seen last, within a fixed number of entries so memory stays
 * flat on large corpora.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, V>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The value for `key`, computed (and kept) on a miss. */
  get(key: string, compute: () => V): V {
    const found = this.#entries.get(key);
    if (found !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recent.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found;
    }
    const value = compute();
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return value;
  }
}
