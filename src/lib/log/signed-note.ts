/**
 * C2SP signed notes (https://c2sp.org/signed-note), the format of
 * golang.org/x/mod/sumdb/note: a text, a blank line, and signature lines
 * `— <key name> base64(key ID || signature)`, with Ed25519 from node:crypto.
 *
 * Keys are written as that package writes them, so a Go program reads ours:
 *   verifier key  <name>+<hex key ID>+base64(0x01 || 32-byte public key)
 *   signer key    PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || 32-byte seed)
 * The key ID is the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** Signature type of Ed25519 in signed notes. */
const ED25519 = 0x01;
/** DER prefixes that wrap a raw 32-byte Ed25519 seed (PKCS #8) or public key (SPKI) for node:crypto. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Notes with more signatures are refused (Go refuses above 100; the spec asks for at least 16). */
const MAX_SIGNATURES = 100;

/** A public key to check signatures with. */
export interface VerifierKey {
  name: string;
  /** The 4-byte key ID as an unsigned number. */
  keyId: number;
  publicKey: Uint8Array;
  /** The key in its text form. */
  text: string;
}

/** A private key to sign with. */
export interface SignerKey extends VerifierKey {
  privateKey: KeyObject;
  /** The verifier key of this key. */
  verifier: VerifierKey;
}

/** A key name: not empty, no Unicode space, no `+`. */
export function isValidKeyName(name: string): boolean {
  return name !== '' && !/[\s+]/u.test(name);
}

/** The key ID of an Ed25519 key. */
function getKeyId(name: string, publicKey: Uint8Array): number {
  return createHash('sha256').update(name).update(Uint8Array.of(0x0a, ED25519)).update(publicKey).digest().readUInt32BE(0);
}

const hex8 = (value: number) => value.toString(16).padStart(8, '0');

/** Standard base64 that re-encodes to itself (no stray characters, exact padding), or null. */
function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

function toVerifierKey(name: string, publicKey: Uint8Array): VerifierKey {
  const keyId = getKeyId(name, publicKey);
  return { name, keyId, publicKey, text: `${name}+${hex8(keyId)}+${Buffer.concat([Uint8Array.of(ED25519), publicKey]).toString('base64')}` };
}

/** Splits a key into its last three parts, `<name>+<hex key ID>+<base64>`, and checks them. */
function splitKey(text: string, expectedParts: number): { name: string; keyId: number; material: Uint8Array } | string {
  // Base64 has "+" too: like Go, split at the first separators only.
  const pieces = text.split('+');
  const parts = pieces.length < expectedParts ? pieces : [...pieces.slice(0, expectedParts - 1), pieces.slice(expectedParts - 1).join('+')];
  if (parts.length !== expectedParts) return `it must be ${expectedParts === 3 ? '<name>+<8 hex digits>+<base64>' : 'PRIVATE+KEY+<name>+<8 hex digits>+<base64>'}`;
  const [name = '', id = '', data = ''] = parts.slice(-3);
  if (!isValidKeyName(name)) return `its name "${name}" is empty or has a space or a "+"`;
  if (!/^[0-9a-f]{8}$/.test(id)) return `its key ID "${id}" is not 8 lowercase hexadecimal digits`;
  const bytes = decodeBase64(data);
  if (!bytes) return 'its key is not base64';
  if (bytes.length !== 33 || bytes[0] !== ED25519) return 'its key is not an Ed25519 key (0x01 and 32 bytes)';
  return { name, keyId: Number.parseInt(id, 16), material: bytes.subarray(1) };
}

/** Parses a verifier key; a string says what is wrong with it. */
export function parseVerifierKey(text: string): VerifierKey | string {
  if (text.trim().startsWith('PRIVATE+KEY+')) return 'it is a private key (PRIVATE+KEY+…), which must stay secret; give its verifier key';
  const parts = splitKey(text.trim(), 3);
  if (typeof parts === 'string') return parts;
  const key = toVerifierKey(parts.name, parts.material);
  if (key.keyId !== parts.keyId) return `its key ID ${hex8(parts.keyId)} is not the one of its name and key (${hex8(key.keyId)})`;
  return key;
}

