/**
 * Spotting exact duplicate records in one pass over millions of them: each
 * record's bytes leave a 64-bit fingerprint and its line in a typed-array
 * hash table (12 bytes a record, off the JavaScript heap), never the record.
 *
 * A fingerprint can collide (about once in 10^7 runs of a million records);
 * that cannot hide a wrong record, because a duplicate is verified like any
 * other and its own failure outranks "duplicate" (see verify-outcomes.ts).
 */

let lane1 = 0;
let lane2 = 0;

// Bytes are copied into an aligned scratch buffer so the hash reads whole words from a typed array.
let words = new Int32Array(1024);
let wordBytes = new Uint8Array(words.buffer);

/** Sets lane1 and lane2 to a 64-bit fingerprint of the bytes (two 32-bit multiply-rotate lanes, mixed at the end). */
function fingerprint(bytes: Uint8Array): void {
  if (bytes.length > wordBytes.length) {
    words = new Int32Array((bytes.length >> 2) + 1);
    wordBytes = new Uint8Array(words.buffer);
  }
  wordBytes.set(bytes);
  let h1 = 0x9e3779b9 | 0;
  let h2 = 0x85ebca6b | 0;
  const whole = bytes.length >> 2;
  for (let i = 0; i < whole; i++) {
    const k = words[i] as number;
    h1 = Math.imul(h1 ^ k, 0x9e3779b1);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 ^ k, 0x5f356495);
    h2 = (h2 << 17) | (h2 >>> 15);
  }
  for (let i = whole << 2; i < bytes.length; i++) {
    const k = bytes[i] as number;
    h1 = Math.imul(h1 ^ k, 0x9e3779b1);
    h2 = Math.imul(h2 ^ k, 0x5f356495);
  }
  h1 ^= bytes.length;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  lane1 = h1 | 0;
  lane2 = h2 | 0;
}

/** The records seen so far, by fingerprint. */
export class RecordFingerprints {
  /** Three int32 a slot: the two fingerprint lanes and the line (0 = empty). */
  private slots = new Int32Array(3 << 16);
  private mask = (1 << 16) - 1;
  private size = 0;

  /**
   * Remembers a record's bytes at `line` (1 or more) and returns the line of
   * an earlier record with the same bytes, or 0 when there is none.
   */
  add(bytes: Uint8Array, line: number): number {
    fingerprint(bytes);
    let slot = (lane1 ^ Math.imul(lane2, 0x27d4eb2d)) & this.mask;
    for (;;) {
      const at = slot * 3;
      const seen = this.slots[at + 2] as number;
      if (seen === 0) break;
      if (this.slots[at] === lane1 && this.slots[at + 1] === lane2) return seen;
      slot = (slot + 1) & this.mask;
    }
    this.insert(slot, lane1, lane2, line);
    return 0;
  }

  private insert(slot: number, first: number, second: number, line: number): void {
    const at = slot * 3;
    this.slots[at] = first;
    this.slots[at + 1] = second;
    this.slots[at + 2] = line;
    this.size += 1;
    // Linear probing stays short below three quarters full.
    if (this.size * 4 > (this.mask + 1) * 3) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 3);
    for (let at = 0; at < old.length; at += 3) {
      const line = old[at + 2] as number;
      if (line === 0) continue;
      const first = old[at] as number;
      const second = old[at + 1] as number;
      let slot = (first ^ Math.imul(second, 0x27d4eb2d)) & this.mask;
      while (this.slots[slot * 3 + 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 3] = first;
      this.slots[slot * 3 + 1] = second;
      this.slots[slot * 3 + 2] = line;
    }
  }
}
