/** Where the browser tests find the sample built by global-setup.ts. */
import { join } from 'node:path';
import { OUTPUT } from '../helpers/build-site.ts';

export const SAMPLE_DIST = join(OUTPUT, 'browser-sample', 'dist');
