/**
 * Worker thread entry that renders versions for the content loader
 * (src/loaders/policy-loader.ts), with {@link renderVersionFiles}.
 */
import { renderVersionFiles } from './render-version.ts';
import { serveTasks } from './worker-pool.ts';

serveTasks(renderVersionFiles);
