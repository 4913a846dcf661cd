import { describe, expect, test } from 'vitest';
import type { Element, Root as HastRoot } from 'hast';
import { rehypeFragmentLinksTo } from '#lib/markdown/clause-anchors.ts';
import { createPolicyMarkdownRenderer } from '#lib/markdown/markdown-pipeline.ts';

async function render(markdown: string, basePath = '/'): Promise<string> {
  const renderer = await createPolicyMarkdownRenderer({ basePath });
  return (await renderer.render(markdown)).code;
}

describe('the policy Markdown pipeline', () => {
  test('renders headings, clauses, bold, lists and GFM tables', async () => {
    const html = await render('## 1. Общие положения\n\n1.1. Текст **важно**.\n\n- пункт\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h2 id="1" class="clause"><span id="1-общие-положения"></span><a class="clause-link" href="#1" aria-label="§ 1"></a>1. Общие положения</h2>');
    expect(html).toContain('<p id="1.1" class="clause"><a class="clause-link" href="#1.1" aria-label="§ 1.1"></a>1.1. Текст <strong>важно</strong>.</p>');
    expect(html).toContain('<li>пункт</li>');
    expect(html).toContain('<td>1</td>');
  });

  test('shows the quotes and dashes the authors typed (no smart punctuation)', async () => {
    expect(await render('"Политика" -- «текст» - это...\n')).toContain('<p>"Политика" -- «текст» - это...</p>');
  });

  test.each([
    ['a script element', '<script>alert(1)</script>\n\nТекст', /<script/],
    ['an event handler', '<p onclick="alert(1)">Текст</p>', /onclick/],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/],
    ['a javascript: link', '[нажмите](javascript:alert(1))', /javascript:/],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)">нажмите</a>', /javascript:/],
    ['inline styles', '<span style="position:fixed">Текст</span>', /style=/],
    ['a form', '<form action="https://evil.example"><input name="x"></form>', /<form/],
  ])('removes %s from the page', async (_name, markdown, forbidden) => {
    expect(await render(markdown)).not.toMatch(forbidden);
  });

  test('keeps the text inside raw HTML blocks', async () => {
    const html = await render('<div class="x">\n\nВажный текст внутри блока.\n\n</div>\n');
    expect(html).toContain('Важный текст внутри блока.');
    expect(html).not.toContain('class="x"');
  });

  test('keeps Liquid tags as plain text', async () => {
    expect(await render('See {{ site.data.variables.product.prodname }}.\n')).toContain('See {{ site.data.variables.product.prodname }}.');
  });

  test('gives every numbered heading and clause an id from its number, not its text', async () => {
    const html = await render('## 3. Условия\n\n3.4. Текст.\n\n3.4.1. Подпункт.\n\n**3.5.** Жирный номер.\n\n2025 год — не пункт.\n\n## Приложение\n');
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1])).toEqual(['3', '3-условия', '3.4', '3.4.1', '3.5', 'приложение']);
  });

  test('leads the in-page links of blocks shown elsewhere (a redline) to the page with the anchors, in elements and in serialized HTML', () => {
    const link = (href: string): Element => ({ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: 'x' }] });
    const raw = { type: 'raw', value: '<p><a href="#12-questions">12</a> <a href="/ru/consent/">c</a> <a href="#">top</a></p>' };
    const tree = { type: 'root', children: [link('#3.4'), link('https://example.com/#y'), link('#'), raw] } as unknown as HastRoot;
    rehypeFragmentLinksTo('/ru/privacy/2025-09-01/')(tree);
    expect(tree.children.slice(0, 3).map((node) => (node as Element).properties['href'])).toEqual(['/ru/privacy/2025-09-01/#3.4', 'https://example.com/#y', '#']);
    expect(raw.value).toBe('<p><a href="/ru/privacy/2025-09-01/#12-questions">12</a> <a href="/ru/consent/">c</a> <a href="#">top</a></p>');
  });

  test('keeps the anchor GitHub gives a heading beside its clause id, counting every heading as GitHub does', async () => {
    const html = await render('## 12. Questions and concerns\n\n## Contact\n\n## 13. Contact\n\n## Contact\n');
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1])).toEqual(['12', '12-questions-and-concerns', 'contact', '13', '13-contact', 'contact-1']);
  });

  test('keeps clause ids unique when a number repeats', async () => {
    const html = await render('1.1. Первый.\n\n1.1. Повтор.\n');
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1])).toEqual(['1.1', '1.1-2']);
  });

  test('keeps an author id apart from clause ids (the sanitizer prefixes it)', async () => {
    const html = await render('<p id="1.1">Чужой id</p>\n\n1.1. Пункт.\n');
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1])).toEqual(['user-content-1.1', '1.1']);
  });

  test('prefixes root-relative links with the base path, and only those', async () => {
    const html = await render('[согласие](/ru/consent/) [внешняя](https://example.com/x) [почта](mailto:a@b.c) [якорь](#a)', '/legal/');
    expect(html).toContain('href="/legal/ru/consent/"');
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).toContain('href="#a"');
  });
});

