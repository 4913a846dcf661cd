/**
 * A key given twice in one JSON object. `JSON.parse` keeps the last value
 * silently, so a record `{"version":"a",…,"version":"b"}` would be read as
 * one of two contradicting records: verify calls it malformed instead,
 * naming the key. Records are checked cheaply first (a record without a
 * duplicate has exactly two quotes per string it parsed into); only a
 * record with escapes, or one that fails that count, is scanned.
 */

/** Strings (keys and string values) of a parsed JSON value. */
function countStrings(value: unknown): number {
  if (typeof value === 'string') return 1;
  if (value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countStrings(item), 0);
  let count = 0;
  for (const [, item] of Object.entries(value)) count += 1 + countStrings(item);
  return count;
}

/** Quotes in a text (`"`). */
function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count += 1;
  return count;
}

/**
 * The first key written twice in one object of a valid JSON text (as the
 * key reads once unescaped: `"a"` and `"\u0061"` are the same key), or null.
 * @param parsed what `JSON.parse(text)` gave
 */
export function findDuplicateKey(text: string, parsed: unknown): string | null {
  if (!text.includes('\\') && countQuotes(text) === 2 * countStrings(parsed)) return null;
  // Each open object's keys; null for an array.
  const open: (Set<string> | null)[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x7b) open.push(new Set());
    else if (code === 0x5b) open.push(null);
    else if (code === 0x7d || code === 0x5d) open.pop();
    else if (code === 0x22) {
      let end = at + 1;
      while (text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      let next = end + 1;
      while (next < text.length && /\s/.test(text.charAt(next))) next += 1;
      const keys = open.at(-1);
      if (text.charCodeAt(next) === 0x3a && keys) {
        const key = JSON.parse(text.slice(at, end + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      at = end;
    }
  }
  return null;
}
