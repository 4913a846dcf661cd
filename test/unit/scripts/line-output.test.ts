/**
 * The report lines of `verify` wait for a reader slower than the verifier
 * (a pipe to gzip or psql) instead of piling up in memory: LineOutput writes
 * a batch, and resolves only when the output takes more.
 */
import { Writable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { LineOutput } from '../../../scripts/commands/line-output.ts';

/** An output that takes one chunk and holds the next until `take` is called: a reader slower than the writer. */
function slowReader() {
  const chunks: string[] = [];
  const waiting: (() => void)[] = [];
  const out = new Writable({
    highWaterMark: 8,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      waiting.push(done);
    },
  });
  return { out, chunks, take: () => waiting.shift()?.() };
}

describe('LineOutput', () => {
  test('keeps lines until a batch is full, then writes them in one write', async () => {
    const { out, chunks, take } = slowReader();
    const output = new LineOutput(out, 3);
    output.add('a', 'b');
    await output.writeIfFull();
    expect(chunks).toEqual([]);
    output.add('c');
    const written = output.writeIfFull();
    take();
    await written;
    expect(chunks).toEqual(['a\nb\nc\n']);
  });

  test('waits for a slow reader before taking more, and end() writes the rest', async () => {
    const { out, chunks, take } = slowReader();
    const output = new LineOutput(out, 2);
    output.add('one', 'two');
    let resolved = false;
    const written = output.writeIfFull().then(() => (resolved = true));
    for (let i = 0; i < 5; i += 1) await tick();
    // The batch is over the output's high-water mark and not taken yet: the caller waits.
    expect(resolved).toBe(false);
    take();
    await written;
    expect(resolved).toBe(true);
    output.add('three');
    const ended = output.end();
    take();
    await ended;
    expect(chunks).toEqual(['one\ntwo\n', 'three\n']);
  });
});
