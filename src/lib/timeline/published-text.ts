/**
 * The published Markdown of a version and its SHA-256: the bytes served at the
 * version's `markdownUrl`, so that `curl -s URL | sha256sum` reproduces the
 * hash in the feed and in consent records.
 *
 * Canonical form (documented in docs/integrators.md, never changed within feed v1):
 *   UTF-8 without BOM, LF line endings, Unicode NFC;
 *   a front matter of exactly these five keys in this order, each value a
 *   JSON string (which is also a valid YAML double-quoted scalar):
 *     ---
 *     policy: "privacy"
 *     locale: "ru"
 *     version: "2025-09-01"
 *     title: "Политика конфиденциальности"
 *     effective: "2025-08-31T21:00:00.000Z"
 *     ---
 *   then one empty line, then the body with leading blank lines and trailing
 *   whitespace removed, ending in exactly one LF.
 * `summary`, `changeType` and `draft` are left out on purpose: they describe the
 * change, not the text a person agreed to.
 */
import { createHash } from 'node:crypto';
import { formatInstant } from '#lib/time/zoned-time.ts';
import type { PolicyVersion } from './policy-version.ts';

/** The exact published Markdown of a version. */
export function renderPublishedText(version: Pick<PolicyVersion, 'policy' | 'locale' | 'version' | 'title' | 'effectiveFrom' | 'body'>): string {
  const field = (key: string, value: string) => `${key}: ${JSON.stringify(value)}\n`;
  return (
    '---\n' +
    field('policy', version.policy) +
    field('locale', version.locale) +
    field('version', version.version) +
    field('title', version.title) +
    field('effective', formatInstant(version.effectiveFrom)) +
    '---\n\n' +
    version.body
  );
}

/** Hex SHA-256 of the UTF-8 bytes of a text, or of bytes. */
export function sha256Hex(text: string | Uint8Array): string {
  // Bytes as they are: a served file is hashed as served, never decoded first.
  return typeof text === 'string' ? createHash('sha256').update(text, 'utf8').digest('hex') : createHash('sha256').update(text).digest('hex');
}

/** A version's published Markdown and its hash: what the feed, the ledger and consent records name. */
export function getPublishedText(version: Parameters<typeof renderPublishedText>[0]): { text: string; sha256: string } {
  const text = renderPublishedText(version);
  return { text, sha256: sha256Hex(text) };
}

/**
 * A published text read back: its canonical front matter (the lines between
 * the `---` fences) and its body (after the one empty line). A text without
 * a front matter is all body.
 */
export function splitPublishedText(text: string): { frontMatter: string; body: string } {
  const end = text.indexOf('\n---\n', 4);
  if (!text.startsWith('---\n') || end === -1) return { frontMatter: '', body: text };
  return { frontMatter: text.slice(4, end), body: text.slice(end + 5).replace(/^\n/, '') };
}
