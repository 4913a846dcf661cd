import { describe, expect, test } from 'vitest';
import { findEffectiveStatement, getCommitSummary, HistoryImportError, planImport, type CommitText } from '#lib/import/history-import.ts';

const encode = (text: string) => new TextEncoder().encode(text);
let counter = 0;
const commit = (committedAt: string, text: string | null, fields: Partial<CommitText> = {}): CommitText => {
  counter++;
  const hash = String(counter).padStart(40, 'a');
  return {
    commit: hash,
    committedAt,
    message: `Commit ${counter}`,
    status: text === null ? 'D' : 'M',
    path: 'privacy.md',
    renamedFrom: null,
    mode: '100644',
    blob: hash,
    bytes: text === null ? null : encode(text),
    ...fields,
  };
};
const options = { kind: 'git' as const, policy: 'privacy', locale: 'ru', timeZone: 'Europe/Moscow' };

describe('findEffectiveStatement', () => {
  test('prefers the date the text takes effect to the date it was last updated', () => {
    expect(findEffectiveStatement('Last updated: March 3, 2024\n\nEffective date: **March 1, 2024**\n', 'en')).toMatchObject({ kind: 'effective', year: 2024, month: 3, day: 1, text: 'Effective date: March 1, 2024' });
    expect(findEffectiveStatement('Last updated: March 3, 2024\n', 'en')).toMatchObject({ kind: 'updated', day: 3 });
  });

  test('takes no date that names only a month, or a day that does not exist', () => {
    expect(findEffectiveStatement('Последнее обновление: сентябрь 2025\n', 'ru')).toBeNull();
    expect(findEffectiveStatement('Дата вступления в силу: 31 сентября 2025 г.\n', 'ru')).toBeNull();
  });
});

describe('getCommitSummary', () => {
  test('marks the commit message as such, in the language of the text, without trailers or merge subjects', () => {
    expect(getCommitSummary('Срок хранения уточнён\n\nCo-authored-by: Юрист <l@example.com>', 'ru', 'git')).toBe('Сообщение коммита: «Срок хранения уточнён»');
    expect(getCommitSummary('Merge pull request #908 from github/privacy\n\nPrivacy Statement Update: February 2024', 'en', 'git')).toBe('Commit message: “Privacy Statement Update: February 2024”');
    expect(getCommitSummary('Record new changes of Example Privacy Policy', 'en', 'ota')).toBe('Open Terms Archive record: “Record new changes of Example Privacy Policy”');
    expect(getCommitSummary('', 'ru', 'git')).toBe('Сообщение коммита: (пусто)');
  });
});

describe('planImport', () => {
  const text = (stated: string, clause: string) => `# Политика\n\nДата вступления в силу: ${stated}\n\n1.1. ${clause}\n`;

  test('a fix made before the stated date took effect replaces the text that was to take effect', () => {
    const first = commit('2024-01-20T08:00:00Z', text('1 февраля 2024 г.', 'Текст с опечткой.'));
    const fix = commit('2024-01-25T08:00:00Z', text('1 февраля 2024 г.', 'Текст с опечаткой исправлен.'));
    const plan = planImport([first, fix], options);
    expect(plan.versions.map((version) => [version.version, version.commit, version.effective, version.replaced])).toEqual([['2024-02-01', fix.commit, '2024-02-01', [first.commit]]]);
  });

  test('says when a commit deleted the file, and imports the text it came back with', () => {
    const plan = planImport([commit('2023-01-10T08:00:00Z', text('10 января 2023 г.', 'Первый.')), commit('2023-02-10T08:00:00Z', null), commit('2023-03-10T08:00:00Z', text('10 марта 2023 г.', 'Снова.'))], options);
    expect(plan.versions.map((version) => version.version)).toEqual(['2023-01-10', '2023-03-10']);
    expect(plan.notes.some((note) => note.includes('deleted privacy.md'))).toBe(true);
  });

  test('refuses a text with no heading and no title of its own, unless --title gives one', () => {
    const untitled = commit('2023-01-10T08:00:00Z', 'Текст без заголовка.\n');
    expect(() => planImport([untitled], options)).toThrow(
      new HistoryImportError(`commit ${untitled.commit.slice(0, 12)}: privacy.md has no heading and no title of its own to take the version's title from. Give one with --title "<title>".`),
    );
    expect(planImport([untitled], { ...options, title: 'Политика' }).versions[0]?.title).toBe('Политика');
  });

  test("takes the title from the file's own front matter, and leaves that front matter out of the text", () => {
    const plan = planImport([commit('2023-01-10T08:00:00Z', '---\ntitle: Privacy Statement\nredirect_from:\n  - /privacy\n---\n\nText without a heading.\n')], { ...options, locale: 'en' });
    expect(plan.versions[0]).toMatchObject({ title: 'Privacy Statement', body: 'Text without a heading.\n' });
  });

  test('refuses --use-commit-date naming no commit of the file', () => {
    expect(() => planImport([commit('2023-01-10T08:00:00Z', text('10 января 2023 г.', 'Первый.'))], { ...options, useCommitDate: ['0123456'] })).toThrow(
      '--use-commit-date 0123456: names no imported commit of this file. Give the hash of a commit the report lists.',
    );
  });
});
