import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { createPolicyMarkdownRenderer } from '#lib/markdown/markdown-pipeline.ts';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';
import { createRedline, type BlockChange } from '#lib/redline/redline.ts';
import { renderInlineRedline, renderSideBySideRedline } from '#lib/redline/render-redline.ts';
import { LABELS } from '../../helpers/redline-labels.ts';

function redline(before: string, after: string, locale = 'ru') {
  return createRedline(getDocumentBlocks(before), getDocumentBlocks(after), { locale });
}

/** A compact picture of a redline: one line per block. */
function describeBlocks(blocks: readonly BlockChange[]): string[] {
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch returns for every kind of block; TypeScript (noImplicitReturns) checks that it covers them all.
  return blocks.map((block) => {
    switch (block.op) {
      case 'equal':
        return `= ${block.new.text}`;
      case 'added':
        return `${block.moved ? '→' : '+'} ${block.new.text}`;
      case 'removed':
        return `${block.moved ? '←' : '-'} ${block.old.text}`;
      case 'formatted':
        return `~ ${block.new.text}`;
      case 'modified':
        return `* ${(block.words ?? []).map((w) => (w.added ? `[+${w.value}]` : w.removed ? `[-${w.value}]` : w.value)).join('')}`;
    }
  });
}

const POLICY = `## 1. Общие положения

1.1. Настоящая Политика определяет порядок обработки персональных данных.

1.2. Оператор обрабатывает данные на основании согласия.

1.3. Политика размещается на Сайте.

## 2. Права субъекта

2.1. Субъект вправе отозвать согласие.
`;

