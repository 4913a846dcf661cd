import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';
import { getBlockLinkChanges, getLinkTargetChanges } from '#lib/redline/link-changes.ts';
import { createRedline } from '#lib/redline/redline.ts';
import { renderInlineRedline, renderSideBySideRedline } from '#lib/redline/render-redline.ts';
import { renderTextRedline } from '#lib/redline/render-text-redline.ts';
import { LABELS } from '../../helpers/redline-labels.ts';

// The case from GitHub's real history: a version whose only change is a link target.
const BEFORE = '## 1. Terms\n\n1.1. See the [recommendations](https://docs.github.com/extension-recommendationss) and [the terms](/en/terms/).\n';
const AFTER = '## 1. Terms\n\n1.1. See the [recommendations](https://docs.github.com/extension-recommendations) and [the terms](/en/terms/).\n';

const redline = (before: string, after: string) => createRedline(getDocumentBlocks(before), getDocumentBlocks(after), { locale: 'en' });

describe('getLinkTargetChanges', () => {
  test('names the link whose target changed, with both targets, and leaves the others', () => {
    const [, oldClause] = getDocumentBlocks(BEFORE);
    const [, newClause] = getDocumentBlocks(AFTER);
    if (!oldClause || !newClause) throw new Error('no clause');
    expect(getLinkTargetChanges(oldClause.element, newClause.element)).toEqual([
      { text: 'recommendations', from: 'https://docs.github.com/extension-recommendationss', to: 'https://docs.github.com/extension-recommendations' },
    ]);
  });

  test('says when a link appears or goes away, and keeps a policy: link as written', () => {
    const [before] = getDocumentBlocks('См. Политику и [Согласие](/ru/consent/).\n');
    const [after] = getDocumentBlocks('См. [Политику](policy:privacy) и Согласие.\n');
    if (!before || !after) throw new Error('no block');
    expect(getBlockLinkChanges(before, after)).toEqual([{ text: 'Политику', from: '/ru/consent/', to: 'policy:privacy' }]);
    const [lost] = getDocumentBlocks('См. Политику.\n');
    if (!lost) throw new Error('no block');
    expect(getBlockLinkChanges(before, lost)).toEqual([{ text: 'Согласие', from: '/ru/consent/', to: null }]);
  });
});

describe('a redline of a link target change', () => {
  test('in the terminal, says which link and what it became', () => {
    expect(renderTextRedline(redline(BEFORE, AFTER), { color: false })).toBe(
      [
        '@@ 1. Terms @@',
        '~ link changed: 1.1. See the recommendations and the terms.',
        '    link "recommendations": [-https://docs.github.com/extension-recommendationss-] → {+https://docs.github.com/extension-recommendations+}',
      ].join('\n'),
    );
  });

  test('in the terminal, still says "formatting changed" when no target changed', () => {
    expect(renderTextRedline(redline('Текст **важный**.\n', 'Текст *важный*.\n'), { color: false })).toBe('~ formatting changed: Текст важный.');
  });

  test('on the page, shows the old target struck out and the new one inserted, in both layouts', () => {
    const { blocks, changes, stats, sections, degraded } = redline(BEFORE, AFTER);
    const result = { blocks, changes, stats, sections, degraded };
    const note =
      '<span class="diff-link-change">link “recommendations”: <del><span class="visually-hidden">removed: </span>https://docs.github.com/extension-recommendationss</del> → <ins><span class="visually-hidden">added: </span>https://docs.github.com/extension-recommendations</ins></span>';
    const labels = { ...LABELS, added: 'added: ', removed: 'removed: ', linkTarget: 'link “{text}”:', blockLinkChanged: 'Link changed' };
    const inline = toHtml(renderInlineRedline(result, labels), { allowDangerousHtml: true });
    expect(inline).toContain('<span class="diff-badge">Link changed</span>');
    expect(inline).toContain(note);
    const sideBySide = toHtml(renderSideBySideRedline(result, labels, { old: 'old', new: 'new' }), { allowDangerousHtml: true });
    expect(sideBySide.split(note)).toHaveLength(3);
  });
});
