/**
 * The compare page's island: diffs any two versions in the browser with the
 * same redline code the build uses, from the published block files. Loaded
 * only on the compare page; every other page works without script.
 *
 * A blocks file is data fetched from the network: each block's HTML is parsed
 * inert (in a `<template>`), sanitized again by the site's schema, and only
 * then put into the document, never as the HTML it arrived as.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromDom } from 'hast-util-from-dom';
import { toHtml } from 'hast-util-to-html';
import { sanitizeBlockElement } from '#lib/markdown/sanitize-schema.ts';
import { fromPublishedBlocks, type PublishedBlock } from '#lib/redline/published-blocks.ts';
import { createRedline } from '#lib/redline/redline.ts';
import { renderInlineRedline, renderSideBySideRedline } from '#lib/redline/render-redline.ts';
import { rehypeFragmentLinksTo } from '#lib/markdown/clause-anchors.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';

/** What the page embeds for the script (see compare/index.astro). */
interface CompareData {
  locale: string;
  versions: { version: string; dateText: string; href: string; blocksUrl: string }[];
}

/** Parses a block's HTML without running anything: a template's content is inert. */
function parseHtml(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  const first = template.content.firstElementChild;
  return (first ? fromDom(first) : { type: 'element', tagName: 'div', properties: {}, children: [] }) as Element;
}

/** A block's element as it may be shown: parsed inert, then sanitized. */
const parseShownHtml = (html: string): Element => sanitizeBlockElement(parseHtml(html));

/** The redline with each unchanged block (passed through as its HTML) replaced by its sanitized element. */
function withoutRawHtml<T extends Root | Element>(node: T): T {
  node.children = node.children.map((child) => (child.type === 'raw' ? parseShownHtml(child.value) : child.type === 'element' ? withoutRawHtml(child) : child)) as ElementContent[];
  return node;
}

/** Markup made from a sanitized tree, as nodes of the document (the tree has no raw HTML left). */
function toNodes(tree: Root): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = toHtml(tree);
  return template.content;
}

const cache = new Map<string, Promise<PublishedBlock[]>>();
function loadBlocks(url: string): Promise<PublishedBlock[]> {
  let blocks = cache.get(url);
  if (!blocks) {
    blocks = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      return response.json() as Promise<PublishedBlock[]>;
    });
    cache.set(url, blocks);
  }
  return blocks;
}

async function run(): Promise<void> {
  const dataElement = document.getElementById('compare-data');
  const form = document.getElementById('compare-form');
  const output = document.getElementById('compare-output');
  const status = document.getElementById('compare-status');
  if (!dataElement || !(form instanceof HTMLFormElement) || !output || !status) return;
  const data = JSON.parse(dataElement.textContent ?? '{}') as CompareData;
  const ui = getUiStrings(data.locale);
  document.getElementById('compare-needs-script')?.setAttribute('hidden', '');
  form.hidden = false;

  const params = new URLSearchParams(location.search);
  const fields = form.elements;
  const fromSelect = fields.namedItem('from');
  const toSelect = fields.namedItem('to');
  const layoutChoice = params.get('layout') === 'side-by-side' ? 'side-by-side' : 'inline';
  if (fromSelect instanceof HTMLSelectElement && params.get('from')) fromSelect.value = params.get('from') ?? '';
  if (toSelect instanceof HTMLSelectElement && params.get('to')) toSelect.value = params.get('to') ?? '';
  const layoutInput = fields.namedItem('layout');
  if (layoutInput instanceof RadioNodeList) layoutInput.value = layoutChoice;
  const from = data.versions.find((v) => v.version === params.get('from'));
  const to = data.versions.find((v) => v.version === params.get('to'));
  if (!from || !to) return;
  if (from === to) {
    status.textContent = ui.diff.compareSame;
    return;
  }
  // Always show the older version as "before".
  const [older, newer] = data.versions.indexOf(from) < data.versions.indexOf(to) ? [from, to] : [to, from];
  status.textContent = ui.diff.compareLoading;
  try {
    const [oldBlocks, newBlocks] = await Promise.all([loadBlocks(older.blocksUrl), loadBlocks(newer.blocksUrl)]);
    // The written form is only compared, never shown, so it is not sanitized (the sanitizer would drop its policy: links).
    const redline = createRedline(fromPublishedBlocks(oldBlocks, parseShownHtml, parseHtml), fromPublishedBlocks(newBlocks, parseShownHtml, parseHtml), { locale: data.locale });
    const tree =
      layoutChoice === 'inline'
        ? renderInlineRedline(redline, ui.diff.labels)
        : renderSideBySideRedline(redline, ui.diff.labels, { old: `${ui.diff.fromVersion}: ${older.dateText}`, new: `${ui.diff.toVersion}: ${newer.dateText}` });
    // As the pre-rendered redlines do: the texts' in-page links lead to the newer version's page, which has the anchors.
    rehypeFragmentLinksTo(newer.href)(tree);
    document.body.classList.toggle('wide', layoutChoice === 'side-by-side');
    const heading = document.createElement('h2');
    heading.id = 'compare-result';
    heading.tabIndex = -1;
    heading.textContent = ui.diff.between(older.dateText, newer.dateText);
    const counts = document.createElement('p');
    counts.textContent = redline.changes.length > 0 ? ui.diff.counts(redline.stats) : ui.diff.noChanges;
    const sections = document.createElement('ul');
    sections.className = 'changed-sections';
    for (const section of redline.sections) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#change-${section.firstChange + 1}`;
      link.textContent = section.title ?? ui.diff.preamble;
      item.append(link, ` (${ui.diff.changesInSection(section.changes)})`);
      sections.append(item);
    }
    const body = document.createElement('div');
    body.className = `policy-text redline redline-${layoutChoice}`;
    // Every block sanitized here, whatever the file held; the redline only adds its own ins/del/span/div.
    body.append(toNodes(withoutRawHtml(tree)));
    output.replaceChildren(heading, counts, sections, body);
    status.textContent = '';
    heading.focus();
  } catch {
    status.textContent = ui.diff.compareFailed;
  }
}

void run();