/** Parses a signer key (`PRIVATE+KEY+…`); a string says what is wrong with it. */
export function parseSignerKey(text: string): SignerKey | string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('PRIVATE+KEY+')) return 'it does not start with PRIVATE+KEY+';
  const parts = splitKey(trimmed, 5);
  if (typeof parts === 'string') return parts;
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, parts.material]), format: 'der', type: 'pkcs8' });
  const publicKey = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length);
  const verifier = toVerifierKey(parts.name, publicKey);
  if (verifier.keyId !== parts.keyId) return `its key ID ${hex8(parts.keyId)} is not the one of its name and key (${hex8(verifier.keyId)})`;
  return { ...verifier, text: trimmed, privateKey, verifier };
}

/** A new Ed25519 key pair named `name`, in text form. */
export function generateSignerKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new Error(`"${name}" cannot be a key name: it is empty or has a space or a "+"`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = (privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(PKCS8_PREFIX.length);
  const publicKey = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length);
  const verifier = toVerifierKey(name, publicKey);
  return {
    signerKey: `PRIVATE+KEY+${name}+${hex8(verifier.keyId)}+${Buffer.concat([Uint8Array.of(ED25519), seed]).toString('base64')}`,
    verifierKey: verifier.text,
  };
}

/** Signs a note text (which must end in a newline): the text, a blank line, one signature line. */
export function signNote(text: string, key: SignerKey): string {
  if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
  const signature = sign(null, Buffer.from(text, 'utf8'), key.privateKey);
  const id = Buffer.alloc(4);
  id.writeUInt32BE(key.keyId);
  return `${text}\n— ${key.name} ${Buffer.concat([id, signature]).toString('base64')}\n`;
}

/** One signature line of a note. */
interface NoteSignature {
  name: string;
  keyId: number;
  signature: Uint8Array;
}

/** A note split into its text and signatures. */
export interface ParsedNote {
  text: string;
  signatures: NoteSignature[];
}

/**
 * Splits a signed note, with the rules of the spec: valid UTF-8, no control
 * character but newline, the text ends at the last blank line, then one or
 * more signature lines. A string says what is malformed.
 */
export function parseNote(bytes: Uint8Array): ParsedNote | string {
  const message = decodeNoteMessage(bytes);
  if (message.error !== null) return message.error;
  return splitNote(message.text);
}

/** A note's bytes as text, or why they cannot be one: not UTF-8, or a control character other than newline. */
export function decodeNoteMessage(bytes: Uint8Array): { text: string; error: null } | { text: null; error: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { text: null, error: 'it is not valid UTF-8' };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a note with a control character is refused, so it must be found.
  const control = /[\u0000-\u0009\u000b-\u001f]/.exec(text);
  if (control) return { text: null, error: `it contains the control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` };
  return { text, error: null };
}

function splitNote(message: string): ParsedNote | string {
  const split = message.lastIndexOf('\n\n');
  if (split < 0) return 'it has no signature block (no blank line after the text)';
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) return 'its signature block is empty or does not end with a newline';
  const signatures: NoteSignature[] = [];
  for (const [number, line] of block.slice(0, -1).split('\n').entries()) {
    const match = /^— (\S+) (\S+)$/u.exec(line);
    const bytesOf = match ? decodeBase64(match[2] ?? '') : null;
    if (!match || !isValidKeyName(match[1] ?? '') || !bytesOf || bytesOf.length < 5) {
      return `signature line ${number + 1} is not "— <key name> <base64 of key ID and signature>"`;
    }
    if (signatures.length === MAX_SIGNATURES) return `it has more than ${MAX_SIGNATURES} signatures`;
    signatures.push({ name: match[1] ?? '', keyId: Buffer.from(bytesOf).readUInt32BE(0), signature: bytesOf.subarray(4) });
  }
  return { text, signatures };
}

/** What a note's signatures say about one key. */
export type SignatureCheck = 'valid' | 'invalid' | 'absent';

/** Whether the note carries a valid signature by `key` (a signature by another key is ignored, as the spec says). */
export function checkNoteSignature(note: ParsedNote, key: VerifierKey): SignatureCheck {
  const mine = note.signatures.filter((candidate) => candidate.name === key.name && candidate.keyId === key.keyId);
  if (mine.length === 0) return 'absent';
  const publicKey = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, key.publicKey]), format: 'der', type: 'spki' });
  return mine.every((candidate) => candidate.signature.length === 64 && verify(null, Buffer.from(note.text, 'utf8'), publicKey, candidate.signature)) ? 'valid' : 'invalid';
}

/** `name+1a2b3c4d`: how a key is named in messages. */
export function describeKey(key: Pick<VerifierKey, 'name' | 'keyId'>): string {
  return `${key.name}+${hex8(key.keyId)}`;
}
