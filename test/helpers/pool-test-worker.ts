/** Worker thread entry for the worker pool's tests. */
import { serveTasks } from '#lib/build/worker-pool.ts';
import { runPoolTestTask } from './pool-test-task.ts';

serveTasks(runPoolTestTask);
