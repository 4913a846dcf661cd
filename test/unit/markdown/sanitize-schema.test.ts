import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { sanitizeBlockElement } from '#lib/markdown/sanitize-schema.ts';

const parse = (html: string): Element => fromHtml(html, { fragment: true }).children.find((child): child is Element => child.type === 'element') as Element;

describe('sanitizeBlockElement', () => {
  test.each([
    ['a paragraph with an event handler and a script', '<p>Текст <img src="x" onerror="alert(1)"><script>alert(2)</script></p>', '<p>Текст <img src="x"></p>'],
    ['a list item, kept in its list', '<li>пункт <a href="javascript:alert(1)">ссылка</a></li>', '<li>пункт <a>ссылка</a></li>'],
    ['a table row, kept in its table', '<tr><td onclick="alert(1)">ячейка</td></tr>', '<tr><td>ячейка</td></tr>'],
    ['a block that may not stay at all', '<script>alert(1)</script>', '<div></div>'],
    ['an iframe inside an HTML block', '<div><iframe src="https://evil.example"></iframe>текст</div>', '<div>текст</div>'],
  ])("sanitizes %s by the page's schema", (_name, html, expected) => {
    expect(toHtml(sanitizeBlockElement(parse(html)))).toBe(expected);
  });
});
