import { describe, expect, test } from 'vitest';
import { formatProblem } from '#lib/corpus/problem.ts';
import { validateCorpus, type CorpusFile } from '#lib/corpus/validate-corpus.ts';
import { lintText } from '#lib/lint/lint-text.ts';
import { parseLintOverride, resolveSiteSettings, SiteConfigError } from '#lib/site/site-settings.ts';
import siteConfig from '../../../site.config.ts';
import { ROOT } from '../../helpers/build-site.ts';
import { lintSettings, lintVersions } from '../../helpers/lint-folder.ts';
import { makeVersion } from '../../helpers/versions.ts';

const BODY = '## 1. Общие положения\n\n1.1. Права указаны в п. 3.5.\n';
const version = (fields: Partial<Parameters<typeof makeVersion>[0]> = {}) => makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z', body: BODY, ...fields });

describe('lintCorpus', () => {
  test('reports an error of a rule at its default severity, at file, line and column', () => {
    const { errors, warnings } = lintVersions([version()]);
    expect(warnings).toEqual([]);
    expect(errors.map(formatProblem)).toEqual([
      'policies/privacy/ru/2025-09-01.md:7:25: "п. 3.5" names 3.5, which this text does not have (the nearest is 1.1) [clause-reference]\n    Correct the number, or restore the clause it names; a reference to another document names it right after the number ("п. 3.5 Политики", "section 5 of the Act").',
    ]);
  });

  test('follows the severity set for a rule: a warning is reported apart, off is not reported', () => {
    expect(lintVersions([version()], lintSettings({ 'clause-reference': 'warning' })).warnings.map((warning) => [warning.rule, warning.severity])).toEqual([['clause-reference', 'warning']]);
    expect(lintVersions([version()], lintSettings({ 'clause-reference': 'off' }))).toEqual({ errors: [], warnings: [], history: [] });
  });

  test('lets a file silence one rule with a reason, and only that rule', () => {
    const silenced = version({ lint: { ignore: { 'clause-reference': 'Ссылается на пункт Согласия' } }, body: `${BODY}\nДата вступления в силу: 1 августа 2025 г.\n` });
    const { errors, warnings } = lintVersions([silenced]);
    expect(errors.map((error) => error.rule)).toEqual(['stated-date']);
    expect(warnings).toEqual([]);
  });

  test('reports an exemption that silences nothing, so it cannot outlive its reason', () => {
    const stale = version({ body: '## 1. Общие положения\n\n1.1. Текст.\n', lint: { ignore: { 'stated-date': 'Цитирует дату закона' } }, lintLine: 4 });
    expect(lintVersions([stale]).warnings.map(formatProblem)).toEqual([
      'policies/privacy/ru/2025-09-01.md:4: warning: lint.ignore.stated-date: silences stated-date, which finds nothing in this file [stated-date]\n    Remove lint.ignore.stated-date ("Цитирует дату закона"), so the rule checks this file again.',
    ]);
    // A rule that is off finds nothing anywhere: its exemption is not stale.
    expect(lintVersions([stale], lintSettings({ 'stated-date': 'off' })).warnings).toEqual([]);
  });

  test('never crashes on a 1.5 MB policy with tables, nested lists, raw HTML and numbers that are not clauses', () => {
    const parts: string[] = [];
    // The length is kept as the parts are added: joining them all at every step made this loop quadratic (minutes of CPU).
    let length = 0;
    const add = (part: string) => {
      parts.push(part);
      length += part.length;
    };
    for (let n = 0; length < 1.5 * 1024 * 1024; n++) {
      const section = Math.floor(n / 20) + 1;
      if (n % 20 === 0) add(`## ${section}. Раздел\n\n`);
      if (n % 200 === 0) add('| Цель | Основание |\n| --- | --- |\n| <b>Ответ</b> (п. 1.1) | п. 1 ч. 1 ст. 6 |\n\n- вложенный\n  - список с п. 1.1\n\n<div>п. 99.99</div>\n\n');
      add(`${section}.${(n % 20) + 1}. Оператор обрабатывает данные по п. ${section}.1, ставка 3.5 %, 152-ФЗ, ст. 9, от 01.09.2025, 1 500 руб.\n\n`);
    }
    // A wrong reference deep in the text is still found, at its line and column.
    const body = `${parts.join('')}999.1. См. п. 999.2.\n`;
    const result = lintText({ body, file: 'big.md', bodyStartLine: 1, facts: { locale: 'ru', title: 'Политика', timeZone: 'Europe/Moscow', effectiveFrom: 0, corrections: [], previous: null } });
    expect(result.findings.map((finding) => [finding.rule, finding.line, finding.column])).toEqual([['clause-reference', body.split('\n').length - 1, 15]]);
    expect(result.outline.numbers.length).toBeGreaterThan(10_000);
  }, 300_000);
});

