/** Where the browser tests find the sample built by global-setup.ts (the same build the build tests read). */
export { SAMPLE_DIST } from '../helpers/build-site.ts';
