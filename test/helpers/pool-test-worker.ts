/** Worker thread entry for the worker pool's tests. */
import { serveTasks } from '../../src/lib/worker-pool.ts';
import { runPoolTestTask } from './pool-test-task.ts';

serveTasks(runPoolTestTask);
