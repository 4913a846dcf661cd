/**
 * The published Markdown of a version and its SHA-256: the bytes served at the
 * version's `markdownUrl`, so that `curl -s URL | sha256sum` reproduces the
 * hash in the feed and in consent records.
 *
 * Canonical form (documented in the README, never changed within feed v1):
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
import { formatInstant } from '#lib/time/effective-instant.ts';
import type { PolicyVersion } from './policy-version.ts';

/** The exact published Markdown of a version. */
export function renderRawMarkdown(version: Pick<PolicyVersion, 'policy' | 'locale' | 'version' | 'title' | 'effectiveFrom' | 'body'>): string {
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

/** Hex SHA-256 of the UTF-8 bytes of a text. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
