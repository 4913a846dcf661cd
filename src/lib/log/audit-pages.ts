/**
 * What people read, checked against what was logged. The log and the hashes
 * cover the Markdown; a visitor reads the HTML page. So `audit` renders each
 * version's logged Markdown with the product's own pipeline and compares the
 * words of the served version page's document (the policy text, not the
 * navigation around it) with the words of that render. A page edited after
 * the build («и на рекламные рассылки» slipped into a page people read) is
 * named with its version and the first words that differ; a page that
 * declares or is served in another charset than UTF-8 is named too, since a
 * browser would then show other characters than the logged text.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { LogEntry } from '#schemas/public-log.ts';
import { splitFrontMatter } from '#lib/corpus/front-matter-yaml.ts';
import { createPolicyMarkdownRenderer } from '#lib/markdown/markdown-pipeline.ts';
import { sha256Hex } from '#lib/timeline/published-text.ts';
import { describeLogEntry } from './log-entry.ts';
import type { LogFinding, SiteReader } from './served-log.ts';

/** The class of the element that holds a version's rendered text on its page (src/components/VersionDocument.astro). */
const POLICY_TEXT_CLASS = 'policy-text';

/** How many words either side of the first difference a finding quotes. */
const CONTEXT_WORDS = 6;

/**
 * The words of a text as a reader sees them: split on any white space, the no-break space included.
 * @public Exported for its tests: the word split (no-break spaces included) is tested on its own.
 */
export function getWords(text: string): string[] {
  return text.split(/[\s\u00a0\u202f]+/u).filter((word) => word !== '');
}

/** The first element whose class list holds `className`, depth first. */
function findByClass(node: Root | Element, className: string): Element | null {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    const classes = child.properties['className'];
    if (Array.isArray(classes) && classes.includes(className)) return child;
    const found = findByClass(child, className);
    if (found) return found;
  }
  return null;
}

/** The charset a page declares in a `<meta charset>` or `<meta http-equiv="content-type">`, lower-cased; null when none. */
function getDeclaredCharset(tree: Root): string | null {
  let charset: string | null = null;
  const visit = (node: Root | Element) => {
    for (const child of node.children as RootContent[]) {
      if (charset !== null || child.type !== 'element') continue;
      if (child.tagName === 'meta') {
        const direct = child.properties['charSet'];
        const content = String(child.properties['content'] ?? '');
        if (typeof direct === 'string') charset = direct.toLowerCase();
        else if (String(child.properties['httpEquiv'] ?? '').toLowerCase() === 'content-type') charset = /charset=([^;\s]+)/i.exec(content)?.[1]?.toLowerCase() ?? null;
      }
      visit(child);
    }
  };
  visit(tree);
  return charset;
}

const isUtf8 = (charset: string) => charset === 'utf-8' || charset === 'utf8';

/** The words around position `at`, with an ellipsis where the text goes on. */
function quoteAround(words: readonly string[], at: number): string {
  const start = Math.max(0, at - 2);
  const end = Math.min(words.length, at + CONTEXT_WORDS);
  if (start >= words.length) return '(the text ends here)';
  return `${start > 0 ? '… ' : ''}${words.slice(start, end).join(' ')}${end < words.length ? ' …' : ''}`;
}

/**
 * Where two word lists first differ, or -1 when they are the same.
 * @public Exported for its tests: tested on its own, at both ends of the lists.
 */
export function findFirstDifference(a: readonly string[], b: readonly string[]): number {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) if (a[index] !== b[index]) return index;
  return -1;
}

/** A page with the media type it is served with (none from a folder). */
async function readPage(site: SiteReader, path: string): Promise<{ bytes: Uint8Array; contentType: string | null } | null> {
  if (site.readPage) return site.readPage(path);
  const bytes = await site.read(path);
  return bytes && { bytes, contentType: null };
}

/** A page people read, and the version whose text it must show. */
interface ServedPage {
  url: string;
  /** `privacy/ru/2025-09-01`. */
  id: string;
  /** `the page of` or `the stable page, in force:`, for messages. */
  role: string;
}

/** What the page check needs: the site, its URL, the pages to check and the log. */
export interface PageCheckInput {
  site: SiteReader;
  siteUrl: string;
  pages: readonly ServedPage[];
  entries: readonly LogEntry[];
  /** The site path of a URL of the feed, as the reader reads it. */
  pathOf: (url: string) => string;
}

/**
 * Compares every page with the text its version last logged; returns how
 * many pages were checked. Texts whose served bytes do not hash to the log
 * are left to the text check, which names them already.
 */
export async function comparePagesWithLog(input: PageCheckInput, findings: LogFinding[]): Promise<number> {
  const latest = new Map<string, { entry: LogEntry; index: number }>();
  input.entries.forEach((entry, index) => {
    if (entry.kind !== 'withdrawn') latest.set(`${entry.policy}/${entry.locale}/${entry.version}`, { entry, index });
  });
  const renderer = await createPolicyMarkdownRenderer({ basePath: new URL(input.siteUrl).pathname });
  const rendered = new Map<string, string[]>();
  let checked = 0;
  for (const { url, id, role } of input.pages) {
    const logged = latest.get(id);
    if (!logged) continue;
    const raw = await input.site.read(`raw/${id}/${logged.entry.sha256}.md`);
    if (!raw || sha256Hex(raw) !== logged.entry.sha256) continue;
    const where = `${role} log entry ${logged.index} (${describeLogEntry(logged.entry)})`;
    const sitePath = input.pathOf(url);
    const pagePath = sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
    const page = await readPage(input.site, pagePath);
    checked++;
    if (!page) {
      findings.push({ kind: 'page missing', message: `${pagePath} is not served, though the feed lists it as ${where}` });
      continue;
    }
    const servedCharset = page.contentType ? (/charset=([^;\s]+)/i.exec(page.contentType)?.[1]?.toLowerCase() ?? null) : null;
    if (servedCharset && !isUtf8(servedCharset)) {
      findings.push({ kind: 'page charset', message: `${pagePath}, ${where}, is served as "${page.contentType}": a browser decodes it as ${servedCharset}, not as the UTF-8 of the logged text` });
      continue;
    }
    const tree = fromHtml(Buffer.from(page.bytes).toString('utf8'));
    const declared = getDeclaredCharset(tree);
    if (declared && !isUtf8(declared)) {
      findings.push({ kind: 'page charset', message: `${pagePath}, ${where}, declares charset ${declared}: a browser decodes it as ${declared}, not as the UTF-8 of the logged text` });
      continue;
    }
    const document = findByClass(tree, POLICY_TEXT_CLASS);
    if (!document) {
      findings.push({ kind: 'page differs from its logged text', message: `${pagePath}, ${where}, has no policy text (no element of class "${POLICY_TEXT_CLASS}")` });
      continue;
    }
    let expected = rendered.get(logged.entry.sha256);
    if (!expected) {
      const text = Buffer.from(raw).toString('utf8');
      const split = splitFrontMatter(text);
      const html = (await renderer.render(split.ok ? split.file.body : text)).code;
      expected = getWords(toText(fromHtml(html, { fragment: true })));
      rendered.set(logged.entry.sha256, expected);
    }
    const served = getWords(toText(document));
    const at = findFirstDifference(expected, served);
    if (at === -1) continue;
    findings.push({
      kind: 'page differs from its logged text',
      message: `${pagePath}, ${where}, from word ${at + 1}: the page reads «${quoteAround(served, at)}», the logged text «${quoteAround(expected, at)}»`,
    });
  }
  return checked;
}
