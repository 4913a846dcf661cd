/**
 * What the embedded engine may use, set rather than left to DuckDB's
 * defaults (80% of the machine's memory, every core, its own temp folder):
 * a memory limit taken from a budget for the whole process, a spill folder
 * in the OS temp folder (a query larger than the limit spills to disk
 * instead of failing), the threads the machine offers, insertion order
 * kept only where line numbers come from the order rows are read in, and
 * freed memory handed back to the OS promptly.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The default budget of a `verify --engine duckdb` process, in MB. */
export const DEFAULT_MEMORY_BUDGET_MB = 1024;
/** DuckDB's share of the budget; the rest is Node, the native library and the results on their way to the report. */
const DUCKDB_SHARE = 0.6;

/** The settings a DuckDB instance is created with. */
export function getEngineSettings(budgetMb = DEFAULT_MEMORY_BUDGET_MB, spillFolder = join(tmpdir(), 'policy-press-duckdb')): Record<string, string> {
  return {
    memory_limit: `${Math.max(64, Math.floor(budgetMb * DUCKDB_SHARE))}MB`,
    temp_directory: spillFolder,
    threads: String(availableParallelism()),
    // Line numbers of CSV and JSON Lines files come from the order lines are read in (see duckdb-engine.ts): order is kept where they do, per query.
    preserve_insertion_order: 'false',
    // Memory a query freed goes back to the OS between its tasks (jemalloc keeps it otherwise): the limit bounds DuckDB's buffers, not what its allocator holds. 100M Parquet records peaked at 1,013 and 1,279 MB in two runs with the defaults, 949 and 921 MB with these, in the same time.
    allocator_background_threads: 'true',
    allocator_flush_threshold: '32MB',
  };
}
