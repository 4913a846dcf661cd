/**
 * Builds the shipped sample once for every browser test file.
 */
import { buildSite, LATER_EPOCH } from '../helpers/build-site.ts';

export default function setup(): void {
  const result = buildSite({ policiesDir: 'policies', name: 'browser-sample', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
  if (result.status !== 0) throw new Error(`building the sample for browser tests failed:\n${result.output}`);
}
