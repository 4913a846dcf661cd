import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, test } from 'vitest';
import { renderVersion } from '#lib/build/render-version.ts';
import { parsePolicyMarkdown } from '#lib/markdown/markdown-pipeline.ts';
import type { PolicyLinkTargets, VersionRenderContext } from '#lib/markdown/policy-links.ts';
import type { DocBlock } from '#lib/markdown/document-blocks.ts';
import { parseBlockHtml } from '#lib/redline/parse-block-html.ts';
import { fromPublishedBlocks, type PublishedBlock } from '#lib/redline/published-blocks.ts';
import { getBlockLinkChanges } from '#lib/redline/link-changes.ts';
import { createRedline, type Redline } from '#lib/redline/redline.ts';
import type { RenderableBlock } from '#lib/redline/render-redline.ts';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';
import { describeBodyChange } from '#lib/redline/describe-text-change.ts';
import { checkPublishedChange } from '#lib/ledger/correction-check.ts';
import { formatMaterialPassages } from '#lib/redline/editorial-change.ts';
import { renderRedlineBody } from '#lib/views/redline-view.ts';
import { ROOT } from '../../helpers/build-site.ts';
import { runPolicyCli } from '../../helpers/run-cli.ts';

/** One version file of a folder: what the build renders it with. */
interface VersionFile {
  policy: string;
  locale: string;
  version: string;
  title: string;
  body: string;
}

/** The versions under `<folder>/<policy>/<locale>/*.md`, oldest first in each policy and locale. */
function readVersions(folder: string): VersionFile[][] {
  const timelines: VersionFile[][] = [];
  for (const policy of readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))) {
    for (const locale of readdirSync(join(folder, policy.name)).sort()) {
      const files = readdirSync(join(folder, policy.name, locale))
        .filter((name) => name.endsWith('.md'))
        .sort();
      timelines.push(
        files.map((name) => {
          const text = readFileSync(join(folder, policy.name, locale, name), 'utf8');
          const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
          const title = /^title: "?(.*?)"?$/m.exec(frontMatter)?.[1] ?? '';
          return { policy: policy.name, locale, version: name.replace(/\.md$/, ''), title, body };
        }),
      );
    }
  }
  return timelines;
}

/**
 * What a version's page is rendered with, with the links the build writes made
 * as unlike between versions as they can be: every clause reference leads to
 * the version's own page, every `policy:` link to a version of the same name.
 */
function contextOf(file: VersionFile): Required<Omit<VersionRenderContext, 'usedPolicyLinks'>> {
  const policyLinkTargets: PolicyLinkTargets = {};
  for (const policy of ['privacy', 'consent', 'terms']) policyLinkTargets[policy] = { policy, locale: file.locale, version: file.version, path: `/${file.locale}/${policy}/${file.version}/` };
  return { locale: file.locale, title: file.title, permanentPath: `/${file.locale}/${file.policy}/${file.version}/`, policyLinkTargets };
}

/** The blocks the build publishes for a version, read back as the redline pages read them. */
async function buildBlocks(file: VersionFile): Promise<RenderableBlock[]> {
  const { blocksJson } = await renderVersion({ body: file.body, basePath: '/', context: contextOf(file) });
  return fromPublishedBlocks(JSON.parse(blocksJson) as PublishedBlock[], parseBlockHtml);
}

/** The same blocks with their Markdown, cut by the same pipeline without the build (see render-version.test.ts). */
function pageBlocks(file: VersionFile): DocBlock[] {
  return getDocumentBlocks(file.body, { basePath: '/', context: contextOf(file) });
}

/** Every link target the author wrote in a Markdown text: links, definitions, raw HTML anchors. */
function authorTargets(markdown: string): Set<string> {
  const targets = new Set<string>();
  visit(parsePolicyMarkdown(markdown), (node) => {
    if (node.type === 'link' || node.type === 'definition') targets.add(node.url);
    if (node.type === 'html') for (const match of node.value.matchAll(/href="([^"]*)"/g)) targets.add(match[1] ?? '');
  });
  return targets;
}

