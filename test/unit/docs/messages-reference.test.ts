import { resolve } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { getReferenceDocs } from '#lib/docs/reference-docs.ts';
import { getMessages } from '#lib/messages/message-catalog.ts';
import { listMessageTemplates } from '#lib/messages/message-placeholders.ts';

describe('getMessagesReference', () => {
  const page = getReferenceDocs(resolve(import.meta.dirname, '../../..')).get('messages.md') ?? '';

  test('lists every message of the catalogs by id, each once', () => {
    for (const { id } of listMessageTemplates(getMessages('en'))) expect(page.split(`| \`${id}\` |`), id).toHaveLength(2);
  });

  test('shows a refusal in Russian and English, with placeholders for its values and its fix under it', () => {
    expect(page).toContain(
      '| `problem.misspelledField` | `suggestion` | такого поля нет<br>→ Возможно, имелось в виду «{suggestion}»? Исправьте написание названия поля. | is not a known field<br>→ Did you mean "{suggestion}"? Fix the spelling of the key. |',
    );
    expect(page).toContain('| `report.problemCount` | `count`, `files` | {count} {count: ошибка\\|ошибки\\|ошибок} в {files} {files: файле\\|файлах\\|файлах}. |');
  });

  test('shows the messages as text on a git host: no link, no HTML tag but its own line breaks', () => {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(page);
    const rendered: string[] = [];
    visit(tree, ['link', 'linkReference', 'emphasis', 'strong', 'html'], (node) => {
      // The page's own: the line breaks of its cells and the comment that says it is generated.
      if (node.type !== 'html' || (node.value !== '<br>' && !node.value.startsWith('<!--'))) rendered.push(node.type === 'html' ? node.value : node.type);
    });
    expect(rendered).toEqual([]);
    expect(page).toContain('→ Write it as a Markdown link: \\[{text}\\]({url}). |');
    expect(page).toContain('publish --short-notice "\\<reason>"');
  });
});
