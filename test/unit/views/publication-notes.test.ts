import { describe, expect, test } from 'vitest';
import { getPublicationNotes } from '#lib/views/publication-notes.ts';
import { makePublished } from '../../helpers/versions.ts';

const SHA = 'a'.repeat(64);
// Written out so a test shows where Russian typography binds words: «2026 г.», «7 декабря».
const NB = '\u00a0';
const SITE_LOCALES = ['ru', 'en'];
const version = (locale: string, published: ReturnType<typeof makePublished>) => ({ locale, effectiveFrom: Date.parse('2026-12-31T21:00:00Z'), published });

describe('getPublicationNotes', () => {
  test('names the decision and its reason when a version was published as editorial by decision', () => {
    const published = makePublished({
      sha256: SHA,
      publishedAt: '2026-12-06T21:00:00.000Z',
      changeType: 'editorial',
      editorialCheck: { result: 'confirmed', comparedWith: { version: '2026-02-15', sha256: SHA }, reason: 'Решение юриста А. Ивановой: срок в 6.2 был опечаткой' },
    });
    expect(getPublicationNotes(version('ru', published), 'Europe/Moscow', SITE_LOCALES)).toEqual([
      {
        text: `Изменения признаны редакционными при публикации 7${NB}декабря 2026${NB}г., 00:00${NB}МСК по решению публикующего, хотя автоматическая проверка не подтвердила их редакционный характер.`,
        reason: { label: 'Причина', text: 'Решение юриста А. Ивановой: срок в 6.2 был опечаткой', lang: null },
      },
    ]);
    expect(getPublicationNotes(version('en', published), 'Europe/Moscow', SITE_LOCALES)).toEqual([
      {
        text: `The changes were declared editorial when published on 7 December 2026, 00:00${NB}MSK, by decision of the person publishing, although the automatic check did not confirm them as editorial.`,
        reason: { label: 'Reason (in Russian)', text: 'Решение юриста А. Ивановой: срок в 6.2 был опечаткой', lang: 'ru' },
      },
    ]);
  });

  test('says nothing of a version the check proved editorial', () => {
    const published = makePublished({ sha256: SHA, changeType: 'editorial', editorialCheck: { result: 'proven', comparedWith: { version: '2026-02-15', sha256: SHA }, reason: null } });
    expect(getPublicationNotes(version('ru', published), 'Europe/Moscow', SITE_LOCALES)).toEqual([]);
  });
});