describe('lint settings', () => {
  test('reads POLICY_LINT, and refuses an unknown rule or severity with the fix', () => {
    expect(parseLintOverride('stated-date=warning, site-link=off')).toEqual({ 'stated-date': 'warning', 'site-link': 'off' });
    expect(() => parseLintOverride('stated-dates=off')).toThrow(
      new SiteConfigError(
        'POLICY_LINT: "stated-dates" is not a lint rule\n    Did you mean "stated-date"? The rules are: stated-date, clause-reference, site-link, policy-link, stable-link, empty-version, copied-summary, translation-parity.',
      ),
    );
    expect(() => parseLintOverride('stated-date=loud')).toThrow('POLICY_LINT: "stated-date=loud" does not give stated-date a severity');
  });

  test('lets POLICY_LINT override site.config.ts, rule by rule', () => {
    const settings = resolveSiteSettings({ ...siteConfig, lint: { rules: { 'copied-summary': 'error', 'site-link': 'warning' } } }, { POLICY_LINT: 'site-link=off' }, ROOT);
    expect(settings.lint.rules).toEqual({ 'copied-summary': 'error', 'site-link': 'off' });
  });

  test('refuses a misspelled rule in site.config.ts', () => {
    expect(() => resolveSiteSettings({ ...siteConfig, lint: { rules: { 'stated-dates': 'off' } as never } }, {}, ROOT)).toThrow('lint.rules');
  });
});

describe('lint.ignore in the front matter', () => {
  const file = (lint: string): CorpusFile => ({
    relativePath: 'privacy/ru/2025-09-01.md',
    displayPath: 'policies/privacy/ru/2025-09-01.md',
    bytes: new TextEncoder().encode(`---\ntitle: Политика\neffective: 2025-09-01\nlint:\n${lint}\n---\n\nТекст.\n`),
  });
  const problemsOf = (lint: string) => validateCorpus([file(lint)], { timeZone: 'Europe/Moscow', includeDrafts: false }).problems.map(formatProblem);

  test('takes a rule and a reason', () => {
    expect(validateCorpus([file('  ignore:\n    stated-date: Цитирует дату закона')], { timeZone: 'Europe/Moscow', includeDrafts: false }).versions[0]?.lint).toEqual({
      ignore: { 'stated-date': 'Цитирует дату закона' },
    });
  });

  test('refuses a misspelled rule, with the rule meant', () => {
    expect(problemsOf('  ignore:\n    stated-dates: Цитирует дату закона')).toEqual([
      'policies/privacy/ru/2025-09-01.md:4: lint.ignore.stated-dates: is not a known field\n    Did you mean "stated-date"? Fix the spelling of the key.',
    ]);
  });

  test('refuses an exemption without a reason', () => {
    expect(problemsOf("  ignore:\n    stated-date: ''")).toEqual([
      'policies/privacy/ru/2025-09-01.md:4: lint.ignore.stated-date: is empty\n    Write the lint.ignore.stated-date, or remove the line if the field is optional.',
    ]);
  });
});
