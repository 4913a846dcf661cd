import { describe, expect, test } from 'vitest';
import { getDevPageLanguage, renderDevErrorPage } from '#lib/dev-server/dev-error-page.ts';
import { getContentReport, onContentReport, setContentReport, toContentReport } from '#lib/dev-server/dev-status.ts';
import { CorpusError, type Problem } from '#lib/corpus/problem.ts';
import { getMessages, problemText } from '#lib/messages/message-catalog.ts';

const PROBLEM: Problem = { file: '/tmp/мои политики/privacy/ru/v2.md', line: 3, field: 'efective', message: 'is not a known field', hint: 'Did you mean "effective"? Fix the spelling of the key.' };

describe('the dev server content report', () => {
  test('carries the same report as the terminal for a corpus error', () => {
    const report = toContentReport(new CorpusError([PROBLEM]));
    expect(report.title).toBe('The policies have 1 problem');
    expect(report.text).toContain('/tmp/мои политики/privacy/ru/v2.md:3: efective: is not a known field\n    Did you mean "effective"? Fix the spelling of the key.');
    expect(report.problems).toEqual([PROBLEM]);
  });

  test('carries the message of any other error', () => {
    expect(toContentReport(new Error('The policies folder x does not exist.'))).toEqual({ title: 'The policies could not be read', text: 'The policies folder x does not exist.', problems: [] });
  });

  test('tells listeners when it appears, changes and goes away, and only then', () => {
    const seen: (string | null)[] = [];
    const stop = onContentReport((report) => seen.push(report?.title ?? null));
    const report = toContentReport(new CorpusError([PROBLEM]));
    setContentReport(report);
    setContentReport({ ...report });
    expect(getContentReport()).toEqual(report);
    setContentReport(null);
    setContentReport(null);
    stop();
    setContentReport(report);
    setContentReport(null);
    expect(seen).toEqual(['The policies have 1 problem', null]);
  });
});

describe('the dev error page', () => {
  test("lists file, line, field, message and fix, escaped, and loads Vite's client to reload itself", () => {
    const html = renderDevErrorPage(toContentReport(new CorpusError([{ ...PROBLEM, message: 'is <b>not</b> a known field' }])), '/legal/', getMessages('en'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<code>/tmp/мои политики/privacy/ru/v2.md:3</code> <strong>efective</strong>');
    expect(html).toContain('is &lt;b&gt;not&lt;/b&gt; a known field');
    expect(html).toContain('Did you mean &quot;effective&quot;? Fix the spelling of the key.');
    expect(html).toContain('<script type="module" src="/legal/@vite/client"></script>');
    expect(html).not.toContain('<b>not</b>');
  });
});

describe('the dev error page in the language of the page asked for', () => {
  const report = toContentReport(new CorpusError([{ file: 'policies/privacy/ru/v2.md', line: 3, field: 'efective', ...problemText('misspelledField', { suggestion: 'effective' }) }]));

  test.each([
    ['/ru/', 'ru'],
    ['/ru/privacy/', 'ru'],
    ['/ru', 'ru'],
    ['/ru?x=1', 'ru'],
    ['/en/privacy/', 'en'],
    ['/', 'en'],
    ['/rules/', 'en'],
    ['/legal/ru/privacy/', 'ru'],
  ])('%s is %s', (url, language) => {
    expect(getDevPageLanguage(url, url.startsWith('/legal/') ? '/legal/' : '/')).toBe(language);
  });

  test('a Russian page says the report in Russian, with lang="ru", the place and the field as they are', () => {
    const html = renderDevErrorPage(report, '/', getMessages('ru'));
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<title>В документах 1 ошибка — сервер разработки</title>');
    expect(html).toContain('<h1>В документах 1 ошибка</h1>');
    expect(html).toContain('<code>policies/privacy/ru/v2.md:3</code> <strong>efective</strong>');
    expect(html).toContain('<p>такого поля нет</p><p class="hint">Возможно, имелось в виду «effective»? Исправьте написание названия поля.</p>');
    expect(html).toContain(
      'policies/privacy/ru/v2.md:3: efective: такого поля нет\n    Возможно, имелось в виду «effective»? Исправьте написание названия поля.\n\n1 ошибка в 1 файле. Пока ошибка не исправлена, страницы не показываются; эта страница обновится после следующего сохранения.',
    );
    expect(html).not.toContain('is not a known field');
  });

  test('an English page says it in English', () => {
    const html = renderDevErrorPage(report, '/', getMessages('en'));
    expect(html).toContain('<title>The policies have 1 problem — dev server</title>');
    expect(html).toContain('<p>is not a known field</p><p class="hint">Did you mean &quot;effective&quot;? Fix the spelling of the key.</p>');
    expect(html).toContain('1 problem in 1 file. Nothing is shown until it is fixed; this page reloads on the next save.');
  });
});
