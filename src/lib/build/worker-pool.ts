/**
 * Running a build's independent, CPU-bound tasks (rendering each version,
 * computing each redline) on every core. Astro renders pages one after the
 * other on one thread; this pool lets worker threads compute the next tasks
 * while that thread writes pages, and the thread itself computes any task no
 * worker has started yet, so a machine with one core or a crashed worker
 * still gets every result, computed by the same function. A missing worker
 * file is an error, not a fallback: it means the code was moved or packaged
 * wrongly, and silently running on one thread would hide that. A worker that
 * cannot start or dies is reported through `onWorkerLost` (every pool must
 * be given one), never silently replaced by this thread.
 *
 * Tasks are submitted in the order their results will be taken. Workers only
 * run a bounded number of tasks ahead of the taker, so finished results
 * waiting in memory stay bounded however large the corpus is.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

/**
 * The worker entry files, relative to the project root. Astro bundles the
 * build's own code into `dist/`, so a worker is started from its source file,
 * found from the root the build runs in.
 */
export const WORKER_FILES = {
  version: 'src/lib/build/version-worker.ts',
  redline: 'src/lib/build/redline-worker.ts',
  lint: 'src/lib/build/lint-worker.ts',
} as const;

/** Options of an {@link OrderedTaskPool}. */
export interface TaskPoolOptions<I, O> {
  /** The worker module: a file that calls {@link serveTasks} with the same task function. */
  workerFile: string;
  /** Number of worker threads (see {@link getWorkerCount}); 0 runs everything on this thread. */
  workers: number;
  /** Computes a task on this thread: the same function the worker file serves. */
  run: (input: I) => O | Promise<O>;
  /** How many tasks workers may run ahead of the oldest result not taken yet. */
  lookahead?: number;
  /**
   * Told, once per worker, when a worker cannot start or dies before the pool
   * is closed ({@link describeLostWorker}); its tasks are then computed here.
   */
  onWorkerLost: (message: string) => void;
}

/** What happened to a worker the pool lost. */
interface LostWorker {
  /** The worker file, as the pool was given it. */
  file: string;
  /** Which of the pool's workers (1-based) and how many it started. */
  index: number;
  workers: number;
  /** Whether the worker thread had started running before it was lost. */
  started: boolean;
  /** Its error, or the exit code it ended with unasked. */
  cause: { error: Error } | { exitCode: number };
  /** The tasks it had not answered, now computed on this thread. */
  unfinished: number;
}

/** The report of a lost worker: what happened, what the build does about it, what to do. */
function describeLostWorker(lost: LostWorker): string {
  const what = 'error' in lost.cause ? `${lost.started ? 'failed' : 'could not start'}: ${lost.cause.error.message}` : `${lost.started ? 'stopped' : 'could not start'} with exit code ${lost.cause.exitCode}`;
  const tasks = `${lost.unfinished} unfinished ${lost.unfinished === 1 ? 'task is' : 'tasks are'}`;
  return (
    `Worker thread ${lost.index} of ${lost.workers} (${lost.file}) ${what}.\n` +
    `    The build goes on without it, with the same results, more slowly: its ${tasks} computed again by the threads left.\n` +
    '    If it happens again, build with POLICY_PRESS_WORKERS=0 and report it as a bug with this output.'
  );
}

type TaskState<I, O> = { status: 'queued'; input: I } | { status: 'running'; input: I; done: Promise<void> } | { status: 'done'; result: O } | { status: 'failed'; error: Error };

interface WorkerSlot {
  worker: Worker;
  /** The tasks sent to it and not answered yet, and how to report their end. */
  inFlight: { ticket: number; finish: () => void }[];
}

/**
 * Tasks sent to a worker ahead of its answers. A worker's answer is an event
 * of the building thread, handled only when that thread is not computing; a
 * second task already in the worker's hands keeps it busy meanwhile.
 */
const TASKS_PER_WORKER = 2;