/** What a redline shows that the authors did not write: link changes to or from a target no text has, and unchanged Markdown marked as changed. */
function unwrittenChanges(before: VersionFile, after: VersionFile, redline: Redline<DocBlock>): string[] {
  const found: string[] = [];
  const oldTargets = authorTargets(before.body);
  const newTargets = authorTargets(after.body);
  for (const change of redline.blocks) {
    if (change.op !== 'added' && change.op !== 'removed') {
      if (change.op !== 'equal' && change.old.source.trim() === change.new.source.trim()) found.push(`${change.op} although its Markdown is the same: ${change.new.text}`);
      if (change.op === 'formatted' || change.op === 'modified') {
        for (const link of getBlockLinkChanges(change.old, change.new)) {
          if ((link.from !== null && !oldTargets.has(link.from)) || (link.to !== null && !newTargets.has(link.to))) found.push(`link "${link.text}": ${link.from} → ${link.to}`);
        }
      }
    }
  }
  return found;
}

const redlineOf = (before: VersionFile, after: VersionFile): Redline<DocBlock> => createRedline(pageBlocks(before), pageBlocks(after), { locale: after.locale });

const SAMPLE = readVersions(join(ROOT, 'policies'));
const privacyRu = SAMPLE.find((timeline) => timeline[0]?.policy === 'privacy' && timeline[0].locale === 'ru') ?? [];
const [v2023, v2025] = privacyRu;

describe('the redline of the sample', () => {
  test("leaves clause 2.2 unchanged from 2023-03-01 to 2025-09-01: its reference to 2.1 is the build's link, not an edit", async () => {
    if (!v2023 || !v2025) throw new Error('the sample has no privacy/ru 2023-03-01 and 2025-09-01');
    const from = await buildBlocks(v2023);
    const to = await buildBlocks(v2025);
    const redline = createRedline(from, to, { locale: 'ru' });
    const clause = redline.blocks.find((change) => change.op !== 'removed' && change.new.clause === '2.2');
    expect(clause?.op).toBe('equal');
    const body = renderRedlineBody('ru', from, to, { old: 'old', new: 'new' }, '/ru/privacy/2025-09-01/');
    expect(body.inlineHtml).not.toContain('Изменена ссылка');
    expect(body.inlineHtml).not.toContain('/ru/privacy/2023-03-01/#2.1');
    // The counts on top of the page come from the same comparison.
    expect(body.stats).toEqual(redline.stats);
    expect(redline.blocks.filter((change) => change.op === 'formatted')).toEqual([]);
  });

  test.each(
    SAMPLE.flatMap((timeline) => timeline.flatMap((before, index) => timeline.slice(index + 1).map((after) => [`${before.policy}/${before.locale} ${before.version} → ${after.version}`, before, after] as const))),
  )('shows no change the authors did not make: %s', (_name, before, after) => {
    expect(unwrittenChanges(before, after, redlineOf(before, after))).toEqual([]);
  });
});

describe('the redline of the GitHub corpus', () => {
  const timelines = readVersions(join(ROOT, 'test/fixtures/github-site-policy'));
  test.each(timelines.map((timeline) => [`${timeline[0]?.policy} (${timeline.length} versions)`, timeline] as const))(
    'shows no link change the authors did not make between consecutive versions: %s',
    (_name, timeline) => {
      const blocks = new Map(timeline.map((file) => [file.version, pageBlocks(file)]));
      const found = timeline.slice(1).flatMap((after, index) => {
        const before = timeline[index] as VersionFile;
        const redline = createRedline(blocks.get(before.version) ?? [], blocks.get(after.version) ?? [], { locale: after.locale });
        return unwrittenChanges(before, after, redline).map((line) => `${before.version} → ${after.version}: ${line}`);
      });
      expect(found).toEqual([]);
    },
    240_000,
  );

  test('shows a target the author changed inside an edited paragraph (privacy statement v031 → v032)', async () => {
    const privacy = timelines.find((timeline) => timeline[0]?.policy === 'github-privacy-statement') ?? [];
    const before = privacy.find((file) => file.version === 'v031');
    const after = privacy.find((file) => file.version === 'v032');
    if (!before || !after) throw new Error('no v031 and v032');
    const redline = redlineOf(before, after);
    const edited = redline.blocks.filter((change) => change.op === 'modified' && change.new.text.startsWith("If you're already a GitHub user"));
    expect(edited).toHaveLength(1);
    const [change] = edited;
    if (change?.op !== 'modified') throw new Error('not modified');
    expect(getBlockLinkChanges(change.old, change.new)).toEqual([
      { text: 'GitHub Support', from: 'https://support.github.com/contact', to: 'https://support.github.com/contact?tags=docs-policy' },
      { text: 'GitHub Premium Support', from: 'https://enterprise.githubsupport.com/hc/en-us', to: null },
      { text: 'GitHub Support', from: 'https://support.github.com/contact', to: 'https://support.github.com/contact?tags=docs-policy' },
      { text: 'GitHub Premium Support', from: 'https://enterprise.githubsupport.com/hc/en-us', to: null },
    ]);
    // The terminal's redline (policy diff) says it too.
    expect(describeBodyChange(before.body, after.body, 'en')).toContain('    link "GitHub Support": [-https://support.github.com/contact-] → {+https://support.github.com/contact?tags=docs-policy+}');
    const body = renderRedlineBody('en', await buildBlocks(before), await buildBlocks(after), { old: 'old', new: 'new' }, '/en/github-terms-of-service/v044/');
    expect(body.inlineHtml).toContain('https://support.github.com/contact?tags=docs-policy</ins>');
  }, 60_000);
});

