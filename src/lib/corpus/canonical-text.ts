/**
 * The canonical form of policy text: what the site serves, hashes and compares.
 *
 * Editors save files with a UTF-8 BOM, CRLF line endings or decomposed (NFD)
 * Cyrillic such as «й» typed as «и» + combining breve. Two files a reader sees
 * as the same text must hash the same, so every byte we publish goes through
 * {@link toCanonicalText} first: UTF-8, no BOM, LF line endings, Unicode NFC.
 */

const BOM = '\uFEFF';

/** Error thrown by {@link decodeUtf8} for bytes that are not valid UTF-8. */
export class InvalidUtf8Error extends Error {
  override name = 'InvalidUtf8Error';
}

/**
 * Decodes bytes as strict UTF-8: invalid sequences are an error rather than
 * U+FFFD, because a silently replaced character would change a legal text.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InvalidUtf8Error('the file is not valid UTF-8 text');
  }
}

/**
 * Normalizes text to the canonical form: without a leading BOM, with LF line
 * endings (CRLF and lone CR become LF) and in Unicode NFC.
 */
export function toCanonicalText(text: string): string {
  const withoutBom = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * Trims blank lines before and whitespace after a Markdown body and ends it
 * with exactly one newline, so that trailing editor whitespace does not make a
 * different hash. Whitespace inside lines is kept: two trailing spaces are a
 * hard line break in Markdown.
 */
export function toCanonicalBody(body: string): string {
  const text = toCanonicalText(body)
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');
  return `${text}\n`;
}
