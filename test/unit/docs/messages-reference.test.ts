import { resolve } from 'node:path';
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
});
