/**
 * `verify --texts`, the auditor's half: does the text actually served for a
 * version hash to what the feed and the record say? For each version a
 * record refers to, the Markdown at its `markdownUrl` and at its
 * content-addressed URL (`/raw/<policy>/<locale>/<version>/<sha256>.md`) is
 * read and hashed; a record that kept the hash of a text before a
 * correction has that earlier text checked too. Each URL is read once, at
 * most `concurrency` at a time, so a million records that refer to 20
 * versions read 40 files. A text that cannot be read fails closed.
 */
import type { IndexedVersion } from './version-index.ts';

/** The verdict on the texts behind one document of a record. */
export interface TextCheck {
  status: 'ok' | 'text-mismatch' | 'text-unavailable';
  message: string;
}

/** What reading one URL gave: its hash, or why it could not be read, and where it was read. */
type UrlResult = { url: string; location: string; sha256: string } | { url: string; location: string; error: string };

/** Reads a site URL and hashes it: `locate` says where the copy being audited keeps it. */
export interface TextReader {
  locate(url: string): string;
  hash(location: string): Promise<string>;
}

/**
 * The content-addressed URL of a text of a version: the feed's `sha256Url` when it gives one, else the same pattern beside `markdownUrl`.
 * @public Exported for its tests: the URL rule is tested on its own, for feeds with and without sha256Url.
 */
export function getContentAddressedUrl(version: IndexedVersion, sha256: string): string {
  const given = (version as IndexedVersion & { sha256Url?: unknown }).sha256Url;
  if (sha256 === version.sha256 && typeof given === 'string') return given;
  const raw = version.markdownUrl.lastIndexOf('/raw/');
  const base = raw === -1 ? new URL('/', version.markdownUrl).href : version.markdownUrl.slice(0, raw + 1);
  return `${base}raw/${version.policy}/${version.locale}/${version.version}/${sha256}.md`;
}

/** Audits served texts with a cache per URL and per document. */
export class TextAuditor {
  private readonly urls = new Map<string, Promise<UrlResult>>();
  private readonly checks = new Map<string, TextCheck | Promise<TextCheck>>();
  private readonly reader: TextReader;
  private readonly concurrency: number;
  private running = 0;
  private readonly queue: (() => void)[] = [];
  /** Every URL read, with its result, in the order they were first needed. */
  readonly results: Promise<UrlResult>[] = [];

  constructor(reader: TextReader, concurrency = 8) {
    this.reader = reader;
    this.concurrency = concurrency;
  }

  /**
   * The check of the texts behind a document of `version` whose record kept
   * `recordSha256` (already known to be the version's hash or one from
   * before a correction): at once when known, else a promise.
   */
  check(version: IndexedVersion, recordSha256: string | undefined): TextCheck | Promise<TextCheck> {
    const key = `${version.policy}/${version.locale}/${version.version}#${recordSha256 ?? ''}`;
    const known = this.checks.get(key);
    if (known) return known;
    const expected: { url: string; sha256: string; whose: string }[] = [
      { url: version.markdownUrl, sha256: version.sha256, whose: "the feed's" },
      { url: getContentAddressedUrl(version, version.sha256), sha256: version.sha256, whose: "the feed's" },
    ];
    if (recordSha256 !== undefined && recordSha256 !== version.sha256) {
      const correction = version.corrections?.find((candidate) => candidate.previousSha256 === recordSha256);
      expected.push({ url: correction?.previousMarkdownUrl ?? getContentAddressedUrl(version, recordSha256), sha256: recordSha256, whose: "the record's" });
    }
    const pending = Promise.all(expected.map((item) => this.read(item.url))).then((results) => {
      const mismatched: string[] = [];
      const unavailable: string[] = [];
      for (const [index, result] of results.entries()) {
        const want = expected[index] as (typeof expected)[number];
        if ('error' in result) unavailable.push(result.error);
        else if (result.sha256 !== want.sha256) mismatched.push(`the text at ${result.location} hashes to ${result.sha256}, not ${want.sha256} (${want.whose} sha256)`);
      }
      const check: TextCheck =
        mismatched.length > 0
          ? { status: 'text-mismatch', message: [...mismatched, ...unavailable].join('; ') }
          : unavailable.length > 0
            ? { status: 'text-unavailable', message: unavailable.join('; ') }
            : { status: 'ok', message: '' };
      this.checks.set(key, check);
      return check;
    });
    this.checks.set(key, pending);
    return pending;
  }

  private read(url: string): Promise<UrlResult> {
    let result = this.urls.get(url);
    if (!result) {
      const location = this.reader.locate(url);
      result = this.whenFree(() => this.reader.hash(location)).then(
        (sha256) => ({ url, location, sha256 }),
        (error: unknown) => ({ url, location, error: error instanceof Error ? error.message : String(error) }),
      );
      this.urls.set(url, result);
      this.results.push(result);
    }
    return result;
  }

  /** Runs `task` when fewer than `concurrency` reads are under way. */
  private async whenFree<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      // A finished read hands its place to the next one waiting, so a new caller cannot slip in between.
      const next = this.queue.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
