import { describe, expect, test } from 'vitest';
import { renderDevErrorPage } from '#lib/build/dev-error-page.ts';
import { getContentReport, onContentReport, setContentReport, toContentReport } from '#lib/build/dev-status.ts';
import { CorpusError, type Problem } from '#lib/corpus/problem.ts';

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
  test('lists file, line, field, message and fix, escaped, and loads Vite\'s client to reload itself', () => {
    const html = renderDevErrorPage(toContentReport(new CorpusError([{ ...PROBLEM, message: 'is <b>not</b> a known field' }])), '/legal/');
    expect(html).toContain('<code>/tmp/мои политики/privacy/ru/v2.md:3</code> <strong>efective</strong>');
    expect(html).toContain('is &lt;b&gt;not&lt;/b&gt; a known field');
    expect(html).toContain('Did you mean &quot;effective&quot;? Fix the spelling of the key.');
    expect(html).toContain('<script type="module" src="/legal/@vite/client"></script>');
    expect(html).not.toContain('<b>not</b>');
  });
});
