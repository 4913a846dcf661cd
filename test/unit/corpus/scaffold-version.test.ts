import { describe, expect, test } from 'vitest';
import { getScaffoldSource, scaffoldVersion } from '#lib/corpus/scaffold-version.ts';
import { makePublished, makeVersion } from '../../helpers/versions.ts';

const versions = [
  makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z' }),
  makeVersion({ version: '2026-02-15', effective: '2026-02-14T21:00:00Z' }),
  makeVersion({ version: '2027-01-15', effective: '2027-01-14T21:00:00Z' }),
];
const ids = (found: { version: string }[]) => found.map((version) => version.version);

describe('getScaffoldSource', () => {
  test('starts from the text in force at the new date, not from a version scheduled after it', () => {
    const { source, later } = getScaffoldSource(versions, Date.parse('2026-12-05T21:00:00Z'));
    expect(source?.version).toBe('2026-02-15');
    expect(ids(later)).toEqual(['2027-01-15']);
  });

  test('after every version, starts from the latest; before every version, from the first', () => {
    expect(getScaffoldSource(versions, Date.parse('2027-06-01T00:00:00Z'))).toMatchObject({ source: { version: '2027-01-15' }, later: [] });
    expect(getScaffoldSource(versions, Date.parse('2024-01-01T00:00:00Z')).source?.version).toBe('2025-09-01');
  });

  test('skips a draft when a ready version precedes, and a withdrawn version always', () => {
    const withDraft = [...versions, makeVersion({ version: '2026-06-01', effective: '2026-05-31T21:00:00Z', draft: true })];
    expect(getScaffoldSource(withDraft, Date.parse('2026-12-05T21:00:00Z')).source?.version).toBe('2026-02-15');
    const withdrawn = [
      ...versions,
      makeVersion({ version: '2026-11-01', effective: '2026-10-31T21:00:00Z', published: makePublished({ sha256: 'a'.repeat(64), withdrawn: { recordedAt: '2026-10-01T00:00:00.000Z', reason: 'Отменена' } }) }),
    ];
    expect(getScaffoldSource(withdrawn, Date.parse('2026-12-05T21:00:00Z')).source?.version).toBe('2026-02-15');
  });
});

describe('scaffoldVersion', () => {
  test("keeps the source's lint settings, so a link nobody changed does not start warning", () => {
    const text = scaffoldVersion({ title: 'Политика', effective: '2026-12-06', locale: 'ru', body: 'Текст.\n', lint: { ignore: { 'stable-link': 'Ссылка: на действующую редакцию намеренно' } } });
    expect(text).toBe(
      [
        '---',
        'title: "Политика"',
        'effective: 2026-12-06',
        'summary:',
        '  - "Опишите, что изменилось по сравнению с предыдущей редакцией."',
        'changeType: material',
        'lint:',
        '  ignore:',
        '    stable-link: "Ссылка: на действующую редакцию намеренно"',
        '# Remove the next line when the text is ready, then run: npm run policy -- publish',
        'draft: true',
        '---',
        '',
        'Текст.',
        '',
      ].join('\n'),
    );
    expect(scaffoldVersion({ title: 'P', effective: '2026-12-06', locale: 'en', body: 'Text.\n', lint: { ignore: {} } })).not.toContain('lint:');
  });
});
