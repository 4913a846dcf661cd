import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import { getWorkerCount, OrderedTaskPool, WORKER_FILES } from '#lib/build/worker-pool.ts';
import { runPoolTestTask, type PoolTestTask } from '../../helpers/pool-test-task.ts';

const WORKER = join(import.meta.dirname, '../../helpers/pool-test-worker.ts');
const BROKEN_WORKER = join(import.meta.dirname, '../../helpers/pool-broken-worker.ts');
type Result = ReturnType<typeof runPoolTestTask>;

const pools: OrderedTaskPool<PoolTestTask, Result>[] = [];
/** What the pools of a test reported of their workers; a test that expects none checks it is empty. */
let lost: string[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  lost = [];
});

function createPool(workers: number, options: { workerFile?: string; lookahead?: number } = {}): OrderedTaskPool<PoolTestTask, Result> {
  const pool = new OrderedTaskPool<PoolTestTask, Result>({
    workerFile: options.workerFile ?? WORKER,
    workers,
    run: runPoolTestTask,
    onWorkerLost: (message) => lost.push(message),
    ...(options.lookahead ? { lookahead: options.lookahead } : {}),
  });
  pools.push(pool);
  return pool;
}

async function takeAll(pool: OrderedTaskPool<PoolTestTask, Result>, tasks: PoolTestTask[]): Promise<Result[]> {
  const tickets = tasks.map((task) => pool.submit(task));
  const results: Result[] = [];
  for (const ticket of tickets) results.push(await pool.take(ticket));
  return results;
}

const squares = (count: number) => Array.from({ length: count }, (_, index) => index * index);

describe('OrderedTaskPool', () => {
  test('returns every result in order, computed by the workers and by this thread', async () => {
    const results = await takeAll(
      createPool(2),
      Array.from({ length: 40 }, (_, value) => ({ value, spinMs: 5 })),
    );
    expect(lost).toEqual([]);
    expect(results.map((result) => result.square)).toEqual(squares(40));
    const threads = new Set(results.map((result) => result.threadId));
    expect(threads.has(threadId)).toBe(true);
    expect(threads.size).toBeGreaterThan(1);
  });

  test('computes everything on this thread without workers', async () => {
    const results = await takeAll(
      createPool(0),
      Array.from({ length: 5 }, (_, value) => ({ value })),
    );
    expect(results).toEqual(squares(5).map((square) => ({ square, threadId })));
  });

  test('refuses a worker file that does not exist (a moved module must not silently fall back to one thread)', () => {
    const missing = join(import.meta.dirname, 'no-such-worker.ts');
    expect(() => createPool(2, { workerFile: missing })).toThrow(`The worker file ${missing} does not exist`);
  });

  test('accepts a missing worker file when no worker is asked for', async () => {
    const results = await takeAll(createPool(0, { workerFile: join(import.meta.dirname, 'no-such-worker.ts') }), [{ value: 3 }]);
    expect(results).toEqual([{ square: 9, threadId }]);
  });

  test.each(Object.entries(WORKER_FILES))('the %s worker file exists where the build starts it', (_kind, file) => {
    expect(existsSync(join(import.meta.dirname, '../../..', file))).toBe(true);
  });

  test('computes here the task of a worker that died (the first task goes to a worker at once), goes on, and says so', async () => {
    const tasks: PoolTestTask[] = Array.from({ length: 12 }, (_, value) => ({ value, spinMs: 2, ...(value === 0 ? { crash: true } : {}) }));
    const results = await takeAll(createPool(1), tasks);
    expect(results.map((result) => result.square)).toEqual(squares(12));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(/^Worker thread 1 of 1 \(.*pool-test-worker\.ts\) stopped with exit code 3\.\n/);
    expect(lost[0]?.split('\n').slice(1)).toEqual([
      '    The build goes on without it, with the same results, more slowly: its 2 unfinished tasks are computed again by the threads left.',
      '    If it happens again, build with POLICY_PRESS_WORKERS=0 and report it as a bug with this output.',
    ]);
  });

  test('reports a worker that cannot start, with its error, and computes everything here', async () => {
    const results = await takeAll(
      createPool(1, { workerFile: BROKEN_WORKER }),
      Array.from({ length: 6 }, (_, value) => ({ value })),
    );
    expect(results).toEqual(squares(6).map((square) => ({ square, threadId })));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(/^Worker thread 1 of 1 \(.*pool-broken-worker\.ts\) (could not start|failed): this worker is broken on purpose\.\n/);
  });

  test('gives a taker still waiting when the pool is closed its result, computed here, unreported', async () => {
    const pool = createPool(1);
    const tickets = [0, 1].map((value) => pool.submit({ value, spinMs: 300 }));
    const waiting = pool.take(tickets[1] as number);
    await pool.close();
    expect((await waiting).square).toBe(1);
    expect((await pool.take(tickets[0] as number)).square).toBe(0);
    expect(lost).toEqual([]);
  });

  test('reports nothing when workers end because the pool is closed', async () => {
    const pool = createPool(2);
    await takeAll(
      pool,
      Array.from({ length: 8 }, (_, value) => ({ value, spinMs: 1 })),
    );
    await pool.close();
    expect(lost).toEqual([]);
  });

  test('rejects with the error of a task that fails, in a worker or here', async () => {
    const pool = createPool(1);
    const tickets = [0, 1, 2, 3].map((value) => pool.submit({ value, spinMs: 2, fail: value === 2 }));
    expect((await pool.take(tickets[0] as number)).square).toBe(0);
    expect((await pool.take(tickets[1] as number)).square).toBe(1);
    await expect(pool.take(tickets[2] as number)).rejects.toThrow('task 2 failed on purpose');
    expect((await pool.take(tickets[3] as number)).square).toBe(9);
  });

  test('gives each result once', async () => {
    const pool = createPool(0);
    const ticket = pool.submit({ value: 3 });
    await pool.take(ticket);
    await expect(pool.take(ticket)).rejects.toThrow('never submitted or was already taken');
  });

  test('keeps results right with the smallest lookahead', async () => {
    const results = await takeAll(
      createPool(2, { lookahead: 1 }),
      Array.from({ length: 20 }, (_, value) => ({ value, spinMs: 1 })),
    );
    expect(results.map((result) => result.square)).toEqual(squares(20));
  });
});

describe('getWorkerCount', () => {
  test('follows POLICY_PRESS_WORKERS, and leaves a core to the build otherwise', () => {
    expect(getWorkerCount({ POLICY_PRESS_WORKERS: '0' })).toBe(0);
    expect(getWorkerCount({ POLICY_PRESS_WORKERS: '5' })).toBe(5);
    const count = getWorkerCount({});
    expect(count).toBeGreaterThanOrEqual(0);
    expect(count).toBeLessThanOrEqual(3);
  });
});
