import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, test } from 'vitest';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';
import { createRedline, getNewBlocks, getOldBlocks } from '#lib/redline/redline.ts';
import { renderInlineRedline, renderSideBySideRedline } from '#lib/redline/render-redline.ts';
import { LABELS } from '../../helpers/redline-labels.ts';
import { tokenizeWords } from '#lib/redline/tokenize-words.ts';
import { diffWordsExact, getSharedLengthBound } from '#lib/redline/word-diff.ts';

// Words that stress the tokenizer: Cyrillic with ё, hyphenated words, clause numbers, punctuation, odd spaces.
const word = fc.constantFrom(
  'Политика',
  'согласие',
  'её',
  'ёлка',
  'кто-то',
  'e-mail',
  '152-ФЗ',
  '3.4.',
  '1.1.',
  'data',
  'Personal',
  ',',
  '.',
  '—',
  '–',
  '-',
  '«',
  '»',
  '(',
  ')',
  ':',
  ';',
  '!',
  '?',
  '%',
  '№',
  '§',
  ' ',
  '  ',
  '\t',
  '\u00a0',
);
const sentence = fc.array(word, { maxLength: 25 }).map((words) => words.join(''));

// Markdown-ish documents: headings, numbered clauses, lists, tables, emphasis, blank lines.
const line = fc.oneof(
  sentence,
  sentence.map((s) => `## ${s}`),
  fc.tuple(fc.nat(9), fc.nat(9), sentence).map(([a, b, s]) => `${a + 1}.${b + 1}. ${s}`),
  sentence.map((s) => `- ${s}`),
  sentence.map((s) => `  - ${s}`),
  sentence.map((s) => `1. ${s}`),
  fc.tuple(sentence, sentence).map(([a, b]) => `| ${a} | ${b} |`),
  fc.constant('|---|---|'),
  sentence.map((s) => `**${s}** ${s}`),
  sentence.map((s) => `> ${s}`),
  fc.constant(''),
  fc.constant('<div>текст</div>'),
);
const documentText = fc.array(line, { maxLength: 14 }).map((lines) => lines.join('\n'));

describe('tokenizeWords', () => {
  test('joins back into the text, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string()), (text) => tokenizeWords(text, 'ru').join('') === text),
      { numRuns: 500 },
    );
  });

  test('keeps hyphenated words and ё words whole', () => {
    expect(tokenizeWords('кто-то прислал e-mail по 152-ФЗ, её', 'ru')).toEqual(['кто-то', ' ', 'прислал', ' ', 'e-mail', ' ', 'по', ' ', '152-ФЗ', ',', ' ', 'её']);
  });
});

describe('diffWordsExact', () => {
  test('the old side rebuilds the old text and the new side the new text, exactly', () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const parts = diffWordsExact(a, b, { locale: 'ru' }) ?? [];
        return (
          parts
            .filter((p) => !p.added)
            .map((p) => p.value)
            .join('') === a &&
          parts
            .filter((p) => !p.removed)
            .map((p) => p.value)
            .join('') === b
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('getSharedLengthBound', () => {
  // The redline skips the word diff of a pair this bound calls a rewrite: it must never be below what the diff keeps.
  test('is never less than the unchanged text of the word diff', () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const unchanged = (diffWordsExact(a, b, { locale: 'ru' }) ?? []).filter((p) => !p.added && !p.removed).reduce((sum, p) => sum + p.value.length, 0);
        return getSharedLengthBound(a, b, 'ru') >= unchanged;
      }),
      { numRuns: 1000 },
    );
  });

  test('counts shared words with their multiplicity', () => {
    // Shared: "да", " ", "нет" once each (the second "да" has no partner).
    expect(getSharedLengthBound('да да нет', 'нет да', 'ru')).toBe(6);
  });
});

describe('getDocumentBlocks', () => {
  test('the blocks join back into the document byte for byte', () => {
    fc.assert(
      fc.property(
        documentText,
        (markdown) =>
          getDocumentBlocks(markdown)
            .map((block) => block.source)
            .join('') === markdown,
      ),
      { numRuns: 300 },
    );
  });
});

