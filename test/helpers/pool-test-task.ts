/**
 * A task for the worker pool's tests: squares a number, after spinning the
 * CPU for a while if asked, and can fail or kill its worker thread on purpose.
 */
import { isMainThread, threadId } from 'node:worker_threads';

/** One test task. */
export interface PoolTestTask {
  value: number;
  /** Busy time, so several threads get to take part. */
  spinMs?: number;
  /** Throw an error (on any thread). */
  fail?: boolean;
  /** Exit the worker thread without answering (on a worker only). */
  crash?: boolean;
}

/** The square of the value, and which thread computed it. */
export function runPoolTestTask(task: PoolTestTask): { square: number; threadId: number } {
  if (task.crash && !isMainThread) process.exit(3);
  if (task.fail) throw new Error(`task ${task.value} failed on purpose`);
  const until = performance.now() + (task.spinMs ?? 0);
  while (performance.now() < until) {
    // Busy on purpose.
  }
  return { square: task.value * task.value, threadId };
}
