import { describe, expect, test } from 'vitest';
import { formatProblemReport } from '#lib/corpus/problem.ts';
import { validateCorpus, type CorpusFile } from '#lib/corpus/validate-corpus.ts';
import { withoutMessageRef } from '../../helpers/problem-text.ts';

const encoder = new TextEncoder();

function file(relativePath: string, text: string | Uint8Array): CorpusFile {
  return {
    relativePath,
    displayPath: `policies/${relativePath}`,
    bytes: typeof text === 'string' ? encoder.encode(text) : text,
  };
}

const OPTIONS = { timeZone: 'Europe/Moscow', includeDrafts: false, defaultLocale: 'ru' };

function version(fields: string, body = 'Текст политики.\n'): string {
  return `---\n${fields}\n---\n\n${body}`;
}

const valid = (path: string, effective = '2025-09-01', extra = '') => file(path, version(`title: Политика\neffective: ${effective}${extra ? `\n${extra}` : ''}`));

describe('validateCorpus', () => {
  test('accepts a valid corpus and applies the site time zone', () => {
    const result = validateCorpus([valid('privacy/ru/2025-09-01.md'), valid('privacy/en/2025-09-01.md')], OPTIONS);
    expect(result.problems).toEqual([]);
    expect(result.versions.map((v) => [v.id, new Date(v.effectiveFrom).toISOString(), v.changeType, v.draft, v.summary])).toEqual([
      ['privacy/en/2025-09-01', '2025-08-31T21:00:00.000Z', 'material', false, []],
      ['privacy/ru/2025-09-01', '2025-08-31T21:00:00.000Z', 'material', false, []],
    ]);
  });

  test('normalizes summary to a list', () => {
    const result = validateCorpus([valid('privacy/ru/a.md', '2025-01-01', 'summary: Одна строка'), valid('privacy/ru/b.md', '2025-02-01', 'summary:\n  - Первое\n  - Второе')], OPTIONS);
    expect(result.versions.map((v) => v.summary)).toEqual([['Одна строка'], ['Первое', 'Второе']]);
  });

  test('reads files as editors save them: BOM, CRLF, NFD Cyrillic', () => {
    const text = '\uFEFF---\r\ntitle: Политика конфиденциальности\r\neffective: 2025-09-01\r\n---\r\n\r\nПерсональныи\u0306 текст.\r\n';
    const result = validateCorpus([file('privacy/ru/2025-09-01.md', text)], OPTIONS);
    expect(result.problems).toEqual([]);
    expect(result.versions[0]?.body).toBe('Персональный текст.\n');
    expect(result.versions[0]?.title).toBe('Политика конфиденциальности');
  });

  test('leaves drafts out of production and keeps them for the dev server', () => {
    const files = [valid('privacy/ru/a.md', '2025-01-01'), valid('privacy/ru/b.md', '2025-02-01', 'draft: true')];
    expect(validateCorpus(files, OPTIONS).versions.map((v) => v.version)).toEqual(['a']);
    expect(validateCorpus(files, { ...OPTIONS, includeDrafts: true }).versions.map((v) => v.version)).toEqual(['a', 'b']);
  });

  test.each([
    ['no front matter', '# Политика\n', 1, undefined, 'the file has no front matter'],
    ['unclosed front matter', '---\ntitle: A\n', 1, undefined, 'the front matter is never closed'],
    ['front matter that is a list', '---\n- a\n---\nx\n', 2, undefined, 'the front matter is not a list of "field: value" lines'],
    ['missing title', version('effective: 2025-09-01'), 1, 'title', 'is missing'],
    ['missing effective', version('title: A'), 1, 'effective', 'is missing'],
    ['a title of the wrong type', version('title: [a, b]\neffective: 2025-09-01'), 2, 'title', 'should be text, but is a list of 2 items'],
    ['an empty title', version('title: ""\neffective: 2025-09-01'), 2, 'title', 'is empty'],
    ['an empty title value', version('title:\neffective: 2025-09-01'), 2, 'title', 'should be text, but is an empty value'],
    ['a number for effective', version('title: A\neffective: 20250901'), 3, 'effective', 'should be text, but is 20250901'],
    ['an impossible date', version('title: A\neffective: 2025-02-30'), 3, 'effective', '"2025-02-30" is not a real date: February 2025 has 28 days'],
    ['a date-time without offset', version('title: A\neffective: 2025-09-01T00:00:00'), 3, 'effective', '"2025-09-01T00:00:00" has a time but no UTC offset, so the instant it names is ambiguous'],
    ['a wrong changeType', version('title: A\neffective: 2025-09-01\nchangeType: major'), 4, 'changeType', 'is "major", which is not allowed'],
    ['a non-boolean draft', version('title: A\neffective: 2025-09-01\ndraft: "yes"'), 4, 'draft', 'should be true or false, but is "yes"'],
    ['a summary of the wrong type', version('title: A\neffective: 2025-09-01\nsummary: 5'), 4, 'summary', 'has the wrong form: 5'],
    ['a misspelled key', version('title: A\neffective: 2025-09-01\nefective: 2025-09-01'), 4, 'efective', 'is not a known field'],
    ['an empty body', version('title: A\neffective: 2025-09-01', '  \n\n'), 5, undefined, 'the file has no text after the front matter'],
  ])('reports %s', (_name, text, line, field, message) => {
    const { problems, versions } = validateCorpus([file('privacy/ru/v1.md', text)], OPTIONS);
    expect(versions).toEqual([]);
    const expected = { file: 'policies/privacy/ru/v1.md', line, message, ...(field === undefined ? {} : { field }) };
    expect(problems).toContainEqual(expect.objectContaining(expected));
  });

  test('suggests the right key for a typo', () => {
    const { problems } = validateCorpus([file('privacy/ru/v1.md', version('title: A\nefective: 2025-09-01'))], OPTIONS);
    expect(withoutMessageRef(problems)).toEqual([
      { file: 'policies/privacy/ru/v1.md', line: 1, field: 'effective', message: 'is missing', hint: 'Add a line "effective: …" to the front matter.' },
      { file: 'policies/privacy/ru/v1.md', line: 3, field: 'efective', message: 'is not a known field', hint: 'Did you mean "effective"? Fix the spelling of the key.' },
    ]);
  });

  test('tells to quote a summary item that YAML read as a field because of its colon', () => {
    const { problems } = validateCorpus([file('privacy/ru/v1.md', version('title: A\neffective: 2025-09-01\nsummary:\n  - Уточнён пункт 1.1.\n  - Изменено: пункт 3.5'))], OPTIONS);
    expect(withoutMessageRef(problems)).toEqual([
      {
        file: 'policies/privacy/ru/v1.md',
        line: 6,
        field: 'summary.1',
        message: 'item 2, "Изменено: пункт 3.5", has a colon, so YAML read it as a field and its value, not as text',
        hint: 'Put the item in quotes: - "Изменено: пункт 3.5".',
      },
    ]);
  });

  test('tells to quote a summary that YAML read as fields', () => {
    const { problems } = validateCorpus([file('privacy/ru/v1.md', version('title: A\neffective: 2025-09-01\nsummary:\n  Изменено: пункт "3.5"'))], OPTIONS);
    expect(withoutMessageRef(problems)).toEqual([
      expect.objectContaining({
        field: 'summary',
        message: '"Изменено: пункт "3.5"" has a colon, so YAML read it as a field and its value, not as text',
        hint: 'Put the text in quotes: summary: "Изменено: пункт \\"3.5\\"".',
      }),
    ]);
  });

  test('names the field given twice', () => {
    const { problems } = validateCorpus([file('privacy/ru/v1.md', version('title: A\neffective: 2025-09-01\ntitle: B'))], OPTIONS);
    expect(withoutMessageRef(problems)).toEqual([{ file: 'policies/privacy/ru/v1.md', line: 4, field: 'title', message: 'is given twice', hint: 'Keep one "title:" line and delete the other.' }]);
  });

  test('reports a file that is not UTF-8', () => {
    const { problems } = validateCorpus([file('privacy/ru/v1.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xcf, 0xee]))], OPTIONS);
    expect(withoutMessageRef(problems)).toEqual([expect.objectContaining({ line: 1, message: 'the file is not valid UTF-8 text' })]);
  });

  test('reports a path that does not fit the layout', () => {
    const { problems } = validateCorpus([valid('privacy/v1.md'), valid('Privacy/ru/v1.md')], OPTIONS);
    expect(problems.map((p) => p.message)).toEqual(['the file is 1 folder(s) deep, not at <policy>/<locale>/<version>.md', 'the policy folder "Privacy" is not a valid policy id']);
  });

  test('reports two versions of one policy and locale taking effect at the same instant', () => {
    const { problems } = validateCorpus([valid('privacy/ru/a.md', '2025-09-01'), valid('privacy/ru/b.md', '2025-09-01T00:00:00+03:00'), valid('terms/ru/c.md', '2025-09-01')], OPTIONS);
    expect(withoutMessageRef(problems)).toEqual([
      {
        file: 'policies/privacy/ru/b.md',
        line: 3,
        field: 'effective',
        message: 'takes effect at the same instant as policies/privacy/ru/a.md (2025-08-31T21:00:00.000Z), so neither would be the one in force',
        hint: 'Give each version of a policy its own effective date; for two changes on one day, write exact times with their offset (2025-09-01T12:00:00+03:00).',
      },
    ]);
  });

  test('allows the same instant in different locales and policies', () => {
    const { problems } = validateCorpus([valid('privacy/ru/a.md'), valid('privacy/en/a.md'), valid('terms/ru/a.md')], OPTIONS);
    expect(problems).toEqual([]);
  });

  test('reports translations of one version that disagree on effective, against the default locale', () => {
    const { problems } = validateCorpus([valid('privacy/ru/v2.md', '2025-09-01'), valid('privacy/en/v2.md', '2025-09-02')], OPTIONS);
    expect(withoutMessageRef(problems)).toEqual([
      {
        file: 'policies/privacy/en/v2.md',
        line: 3,
        field: 'effective',
        message: 'is "2025-09-02" but the ru text of the same version (policies/privacy/ru/v2.md) says "2025-09-01"; translations of one version must take effect together',
        hint: 'Set effective to "2025-09-01" here, or give this text its own version id if it really starts at another time.',
      },
    ]);
  });

  test('reports translations of one version that disagree on changeType, unless locales are independent documents', () => {
    const files = [valid('privacy/ru/v2.md', '2025-09-01', 'changeType: material'), valid('privacy/en/v2.md', '2025-09-01', 'changeType: editorial')];
    expect(withoutMessageRef(validateCorpus(files, OPTIONS).problems)).toEqual([
      expect.objectContaining({ file: 'policies/privacy/en/v2.md', field: 'changeType', message: expect.stringContaining('is editorial but the ru text of the same version (policies/privacy/ru/v2.md) is material') }),
    ]);
    expect(validateCorpus(files, { ...OPTIONS, localeModel: 'independent' }).problems).toEqual([]);
  });

  test('accepts translations that write the same instant differently', () => {
    const { problems } = validateCorpus([valid('privacy/ru/v2.md', '2025-09-01'), valid('privacy/en/v2.md', '2025-08-31T21:00:00Z')], OPTIONS);
    expect(problems).toEqual([]);
  });

  test('reports every problem of every file at once, in a stable order', () => {
    const files = [
      file('terms/ru/v1.md', version('title: Условия\neffective: 2025-02-30\nchangeType: big')),
      file('privacy/ru/v1.md', version('titel: Политика\neffective: 2025-09-01T10:00')),
      file('privacy/RU/v2.md', version('title: Политика\neffective: 2025-09-01', '')),
    ];
    const { problems } = validateCorpus(files, OPTIONS);
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "policies/privacy/RU/v2.md:1: the locale folder "RU" is not a lowercase BCP 47 language tag
          Use a tag such as "ru", "en" or "pt-br" (rename it to "ru").
      policies/privacy/RU/v2.md:5: the file has no text after the front matter
          Write the text of the policy below the closing "---" line.
      policies/privacy/ru/v1.md:1: title: is missing
          Add a line "title: …" to the front matter.
      policies/privacy/ru/v1.md:2: titel: is not a known field
          Did you mean "title"? Fix the spelling of the key.
      policies/privacy/ru/v1.md:3: effective: "2025-09-01T10:00" has a time but no UTC offset, so the instant it names is ambiguous
          Add the offset, e.g. 2025-09-01T10:00+03:00 or 2025-09-01T10:00Z, or write just the date 2025-09-01 to mean the start of that day in the site's time zone.
      policies/terms/ru/v1.md:3: effective: "2025-02-30" is not a real date: February 2025 has 28 days
          Use a day from 01 to 28.
      policies/terms/ru/v1.md:4: changeType: is "big", which is not allowed
          Use one of: material, editorial.

      7 problems in 3 files. Nothing was published; fix them and run again."
    `);
  });
});

describe('a colon in the summary', () => {
  test.each([
    [
      "a list item: the item's line, its words as typed, no parser internals, and the fix",
      'summary:\n  - Уточнён пункт 1.1.\n  - Срок ответа: 10 дней вместо 30, и это очень длинный пункт сводки изменений',
      {
        line: 6,
        field: 'summary.1',
        message: 'item 2, "Срок ответа: 10 дней вместо 30, и это очень длинный пункт сводки изменений", has a colon, so YAML read it as a field and its value, not as text',
        hint: 'Put the item in quotes: - "Срок ответа: 10 дней вместо 30, и это очень длинный пункт сводки изменений".',
      },
    ],
    [
      'a one-line summary: what to do, not YAML\'s "Nested mappings are not allowed in compact mappings"',
      'summary: Срок ответа: 10 дней',
      {
        line: 4,
        field: 'summary',
        message: 'a value has a colon in it, which YAML reads as the start of another field',
        hint: 'Put the value in quotes, e.g. summary: "Срок ответа: 10 дней", or write it as a list item in quotes: - "Срок ответа: 10 дней".',
      },
    ],
  ])('%s', (_name, summary, expected) => {
    const text = version(`title: A\neffective: 2025-09-01\n${summary}`);
    expect(withoutMessageRef(validateCorpus([file('privacy/ru/2025-09-01.md', text)], OPTIONS).problems)).toEqual([{ file: 'policies/privacy/ru/2025-09-01.md', ...expected }]);
  });
});
