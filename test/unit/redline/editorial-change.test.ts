import { describe, expect, test } from 'vitest';
import { checkEditorialChange, classifyPassage, formatMaterialPassages, isSpellingFix } from '#lib/redline/editorial-change.ts';
import type { PassageReason } from '#lib/messages/messages-en.ts';

/** The reasons as the English refusal words them, one each. */
const english = (reasons: PassageReason[]) => reasons.map((reason) => formatMaterialPassages([{ clause: null, redline: '', reasons: [reason] }]).slice(2, -1));

// Clauses of the sample privacy policy (policies/privacy/ru/2026-02-15.md), the text the first user's lawyers edit.
const RU = `Настоящая Политика конфиденциальности (далее – Политика) устанавливает правила использования персональной информации, получаемой от пользователей сайта (далее – Пользователи) администратором сайта ALLJUS.RU (далее - Компания).

1.2. Техническая информация не является персональными данными. Компания использует файлы cookies, которые позволяют идентифицировать Пользователя. Файлы cookies – это текстовые файлы, доступные Компании, для обработки информации об активности Пользователя, включая информацию о том, какие страницы посещал Пользователь и о времени, которое Пользователь провел на странице. Пользователь может отключить возможность использования файлов cookies в настройках браузера.

2.1. Компания использует персональные данные в целях:

- Ответа на заявку Пользователя.
- Проведения статистических и иных исследований на основе обезличенных данных.

3.1. Согласие Пользователя на обработку персональных данных оформляется отдельным документом, которое Пользователь предоставляет при отправке заявки (любой письменный запрос, содержащий контактные данные). Согласие не является частью настоящей Политики и не может быть выражено путём использования Сайта.

6.2. О существенных изменениях Компания уведомляет Пользователей путём размещения сообщения на Сайте не позднее чем за 10 (десять) дней до вступления новой редакции в силу.
`;

// The same clauses of the English text (policies/privacy/en/2026-02-15.md).
const EN = `1.2. Technical information is not personal data. The Company uses cookies, which make it possible to identify the User. The User may disable the use of cookies in the browser settings.

3.1. The consent is not part of this Policy and cannot be expressed by using the Site. The Company shall delete the data within 30 days.

- Answering the User's request.
- Research on anonymised data.
`;

/** The document with one edit, checked that the edit applied. */
function edit(document: string, from: string, to: string): string {
  expect(document).toContain(from);
  return document.replace(from, to);
}

