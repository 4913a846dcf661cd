/**
 * Worker thread entry that lints texts for `npm run policy -- check` and
 * `publish`, with {@link runLintTask} (the build lints in its render workers).
 */
import { runLintTask } from './lint-cache.ts';
import { serveTasks } from './worker-pool.ts';

serveTasks(runLintTask);
