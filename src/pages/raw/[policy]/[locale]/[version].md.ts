/**
 * The published Markdown of a version, byte for byte what its `sha256`
 * covers (see src/lib/raw-markdown.ts for the canonical form).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVersionPaths } from '../../../../data/site-context.ts';
import { renderRawMarkdown } from '../../../../lib/raw-markdown.ts';
import type { TimelineVersion } from '../../../../lib/timeline.ts';

export const getStaticPaths = (() => getVersionPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ version: TimelineVersion }> = ({ props }) =>
  new Response(renderRawMarkdown(props.version), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