describe('a policy: link', () => {
  const consent = (version: string, target: string): VersionFile => ({ policy: 'consent', locale: 'ru', version, title: 'Согласие', body: `1.1. См. [Политику](${target}).\n` });

  test('is no change while the author wrote the same target, though each version resolves it elsewhere', () => {
    expect(redlineOf(consent('2025-09-01', 'policy:privacy'), consent('2026-02-15', 'policy:privacy')).changes).toEqual([]);
  });

  test("is shown where each page's link leads when the author changed it", () => {
    const redline = redlineOf(consent('2025-09-01', 'policy:privacy'), consent('2026-02-15', 'policy:privacy#3.4'));
    const [change] = redline.blocks;
    if (change?.op !== 'formatted') throw new Error(`not formatted: ${change?.op}`);
    expect(getBlockLinkChanges(change.old, change.new)).toEqual([{ text: 'Политику', from: '/ru/privacy/2025-09-01/', to: '/ru/privacy/2026-02-15/#3.4' }]);
  });
});

describe('the correction check', () => {
  const published = (body: string) => `---\ntitle: "Политика"\n---\n${body}`;

  test('hears of a link target changed inside an edited paragraph, from the same comparison as the redline', () => {
    const verdict = checkPublishedChange(published('1.1. Пишите в [поддержку](https://example.com/contact) или в чат.\n'), published('1.1. Пишите в [поддержку](https://example.com/contact?tags=policy).\n'), 'ru');
    expect(formatMaterialPassages(verdict.passages)).toContain('changes the target of the link «поддержку»: https://example.com/contact → https://example.com/contact?tags=policy');
  });

  test('does not take a clause reference for a link', () => {
    expect(checkPublishedChange(published('1.1. Текст.\n\n1.2. См. п. 1.1, а также.\n'), published('1.1. Текст.\n\n1.2. См. п. 1.1, а также\n'), 'ru')).toEqual({ editorial: true, passages: [] });
  });
});

describe('a version made by `policy new`', () => {
  const work = join(ROOT, 'test/.output/redline-author-links');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('has no change against the version it was copied from, on the site and in `policy diff`', async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync(join(ROOT, 'policies'), join(work, 'policies'), { recursive: true });
    const made = runPolicyCli(['new', 'privacy', '--locale', 'ru', '--effective', '2031-12-01'], { policiesDir: join(work, 'policies') });
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const copy = readVersions(join(work, 'policies')).find((timeline) => timeline[0]?.policy === 'privacy' && timeline[0].locale === 'ru') ?? [];
    const [source, made2031] = copy.slice(-2);
    if (!source || !made2031) throw new Error('no new version');
    expect(made2031.version).toBe('2031-12-01');
    expect(createRedline(await buildBlocks(source), await buildBlocks(made2031), { locale: 'ru' }).changes).toEqual([]);
    const diff = runPolicyCli(['diff', 'privacy', source.version, made2031.version], { policiesDir: join(work, 'policies') });
    expect(diff.stdout).toContain('No changes in the text.');
  }, 60_000);
});
