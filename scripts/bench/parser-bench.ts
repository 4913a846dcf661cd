/**
 * The measurement the performance issue asks for before any faster parser
 * is allowed: on every corpus of the repository, each text rendered by
 * Astro's remark (unified) processor and by its native one (satteri), both
 * as Astro configures them for a bare site (GFM on, smart punctuation off,
 * no plugins), their time, and how many texts come out byte-identical. The
 * product renders with remark; this says what the native parser would save
 * and how far its output is from remark's before a single plugin is ported.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';

/** One corpus measured. */
export interface ParserBenchResult {
  corpus: string;
  texts: number;
  megabytes: number;
  remarkMs: number;
  nativeMs: number;
  identical: number;
  /** Identical once runs of whitespace between tags are ignored. */
  identicalIgnoringWhitespace: number;
  /** A text that differs, with the first place it does, for the report. */
  firstDifference: string | null;
}

function markdownFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md') && name !== 'README.md') files.push(path);
    }
  };
  walk(folder);
  return files;
}

const body = (text: string) => text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
const squeeze = (html: string) => html.replace(/>\s+</g, '><').trim();

/** Renders every text of each corpus with both processors. */
export async function runParserBench(options: { root: string; corpora: { name: string; folder: string; exclude?: string }[]; log: (line: string) => void }): Promise<ParserBenchResult[]> {
  const remark = await unified({ gfm: true, smartypants: false }).createRenderer({ syntaxHighlight: false });
  const native = await satteri({ features: { smartPunctuation: false } }).createRenderer({ syntaxHighlight: false });
  const results: ParserBenchResult[] = [];
  for (const corpus of options.corpora) {
    const texts = markdownFiles(corpus.folder)
      .filter((file) => !corpus.exclude || !file.startsWith(corpus.exclude))
      .map((file) => ({ file, text: body(readFileSync(file, 'utf8')) }));
    // Warm both once on the first text, so neither pays for compilation in the figures.
    if (texts[0]) {
      await remark.render(texts[0].text);
      await native.render(texts[0].text);
    }
    let remarkMs = 0;
    let nativeMs = 0;
    let identical = 0;
    let identicalIgnoringWhitespace = 0;
    let firstDifference: string | null = null;
    for (const { file, text } of texts) {
      let start = performance.now();
      const a = (await remark.render(text)).code;
      remarkMs += performance.now() - start;
      start = performance.now();
      const b = (await native.render(text)).code;
      nativeMs += performance.now() - start;
      if (a === b) identical += 1;
      if (squeeze(a) === squeeze(b)) identicalIgnoringWhitespace += 1;
      else if (firstDifference === null) {
        const [x, y] = [squeeze(a), squeeze(b)];
        let at = 0;
        while (at < x.length && x[at] === y[at]) at += 1;
        firstDifference = `${relative(options.root, file)}: remark ${JSON.stringify(x.slice(Math.max(0, at - 30), at + 50))} / native ${JSON.stringify(y.slice(Math.max(0, at - 30), at + 50))}`;
      }
    }
    const megabytes = texts.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0) / 1e6;
    const result = { corpus: corpus.name, texts: texts.length, megabytes, remarkMs, nativeMs, identical, identicalIgnoringWhitespace, firstDifference };
    results.push(result);
    options.log(
      `  parsers ${corpus.name}: ${texts.length} texts, remark ${(remarkMs / 1000).toFixed(2)} s, native ${(nativeMs / 1000).toFixed(2)} s, identical ${identical} (${identicalIgnoringWhitespace} ignoring whitespace)`,
    );
  }
  return results;
}
