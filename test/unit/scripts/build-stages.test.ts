import { describe, expect, test } from 'vitest';
import { getBuildStages, readRouteTimes } from '../../../scripts/bench/build-stages.ts';

// Excerpts of what `astro build` printed in the benchmark: a route phase past a minute, and one under it.
const PAST_A_MINUTE = ` generating static routes 
07:58:16   ├─ /feed/v1/versions.csv-metadata.json (+838ms) 
07:58:16   ├─ /feed/v1/policy-01.json (+30ms) 
07:59:25   ├─ /ru/policy-50/index.html (+1.20s) 
07:59:25   ├─ /index.html (+17ms) 
07:59:25 ✓ Completed in 1m 12s.

07:59:42 [build] ✓ Completed in 1m 32s.
`;

describe("the benchmark's build breakdown", () => {
  test('reads route times and a route phase past a minute ("1m 12s")', () => {
    expect(readRouteTimes(PAST_A_MINUTE)).toEqual({ pages: { count: 2, ms: 1217 }, files: { count: 2, ms: 868 }, phaseMs: 72_000 });
    expect(readRouteTimes(PAST_A_MINUTE.replace('1m 12s', '26.42s')).phaseMs).toBe(26_420);
    expect(readRouteTimes('no routes').phaseMs).toBeNull();
  });

  test('counts the version files written after the pages as file endpoints, and leaves Astro the rest', () => {
    const records = [
      { stage: 'version files', ms: 4000, counts: { files: 8000 } },
      { stage: 'version files: markdown', ms: 3000, counts: { files: 4000 } },
      { stage: 'version files: since.json', ms: 9000, counts: { files: 4000 } },
    ];
    const stages = getBuildStages(PAST_A_MINUTE, records, 92);
    const files = stages.find((stage) => stage.stage === 'file endpoints');
    expect(files?.seconds).toBeCloseTo(0.868 + 4, 3);
    expect(files?.detail).toContain('4.0 s for 8,000 files written after the pages (4,000 files markdown 25%, 4,000 files since.json 75%)');
    expect(stages.reduce((total, stage) => total + stage.seconds, 0)).toBeCloseTo(92, 3);
  });
});
