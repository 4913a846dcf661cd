/**
 * Reading a built site for build tests: its files, its pages as HTML trees,
 * and every internal link checked against the files that exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export { select, selectAll };

/** Every file of a built site, as site paths with `/` separators, sorted. */
export function listFiles(outDir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(outDir, path).split(sep).join('/'));
    }
  };
  walk(outDir);
  return files;
}

/** The file a site path is served from (`/ru/` → `ru/index.html`). */
function fileForPath(outDir: string, sitePath: string, basePath = '/'): string {
  const withinSite = decodeURIComponent(sitePath.slice(basePath.length));
  return join(outDir, withinSite.endsWith('/') || withinSite === '' ? `${withinSite}index.html` : withinSite);
}

/** A page of the site as an HTML tree. */
export function readPage(outDir: string, sitePath: string, basePath = '/'): Root {
  return fromHtml(readFileSync(fileForPath(outDir, sitePath, basePath), 'utf8'));
}

/** The text of a node as a reader sees it, whitespace collapsed. */
export function textOf(node: Root | Element | undefined | null): string {
  return node ? toText(node).replace(/\s+/g, ' ').trim() : '';
}

/** An attribute of the first element matching a selector. */
export function attributeOf(tree: Root, selector: string, attribute: string): string | undefined {
  const value = select(selector, tree)?.properties[attribute];
  return value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(' ') : String(value);
}

/** A link that leads nowhere. */
export interface BrokenLink {
  page: string;
  href: string;
}

/** Options of {@link findBrokenLinks}. */
export interface LinkCheckOptions {
  basePath?: string;
  /** Skip links inside elements matching this selector (texts that link to another site's paths). */
  skipInside?: string;
}

/**
 * Follows every internal `href`/`src` of every HTML page and returns those
 * whose target file does not exist.
 */
export function findBrokenLinks(outDir: string, options: LinkCheckOptions = {}): BrokenLink[] {
  const basePath = options.basePath ?? '/';
  const broken: BrokenLink[] = [];
  for (const page of listFiles(outDir).filter((file) => file.endsWith('.html'))) {
    const tree = fromHtml(readFileSync(join(outDir, page), 'utf8'));
    const pageUrl = new URL(`/${page}`, 'https://site.invalid');
    const skipped = new Set(options.skipInside ? selectAll(options.skipInside, tree).flatMap((root) => selectAll('[href], [src]', root)) : []);
    for (const element of selectAll('[href], [src]', tree)) {
      if (skipped.has(element)) continue;
      const raw = element.properties['href'] ?? element.properties['src'];
      if (typeof raw !== 'string') continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== 'https://site.invalid') continue;
      const path = url.pathname;
      const sitePath = basePath === '/' ? path : path.startsWith(basePath) ? `/${path.slice(basePath.length)}` : null;
      if (sitePath === null || !existsSync(fileForPath(outDir, sitePath))) broken.push({ page, href: raw });
    }
  }
  return broken;
}
