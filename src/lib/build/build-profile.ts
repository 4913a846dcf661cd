/**
 * Where a build spends its time, stage by stage, for the per-stage
 * breakdown of `npm run bench`: each stage's wall time is appended as one
 * JSON line to the file `POLICY_PRESS_PROFILE` names. Without that variable
 * nothing is measured or written, so a normal build is unchanged.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One stage of a build as the profile file records it. */
export interface StageRecord {
  stage: string;
  ms: number;
  /** Counts that explain the time (texts rendered, pairs computed, from cache…). */
  counts?: Record<string, number>;
}

const profileFile = (): string | undefined => process.env['POLICY_PRESS_PROFILE'] || undefined;

/** Records a stage that took `ms`. */
export function recordStage(stage: string, ms: number, counts?: Record<string, number>): void {
  const file = profileFile();
  if (!file) return;
  const record: StageRecord = { stage, ms: Math.round(ms * 10) / 10, ...(counts ? { counts } : {}) };
  appendFileSync(file, `${JSON.stringify(record)}\n`);
}

/** A stopwatch for a stage whose start and end are in different places. */
export function startStage(): () => number {
  const start = performance.now();
  return () => performance.now() - start;
}
