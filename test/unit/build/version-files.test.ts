import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clearVersionFilesReport, getOutputPath, getVersionFilesReportFile, listVersionFiles, readVersionFilesReport, writeBuildVersionFiles, type VersionFileSources } from '#lib/build/version-files.ts';
import { renderPublishedText, sha256Hex } from '#lib/timeline/published-text.ts';
import { createTestContext, TEST_VERSIONS } from '../../helpers/site-context.ts';
import { recordedCorrection, withLedgerRecord } from '../../helpers/published-versions.ts';

const OUT = mkdtempSync(join(tmpdir(), 'version files папка '));
const BLOCKS = mkdtempSync(join(tmpdir(), 'version blocks '));
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(BLOCKS, { recursive: true, force: true });
});

// privacy/ru/2025-09-01 was corrected once: two texts by hash.
const corrected = TEST_VERSIONS.map((version) => {
  if (version.id !== 'privacy/ru/2025-09-01') return withLedgerRecord(version, '2025-08-01T00:00:00.000Z');
  const before = withLedgerRecord({ ...version, body: 'Текст до исправления.\n' }, '2025-08-01T00:00:00.000Z');
  const after = sha256Hex(renderPublishedText(version));
  const record = before.published as NonNullable<typeof before.published>;
  return { ...version, published: { ...record, corrections: [recordedCorrection({ date: '2025-09-10', reason: 'Опечатка', previousSha256: record.sha256, sha256: after, recordedAt: '2025-09-10T00:00:00.000Z' })] } };
});
const context = createTestContext('2026-11-26T12:00:00Z', corrected);
const archive = new Map(
  corrected.flatMap((version) => [
    [sha256Hex(renderPublishedText(version)), renderPublishedText(version)],
    ...(version.id === 'privacy/ru/2025-09-01' ? [[version.published?.sha256 ?? '', 'текст до исправления'] as const] : []),
  ]),
);
// A rendered version's blocks file, as the content loader writes it into the cache.
const blocksFile = (version: { id: string }) => {
  const file = join(BLOCKS, `${version.id.replaceAll('/', '_')}.blocks.json`);
  writeFileSync(file, `[{"id":"${version.id}","text":"Пункт"}]`);
  return file;
};
const sources: VersionFileSources = { blocksFile, archivedText: (sha) => archive.get(sha) ?? null };

describe('the version files', () => {
  test("are the Markdown, texts by hash, blocks, since.json and notices of every version, at the URL builders' paths", () => {
    const files = listVersionFiles(context, sources);
    const count = (kind: string) => files.filter((file) => file.kind === kind).length;
    expect([count('markdown'), count('markdown by hash'), count('blocks'), count('since.json'), count('notice')]).toEqual([5, 6, 5, 5, 10]);
    expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
    expect(files.filter((file) => file.kind === 'markdown').map((file) => file.path)).toContain('/legal/raw/privacy/ru/2025-09-01.md');
    expect(files.find((file) => file.path === '/legal/blocks/consent/ru/2025-09-01.json')?.contentType).toBe('application/json');
    expect(files.find((file) => file.path === '/legal/feed/v1/privacy/en/2025-09-01/since.json')?.contentType).toBe('application/json');
    expect(files.find((file) => file.path === '/legal/feed/v1/privacy/en/2025-09-01/notice.txt')?.contentType).toBe('text/plain; charset=utf-8');
    expect(files.find((file) => file.path === '/legal/feed/v1/privacy/ru/2025-09-01/notice.html')?.contentType).toBe('text/html; charset=utf-8');
    const markdown = files.find((file) => file.path === '/legal/raw/privacy/ru/2023-03-01.md');
    expect(markdown?.contentType).toBe('text/markdown; charset=utf-8');
    expect(sha256Hex(markdown?.render() ?? '')).toBe(corrected[0]?.published?.sha256);
  });

  test('refuse a text missing from the archive, naming the version and what to do', () => {
    const file = listVersionFiles(context, { ...sources, archivedText: () => null }).find((candidate) => candidate.kind === 'markdown by hash');
    expect(() => file?.render()).toThrow(/The published text [0-9a-f]{64} of [a-z]+\/ru\/[0-9-]+ is missing from the archive \(policies\/\.published\/\).*Restore the file/);
  });

  test('are written under the output folder without the base path, byte for byte', async () => {
    const files = listVersionFiles(context, sources);
    const { written } = await writeBuildVersionFiles(files, { outDir: OUT, reportFile: join(BLOCKS, 'report.json') }, '/legal/');
    expect(Object.fromEntries(Object.entries(written).map(([kind, { files: count }]) => [kind, count]))).toEqual({ markdown: 5, 'markdown by hash': 6, blocks: 5, 'since.json': 5, notice: 10 });
    const onDisk = readdirSync(OUT, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(OUT, join(entry.parentPath, entry.name)))
      .sort();
    expect(onDisk).toEqual(files.map((file) => file.path.slice('/legal/'.length)).sort());
    expect(readFileSync(join(OUT, 'blocks/privacy/en/2025-09-01.json'), 'utf8')).toBe('[{"id":"privacy/en/2025-09-01","text":"Пункт"}]');
    // The blocks are copied from the cache, byte for byte what the dev server serves.
    const blocks = files.find((file) => file.path === '/legal/blocks/privacy/en/2025-09-01.json');
    expect(blocks?.copyOf).toBeDefined();
    expect(readFileSync(join(OUT, 'blocks/privacy/en/2025-09-01.json'), 'utf8')).toBe(blocks?.render());
    // Every file holds exactly what the dev server would serve for its path.
    for (const file of files) expect(readFileSync(join(OUT, file.path.slice('/legal/'.length)), 'utf8')).toBe(file.render());
  });

  test('never leave the output folder', () => {
    expect(getOutputPath('/out', '/legal/', '/legal/raw/privacy/ru/v%201.md')).toBe('/out/raw/privacy/ru/v 1.md');
    expect(() => getOutputPath('/out', '/legal/', '/other/raw/x.md')).toThrow('outside the base path /legal/');
    expect(() => getOutputPath('/out', '/', '/raw/%2E%2E/x.md')).toThrow('does not name a file');
    expect(() => getOutputPath('/out', '/', '/raw/a%2Fb.md')).toThrow('does not name a file');
    expect(() => getOutputPath('/out', '/', '/raw//x.md')).toThrow('does not name a file');
  });

  test('of a build are written by its pages, with a report in the cache folder that the integration reads', async () => {
    // Beside the blocks, not under OUT: the test above compares OUT with the list, file for file.
    const out = join(BLOCKS, 'build');
    const reportFile = getVersionFilesReportFile(join(BLOCKS, 'cache'));
    expect(reportFile).toBe(join(BLOCKS, 'cache/policy-press/version-files.json'));
    // No report: no page of the build wrote the files (the integration stops the build).
    expect(readVersionFilesReport(reportFile)).toBeNull();
    const files = listVersionFiles(context, sources);
    const report = await writeBuildVersionFiles(files, { outDir: out, reportFile }, '/legal/');
    expect(readVersionFilesReport(reportFile)).toEqual(report);
    expect([report.files, report.written.notice.files]).toEqual([31, 10]);
    expect(readFileSync(join(out, 'raw/privacy/ru/2025-09-01.md'), 'utf8')).toBe(renderPublishedText(TEST_VERSIONS[1] as (typeof TEST_VERSIONS)[number]));
    // A later build clears an earlier build's report before its pages run.
    clearVersionFilesReport(reportFile);
    expect(readVersionFilesReport(reportFile)).toBeNull();
  });
});
