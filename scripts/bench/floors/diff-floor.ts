/**
 * The floor of `policy diff` in the benchmark: the least a block-aligned
 * redline can do with jsdiff. `node diff-floor.ts <old.md> <new.md>` cuts both
 * texts into blocks at blank lines, aligns the blocks with diffArrays, and
 * word-diffs each replaced block with diffWords and a Russian word
 * segmenter; it prints the changed blocks. No headings, no Markdown, no
 * moves: what the product does beyond this is what its ratio pays for.
 */
import { diffArrays, diffWords } from 'diff';
import { readFileSync } from 'node:fs';

const [oldFile, newFile] = process.argv.slice(2);
if (!oldFile || !newFile) throw new Error('usage: diff-floor.ts <old.md> <new.md>');
const blocksOf = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== '');
const segmenter = new Intl.Segmenter('ru', { granularity: 'word' });
const out: string[] = [];
let removed: string[] = [];
const flush = (added: string[]) => {
  for (let i = 0; i < Math.max(removed.length, added.length); i++) {
    const parts = diffWords(removed[i] ?? '', added[i] ?? '', { intlSegmenter: segmenter });
    out.push(parts.map((part) => (part.added ? `{+${part.value}+}` : part.removed ? `[-${part.value}-]` : part.value)).join(''));
  }
  removed = [];
};
for (const part of diffArrays(blocksOf(oldFile), blocksOf(newFile))) {
  if (part.removed) removed.push(...part.value);
  else if (part.added) flush(part.value);
  else flush([]);
}
flush([]);
process.stdout.write(`${out.join('\n\n')}\n`);
