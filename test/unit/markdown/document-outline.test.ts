import { describe, expect, test } from 'vitest';
import { getDocumentOutline } from '#lib/markdown/document-outline.ts';
import { createPolicyMarkdownRenderer } from '#lib/markdown/markdown-pipeline.ts';
import { parsePolicyMarkdown } from '#lib/markdown/markdown-pipeline.ts';
import { bodiesUnder } from '../../helpers/policy-bodies.ts';

const idsOf = (html: string) =>
  [
    ...new Set(
      [...html.matchAll(/ (?:id|name)="([^"]+)"/g)].map((match) =>
        (match[1] ?? '')
          .replace(/&#x26;/g, '&')
          .replace(/&#x3C;/g, '<')
          .replace(/&quot;/g, '"'),
      ),
    ),
  ].sort();

// Real texts (the sample, the fixtures with raw HTML and tables, the lint fixtures, a slice of GitHub's history) and odd ones.
const BODIES: [string, string][] = [
  ...bodiesUnder('policies'),
  ...bodiesUnder('test/fixtures/corpus-basic'),
  ...bodiesUnder('test/fixtures/lint'),
  ...bodiesUnder('test/fixtures/github-site-policy').filter((_, index) => index % 6 === 0),
  ['a number used twice, in a loose list and in HTML', '## 1. Общие\n\n- 1.1. Первый\n\n- 1.1. Повтор\n\n<p>1.2. В HTML</p>\n\n<h2>Приложение</h2>\n\n## Приложение\n'],
  ['ids kept from raw HTML and footnotes', '<a name="top"></a>\n\nТекст[^1] и <span id="x">якорь</span>, снова[^1] и[^b].\n\n[^1]: Сноска.\n\n[^b]: Другая.\n\n[^unused]: Без ссылки.\n'],
];

describe('getDocumentOutline', () => {
  test.each(BODIES)('gives %s exactly the anchors its rendered page has', async (_name, body) => {
    const renderer = await createPolicyMarkdownRenderer({ basePath: '/' });
    const { code } = await renderer.render(body);
    expect(getDocumentOutline(parsePolicyMarkdown(body)).anchors).toEqual(idsOf(code));
  });

  test('numbers sections and clauses in order, with the anchor of each and where it is', () => {
    const outline = getDocumentOutline(parsePolicyMarkdown('## 1. Общие\n\n1.1. Текст.\n\n- 1.2. Пункт списка\n\n1.1. Повтор.\n'));
    expect(outline.numbers).toEqual([
      { number: '1', id: '1', kind: 'section', line: 1, column: 1 },
      { number: '1.1', id: '1.1', kind: 'clause', line: 3, column: 1 },
      { number: '1.2', id: '1.2', kind: 'clause', line: 5, column: 1 },
      { number: '1.1', id: '1.1-2', kind: 'clause', line: 7, column: 1 },
    ]);
  });

  test('lists the links of Markdown, references and raw HTML, with their words and places', () => {
    const outline = getDocumentOutline(parsePolicyMarkdown('См. [Согласие](/ru/consent/) и [Политику][p].\n\n<a href="/ru/privacy/">HTML</a>\n\n[p]: policy:privacy#3.4\n'));
    expect(outline.links).toEqual([
      { url: '/ru/consent/', text: 'Согласие', html: false, line: 1, column: 5 },
      // A tag of inline HTML is a node of its own: the words after it are not inside it in the tree.
      { url: '/ru/privacy/', text: '', html: true, line: 3, column: 1 },
      { url: 'policy:privacy#3.4', text: '[p]', html: false, line: 5, column: 1 },
    ]);
  });
});
