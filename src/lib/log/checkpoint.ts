/**
 * Checkpoints, C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the
 * signed head of the log at one size, as the text of a signed note
 *
 *   <origin>            policies.example.com/log/v1
 *   <tree size>         9
 *   <root hash>         base64 of the RFC 6962 root of the first 9 entries
 *
 * The origin is the log's URL without its scheme, so two sites never share one.
 */
import { HASH_SIZE, type Hash } from './merkle.ts';
import { decodeNoteMessage, parseNote, type ParsedNote } from './signed-note.ts';

/** A checkpoint read back. */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Hash;
  /** The note text (the three lines and any extension lines). */
  text: string;
  /** Its signatures; empty for a checkpoint written without a key. */
  note: ParsedNote;
}

/** The origin line of a site's log: `<host><base path>log/v1`. */
export function getLogOrigin(siteUrl: string): string {
  const url = new URL(siteUrl);
  return `${url.host}${url.pathname}log/v1`;
}

/** The note text of a checkpoint. */
export function formatCheckpointText(origin: string, size: number, rootHash: Hash): string {
  return `${origin}\n${size}\n${Buffer.from(rootHash).toString('base64')}\n`;
}

/**
 * Parses a checkpoint, signed or not (a note text alone, as a build without
 * a key writes it). A string says what is malformed.
 */
export function parseCheckpoint(bytes: Uint8Array): Checkpoint | string {
  const message = decodeNoteMessage(bytes);
  if (message.error !== null) return `the checkpoint is not a valid signed note: ${message.error}`;
  // Checkpoint lines are never empty, so a blank line can only start the signatures.
  const note = message.text.includes('\n\n') ? parseNote(bytes) : { text: message.text, signatures: [] };
  if (typeof note === 'string') return `the checkpoint is not a valid signed note: ${note}`;
  if (!note.text.endsWith('\n')) return 'the checkpoint text does not end with a newline';
  const lines = note.text.slice(0, -1).split('\n');
  if (lines.length < 3) return `the checkpoint has ${lines.length} line${lines.length === 1 ? '' : 's'} of text, not origin, tree size and root hash`;
  const [origin = '', sizeText = '', rootText = '', ...extensions] = lines;
  if (origin === '') return 'line 1 (the origin) is empty';
  if (!/^(0|[1-9]\d{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) return `line 2 ("${sizeText}") is not a tree size (a decimal number without leading zeros)`;
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== HASH_SIZE || root.toString('base64') !== rootText) return `line 3 ("${rootText}") is not the base64 of a 32-byte root hash`;
  if (extensions.some((line) => line === '')) return 'an extension line is empty';
  return { origin, size: Number(sizeText), rootHash: root, text: note.text, note };
}
