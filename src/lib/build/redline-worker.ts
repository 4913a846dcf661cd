/**
 * Worker thread entry that computes redline pages for the build, with
 * {@link runRedlineTask}.
 */
import { runRedlineTask } from './redline-task.ts';
import { serveTasks } from './worker-pool.ts';

serveTasks(runRedlineTask);