describe('links the pipeline adds from the version it renders', () => {
  const renderAs = async (markdown: string, frontmatter: Record<string, unknown>, basePath = '/') => {
    const renderer = await createPolicyMarkdownRenderer({ basePath });
    return (await renderer.render(markdown, { frontmatter })).code;
  };
  const text = '## 2. Цели\n\n2.1. Цели.\n\n2.2. Как указано в пункте 2.1, пп. 2.1–2.2 и в п. 9.9; см. п. 2.1 Согласия и [п. 2.1](#2.1).\n';

  test('links each reference to a clause the text has, and nothing else', async () => {
    const html = await renderAs(text, { locale: 'ru', title: 'Политика конфиденциальности' });
    expect(html).toContain('в пункте <a href="#2.1">2.1</a>, пп. <a href="#2.1">2.1</a>–<a href="#2.2">2.2</a> и в п. 9.9; см. п. 2.1 Согласия и <a href="#2.1">п. 2.1</a>.');
  });

  test("links the version's permanent page, so a reference works in its redlines too, under the base path", async () => {
    const html = await renderAs('2.1. Цели.\n\n2.2. Как указано в пункте 2.1.\n', { locale: 'ru', permanentPath: '/legal/ru/privacy/2025-09-01/' }, '/legal/');
    expect(html).toContain('в пункте <a href="/legal/ru/privacy/2025-09-01/#2.1">2.1</a>.');
  });

  test('changes nothing in a text rendered without its version', async () => {
    expect(await renderAs(text, {})).toBe((await (await createPolicyMarkdownRenderer({ basePath: '/' })).render(text)).code);
    expect(await renderAs(text, {})).not.toContain('href="#2.1">2.1<');
  });

  test('changes nothing in a text without references', async () => {
    const plain = '## 1. Общие\n\n1.1. Текст без ссылок на пункты, 152-ФЗ, 3.5 %.\n';
    expect(await renderAs(plain, { locale: 'ru' })).toBe((await (await createPolicyMarkdownRenderer({ basePath: '/' })).render(plain)).code);
  });

  test('resolves policy: links to the permanent URL of the version named, under the base path, and records it', async () => {
    const target = { policy: 'privacy', locale: 'ru', version: '2025-09-01', path: '/ru/privacy/2025-09-01/' };
    const frontmatter: Record<string, unknown> = { locale: 'ru', policyLinkTargets: { privacy: target } };
    const html = await renderAs('См. [Политику](policy:privacy#3.4), [её же](policy:privacy) и [нет такой](policy:cookies).\n', frontmatter, '/legal/');
    expect(html).toContain('<a href="/legal/ru/privacy/2025-09-01/#3.4">Политику</a>, <a href="/legal/ru/privacy/2025-09-01/">её же</a>');
    // An unresolvable link (refused by the policy-link rule) keeps no href: the sanitizer drops the unknown scheme.
    expect(html).toContain('<a>нет такой</a>');
    expect(frontmatter['usedPolicyLinks']).toEqual([target]);
  });
});
