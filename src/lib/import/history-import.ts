/**
 * From the commits of one file to the versions of one policy: what
 * `npm run policy -- import` writes, decided from plain data so it is tested
 * without git. Each commit that changed the text becomes a version, dated by
 * the date the text states about itself (the forms the `stated-date` rule
 * reads), else by the commit's date (for Open Terms Archive, the fetch date),
 * and every decision is said in the report: where each date came from, which
 * commits were skipped (identical text, a technical upgrade, a deletion) and
 * which a later commit of the same day replaced. What cannot be decided
 * safely (a text that is not UTF-8, a link in place of the file, dates that go
 * backwards, no title) is refused, naming the commit, and nothing is written.
 */
import type { Nodes } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { decodeUtf8, InvalidUtf8Error, toCanonicalBody, toCanonicalText } from '#lib/corpus/canonical-text.ts';
import { splitFrontMatter } from '#lib/corpus/front-matter-yaml.ts';
import { parsePolicyPath } from '#lib/corpus/policy-path.ts';
import { findStatedDates, type StatedDate } from '#lib/lint/stated-dates.ts';
import { getTextRuns } from '#lib/markdown/text-runs.ts';
import { parsePolicyMarkdown } from '#lib/markdown/markdown-pipeline.ts';
import { formatZonedInstant, getStartOfZonedDay, getZonedParts } from '#lib/time/zoned-time.ts';
import type { FileCommit } from './git-file-history.ts';

/** A commit with the bytes of the file after it (null when the commit deleted it). */
export interface CommitText extends FileCommit {
  bytes: Uint8Array | null;
}

/** Where the history comes from: a git repository, or an Open Terms Archive versions repository (whose commit dates are fetch dates). */
export type HistoryKind = 'git' | 'ota';

/** What the import is asked to do. */
export interface ImportOptions {
  kind: HistoryKind;
  policy: string;
  locale: string;
  /** The site's time zone: a stated date is the start of that day there; version ids are days there. */
  timeZone: string;
  /** Commits (full or abbreviated hashes) whose own date is taken even though the text states one (`--use-commit-date`). */
  useCommitDate?: readonly string[];
  /** The title when no version has a heading or a title of its own. */
  title?: string;
}

/** Where a version's effective date came from. */
type DateSource = { kind: 'stated'; quote: string } | { kind: 'commit'; reason: 'none-stated' | 'asked' } | { kind: 'commit'; reason: 'copied'; quote: string };

/** One version the import writes. */
export interface ImportedVersion {
  version: string;
  commit: string;
  /** What the front matter says: `2024-02-01` for a stated day, else the commit's instant with its offset in the site's time zone. */
  effective: string;
  effectiveFrom: number;
  source: DateSource;
  title: string;
  summary: string;
  body: string;
  /** The path of the file in the repository at that commit. */
  path: string;
  /** Commits of the same day this one replaced, oldest first. */
  replaced: string[];
}

/** What the import decided. */
export interface ImportPlan {
  versions: ImportedVersion[];
  /** One line per event besides the versions (renames, skipped commits), in commit order. */
  notes: string[];
  skippedIdentical: number;
  skippedUpgrades: number;
  commits: number;
}

/** A history that cannot be imported as it is: the message names the commit and what to do. */
export class HistoryImportError extends Error {
  override name = 'HistoryImportError';
}

const short = (commit: string) => commit.slice(0, 12);
const two = (value: number) => String(value).padStart(2, '0');
const dayOf = (instant: number, timeZone: string) => {
  const parts = getZonedParts(instant, timeZone);
  return `${parts.year}-${two(parts.month)}-${two(parts.day)}`;
};

// Open Terms Archive's commit subjects (its engine's record.js): a technical upgrade re-extracts an
// unchanged document with new rules, which is not a change of the terms.
const OTA_TECHNICAL_UPGRADE = /^(?:Apply technical or declaration upgrade on|Refilter)\b/;