describe('createRedline', () => {
  test('the old side of the diff rebuilds the old text and the new side the new text, exactly', () => {
    fc.assert(
      fc.property(documentText, documentText, (a, b) => {
        const redline = createRedline(getDocumentBlocks(a), getDocumentBlocks(b), { locale: 'ru' });
        expect(
          getOldBlocks(redline)
            .map((block) => block.source)
            .join(''),
        ).toBe(a);
        expect(
          getNewBlocks(redline)
            .map((block) => block.source)
            .join(''),
        ).toBe(b);
        for (const block of redline.blocks) {
          if (block.op !== 'modified' || !block.words) continue;
          expect(
            block.words
              .filter((w) => !w.added)
              .map((w) => w.value)
              .join(''),
          ).toBe(block.old.text);
          expect(
            block.words
              .filter((w) => !w.removed)
              .map((w) => w.value)
              .join(''),
          ).toBe(block.new.text);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('is empty of changes between a document and itself', () => {
    fc.assert(
      fc.property(documentText, (a) => {
        const redline = createRedline(getDocumentBlocks(a), getDocumentBlocks(a), { locale: 'ru' });
        return redline.changes.length === 0;
      }),
      { numRuns: 200 },
    );
  });
});

/** A rendered tree as a browser reads it: serialized with its pass-through HTML, then parsed. */
function reparse(tree: Root): Root {
  return fromHtml(toHtml(tree, { allowDangerousHtml: true }), { fragment: true });
}

/** Text of rendered HTML without the screen-reader labels and the block badges. */
function visibleText(root: Root | Element, without: 'del' | 'ins' | null): string {
  const copy = structuredClone(root);
  const strip = (node: Root | Element) => {
    node.children = node.children.filter(
      (child) =>
        !(child.type === 'element' && (child.tagName === without || String(child.properties['className'] ?? '').includes('visually-hidden') || String(child.properties['className'] ?? '').includes('diff-badge'))),
    ) as typeof node.children;
    for (const child of node.children) if (child.type === 'element') strip(child);
  };
  strip(copy);
  return toText(copy).replace(/\s+/g, ' ').trim();
}

describe('rendering a redline', () => {
  test('each side of a rendered block reads as that side of the text', () => {
    fc.assert(
      fc.property(documentText, documentText, (a, b) => {
        const redline = createRedline(getDocumentBlocks(a), getDocumentBlocks(b), { locale: 'ru' });
        // Unchanged blocks are passed through as HTML: read the result back as a browser would.
        const sideBySide = reparse(renderSideBySideRedline(redline, LABELS, { old: 'old', new: 'new' }));
        const rows = selectAll('.sbs-row:not(.sbs-header)', sideBySide);
        redline.blocks.forEach((block, index) => {
          const [oldCell, newCell] = selectAll('.sbs-cell', rows[index] as Element).map((cell) => {
            cell.children = cell.children.slice(1); // the hidden column heading
            return cell;
          });
          if (block.op !== 'added') expect(visibleText(oldCell as Element, null)).toBe(block.old.text.replace(/\s+/g, ' ').trim());
          if (block.op !== 'removed') expect(visibleText(newCell as Element, null)).toBe(block.new.text.replace(/\s+/g, ' ').trim());
        });
        // The inline view without its deletions is the new text; without its insertions, the old.
        const inline = reparse(renderInlineRedline(redline, LABELS));
        const expectedNew = getNewBlocks(redline)
          .map((block) => block.text)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim();
        const withoutRemovedBlocks = structuredClone(inline);
        for (const removed of selectAll('.diff-removed', withoutRemovedBlocks)) removed.children = [];
        expect(visibleText(withoutRemovedBlocks, 'del')).toBe(expectedNew);
      }),
      {
        numRuns: 150,
        // Found by this property: an added sub-item was nested under a removed item and vanished with it.
        examples: [
          ['Политика\n1. Политика', '- Политика  Политика\n  - Personal'],
          ['- её\n## \n1. ', '- её\n  - Политика'],
        ],
      },
    );
  });
});
