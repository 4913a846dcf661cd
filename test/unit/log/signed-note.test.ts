import { describe, expect, test } from 'vitest';
import { checkNoteSignature, generateSignerKey, parseNote, parseSignerKey, parseVerifierKey, signNote } from '#lib/log/signed-note.ts';

// Known answers from golang.org/x/mod/sumdb/note's tests and the C2SP signed-note specification.
const GO_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_SIGNED = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const C2SP_VERIFIER = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const C2SP_NOTE = 'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

const note = (text: string) => {
  const parsed = parseNote(Buffer.from(text));
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('signed notes', () => {
  test('sign byte for byte as Go does, with the key Go wrote', () => {
    const signer = parseSignerKey(GO_SIGNER);
    if (typeof signer === 'string') throw new Error(signer);
    expect(signer.verifier.text).toBe(GO_VERIFIER);
    expect(signNote(GO_TEXT, signer)).toBe(GO_SIGNED);
  });

  test('verify the examples of Go and of the specification, and nothing altered', () => {
    const go = parseVerifierKey(GO_VERIFIER);
    const c2sp = parseVerifierKey(C2SP_VERIFIER);
    if (typeof go === 'string' || typeof c2sp === 'string') throw new Error('bad key');
    expect(checkNoteSignature(note(GO_SIGNED), go)).toBe('valid');
    expect(checkNoteSignature(note(C2SP_NOTE), c2sp)).toBe('valid');
    expect(checkNoteSignature(note(C2SP_NOTE), go)).toBe('absent');
    expect(checkNoteSignature(note(GO_SIGNED.replace('answer', 'Answer')), go)).toBe('invalid');
  });

  test('generate keys that sign and verify', () => {
    const { signerKey, verifierKey } = generateSignerKey('example.com/log/v1');
    const signer = parseSignerKey(signerKey);
    const verifier = parseVerifierKey(verifierKey);
    if (typeof signer === 'string' || typeof verifier === 'string') throw new Error('bad key');
    expect(checkNoteSignature(note(signNote('hello\n', signer)), verifier)).toBe('valid');
    expect(verifierKey).toMatch(/^example\.com\/log\/v1\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
  });

  test.each([
    [GO_VERIFIER.replace('c74f20a3', 'c74f20a4'), /key ID c74f20a4 is not the one/],
    [GO_VERIFIER.replace('+ARpc', '+ZRpc'), /not an Ed25519 key/],
    ['Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', /has a space/],
    ['PeterNeumann+c74f20a3', /must be <name>/],
    [GO_SIGNER, /is a private key/],
  ])('refuse the verifier key %s', (key, message) => {
    expect(parseVerifierKey(key)).toMatch(message);
  });

  test('refuse a signer key that is not one', () => {
    expect(parseSignerKey(GO_VERIFIER)).toMatch(/does not start with PRIVATE\+KEY\+/);
    expect(parseSignerKey(GO_SIGNER.replace('c74f20a3', '00000000'))).toMatch(/key ID 00000000 is not the one/);
  });

  test.each([
    ['text\n', /no signature block/],
    ['text\n\n', /signature block is empty/],
    ['text\n\n— name\n', /signature line 1 is not/],
    ['text\n\n— name AAAA\n', /signature line 1 is not/],
    ['te\u0007xt\n\n— name AAAAAAA=\n', /control character U\+0007/],
  ])('refuse the malformed note %j', (text, message) => {
    expect(parseNote(Buffer.from(text))).toMatch(message);
  });

  test('refuse a note that is not UTF-8', () => {
    expect(parseNote(Uint8Array.of(0xff, 0x0a, 0x0a))).toBe('it is not valid UTF-8');
  });
});