/** The plain text of an mdast node. */
function plainText(node: Nodes): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return 'children' in node ? node.children.map((child) => plainText(child as Nodes)).join('') : '';
}

/**
 * The date the text states about itself: "effective" first, else "last updated"; a day, not only a month.
 * @public Exported for its tests: the stated-date reading is tested on real wordings, without a git history.
 */
export function findEffectiveStatement(body: string, locale: string): StatedDate | null {
  const stated = getTextRuns(parsePolicyMarkdown(body)).flatMap((run) => findStatedDates(run.text, locale).map((date) => ({ ...date, text: run.text.slice(date.labelStart, date.end).replace(/\s+/g, ' ') })));
  const usable = stated.filter((date) => date.valid && date.day !== null);
  return usable.find((date) => date.kind === 'effective') ?? usable.find((date) => date.kind === 'updated') ?? null;
}

/**
 * The commit message as a summary, marked as what it is: the words of a commit, not of the legal team.
 * @public Exported for its tests: the summary's wording is tested without a git history.
 */
export function getCommitSummary(message: string, locale: string, kind: HistoryKind): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^[\w-]+-by:/i.test(line));
  // A merge's own subject says nothing of the text; GitHub puts the pull request's title on the next line.
  const subject = (/^Merge (?:pull request|branch)\b/.test(lines[0] ?? '') && lines[1] ? lines[1] : lines[0]) ?? '';
  const russian = new Intl.Locale(locale).language === 'ru';
  const label = kind === 'ota' ? (russian ? 'Запись Open Terms Archive' : 'Open Terms Archive record') : russian ? 'Сообщение коммита' : 'Commit message';
  const quoted = russian ? `«${subject}»` : `“${subject}”`;
  return subject === '' ? `${label}: ${russian ? '(пусто)' : '(empty)'}` : `${label}: ${quoted}`;
}

/** The text of a commit: decoded strictly, canonical, its own front matter (a Jekyll or Hugo site's) left out. */
function readText(entry: CommitText, bytes: Uint8Array): { body: string; ownTitle: string | null } {
  if (bytes.includes(0)) throw new HistoryImportError(`commit ${short(entry.commit)}: ${entry.path} is not a text file (it holds NUL bytes). Import a Markdown file.`);
  let text: string;
  try {
    text = toCanonicalText(decodeUtf8(bytes));
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    throw new HistoryImportError(
      `commit ${short(entry.commit)}: ${entry.path} is not UTF-8 text. Convert the history to UTF-8 first (for example with a commit that re-encodes the file), or import only the commits after it: a text decoded with a guessed encoding could change what people agreed to.`,
    );
  }
  const split = splitFrontMatter(text);
  if (!split.ok) return { body: toCanonicalBody(text), ownTitle: null };
  let ownTitle: string | null = null;
  try {
    const data: unknown = parseYaml(split.file.yaml, { schema: 'core' });
    if (data !== null && typeof data === 'object' && typeof (data as { title?: unknown }).title === 'string') ownTitle = (data as { title: string }).title.trim() || null;
  } catch {
    // A front matter that is not YAML is left out all the same; the title then comes from the heading.
  }
  return { body: toCanonicalBody(split.file.body), ownTitle };
}

/** The first heading's text. */
function firstHeading(body: string): string | null {
  const heading = parsePolicyMarkdown(body).children.find((node) => node.type === 'heading');
  const text = heading ? plainText(heading).replace(/\s+/g, ' ').trim() : '';
  return text === '' ? null : text;
}

function describeSource(version: ImportedVersion, kind: HistoryKind): string {
  if (version.source.kind === 'stated') return `stated in the text ("${version.source.quote}")`;
  const date = kind === 'ota' ? 'the fetch date' : "the commit's date";
  if (version.source.reason === 'copied') return `${date} (the text still states the previous version's date: "${version.source.quote}")`;
  return version.source.reason === 'asked' ? `${date} (--use-commit-date)` : `${date} (the text states no date)`;
}

