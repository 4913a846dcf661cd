/**
 * `node scripts/generate-corpus.ts --out DIR [--policies 20] [--locales 2] [--versions 50] [--kb 15] [--seed 1]`:
 * a synthetic corpus in the content layout for benchmarks: numbered sections
 * and clauses in Russian and English, each version changing 2–10% of the
 * sentences of the one before. The same options give the same files.
 *
 * `node scripts/generate-corpus.ts --out DIR --scale FOLDER --copies 10`: a
 * real corpus made bigger with its own shape: every policy of FOLDER copied
 * under new ids (`<id>-2` … `<id>-10`) beside the original, texts unchanged.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom, generatePolicyLines, mutatePolicyLines, toMarkdown, type SyntheticLocale } from './bench/synthetic-policy.ts';

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  out: string;
  policies: number;
  locales: number;
  versions: number;
  kb: number;
  seed: number;
}

const LOCALES: SyntheticLocale[] = ['ru', 'en'];
const TITLES: Record<SyntheticLocale, string> = { ru: 'Политика', en: 'Policy' };

/** Writes the corpus; returns the number of versions written. */
export function generateCorpus(options: CorpusOptions): number {
  rmSync(options.out, { recursive: true, force: true });
  let written = 0;
  for (let p = 1; p <= options.policies; p++) {
    const policy = `policy-${String(p).padStart(2, '0')}`;
    for (const locale of LOCALES.slice(0, options.locales)) {
      const random = createRandom(options.seed * 100_003 + p * 101 + LOCALES.indexOf(locale));
      let lines = generatePolicyLines(random, locale, options.kb * 1024);
      for (let v = 1; v <= options.versions; v++) {
        if (v > 1) lines = mutatePolicyLines(random, locale, lines, 0.02 + random() * 0.08);
        // Versions a month apart from 2020 on; translations share ids and dates.
        const date = new Date(Date.UTC(2020, 0, 1) + (v - 1) * 30 * 86_400_000).toISOString().slice(0, 10);
        // Translations of one version agree on changeType (the build requires it), so it comes from the policy and version
        // alone; the draw from `random` stays so the texts are the ones earlier runs generated.
        random();
        const changeType = v > 1 && createRandom(options.seed * 7919 + p * 131 + v)() < 0.25 ? 'editorial' : 'material';
        const front = [
          '---',
          `title: ${TITLES[locale]} ${p}`,
          `effective: ${date}`,
          ...(v > 1 ? ['summary:', `  - ${locale === 'ru' ? 'Изменены пункты' : 'Clauses changed'} ${v}`, `changeType: ${changeType}`] : []),
          '---',
          '',
        ].join('\n');
        const folder = join(options.out, policy, locale);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, `${date}.md`), `${front}\n${toMarkdown(lines)}`);
        written += 1;
      }
    }
  }
  return written;
}

/** Copies every policy folder of `from` into `out`, `copies` times in all (the first under its own id); returns the versions written. */
export function scaleCorpus(options: { from: string; out: string; copies: number }): number {
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  // Policy folders only: a ledger or log state belongs to the original site and would not match the copies.
  const policies = readdirSync(options.from).filter((name) => !name.startsWith('.') && statSync(join(options.from, name)).isDirectory());
  let written = 0;
  for (const policy of policies) {
    const versions = readdirSync(join(options.from, policy), { recursive: true }).filter((name) => String(name).endsWith('.md')).length;
    for (let copy = 1; copy <= options.copies; copy++) {
      cpSync(join(options.from, policy), join(options.out, copy === 1 ? policy : `${policy}-${copy}`), { recursive: true });
      written += versions;
    }
  }
  return written;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      policies: { type: 'string', default: '20' },
      locales: { type: 'string', default: '2' },
      versions: { type: 'string', default: '50' },
      kb: { type: 'string', default: '15' },
      seed: { type: 'string', default: '1' },
      scale: { type: 'string' },
      copies: { type: 'string', default: '10' },
    },
  });
  if (values.out && values.scale) {
    const count = scaleCorpus({ from: values.scale, out: values.out, copies: Number(values.copies) });
    console.log(`${count} versions written to ${values.out}`);
  } else if (!values.out) {
    console.error('Usage: node scripts/generate-corpus.ts --out DIR [--policies 20] [--locales 2] [--versions 50] [--kb 15] [--seed 1]\n       node scripts/generate-corpus.ts --out DIR --scale FOLDER [--copies 10]');
    process.exitCode = 1;
  } else {
    const count = generateCorpus({
      out: values.out,
      policies: Number(values.policies),
      locales: Number(values.locales),
      versions: Number(values.versions),
      kb: Number(values.kb),
      seed: Number(values.seed),
    });
    console.log(`${count} versions written to ${values.out}`);
  }
}
