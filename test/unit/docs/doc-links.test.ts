import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../helpers/build-site.ts';

// Every relative link of the README and the guides leads to a file of the repository and, into a Markdown file,
// to a heading it has, with the anchor GitHub gives it (github-slugger, as GitHub does).
const markdownFiles = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? markdownFiles(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : []));
const PAGES = ['README.md', ...markdownFiles('docs')];

/** The text outside fenced code blocks, where headings are headings. */
const outsideBlocks = (markdown: string) => markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
/** The text outside code, where links are links. */
const prose = (markdown: string) => outsideBlocks(markdown).replace(/`[^`\n]*`/g, '');

/** The anchors GitHub gives a Markdown file's headings. */
function anchorsOf(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  return new Set([...outsideBlocks(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)].map((match) => slugger.slug((match[1] ?? '').replace(/[*_`]/g, ''))));
}

/** The relative links of a page: [text](target) and <img src="…">, without the external ones. */
const linksOf = (markdown: string) =>
  [...prose(markdown).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)|<img [^>]*src="([^"]+)"/g)]
    .map((match) => match[1] ?? match[2] ?? '')
    // Not external, and not a placeholder of a message template quoted in docs/reference/messages.md (`[…]({url})`).
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^\{[A-Za-z]+\}$/.test(target));

describe.each(PAGES.filter((page) => linksOf(readFileSync(join(ROOT, page), 'utf8')).length > 0))('the links of %s', (page) => {
  const markdown = readFileSync(join(ROOT, page), 'utf8');
  test.each(linksOf(markdown).map((target) => [target]))('%s leads somewhere', (target) => {
    const [path = '', anchor] = target.split('#');
    const file = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(path));
    expect(existsSync(file), `${page}: ${target}: ${relative(ROOT, file)} does not exist`).toBe(true);
    if (anchor === undefined || statSync(file).isDirectory() || !file.endsWith('.md')) return;
    expect([...anchorsOf(readFileSync(file, 'utf8'))], `${page}: ${target}: ${relative(ROOT, file)} has no heading with the anchor #${anchor}`).toContain(decodeURIComponent(anchor));
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  test('fits one screen (at most 150 lines) and links every guide of docs/', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(150);
    const guides = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    expect(guides.filter((name) => !linksOf(readme).some((target) => target.split('#')[0] === `docs/${name}`))).toEqual([]);
  });

  test('keeps the two commands a new user is given, byte for byte', () => {
    expect(readme).toContain('## Two commands\n\nBuild the site from the sample policies into `dist/`:\n\n```sh\nnpm ci && npm run build\n```');
    expect(readme).toContain('\n```sh\nnpm ci && npm test\n```\n');
  });
});

describe('anchorsOf', () => {
  test("gives GitHub's anchors, numbered when repeated, and skips headings in code", () => {
    expect([...anchorsOf("# Policy Press for developers\n## The versions as a table: `versions.csv`\n## The site's pages\n```sh\n# not a heading\n```\n## Тест: «ё»\n## The site's pages\n")]).toEqual([
      'policy-press-for-developers',
      'the-versions-as-a-table-versionscsv',
      'the-sites-pages',
      'тест-ё',
      'the-sites-pages-1',
    ]);
  });
});
