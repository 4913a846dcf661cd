import { describe, expect, test } from 'vitest';
import { createPolicyMarkdownRenderer } from '#lib/markdown/markdown-pipeline.ts';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';
import { toPublishedBlocks } from '#lib/redline/published-blocks.ts';
import { renderVersion } from '#lib/build/render-version.ts';
import { lintText } from '#lib/lint/lint-text.ts';
import { bodiesUnder } from '../../helpers/policy-bodies.ts';

// The shipped sample, the fixture corpus (raw HTML, tables, links) and a slice of GitHub's real history.
const BODIES: [string, string][] = [
  ...bodiesUnder('policies'),
  ...bodiesUnder('test/fixtures/corpus-basic'),
  ...bodiesUnder('test/fixtures/github-site-policy').filter((_, index) => index % 8 === 0),
  ['a text that opens with a rule', '---\n\n1. Текст после черты.\n'],
  ['raw HTML and a definition', '<div>\n\n**Важно:** [ссылка][1] и <a href="/ru/consent/">согласие</a>.\n\n</div>\n\n[1]: /ru/privacy/\n'],
];

describe('renderVersion', () => {
  test.each(['/', '/legal/'])(
    'gives, from one parse, the page HTML of the site pipeline and the same blocks as a separate cut (base path %s)',
    async (basePath) => {
      const renderer = await createPolicyMarkdownRenderer({ basePath });
      for (const [name, body] of BODIES) {
        const rendered = await renderVersion({ body, basePath });
        const expected = await renderer.render(body, { frontmatter: {} });
        expect(rendered.html, name).toBe(expected.code);
        expect(rendered.headings, name).toEqual(expected.metadata.headings);
        expect(rendered.blocksJson, name).toBe(JSON.stringify(toPublishedBlocks(getDocumentBlocks(body, { basePath }))));
      }
      // Dozens of long real policies, each rendered twice.
    },
    60_000,
  );

  test('lists the headings with their ids, for the table of contents', async () => {
    const { headings } = await renderVersion({ body: '## 1. Общие положения\n\n1.1. Текст.\n\n### Cookies\n', basePath: '/' });
    expect(headings).toEqual([
      { depth: 2, slug: '1', text: '1. Общие положения' },
      { depth: 3, slug: 'cookies', text: 'Cookies' },
    ]);
  });

  test('lints from the same parse what a separate lint finds, before the links are rewritten', async () => {
    const context = {
      locale: 'ru',
      title: 'Согласие',
      permanentPath: '/ru/consent/2025-09-01/',
      policyLinkTargets: { privacy: { policy: 'privacy', locale: 'ru', version: '2025-09-01', path: '/ru/privacy/2025-09-01/' } },
    };
    for (const [name, body] of [...BODIES, ['a policy: link and a missing clause', '## 1. Оператор\n\n1.1. См. [Политику](policy:privacy#3.4) и п. 1.2.\n']] as [string, string][]) {
      const input = {
        body,
        file: name,
        bodyStartLine: 5,
        facts: { locale: 'ru', title: 'Согласие', timeZone: 'Europe/Moscow', effectiveFrom: Date.UTC(2025, 7, 31, 21), corrections: [], previous: null },
      };
      const rendered = await renderVersion({ body, basePath: '/', context, lint: { input, cacheFile: '' } });
      expect(rendered.lint, name).toEqual(lintText(input));
    }
    const linked = await renderVersion({ body: '1.1. См. [Политику](policy:privacy#3.4).\n', basePath: '/', context });
    expect(linked.policyLinks).toEqual([context.policyLinkTargets.privacy]);
    expect(linked.html).toContain('href="/ru/privacy/2025-09-01/#3.4"');
  }, 60_000);

  test("cuts with a version's context the same blocks as the CLI, each with its links as the author wrote them", async () => {
    const context = {
      locale: 'ru',
      title: 'Согласие',
      permanentPath: '/ru/consent/2025-09-01/',
      policyLinkTargets: { privacy: { policy: 'privacy', locale: 'ru', version: '2025-09-01', path: '/ru/privacy/2025-09-01/' } },
    };
    const body = '## 1. Оператор\n\n1.1. См. [Политику](policy:privacy#3.4), [её же][p] и п. 1.2.\n\n1.2. Текст.\n\n[p]: policy:privacy\n';
    const rendered = await renderVersion({ body, basePath: '/legal/', context });
    expect(rendered.blocksJson).toBe(JSON.stringify(toPublishedBlocks(getDocumentBlocks(body, { basePath: '/legal/', context }))));
    const [, clause, , definition] = JSON.parse(rendered.blocksJson) as { html: string; written?: string; text: string }[];
    expect(clause?.html).toBe('<p>1.1. См. <a href="/legal/ru/privacy/2025-09-01/#3.4">Политику</a>, <a href="/legal/ru/privacy/2025-09-01/">её же</a> и п. <a href="/legal/ru/consent/2025-09-01/#1.2">1.2</a>.</p>');
    expect(clause?.written).toBe(
      '<p>1.1. См. <a href="policy:privacy#3.4" data-shown-href="/legal/ru/privacy/2025-09-01/#3.4">Политику</a>, <a href="policy:privacy" data-shown-href="/legal/ru/privacy/2025-09-01/">её же</a> и п. 1.2.</p>',
    );
    expect(definition?.text).toBe('[p]: policy:privacy');
  }, 60_000);
});
