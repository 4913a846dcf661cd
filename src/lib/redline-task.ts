/**
 * One redline page's computation as a task for the build's worker threads
 * (see worker-pool.ts): the two versions' blocks files in, the
 * {@link RedlineBody} out. The build's own thread runs the same function for
 * any pair no worker has started.
 */
import { readPublishedBlocks, type RenderedFiles } from './rendered-files.ts';
import { parseBlockHtml } from './redline/parse-block-html.ts';
import { fromPublishedBlocks } from './redline/published-blocks.ts';
import { renderRedlineBody, type RedlineBody } from './redline-view.ts';

/** What a worker needs to compute one redline. */
export interface RedlineTask {
  locale: string;
  /** Rendered files of the older and the newer text (see rendered-files.ts). */
  fromFiles: RenderedFiles;
  toFiles: RenderedFiles;
  /** Column titles of the side-by-side layout. */
  headings: { old: string; new: string };
}

/** Computes one redline from its blocks files. */
export function runRedlineTask(task: RedlineTask): RedlineBody {
  const fromBlocks = fromPublishedBlocks(readPublishedBlocks(task.fromFiles), parseBlockHtml);
  const toBlocks = fromPublishedBlocks(readPublishedBlocks(task.toFiles), parseBlockHtml);
  return renderRedlineBody(task.locale, fromBlocks, toBlocks, task.headings);
}