interface TaskMessage<I> {
  ticket: number;
  input: I;
}

type ResultMessage<O> = { ticket: number; result: O } | { ticket: number; error: { message: string; stack?: string } };

/**
 * How many worker threads a build uses: one less than the cores (this thread
 * is busy too), at most `max`. `POLICY_PRESS_WORKERS` overrides it (0 turns
 * workers off, for debugging and for tests that compare both ways).
 */
export function getWorkerCount(env: NodeJS.ProcessEnv = process.env, max = 3): number {
  const forced = env['POLICY_PRESS_WORKERS'];
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  return Math.max(0, Math.min(max, availableParallelism() - 1));
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A pool of tasks whose results are taken in the order they were submitted. */
export class OrderedTaskPool<I, O> {
  readonly #run: (input: I) => O | Promise<O>;
  readonly #lookahead: number;
  readonly #tasks = new Map<number, TaskState<I, O>>();
  readonly #slots: WorkerSlot[] = [];
  readonly #onWorkerLost: (message: string) => void;
  readonly #workerFile: string;
  readonly #workers: number;
  /** Set by {@link close}: workers ending then were asked to. */
  #closing = false;
  #submitted = 0;
  /** The oldest ticket whose result was not taken yet: workers stay within the lookahead of it. */
  #oldest = 0;
  /** The oldest ticket that may still be queued. */
  #nextQueued = 0;

  constructor(options: TaskPoolOptions<I, O>) {
    this.#run = options.run;
    this.#onWorkerLost = options.onWorkerLost;
    this.#workerFile = options.workerFile;
    this.#workers = options.workers;
    this.#lookahead = options.lookahead ?? Math.max(8, options.workers * 32);
    if (options.workers > 0) {
      if (!existsSync(options.workerFile)) {
        throw new Error(`The worker file ${options.workerFile} does not exist; set POLICY_PRESS_WORKERS=0 to build on one thread, and report this as a bug.`);
      }
      for (let index = 0; index < options.workers; index++) this.#slots.push(this.#startWorker(index + 1));
    }
  }

  /** Queues a task; returns its ticket for {@link take}. */
  submit(input: I): number {
    const ticket = this.#submitted++;
    this.#tasks.set(ticket, { status: 'queued', input });
    this.#dispatch();
    return ticket;
  }

  /**
   * The result of a task. A task no worker has started runs here; while a
   * worker finishes this one, this thread computes the next queued tasks.
   */
  async take(ticket: number): Promise<O> {
    for (;;) {
      // Let finished workers report (their messages are events of this thread) and get their next task before this thread gets busy.
      if (this.#slots.length > 0) await yieldToEvents();
      const state = this.#tasks.get(ticket);
      if (!state) throw new Error(`Task ${ticket} was never submitted or was already taken.`);
      if (state.status === 'running') {
        const helped = await this.#runNextHere(ticket);
        if (!helped) await state.done;
        continue;
      }
      this.#tasks.delete(ticket);
      this.#advanceOldest();
      this.#dispatch();
      if (state.status === 'queued') return this.#run(state.input);
      if (state.status === 'failed') throw state.error;
      return state.result;
    }
  }

  /** Stops the workers; a task a worker had not answered is computed by its taker, on this thread. */
  async close(): Promise<void> {
    this.#closing = true;
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #advanceOldest(): void {
    while (this.#oldest < this.#submitted && !this.#tasks.has(this.#oldest)) this.#oldest++;
  }

  /** The oldest queued task within the lookahead, other than `except`. */
  #findQueued(except: number): number | undefined {
    while (this.#nextQueued < this.#submitted && this.#tasks.get(this.#nextQueued)?.status !== 'queued') this.#nextQueued++;
    const limit = Math.min(this.#submitted, this.#oldest + this.#lookahead);
    for (let ticket = this.#nextQueued; ticket < limit; ticket++) {
      if (ticket !== except && this.#tasks.get(ticket)?.status === 'queued') return ticket;
    }
    return undefined;
  }

  /** Computes the next queued task on this thread, keeping its result for its taker. */
  async #runNextHere(waitingFor: number): Promise<boolean> {
    const ticket = this.#findQueued(waitingFor);
    if (ticket === undefined) return false;
    const state = this.#tasks.get(ticket);
    if (state?.status !== 'queued') return false;
    let finish = () => {};
    this.#tasks.set(ticket, { status: 'running', input: state.input, done: new Promise<void>((resolve) => (finish = resolve)) });
    try {
      this.#tasks.set(ticket, { status: 'done', result: await this.#run(state.input) });
    } catch (error) {
      this.#tasks.set(ticket, { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    }
    finish();
    return true;
  }

  /** Gives queued tasks within the lookahead to workers with room for them. */
  #dispatch(): void {
    for (const slot of this.#slots) {
      while (slot.inFlight.length < TASKS_PER_WORKER) {
        const ticket = this.#findQueued(-1);
        if (ticket === undefined) return;
        const state = this.#tasks.get(ticket);
        if (state?.status !== 'queued') return;
        let finish = () => {};
        this.#tasks.set(ticket, { status: 'running', input: state.input, done: new Promise<void>((resolve) => (finish = resolve)) });
        try {
          slot.worker.postMessage({ ticket, input: state.input } satisfies TaskMessage<I>);
        } catch {
          // A task whose input cannot be sent (a function, say) runs here instead.
          this.#tasks.set(ticket, state);
          finish();
          return;
        }
        slot.inFlight.push({ ticket, finish });
      }
    }
  }

  #startWorker(index: number): WorkerSlot {
    const worker = new Worker(this.#workerFile);
    // Idle workers must not keep a finished build's process alive.
    worker.unref();
    const slot: WorkerSlot = { worker, inFlight: [] };
    worker.on('message', (message: ResultMessage<O>) => {
      const index = slot.inFlight.findIndex((task) => task.ticket === message.ticket);
      if (index === -1) return;
      const [task] = slot.inFlight.splice(index, 1);
      this.#tasks.set(message.ticket, 'error' in message ? { status: 'failed', error: Object.assign(new Error(message.error.message), { stack: message.error.stack }) } : { status: 'done', result: message.result });
      task?.finish();
      this.#dispatch();
    });
    let started = false;
    worker.once('online', () => (started = true));
    const retire = (cause: LostWorker['cause']) => {
      // A worker that cannot start or dies hands its tasks back to this thread, and says so, once ('error' comes before
      // 'exit'); one stopped by close() hands back what a taker may still wait for, unreported.
      const position = this.#slots.indexOf(slot);
      if (position !== -1) this.#slots.splice(position, 1);
      if (position !== -1 && !this.#closing) this.#onWorkerLost(describeLostWorker({ file: this.#workerFile, index, workers: this.#workers, started, cause, unfinished: slot.inFlight.length }));
      for (const task of slot.inFlight.splice(0)) {
        const state = this.#tasks.get(task.ticket);
        if (state?.status === 'running') {
          this.#tasks.set(task.ticket, { status: 'queued', input: state.input });
          this.#nextQueued = Math.min(this.#nextQueued, task.ticket);
        }
        task.finish();
      }
    };
    worker.on('error', (error) => retire({ error }));
    worker.on('exit', (exitCode) => retire({ exitCode }));
    return slot;
  }
}

/**
 * The worker side of an {@link OrderedTaskPool}: call it at the top level of
 * the worker module with the task function.
 */
export function serveTasks<I, O>(run: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run in a worker thread.');
  port.on('message', async ({ ticket, input }: TaskMessage<I>) => {
    try {
      port.postMessage({ ticket, result: await run(input) } satisfies ResultMessage<O>);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ ticket, error: { message: failure.message, ...(failure.stack ? { stack: failure.stack } : {}) } } satisfies ResultMessage<O>);
    }
  });
}
