/**
 * Builds the shipped sample for every browser test file, once per run: the
 * build tests use the same build (see buildSample).
 */
import { buildSample } from '../helpers/build-site.ts';

export default function setup(): void {
  const result = buildSample();
  if (result.status !== 0) throw new Error(`building the sample for browser tests failed:\n${result.output}`);
}
