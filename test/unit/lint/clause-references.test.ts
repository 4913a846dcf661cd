import { describe, expect, test } from 'vitest';
import { findClauseReferences } from '#lib/lint/clause-references.ts';
import { LINK_START, OPAQUE } from '#lib/markdown/text-runs.ts';

const found = (text: string, locale: string, title = '') => findClauseReferences(text, locale, title).map((reference) => [reference.text, reference.numbers.map((n) => n.number)]);

describe('findClauseReferences', () => {
  test.each([
    ['ru', 'в соответствии с п. 3.5', [['п. 3.5', ['3.5']]]],
    ['ru', 'указанных в пункте 2.1.', [['пункте 2.1', ['2.1']]]],
    ['ru', 'см. пп. 3.5–3.7', [['пп. 3.5–3.7', ['3.5', '3.7']]]],
    ['ru', 'см. пп. 3.5–7', [['пп. 3.5–7', ['3.5', '3.7']]]],
    ['ru', 'согласно подпункту 3.5.1', [['подпункту 3.5.1', ['3.5.1']]]],
    [
      'ru',
      'в разделе 4 и пунктах 1.1, 1.2',
      [
        ['разделе 4', ['4']],
        ['пунктах 1.1, 1.2', ['1.1', '1.2']],
      ],
    ],
    ['ru', '(п. 3.1)', [['п. 3.1', ['3.1']]]],
    ['ru', 'в п. 3.5 настоящей Политики', [['п. 3.5', ['3.5']]]],
    ['en', 'see section 4.2', [['section 4.2', ['4.2']]]],
    [
      'en',
      'under clause 3.5 and paragraph 2',
      [
        ['clause 3.5', ['3.5']],
        ['paragraph 2', ['2']],
      ],
    ],
    ['en', 'Sections 4 through 6 of this Policy', [['Sections 4 through 6', ['4', '6']]]],
    ['en', '(cl. 3.1)', [['cl. 3.1', ['3.1']]]],
  ])('reads %s "%s"', (locale, text, expected) => {
    expect(found(text, locale)).toEqual(expected);
  });

  // Numbers that are not this text's clause numbers: each is a false positive a rule must never report.
  test.each([
    ['ru', 'a law number', 'Федеральный закон от 27.07.2006 № 152-ФЗ'],
    ['ru', 'a percentage', 'ставка 3.5 % годовых, п. 3.5 % — опечатка'],
    ['ru', 'an article of a law', 'в соответствии со ст. 9 и статьёй 6'],
    ['ru', 'a clause of a law', 'на основании п. 1 ч. 1 ст. 6 Федерального закона'],
    ['ru', 'a clause of a law, long form', 'пункт 3 части 1 статьи 6 закона'],
    ['ru', 'a date', 'Редакция от 01.09.2025'],
    ['ru', 'money', 'стоимость 1 500,50 руб., а п. 2025 года не бывает'],
    ['ru', 'a clause of another document', 'порядок описан в п. 3.5 Политики'],
    ['ru', 'a clause of a linked document', `порядок описан в п. 3.5 ${LINK_START}Политики`],
    ['ru', 'a label word in another sense', 'в пункте выдачи 5 заказов, п. Первомайское'],
    ['ru', 'a number inside code', `см. п. ${OPAQUE}`],
    ['en', 'a section of an Act', 'Section 5 of the Federal Trade Commission Act'],
    ['en', 'a section of a Code', 'California Business and Professions Code Section 22581'],
    ['en', 'a long statute number', 'California Civil Code section 1798.83'],
    ['en', 'a section of another document', 'as set out in Section 4 of our Terms of Service'],
    ['en', 'a clause of a linked document', `see clause 8.8 of the ${LINK_START}Consent`],
    ['en', 'a percentage', 'a rate of clause 3.5% applies'],
  ])('finds nothing in %s text with %s', (locale, _case, text) => {
    expect(found(text, locale, locale === 'ru' ? 'Согласие на обработку персональных данных' : 'Privacy Policy')).toEqual([]);
  });

  test('takes "Политики" as this text when it is the title of this text', () => {
    expect(found('порядок описан в п. 3.5 Политики', 'ru', 'Политика конфиденциальности')).toEqual([['п. 3.5', ['3.5']]]);
    expect(found('see Section 4 of the Statement', 'en', 'GitHub Privacy Statement')).toEqual([['Section 4', ['4']]]);
  });

  test('a list goes on only with numbers of the same depth', () => {
    expect(found('см. п. 3.1, 2 раза', 'ru')).toEqual([['п. 3.1', ['3.1']]]);
  });
});
