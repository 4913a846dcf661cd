import { describe, expect, test } from 'vitest';
import { describeTextChange } from '#lib/redline/describe-text-change.ts';
import { RU_MESSAGES } from '#lib/messages/messages-ru.ts';

const before = '---\ntitle: Политика\neffective: 2026-01-01\n---\n\nДанные хранятся 5 лет.\n';
const after = '---\ntitle: Политика\neffective: 2026-01-02\n---\n\nДанные хранятся 3 года.\n';

describe('describeTextChange', () => {
  test('labels the changed front matter and the redline in English by default', () => {
    expect(describeTextChange(before, after, 'ru')).toBe('front matter: title: Политика effective: 2026-01-01 → title: Политика effective: 2026-01-02\n* changed: Данные хранятся [-5 лет-]{+3 года+}.');
  });

  test("labels them in the reader's language", () => {
    expect(describeTextChange(before, after, 'ru', RU_MESSAGES.diff)).toBe('шапка файла: title: Политика effective: 2026-01-01 → title: Политика effective: 2026-01-02\n* изменено: Данные хранятся [-5 лет-]{+3 года+}.');
  });
});