describe('createRedline on clauses', () => {
  test('shows an edited clause as one clause with word changes', () => {
    const after = POLICY.replace('на основании согласия', 'на основании отдельного согласия Пользователя');
    expect(describeBlocks(redline(POLICY, after).blocks)).toEqual([
      '= 1. Общие положения',
      '= 1.1. Настоящая Политика определяет порядок обработки персональных данных.',
      '* 1.2. Оператор обрабатывает данные на основании [+отдельного ]согласия[+ Пользователя].',
      '= 1.3. Политика размещается на Сайте.',
      '= 2. Права субъекта',
      '= 2.1. Субъект вправе отозвать согласие.',
    ]);
  });

  test('shows a new clause as a whole inserted block and a removed one as a whole deleted block', () => {
    const after = POLICY.replace('1.3. Политика размещается на Сайте.\n\n', '').replace(
      '2.1. Субъект вправе отозвать согласие.\n',
      '2.1. Субъект вправе отозвать согласие.\n\n2.2. Субъект вправе требовать уточнения своих данных.\n',
    );
    const result = redline(POLICY, after);
    expect(describeBlocks(result.blocks)).toEqual([
      '= 1. Общие положения',
      '= 1.1. Настоящая Политика определяет порядок обработки персональных данных.',
      '= 1.2. Оператор обрабатывает данные на основании согласия.',
      '- 1.3. Политика размещается на Сайте.',
      '= 2. Права субъекта',
      '= 2.1. Субъект вправе отозвать согласие.',
      '+ 2.2. Субъект вправе требовать уточнения своих данных.',
    ]);
    expect(result.stats).toEqual({ modified: 0, added: 1, removed: 1, moved: 0, unchanged: 5 });
  });

  test('shows a moved clause as removed in its old place and inserted in the new one, marked as moved', () => {
    const after = POLICY.replace('1.3. Политика размещается на Сайте.\n\n', '').replace('2.1. Субъект вправе отозвать согласие.\n', '2.1. Субъект вправе отозвать согласие.\n\n1.3. Политика размещается на Сайте.\n');
    const result = redline(POLICY, after);
    expect(describeBlocks(result.blocks)).toContain('← 1.3. Политика размещается на Сайте.');
    expect(describeBlocks(result.blocks)).toContain('→ 1.3. Политика размещается на Сайте.');
    expect(result.stats).toMatchObject({ moved: 1, added: 0, removed: 0 });
  });

  test('pairs a rewritten clause by its number when little wording is left', () => {
    const after = POLICY.replace('1.2. Оператор обрабатывает данные на основании согласия.', '1.2. Согласие оформляется отдельным документом и подписывается Пользователем.');
    const blocks = describeBlocks(redline(POLICY, after).blocks);
    expect(blocks[2]).toMatch(/^\* \[-1\.2\. Оператор.*\]\[\+1\.2\. Согласие/);
    expect(blocks).toHaveLength(6);
  });

  test('follows the wording, not the number, when clauses are renumbered after a removal', () => {
    const after = POLICY.replace('1.2. Оператор обрабатывает данные на основании согласия.\n\n', '').replace('1.3. Политика размещается', '1.2. Политика размещается');
    expect(describeBlocks(redline(POLICY, after).blocks)).toEqual([
      '= 1. Общие положения',
      '= 1.1. Настоящая Политика определяет порядок обработки персональных данных.',
      '- 1.2. Оператор обрабатывает данные на основании согласия.',
      '* [-1.3][+1.2]. Политика размещается на Сайте.',
      '= 2. Права субъекта',
      '= 2.1. Субъект вправе отозвать согласие.',
    ]);
  });

  test('does not show whitespace-only edits', () => {
    const after = POLICY.replace('порядок обработки', 'порядок   обработки').replace('1.2. Оператор', '1.2.  Оператор').replace(/\n/g, '\n\n');
    expect(redline(POLICY, after).changes).toEqual([]);
  });

  test('splits Cyrillic words with ё and hyphens sensibly', () => {
    const result = redline('1.1. Оператор хранит ее данные по e-mail.', '1.1. Оператор хранит её данные по электронной почте.');
    expect(describeBlocks(result.blocks)).toEqual(['* 1.1. Оператор хранит [-ее][+её] данные по [-e-mail][+электронной почте].']);
  });

  test('shows a changed link target or emphasis as a formatting change', () => {
    const result = redline('См. [согласие](/ru/consent/).', 'См. [согласие](/ru/consent/v2/).');
    expect(describeBlocks(result.blocks)).toEqual(['~ См. согласие.']);
    expect(result.stats.modified).toBe(1);
  });
});

describe('createRedline on lists and tables', () => {
  test('diffs list items one by one', () => {
    const result = redline('Цели:\n\n- ответ на заявку;\n- рассылки;\n- аналитика.\n', 'Цели:\n\n- ответ на заявку;\n- рассылки с согласия;\n- статистика;\n- аналитика.\n');
    expect(describeBlocks(result.blocks)).toEqual(['= Цели:', '= ответ на заявку;', '* рассылки[+ с согласия];', '+ статистика;', '= аналитика.']);
  });

  test('diffs table rows one by one and keeps the table', () => {
    const before = '| Цель | Срок |\n|---|---|\n| Заявка | 30 дней |\n| Рассылка | 3 года |\n';
    const after = '| Цель | Срок |\n|---|---|\n| Заявка | 60 дней |\n| Рассылка | 3 года |\n| Аналитика | 1 год |\n';
    const result = redline(before, after);
    expect(describeBlocks(result.blocks)).toEqual(['= Цель Срок', '* Заявка [-30][+60] дней', '= Рассылка 3 года', '+ Аналитика 1 год']);
    const html = toHtml(renderInlineRedline(result, LABELS), { allowDangerousHtml: true });
    expect(html).toMatch(/^<table><tbody><tr>\s*<th>Цель<\/th>/);
    expect(html).toContain('<td><del><span class="visually-hidden">удалено: </span>30</del><ins><span class="visually-hidden">добавлено: </span>60</ins> дней</td>');
    expect(html).toContain('<tr class="diff-block diff-added" id="change-2">\n<td><span class="diff-badge">Добавлено</span> <ins>');
  });

  test('keeps nested lists nested', () => {
    const result = redline('- один\n  - вложенный\n- два\n', '- один\n  - вложенный пункт\n- два\n');
    const html = toHtml(renderInlineRedline(result, LABELS), { allowDangerousHtml: true });
    expect(html).toBe('<ul><li>один<ul><li class="diff-block diff-modified" id="change-1">вложенный<ins><span class="visually-hidden">добавлено: </span> пункт</ins></li></ul></li><li>два</li></ul>');
  });
});

describe('rendering', () => {
  const after = POLICY.replace('на основании согласия', 'на основании отдельного согласия').replace('1.3. Политика размещается на Сайте.\n\n', '');

  test('marks deletions and insertions with del/ins and words a screen reader says', () => {
    const html = toHtml(renderInlineRedline(redline(POLICY, after), LABELS), { allowDangerousHtml: true });
    expect(html).toContain('<p class="diff-block diff-modified" id="change-1">1.2. Оператор обрабатывает данные на основании <ins><span class="visually-hidden">добавлено: </span>отдельного </ins>согласия.</p>');
    expect(html).toContain('<p class="diff-block diff-removed" id="change-2"><span class="diff-badge">Удалено</span> <del><span class="visually-hidden">удалено: </span>1.3. Политика размещается на Сайте.</del></p>');
  });

  test('keeps formatting around changed words', () => {
    const html = toHtml(renderInlineRedline(redline('Текст **важного условия** здесь.', 'Текст **важного нового условия** здесь.'), LABELS), { allowDangerousHtml: true });
    expect(html).toBe('<p class="diff-block diff-modified" id="change-1">Текст <strong>важного <ins><span class="visually-hidden">добавлено: </span>нового </ins>условия</strong> здесь.</p>');
  });

  test('puts the old version left and the new one right', () => {
    const root = renderSideBySideRedline(redline(POLICY, after), LABELS, { old: 'Редакция 1', new: 'Редакция 2' });
    const html = toHtml(root, { allowDangerousHtml: true });
    expect(html).toContain(
      '<div class="sbs-row sbs-changed" id="change-2"><div class="sbs-cell sbs-old"><span class="visually-hidden">Редакция 1</span><p class="diff-block diff-removed"><span class="diff-badge">Удалено</span>',
    );
    expect(html).toContain('<div class="sbs-cell sbs-new" aria-hidden="true"><span class="visually-hidden">Редакция 2</span></div>');
  });

  test('numbers the changes for links from the summary, by section', () => {
    const result = redline(POLICY, after.replace('2.1. Субъект вправе', '2.1. Субъект всегда вправе'));
    expect(result.sections).toEqual([
      { title: '1. Общие положения', firstChange: 0, changes: 2 },
      { title: '2. Права субъекта', firstChange: 2, changes: 1 },
    ]);
  });
});

describe('getDocumentBlocks', () => {
  test('sanitizes each block like the page does', () => {
    const blocks = getDocumentBlocks('[нажмите](javascript:alert(1)) и <span onclick="x()">текст</span>\n\n<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n');
    const html = blocks.map((block) => block.html).join('');
    expect(html).not.toMatch(/javascript:|onclick|<script|<iframe/);
    expect(blocks[0]?.text).toBe('нажмите и текст');
  });

  test('sanitizes a block of raw HTML without links exactly as its page does', async () => {
    // The hostile fixture: raw HTML in blocks with no link, image or definition (once let through unsanitized).
    const hostile =
      '1.1. Текст <img src="x" onerror="alert(1)"> и <b onclick="alert(2)">жирный</b>.\n\n<div onmouseover="alert(3)">блок<script>alert(4)</script></div>\n\n- пункт <details open ontoggle="alert(5)">x</details>\n';
    const blocks = getDocumentBlocks(hostile);
    expect(blocks.map((block) => block.html)).toEqual(['<p>1.1. Текст <img src="x"> и <b>жирный</b>.</p>', '<div><div>блок</div></div>', '<li>пункт <details open>x</details></li>']);
    const page = (await (await createPolicyMarkdownRenderer({ basePath: '/' })).render(hostile)).code;
    expect(page).not.toMatch(/onerror|onclick|onmouseover|ontoggle|<script/);
    expect(page).toContain('<div>блок</div>');
  });

  test('reads clause numbers from clauses and numbered headings only', () => {
    const blocks = getDocumentBlocks('## 3. Цели\n\n3.4. Текст.\n\n2025 год.\n\n- 1.1. пункт списка\n');
    expect(blocks.map((block) => [block.kind, block.clause])).toEqual([
      ['heading', '3'],
      ['paragraph', '3.4'],
      ['paragraph', null],
      ['list-item', '1.1'],
    ]);
  });
});
