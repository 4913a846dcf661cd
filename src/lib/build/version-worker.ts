/**
 * Worker thread entry that renders and lints versions for the content loader
 * (src/loaders/policy-loader.ts) and lints texts for `check`, with {@link runVersionTask}.
 */
import { runVersionTask } from './render-version.ts';
import { serveTasks } from './worker-pool.ts';

serveTasks(runVersionTask);
