/**
 * The duplicate search of the DuckDB engine in slices of the fingerprints
 * (getRepeatedKeysSql): one aggregate over 100 million fingerprints ran out
 * of memory at the engine's limit, so a large file is searched one slice at
 * a time, and every slice count must find exactly what one aggregate finds.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { createKeysSql, getRepeatedKeysSql, KEYS_PER_SLICE } from '#lib/consent/sql/classify-duckdb.ts';

/** The repeated fingerprints DuckDB finds among `count` records (every 7th repeats an earlier one; one record is unreadable) when told the file has `told` records. */
async function repeatedKeys(count: number, told: number): Promise<{ keys: bigint[]; statements: string[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const rows = `(SELECT i AS line, hash(CASE WHEN i % 7 = 0 THEN i // 2 ELSE i END) AS key, CASE WHEN i = 3 THEN 'not-json' END AS read_error FROM range(${count}) AS r(i))`;
    await connection.run(createKeysSql('record_keys', rows));
    const statements = getRepeatedKeysSql('repeated_keys', 'record_keys', told);
    for (const statement of statements) await connection.run(statement);
    const keys = (await connection.runAndReadAll('SELECT d_key FROM repeated_keys ORDER BY d_key')).getRows().map(([key]) => key as bigint);
    return { keys, statements };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('getRepeatedKeysSql', () => {
  test('one aggregate up to KEYS_PER_SLICE fingerprints, then one slice per KEYS_PER_SLICE', () => {
    const inserts = (count: number) => getRepeatedKeysSql('r', 'k', count).filter((statement) => statement.startsWith('INSERT'));
    expect(inserts(0)).toHaveLength(1);
    expect(inserts(KEYS_PER_SLICE)).toEqual(['INSERT INTO r SELECT key FROM k GROUP BY key HAVING count(*) > 1']);
    expect(inserts(KEYS_PER_SLICE + 1)).toEqual([
      'INSERT INTO r SELECT key FROM k WHERE key % 2 = 0 GROUP BY key HAVING count(*) > 1',
      'INSERT INTO r SELECT key FROM k WHERE key % 2 = 1 GROUP BY key HAVING count(*) > 1',
    ]);
    expect(inserts(100_000_000)).toHaveLength(5);
  });

  test('finds in slices exactly the fingerprints one aggregate finds', async () => {
    const whole = await repeatedKeys(10_000, 10_000);
    // Every 7th record repeats the fingerprint of an earlier one: hundreds of repeated fingerprints.
    expect(whole.keys.length).toBeGreaterThan(500);
    for (const slices of [2, 3, 7]) {
      const sliced = await repeatedKeys(10_000, slices * KEYS_PER_SLICE);
      expect(sliced.statements.filter((statement) => statement.startsWith('INSERT'))).toHaveLength(slices);
      expect(sliced.keys).toEqual(whole.keys);
    }
  });
});
