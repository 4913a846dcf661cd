/**
 * Preloaded into a measured child process (`node --import …`): on exit it
 * writes the process's peak resident memory to the file named by
 * BENCH_RSS_FILE, so the benchmark reads an exact figure instead of polling.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['BENCH_RSS_FILE'];
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
