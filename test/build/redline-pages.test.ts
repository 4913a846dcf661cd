import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSample, type BuildResult } from '../helpers/build-site.ts';
import { attributeOf, findBrokenLinks, listFiles, readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';

let build: BuildResult;

beforeAll(() => {
  // The shipped sample, the build sample-site.test.ts and the browser tests read too.
  build = buildSample();
});

describe('redline pages of the sample', () => {
  test('build', () => {
    expect(build.status, build.output).toBe(0);
  });

  test('exist for consecutive versions and for each older version against the one in force', () => {
    const diffs = listFiles(build.outDir).filter((file) => file.includes('/diff/'));
    expect(diffs).toEqual([
      'en/privacy/diff/2025-09-01/2026-02-15/index.html',
      'ru/privacy/diff/2023-03-01/2025-09-01/index.html',
      'ru/privacy/diff/2023-03-01/2026-02-15/index.html',
      'ru/privacy/diff/2025-09-01/2026-02-15/index.html',
    ]);
  });

  test('are linked from the history and from each version page', () => {
    const history = readPage(build.outDir, '/ru/privacy/history/');
    const links = selectAll('.history-links a', history).map((a) => a.properties['href']);
    expect(links).toEqual(['/ru/privacy/diff/2025-09-01/2026-02-15/', '/ru/privacy/diff/2023-03-01/2025-09-01/', '/ru/privacy/diff/2025-09-01/2026-02-15/', '/ru/privacy/diff/2023-03-01/2026-02-15/']);
    const version = readPage(build.outDir, '/ru/privacy/2025-09-01/');
    expect(selectAll('.version-links a', version).map((a) => a.properties['href'])).toContain('/ru/privacy/diff/2023-03-01/2025-09-01/');
  });

  test('summarize the change: counts, changed sections with links, and the authors summary', () => {
    const page = readPage(build.outDir, '/ru/privacy/diff/2023-03-01/2025-09-01/');
    expect(textOf(select('.redline-counts p', page))).toMatch(/^\d+ фрагмент\S* измен\S*, 1 фрагмент добавлен, 1 фрагмент удалён\.$/);
    const sections = selectAll('.changed-sections a.section-link-inline', page);
    expect(sections.map(textOf)).toContain('6. Дополнительные условия.');
    for (const link of sections) {
      const target = String(link.properties['href']).slice(1);
      expect(select(`[id="${target}"]`, page), target).toBeTruthy();
    }
    expect(selectAll('.summary li', page).map(textOf)).toContain('Добавлен пункт 3.5 о правах Пользователя, включая отзыв согласия по адресу privacy@alljus.ru.');
  });

  test('show the added clause, the removed clause and edited words with ins/del and spoken labels', () => {
    const page = readPage(build.outDir, '/ru/privacy/diff/2023-03-01/2025-09-01/');
    const added = selectAll('.diff-added', page).map(textOf);
    expect(added.some((text) => text.startsWith('Добавлено добавлено: 3.5. Пользователь вправе'))).toBe(true);
    const removed = selectAll('.diff-removed', page).map(textOf);
    expect(removed.some((text) => text.startsWith('Удалено удалено: 6.3. Продолжение использования Сайта'))).toBe(true);
    const edited = selectAll('.diff-modified', page)
      .map(textOf)
      .find((text) => text.startsWith('1.2.'));
    expect(edited).toContain('удалено: провел');
    expect(edited).toContain('добавлено: провёл');
  });

  test('have a side-by-side layout too, old left and new right, switched by radio buttons without script', () => {
    const page = readPage(build.outDir, '/ru/privacy/diff/2023-03-01/2025-09-01/');
    const row = selectAll('.redline-side-by-side .sbs-row.sbs-changed', page).find((candidate) => textOf(candidate).includes('6.3.'));
    expect(textOf(select('.sbs-old', row))).toContain('6.3. Продолжение использования Сайта');
    expect(textOf(select('.sbs-new', row))).toBe('Новая редакция: 1 сентября 2025 г.');
    expect(selectAll('.view-switch input[type=radio]', page).map((input) => input.properties['id'])).toEqual(['layout-inline', 'layout-side-by-side']);
    // Each layout has its own anchors: no id is used twice.
    const ids = selectAll('[id]', page).map((element) => String(element.properties['id']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(attributeOf(page, '.section-link-side-by-side', 'href')).toMatch(/^#sbs-change-\d+$/);
  });

  test('say so when nothing changed but the wording of a summary', () => {
    const page = readPage(build.outDir, '/en/privacy/diff/2025-09-01/2026-02-15/');
    expect(textOf(select('h1', page))).toBe('Privacy Policy: what changed');
    expect(textOf(select('.redline-counts p', page))).toMatch(/^\d+ passages? changed\.$/);
  });

  test('have no broken links', () => {
    expect(findBrokenLinks(build.outDir)).toEqual([]);
  });
});

describe('published blocks for the compare page', () => {
  test('cut each version into blocks whose text matches its page', () => {
    const blocks = JSON.parse(readFileSync(join(build.outDir, 'blocks/privacy/ru/2025-09-01.json'), 'utf8')) as { kind: string; text: string; clause: string | null; html: string }[];
    expect(blocks.find((block) => block.clause === '3.5')?.text).toMatch(/^3\.5\. Пользователь вправе/);
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.clause)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(blocks.every((block) => !/<script|onclick|javascript:/i.test(block.html))).toBe(true);
  });

  test('the compare page lists every version and loads its script', () => {
    const page = readPage(build.outDir, '/ru/privacy/compare/');
    expect(selectAll('#compare-form select[name=from] option', page).map((option) => option.properties['value'])).toEqual(['2026-02-15', '2025-09-01', '2023-03-01']);
    expect(textOf(select('#compare-needs-script', page))).toContain('нужен JavaScript');
  });
});
