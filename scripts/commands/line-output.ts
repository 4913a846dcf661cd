/**
 * Report lines to standard output, a thousand to a write, waiting for the
 * reader when it is slower than `verify`: a pipe (`| gzip`, `| psql`) that
 * takes the lines slower than they come made Node hold every line written
 * and not yet taken. `verify --engine duckdb` over 100M Parquet records, its
 * million failing records piped to the benchmark, peaked at 1,274 MB against
 * 958 MB written to a file; with 10M records streamed with `--json` into a
 * slow pipe, memory would grow with the records.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export class LineOutput {
  private lines: string[] = [];
  private readonly out: Writable;
  private readonly batch: number;

  constructor(out: Writable = process.stdout, batch = 1000) {
    this.out = out;
    this.batch = batch;
  }

  /** Keeps lines to write. */
  add(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** Writes the lines kept once there is a batch of them; resolves when the output takes more. */
  async writeIfFull(): Promise<void> {
    if (this.lines.length >= this.batch) await this.end();
  }

  /** Writes every line kept; resolves when the output takes more. */
  async end(): Promise<void> {
    if (this.lines.length === 0) return;
    const text = `${this.lines.join('\n')}\n`;
    this.lines = [];
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