describe('checkEditorialChange', () => {
  test.each([
    [
      'removing both «не» of 3.1',
      'Согласие не является частью настоящей Политики и не может быть выражено',
      'Согласие является частью настоящей Политики и может быть выражено',
      '3.1: …контактные данные). Согласие [-не -]является частью настоящей Политики и (removes a negation: «не»)\n3.1: является частью настоящей Политики и [-не -]может быть выражено путём использования… (removes a negation: «не»)',
    ],
    [
      'deleting the sentence on cookies',
      ' Пользователь может отключить возможность использования файлов cookies в настройках браузера.',
      '',
      '1.2: …Пользователь провел на странице.[- Пользователь может отключить возможность использования файлов cookies в настройках браузера.-] (removes an obligation or permission word: «может»; removes a sentence (10 words))',
    ],
    [
      'appending consent to advertising to 3.1',
      'путём использования Сайта.',
      'путём использования Сайта, а также соглашается на получение рекламных рассылок.',
      '3.1: …быть выражено путём использования Сайта{+, а также соглашается на получение рекламных рассылок+}. (adds words: «а», «также», «соглашается», «на», «получение», «рекламных» and 1 more)',
    ],
    [
      'adding a list item',
      '- Проведения статистических и иных исследований на основе обезличенных данных.\n',
      '- Проведения статистических и иных исследований на основе обезличенных данных.\n- Передача партнёрам Компании для целевой рекламы без дополнительного согласия\n',
      '{+Передача партнёрам Компании для целевой рекламы без дополнительного согласия+} (adds a list item)',
    ],
    [
      'shortening the notice period',
      'за 10 (десять) дней',
      'за 1 (один) день',
      '6.2: …сообщения на Сайте не позднее чем за [-10-]{+1+} ([-десять-]{+один+}) [-дней-]{+день+} до вступления новой редакции в силу. (changes a number: «10», «десять» → «1», «один»; changes a date or duration: «дней» → «день»)',
    ],
    ['another party', 'доступные Компании', 'доступные партнёрам Компании', '1.2: …– это текстовые файлы, доступные {+партнёрам +}Компании, для обработки информации об… (adds words: «партнерам»)'],
    [
      'another word form of a party',
      'доступные Компании',
      'доступные Компаниям',
      '1.2: …– это текстовые файлы, доступные [-Компании-]{+Компаниям+}, для обработки информации об… (replaces words: «компании» → «компаниям»)',
    ],
    [
      'an obligation for a permission',
      'Пользователь может отключить',
      'Пользователь должен отключить',
      '1.2: …провел на странице. Пользователь [-может-]{+должен+} отключить возможность использования… (changes an obligation or permission word: «может» → «должен»)',
    ],
    ['a clause number and words removed', '6.2. О существенных', '', '6.2: [-6.2. О существенных -]изменениях Компания уведомляет… (removes a number: «6.2»; removes words: «о», «существенных»)'],
    ['a symbol', 'за 10 (десять) дней', 'за 10 % дней', '6.2: …на Сайте не позднее чем за 10 [-(десять)-]{+%+} дней до вступления новой редакции в… (changes a symbol: «(», «)», «%»; removes a number: «десять»)'],
    [
      'words moved',
      'не может быть выражено',
      'может не быть выражено',
      '3.1: …является частью настоящей Политики и [-не -]может (removes a negation: «не»)\n3.1: может {+не +}быть выражено путём использования Сайта. (adds a negation: «не»)',
    ],
  ])('%s is material', (_name, from, to, expected) => {
    const verdict = checkEditorialChange(RU, edit(RU, from, to), 'ru');
    expect(verdict.editorial).toBe(false);
    expect(formatMaterialPassages(verdict.passages)).toBe(expected);
  });

  test.each([
    ['a hyphen for a dash', '(далее - Компания)', '(далее – Компания)'],
    ['«е» for «ё»', 'провел', 'провёл'],
    ['a missing comma', 'файлы, доступные Компании', 'файлы доступные Компании'],
    ['a full stop dropped', 'обезличенных данных.', 'обезличенных данных'],
    ['a doubled stop', 'обезличенных данных.', 'обезличенных данных..'],
    ['one transposed letter', 'персональной информации', 'персоанльной информации'],
    ['a doubled letter', 'возможность использования', 'возможность исспользования'],
    ['letter case', 'Техническая информация', 'техническая Информация'],
    ['whitespace', 'информация не является', 'информация  не\nявляется'],
    ['quotes', 'путём использования Сайта', 'путём использования «Сайта»'],
    ['emphasis', 'не является частью', '**не** является частью'],
  ])('%s is editorial', (_name, from, to) => {
    const verdict = checkEditorialChange(RU, edit(RU, from, to), 'ru');
    expect(formatMaterialPassages(verdict.passages)).toBe('');
    expect(verdict.editorial).toBe(true);
  });

  test.each([
    ['removing «not»', 'is not part of this Policy', 'is part of this Policy', '3.1: 3.1. The consent is [-not -]part of this Policy and cannot be… (removes a negation: «not»)'],
    [
      '«can» for «cannot»',
      'and cannot be expressed',
      'and can be expressed',
      '3.1: …consent is not part of this Policy and [-cannot-]{+can+} be expressed by using the Site. The… (removes a negation: «cannot»; adds an obligation or permission word: «can»)',
    ],
    [
      '«must» for «may»',
      'The User may disable',
      'The User must disable',
      '1.2: …to identify the User. The User [-may-]{+must+} disable the use of cookies in the… (changes an obligation or permission word: «may» → «must»)',
    ],
    [
      '«shall» removed',
      'The Company shall delete',
      'The Company deletes',
      '3.1: …by using the Site. The Company [-shall delete -]{+deletes +}the data within 30 days. (removes an obligation or permission word: «shall»; replaces words: «delete» → «deletes»)',
    ],
    [
      'a sentence removed',
      ' The User may disable the use of cookies in the browser settings.',
      '',
      '1.2: …make it possible to identify the User.[- The User may disable the use of cookies in the browser settings.-] (removes an obligation or permission word: «may»; removes a sentence (12 words))',
    ],
    ['a duration', 'within 30 days', 'within 90 days', '3.1: …Company shall delete the data within [-30-]{+90+} days. (changes a number: «30» → «90»)'],
    [
      '«without» added',
      'Research on anonymised data.',
      'Research on data without anonymisation.',
      'Research on [-anonymised -]data (removes words: «anonymised»)\ndata{+ without anonymisation+}. (adds a negation: «without»; adds words: «anonymisation»)',
    ],
    ['a list item added', "- Answering the User's request.\n", "- Answering the User's request.\n- Sharing with partners for advertising.\n", '{+Sharing with partners for advertising.+} (adds a list item)'],
  ])('English: %s is material', (_name, from, to, expected) => {
    const verdict = checkEditorialChange(EN, edit(EN, from, to), 'en');
    expect(verdict.editorial).toBe(false);
    expect(formatMaterialPassages(verdict.passages)).toBe(expected);
  });

  test.each([
    ['a typo fixed', 'Technical information', 'Tecnhical information'],
    ['a hyphen for a dash', 'is not personal data.', 'is not personal data —'],
    ['curly quotes', "the User's request", 'the User’s request'],
    ['a comma', 'make it possible to identify', 'make it possible, to identify'],
    ['case', 'The Company uses cookies', 'The company uses Cookies'],
  ])('English: %s is editorial', (_name, from, to) => {
    const verdict = checkEditorialChange(EN, edit(EN, from, to), 'en');
    expect(formatMaterialPassages(verdict.passages)).toBe('');
    expect(verdict.editorial).toBe(true);
  });

  test('places a passage without a clause number by the heading of its section, under the title', () => {
    const before = '# Политика\n\n## 2. Цели обработки\n\n- Ответа на заявку.\n';
    const verdict = checkEditorialChange(before, `${before}- Передачи партнёрам.\n`, 'ru');
    expect(formatMaterialPassages(verdict.passages)).toBe('in «2. Цели обработки»: {+Передачи партнёрам.+} (adds a list item)');
  });

  test('the month «May» is a date, the modal «may» an obligation or permission word', () => {
    expect(english(classifyPassage('April 2', 'May 19', 'en'))).toEqual(['changes a number: «2» → «19»', 'changes a date or duration: «april» → «may»']);
    expect(english(classifyPassage('must', 'may', 'en'))).toEqual(['changes an obligation or permission word: «must» → «may»']);
  });

  test('a block a reader cannot see is markup alone; one with a link or an image is not', () => {
    expect(checkEditorialChange('Текст.\n', 'Текст.\n\n<!-- комментарий -->\n\n---\n', 'ru')).toEqual({ editorial: true, passages: [] });
    expect(formatMaterialPassages(checkEditorialChange('Текст.\n', 'Текст.\n\n<img src="/scan.png">\n', 'ru').passages)).toBe('{+<div><img src="/scan.png"></div>+} (adds an HTML block)');
  });

  test('no change is editorial', () => {
    expect(checkEditorialChange(RU, RU, 'ru')).toEqual({ editorial: true, passages: [] });
  });

  test('a changed link target is material', () => {
    const verdict = checkEditorialChange('См. [правила](https://a.example.com).', 'См. [правила](https://b.example.com).', 'ru');
    expect(formatMaterialPassages(verdict.passages)).toBe('См. правила. (changes the target of the link «правила»: https://a.example.com → https://b.example.com)');
  });
});

describe('isSpellingFix', () => {
  test.each([
    ['персоанльных', 'персональных', true],
    ['колличество', 'количество', true],
    ['ответсвенность', 'ответственность', true],
    // The first letter: another word.
    ['sell', 'tell', false],
    ['продать', 'удать', false],
    // The ending: another word form.
    ['компании', 'компаний', false],
    ['partner', 'partners', false],
    ['данные', 'данных', false],
    // Too short to tell a typo from another word.
    ['form', 'from', false],
    // Two edits.
    ['обработка', 'разработка', false],
  ])('%s → %s: %s', (before, after, expected) => {
    expect(isSpellingFix(before, after)).toBe(expected);
  });
});

describe('classifyPassage', () => {
  test('names a negation before other words', () => {
    expect(english(classifyPassage('не ', '', 'ru'))).toEqual(['removes a negation: «не»']);
    expect(english(classifyPassage('', 'без согласия ', 'ru'))).toEqual(['adds a negation: «без»', 'adds words: «согласия»']);
  });

  test('a spelling fix never touches a protected word', () => {
    expect(english(classifyPassage('десять', 'девять', 'ru'))).toEqual(['changes a number: «десять» → «девять»']);
  });
});
