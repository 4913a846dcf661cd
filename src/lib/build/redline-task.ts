/**
 * One redline page's computation as a task for the build's worker threads
 * (see worker-pool.ts): the two versions' blocks files in, the
 * {@link RedlineBody} out, kept for later builds (redline-cache.ts). The
 * build's own thread runs the same function for any pair no worker has started.
 */
import { readCachedRedline, writeCachedRedline } from './redline-cache.ts';
import { readPublishedBlocks, type RenderedFiles } from './rendered-files.ts';
import { parseBlockHtml } from '#lib/redline/parse-block-html.ts';
import { fromPublishedBlocks } from '#lib/redline/published-blocks.ts';
import { renderRedlineBody, type RedlineBody } from '#lib/views/redline-view.ts';

/** What a worker needs to compute one redline. */
export interface RedlineTask {
  locale: string;
  /** Rendered files of the older and the newer text (see rendered-files.ts). */
  fromFiles: RenderedFiles;
  toFiles: RenderedFiles;
  /** Column titles of the side-by-side layout. */
  headings: { old: string; new: string };
  /** The newer text's permanent page, where the texts' in-page links lead (see renderRedlineBody). */
  pagePath: string;
  /** Where the result is kept between builds (see redline-cache.ts); none in the dev server. */
  cacheFile?: string;
}

/** Computes one redline from its blocks files, or reads it back from an earlier build. */
export function runRedlineTask(task: RedlineTask): RedlineBody {
  const cached = task.cacheFile ? readCachedRedline(task.cacheFile) : undefined;
  if (cached) return cached;
  const fromBlocks = fromPublishedBlocks(readPublishedBlocks(task.fromFiles), parseBlockHtml);
  const toBlocks = fromPublishedBlocks(readPublishedBlocks(task.toFiles), parseBlockHtml);
  const body = renderRedlineBody(task.locale, fromBlocks, toBlocks, task.headings, task.pagePath);
  if (task.cacheFile) writeCachedRedline(task.cacheFile, body);
  return body;
}
