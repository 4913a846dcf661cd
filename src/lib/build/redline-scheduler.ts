/**
 * Which redline pages a build writes and where each page's redline comes
 * from. A build asks for every pair at once when the site context is ready,
 * so worker threads compute redlines while the pages before them are
 * written; each page then takes its result (or an earlier build's, from the
 * cache). A pair nobody scheduled (the dev server) is computed on demand.
 */
import { join } from 'node:path';
import { getCorpusRedlinePairs, type RedlinePair } from '#lib/redline/redline-pairs.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getRedlineHeadings, getRedlineSides, type RedlineBody } from '#lib/views/redline-view.ts';
import { getCacheCodeDigest } from './code-digest.ts';
import { getRedlineCacheFile, getRedlineCacheFolder, pruneRedlineCache } from './redline-cache.ts';
import { recordStage, startStage } from './build-profile.ts';
import { runRedlineTask, type RedlineTask } from './redline-task.ts';
import type { RenderedFiles } from './rendered-files.ts';
import { OrderedTaskPool, WORKER_FILES } from './worker-pool.ts';

/** Redline results that may wait for their page: a few hundred pages' HTML, a few tens of megabytes. */
const REDLINE_LOOKAHEAD = 256;

const pairKey = ({ from, to }: RedlinePair) => `${to.policy}/${to.locale}/${from.version}/${to.version}`;

/** What the scheduler needs: the corpus, each version's rendered files, and where and how to compute. */
export interface RedlineSchedulerInput {
  context: SiteContext;
  /** Each version's rendered files, by version id. */
  files: ReadonlyMap<string, RenderedFiles>;
  /** The project root: the worker file and the code digest are found from it. */
  root: string;
  /** Worker threads to use (0: the pages compute their redlines themselves). */
  workers: number;
  /** Told when a worker cannot start or dies (see OrderedTaskPool). */
  onWorkerLost: (message: string) => void;
}

/** The redline pages of this build: their tasks, the pool computing them, and the cache they are kept in. */
interface ScheduledBuild {
  /** Null without workers: the pages then compute their redlines themselves, still through the cache. */
  pool: OrderedTaskPool<RedlineTask, RedlineBody> | null;
  /** The pool ticket of each pair whose page is not written yet (-1 without a pool). */
  pending: Map<string, number>;
  /** Pages waiting for their redline now (Astro renders several at once): the pool stays until the last is served. */
  taking: number;
  cacheFolder: string;
  codeDigest: string;
  /** The cache files this build uses; the others are deleted once every page is written. */
  cacheFiles: Set<string>;
  /** For the build profile: since the pairs were scheduled, and how long pages waited for their redline. */
  elapsed: () => number;
  waitedMs: number;
  pairs: number;
}

/** Computes the redlines of one build's pages, ahead of the pages that show them. */
export class RedlineScheduler {
  readonly #input: RedlineSchedulerInput;
  #build: ScheduledBuild | undefined;

  constructor(input: RedlineSchedulerInput) {
    this.#input = input;
  }

  /** Schedules every redline page of the build; does nothing when there is none. */
  start(): void {
    const { context, files, root, workers, onWorkerLost } = this.#input;
    const pairs = getCorpusRedlinePairs(context.corpus, context.now);
    const [first] = files.values();
    if (!first || pairs.length === 0) return;
    const poolWorkers = pairs.length < 2 ? 0 : workers;
    const pool =
      poolWorkers === 0 ? null : new OrderedTaskPool<RedlineTask, RedlineBody>({ workerFile: join(root, WORKER_FILES.redline), workers: poolWorkers, run: runRedlineTask, lookahead: REDLINE_LOOKAHEAD, onWorkerLost });
    const build: ScheduledBuild = {
      pool,
      pending: new Map(),
      taking: 0,
      cacheFolder: getRedlineCacheFolder(first.blocks),
      codeDigest: getCacheCodeDigest(root, 'redline'),
      cacheFiles: new Set(),
      elapsed: startStage(),
      waitedMs: 0,
      pairs: pairs.length,
    };
    this.#build = build;
    for (const pair of pairs) build.pending.set(pairKey(pair), pool ? pool.submit(this.#getTask(pair)) : -1);
  }

  #getTask(pair: RedlinePair): RedlineTask {
    const { context, files } = this.#input;
    const sides = getRedlineSides(context, pair);
    const task: RedlineTask = {
      locale: pair.to.locale,
      fromFiles: files.get(pair.from.id) ?? { text: '', blocks: '' },
      toFiles: files.get(pair.to.id) ?? { text: '', blocks: '' },
      headings: getRedlineHeadings(sides),
      pagePath: sides.toHref,
    };
    const build = this.#build;
    if (!build) return task;
    const cacheFile = getRedlineCacheFile(build.cacheFolder, build.codeDigest, task);
    build.cacheFiles.add(cacheFile);
    return { ...task, cacheFile };
  }

  /**
   * The computed redline of a pair: from the pool (or an earlier build's
   * cache) when it was scheduled, computed here otherwise. Once every
   * scheduled page has taken its redline, the workers stop and the cache
   * files this build did not use are deleted.
   */
  async getBody(pair: RedlinePair): Promise<RedlineBody> {
    const build = this.#build;
    const ticket = build?.pending.get(pairKey(pair));
    if (!build || ticket === undefined) return runRedlineTask(this.#getTask(pair));
    build.pending.delete(pairKey(pair));
    build.taking += 1;
    const waiting = startStage();
    try {
      return build.pool && ticket >= 0 ? await build.pool.take(ticket) : runRedlineTask(this.#getTask(pair));
    } finally {
      build.waitedMs += waiting();
      build.taking -= 1;
      if (build.pending.size === 0 && build.taking === 0) {
        // Wall time from scheduling to the last page; the pages' wait is the part the redlines added to the build.
        recordStage('redlines: scheduled to last page', build.elapsed(), { pairs: build.pairs, workers: build.pool ? this.#input.workers : 0 });
        recordStage('redlines: pages waiting for them', build.waitedMs, { pairs: build.pairs });
        this.#build = undefined;
        void build.pool?.close();
        pruneRedlineCache(build.cacheFolder, build.cacheFiles);
      }
    }
  }
}
