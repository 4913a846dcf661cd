/**
 * Reading what the command line is pointed at: a file, an http(s) URL, or
 * `-` for standard input. Network reads give up after a timeout, and every
 * failure is a {@link LocationError} that names the file or URL and says
 * what went wrong, never a stack trace.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** A file or URL that cannot be read; the message names it. */
export class LocationError extends Error {
  override name = 'LocationError';
}

/** The default limit of one network read, in milliseconds (`--timeout 30`). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** True for an http(s) URL. */
export const isUrl = (location: string): boolean => /^https?:\/\//i.test(location);

function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s (a longer wait: --timeout <seconds>)`;
  }
  // undici reports "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND…) in the cause.
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return `${typeof cause.message === 'string' ? cause.message : 'network error'} (${cause.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** What a path is: a file, a folder, or nothing (then a {@link LocationError}). */
export async function statPath(path: string): Promise<'file' | 'folder'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    throw new LocationError(`cannot read ${path}: ${describeFileError(error)}`);
  }
}

/** The bytes of a location, as a stream; a URL is fetched with the timeout over the whole read. */
async function* openLocation(location: string, timeoutMs: number): AsyncGenerator<Uint8Array> {
  if (location === '-') {
    for await (const chunk of process.stdin) yield chunk as Buffer;
    return;
  }
  if (isUrl(location)) {
    let response: Response;
    try {
      response = await fetch(location, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new LocationError(`cannot read ${location}: ${describeFetchError(error, timeoutMs)}`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new LocationError(`cannot read ${location}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    try {
      for await (const chunk of response.body) yield chunk;
    } catch (error) {
      throw new LocationError(`cannot read ${location}: ${describeFetchError(error, timeoutMs)}`);
    }
    return;
  }
  if ((await statPath(location)) === 'folder') throw new LocationError(`cannot read ${location}: it is a folder, not a file`);
  try {
    for await (const chunk of createReadStream(location)) yield chunk as Buffer;
  } catch (error) {
    throw new LocationError(`cannot read ${location}: ${describeFileError(error)}`);
  }
}

/** Reads a whole location (a feed file: small). */
export async function readLocation(location: string, timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of openLocation(location, timeoutMs)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The hex SHA-256 of the bytes at a location, hashed as they stream in. */
export async function hashLocation(location: string, timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of openLocation(location, timeoutMs)) hash.update(chunk);
  return hash.digest('hex');
}
