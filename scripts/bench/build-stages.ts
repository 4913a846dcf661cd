/**
 * The per-stage breakdown of one build, for `npm run bench`: the stages the
 * build recorded itself (POLICY_PRESS_PROFILE, see
 * src/lib/build/build-profile.ts) and the route times Astro prints, folded
 * into the stages the performance decisions are made on. The stages are
 * wall time; what no stage accounts for is Astro itself (start-up, config,
 * Vite bundling, writing files).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { StageRecord } from '#lib/build/build-profile.ts';

/** One line of the breakdown. */
export interface BuildStage {
  stage: string;
  seconds: number;
  detail: string;
}

/** A duration as Astro prints it: `12ms`, `26.42s`, or past a minute `1m 12s`. */
const DURATION = '(?:(\\d+)m )?(\\d+(?:\\.\\d+)?)(ms|s)';
const toMs = ([minutes, amount, unit]: (string | undefined)[]): number => Number(minutes ?? 0) * 60_000 + Number(amount) * (unit === 's' ? 1000 : 1);

/**
 * The routes Astro generated, by kind, with the time it printed for each
 * (`├─ /ru/privacy/index.html (+12ms)`), and the wall time of the whole
 * route phase (the `✓ Completed in 26.42s.` after the list). With
 * `build.concurrency` above one the routes overlap, so their times add up to
 * more than the phase: the stages share the phase's wall time in proportion.
 */
export function readRouteTimes(stdout: string): { pages: { count: number; ms: number }; files: { count: number; ms: number }; phaseMs: number | null } {
  const pages = { count: 0, ms: 0 };
  const files = { count: 0, ms: 0 };
  for (const match of stdout.matchAll(new RegExp(`[├└]─ (\\S+) \\(\\+${DURATION}\\)`, 'g'))) {
    const ms = toMs(match.slice(2));
    const target = (match[1] ?? '').endsWith('.html') ? pages : files;
    target.count += 1;
    target.ms += ms;
  }
  const after = stdout.slice(stdout.indexOf('generating static routes'));
  const phase = new RegExp(`\\n[^\\n]*? ✓ Completed in ${DURATION}\\.`).exec(after);
  const phaseMs = stdout.includes('generating static routes') && phase ? toMs(phase.slice(1)) : null;
  return { pages, files, phaseMs };
}

/** The stage records of a profile file (empty when the build wrote none). */
export function readStageRecords(file: string): StageRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as StageRecord);
}

const counts = (record: StageRecord | undefined) =>
  record?.counts
    ? Object.entries(record.counts)
        .map(([name, value]) => `${value.toLocaleString('en')} ${name}`)
        .join(', ')
    : '';

/**
 * The breakdown: content sync and rendering, redlines, page rendering, file
 * endpoints, search index, serving rules and log, and Astro itself. The
 * route times include the waits for the site context and for redlines, so
 * those are taken out of page rendering and shown as their own stages.
 */
export function getBuildStages(stdout: string, records: readonly StageRecord[], totalSeconds: number): BuildStage[] {
  const sum = (prefix: string) => records.filter((record) => record.stage.startsWith(prefix)).reduce((total, record) => total + record.ms, 0);
  const find = (stage: string) => records.find((record) => record.stage === stage);
  const routes = readRouteTimes(stdout);
  const contextMs = sum('site context');
  // Waits for redlines are summed over the pages that wait at once, like the route times: scaled the same way.
  const summed = routes.pages.ms + routes.files.ms;
  const share = routes.phaseMs !== null && summed > routes.phaseMs ? routes.phaseMs / summed : 1;
  const waitedMs = sum('redlines: pages waiting') * share;
  const redlinesWall = find('redlines: scheduled to last page');
  // The versions' Markdown, blocks and since.json, written after the pages (src/integrations/version-files-integration.ts).
  const versionFiles = find('version files');
  // Each kind's time is summed over the writes in flight at once: shown as its share of that sum.
  const kinds = records.filter((record) => record.stage.startsWith('version files: '));
  const inFlight = kinds.reduce((total, record) => total + record.ms, 0);
  const versionFilesDetail = versionFiles
    ? `${(versionFiles.ms / 1000).toFixed(1)} s for ${counts(versionFiles)} written after the pages (${kinds
        .map((record) => `${counts(record)} ${record.stage.slice('version files: '.length)} ${inFlight > 0 ? Math.round((record.ms / inFlight) * 100) : 0}%`)
        .join(', ')})`
    : 'no version files written after the pages';
  const stages: BuildStage[] = [
    {
      stage: 'content sync and rendering',
      seconds: sum('content:') / 1000,
      detail: records
        .filter((record) => record.stage.startsWith('content:'))
        .map((record) => `${record.stage.slice('content: '.length)} ${(record.ms / 1000).toFixed(1)} s${record.counts ? ` (${counts(record)})` : ''}`)
        .join('; '),
    },
    { stage: 'site context', seconds: contextMs / 1000, detail: counts(find('site context: read the collection, timelines, log')) },
    {
      stage: 'redlines (pages waiting)',
      seconds: waitedMs / 1000,
      detail: redlinesWall ? `${(redlinesWall.ms / 1000).toFixed(1)} s from scheduling to the last page, on workers beside the pages (${counts(redlinesWall)})` : 'no redline pages',
    },
    {
      stage: 'page rendering',
      seconds: Math.max(0, routes.pages.ms * share - waitedMs - contextMs) / 1000,
      detail: `${routes.pages.count.toLocaleString('en')} HTML pages${share < 1 ? `, ${Math.round((1 / share) * 10) / 10} at a time on average` : ''}`,
    },
    {
      stage: 'file endpoints',
      seconds: (routes.files.ms * share + (versionFiles?.ms ?? 0)) / 1000,
      detail: `${routes.files.count.toLocaleString('en')} feed, kit and index files through Astro's routes; ${versionFilesDetail}`,
    },
    { stage: 'search index', seconds: sum('search index') / 1000, detail: counts(find('search index (Pagefind)')) },
    { stage: 'serving rules and log', seconds: (sum('serving rules') + sum('public log')) / 1000, detail: counts(find('public log files')) },
  ];
  const accounted = stages.reduce((total, stage) => total + stage.seconds, 0);
  stages.push({ stage: 'Astro itself', seconds: Math.max(0, totalSeconds - accounted), detail: 'start-up, config, Vite bundling, writing the files (the rest of the wall time)' });
  return stages;
}