/**
 * Plans the import of a file's commits, oldest first.
 * @throws HistoryImportError for what cannot be imported safely
 */
export function planImport(commits: readonly CommitText[], options: ImportOptions): ImportPlan {
  const layout = parsePolicyPath(`${options.policy}/${options.locale}/2000-01-01.md`);
  if (!layout.ok) throw new HistoryImportError(`--policy ${options.policy} --locale ${options.locale}: ${layout.message}. ${layout.hint}`);
  if (commits.length === 0) throw new HistoryImportError('the file has no commits');
  const asked = options.useCommitDate ?? [];
  const usedAsk = new Set<string>();
  const versions: ImportedVersion[] = [];
  const notes: string[] = [];
  let skippedIdentical = 0;
  let skippedUpgrades = 0;
  let lastBody: string | null = null;
  let title: string | null = null;
  let lastStatedDay: number | null = null;

  for (const entry of commits) {
    if (entry.renamedFrom) notes.push(`followed a rename at commit ${short(entry.commit)}: ${entry.renamedFrom} → ${entry.path}`);
    if (entry.mode === '120000') throw new HistoryImportError(`commit ${short(entry.commit)}: ${entry.path} is a symbolic link there; links are not followed. Import the file the link points to, with --path.`);
    if (entry.mode === '160000') throw new HistoryImportError(`commit ${short(entry.commit)}: ${entry.path} is a submodule there, not a file. Import the file from the submodule's own repository.`);
    if (entry.bytes === null || entry.status === 'D') {
      notes.push(`commit ${short(entry.commit)} deleted ${entry.path}; the version before it stays the last until the file comes back`);
      continue;
    }
    if (options.kind === 'ota' && OTA_TECHNICAL_UPGRADE.test(entry.message)) {
      skippedUpgrades++;
      notes.push(`skipped commit ${short(entry.commit)}: an Open Terms Archive technical upgrade (the document re-extracted, not changed by the service)`);
      continue;
    }
    const { body, ownTitle } = readText(entry, entry.bytes);
    if (body.trim() === '') {
      notes.push(`skipped commit ${short(entry.commit)}: ${entry.path} is empty there`);
      continue;
    }
    if (body === lastBody) {
      skippedIdentical++;
      notes.push(`skipped commit ${short(entry.commit)}: the text is identical to the previous version's after normalization`);
      continue;
    }
    lastBody = body;
    title = firstHeading(body) ?? ownTitle ?? title ?? options.title ?? null;
    if (title === null) {
      throw new HistoryImportError(`commit ${short(entry.commit)}: ${entry.path} has no heading and no title of its own to take the version's title from. Give one with --title "<title>".`);
    }
    const ask = asked.find((prefix) => entry.commit.startsWith(prefix));
    if (ask) usedAsk.add(ask);
    const found = ask ? null : findEffectiveStatement(body, options.locale);
    const committed = Date.parse(entry.committedAt);
    const foundDay = found ? getStartOfZonedDay(found.year, found.month, found.day as number, options.timeZone) : null;
    const last = versions.at(-1);
    // A changed text that still states the date of the version before it: the date came with the copied text.
    // Changed before that date, it is the text that took effect then (it replaces the earlier one, below);
    // changed after, it is a new version of its own, dated by its commit.
    const copied = found !== null && foundDay === lastStatedDay && last !== undefined && committed >= last.effectiveFrom;
    if (foundDay !== null) lastStatedDay = foundDay;
    const stated = copied ? null : found;
    const effectiveFrom = stated && foundDay !== null ? foundDay : committed;
    const effective = stated ? dayOf(effectiveFrom, options.timeZone) : formatZonedInstant(committed, options.timeZone);
    const source: DateSource = stated ? { kind: 'stated', quote: stated.text } : copied && found ? { kind: 'commit', reason: 'copied', quote: found.text } : { kind: 'commit', reason: ask ? 'asked' : 'none-stated' };
    const version: ImportedVersion = {
      version: dayOf(effectiveFrom, options.timeZone),
      commit: entry.commit,
      effective,
      effectiveFrom,
      source,
      title,
      summary: getCommitSummary(entry.message, options.locale, options.kind),
      body,
      path: entry.path,
      replaced: [],
    };
    const sameDay = versions.at(-1);
    if (sameDay && sameDay.version === version.version) {
      // One version a day: the later commit's text is the one that stood at the end of that day.
      versions.pop();
      version.replaced = [...sameDay.replaced, sameDay.commit];
      notes.push(`commit ${short(entry.commit)} replaces commit ${short(sameDay.commit)}: both take effect on ${version.version}, and the later text is the one that stood`);
    }
    const previous = versions.at(-1);
    if (previous && version.effectiveFrom <= previous.effectiveFrom) {
      throw new HistoryImportError(
        `commit ${short(entry.commit)}: its text takes effect on ${version.version}, ${describeSource(version, options.kind)}, before the version of commit ${short(previous.commit)} (${previous.version}, ${describeSource(previous, options.kind)}): the dates go backwards. Check both texts; if the stated date of one is wrong, take that commit's own date with --use-commit-date ${short(entry.commit)} (or ${short(previous.commit)}).`,
      );
    }
    versions.push(version);
  }
  const unused = asked.filter((prefix) => !usedAsk.has(prefix));
  if (unused.length > 0) throw new HistoryImportError(`--use-commit-date ${unused.join(', ')}: names no imported commit of this file. Give the hash of a commit the report lists.`);
  if (versions.length === 0) throw new HistoryImportError('no commit of the file has a text to import');
  return { versions, notes, skippedIdentical, skippedUpgrades, commits: commits.length };
}

