/**
 * A lock between the processes of one test run. Vitest runs test files side
 * by side in several worker processes; two files that ask for the same shared
 * build (build-site.ts, oncePerRun) must not both make it into one folder.
 * The lock is a folder (mkdir either creates it or fails, atomically) holding
 * its owner's pid: a lock whose owner has died (a run killed half-way) is
 * taken over, never waited on.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** How long a process waits for another to finish what it makes under the lock: the longest shared build, with room. */
const WAIT_MS = 10 * 60_000;
/** How often a waiting process looks again. */
const POLL_MS = 200;
/** A lock folder without its owner file yet: its owner is between mkdir and writing the file; older than this, it died there. */
const OWNERLESS_MS = 10_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` (a worker's test code is synchronous here: spawnSync builds). */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Whether a process with this pid exists on this machine. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock if it is free or its owner is dead; false if a live process holds it. */
function tryTake(lock: string, since: number): boolean {
  const owner = join(lock, 'owner');
  try {
    mkdirSync(lock);
    writeFileSync(owner, `${process.pid} ${threadId}`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let holder: number[] | undefined;
  try {
    holder = readFileSync(owner, 'utf8').split(' ').map(Number);
  } catch {
    // Its owner has not written the file yet, or died before it did.
    if (Date.now() - since < OWNERLESS_MS) return false;
  }
  if (holder) {
    const [pid = 0, thread = 0] = holder;
    // Another thread of this process (vitest's threads pool) is alive as long as this one is.
    if (pid === process.pid ? thread !== threadId : isAlive(pid)) return false;
  }
  // The owner died holding it (or this very thread took it and was cut off half-way): take it over.
  rmSync(lock, { recursive: true, force: true });
  return false;
}

/**
 * Runs `work` while holding the lock `<folder>.lock`, waiting for any other
 * process of the machine that holds it; releases it however `work` ends.
 */
export function withFolderLock<T>(folder: string, work: () => T): T {
  const lock = `${folder}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  const since = Date.now();
  while (!tryTake(lock, since)) {
    if (Date.now() - since > WAIT_MS) throw new Error(`waited ${WAIT_MS / 60_000} minutes for ${lock}, held by another test process: is a test run hanging?`);
    sleepSync(POLL_MS);
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