/** The version file the import writes: the front matter says where the text and its date came from. */
export function renderImportedVersion(version: ImportedVersion, options: Pick<ImportOptions, 'kind'>): string {
  return [
    '---',
    `# Imported from ${options.kind === 'ota' ? 'an Open Terms Archive versions repository' : 'git'}: commit ${version.commit}, ${version.path}`,
    `# effective: ${describeSource(version, options.kind)}`,
    `title: ${JSON.stringify(version.title)}`,
    `effective: ${version.effective}`,
    'summary:',
    `  - ${JSON.stringify(version.summary)}`,
    'changeType: material',
    '---',
    '',
    version.body.trimEnd(),
    '',
  ].join('\n');
}

/** The report: one line per version (id, commit, effective date and where it came from), the notes, then the counts. */
export function formatImportReport(plan: ImportPlan, options: Pick<ImportOptions, 'kind'>): string[] {
  const lines = plan.versions.map((version) => `${version.version}  ${short(version.commit)}  effective ${version.effective}, ${describeSource(version, options.kind)}`);
  if (plan.notes.length > 0) lines.push('', ...plan.notes);
  const replaced = plan.versions.reduce((count, version) => count + version.replaced.length, 0);
  const skipped = [
    `${plan.skippedIdentical} identical after normalization`,
    ...(options.kind === 'ota' ? [`${plan.skippedUpgrades} technical ${plan.skippedUpgrades === 1 ? 'upgrade' : 'upgrades'}`] : []),
    `${replaced} replaced by a later commit of the same day`,
  ];
  const stated = plan.versions.filter((version) => version.source.kind === 'stated').length;
  lines.push(
    '',
    `${plan.versions.length} ${plan.versions.length === 1 ? 'version' : 'versions'} from ${plan.commits} ${plan.commits === 1 ? 'commit' : 'commits'} (skipped: ${skipped.join(', ')}); ${stated} dated by the text, ${plan.versions.length - stated} by ${options.kind === 'ota' ? 'the fetch date' : "the commit's date"}.`,
  );
  return lines;
}
