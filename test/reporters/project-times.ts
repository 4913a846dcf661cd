/**
 * A Vitest reporter that ends every run with the time each project took,
 * so a slow suite says where its time goes (docs/developers.md's target is per
 * project). Wall time runs from the project's first file started to its last
 * file ended; "in files" adds up each file's own time (setup, import, tests),
 * which exceeds the wall time when files run in parallel.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** What one test file of a project took, in milliseconds since the epoch (start, end) and in total (busy). */
export interface FileTime {
  project: string;
  start: number;
  end: number;
  busy: number;
  tests: number;
}

/** The time of one project. */
export interface ProjectTime {
  project: string;
  files: number;
  tests: number;
  wallMs: number;
  busyMs: number;
}

/** Each project's time, in the order the projects started. */
export function summarizeProjectTimes(files: readonly FileTime[]): ProjectTime[] {
  const projects = new Map<string, ProjectTime & { start: number; end: number }>();
  for (const file of [...files].sort((a, b) => a.start - b.start)) {
    const project = projects.get(file.project) ?? { project: file.project, files: 0, tests: 0, wallMs: 0, busyMs: 0, start: file.start, end: file.end };
    project.files += 1;
    project.tests += file.tests;
    project.busyMs += file.busy;
    project.start = Math.min(project.start, file.start);
    project.end = Math.max(project.end, file.end);
    project.wallMs = project.end - project.start;
    projects.set(file.project, project);
  }
  return [...projects.values()].map(({ project, files: count, tests, wallMs, busyMs }) => ({ project, files: count, tests, wallMs, busyMs }));
}

/** "12m 05s", "48.2s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

/** The table printed at the end of a run. */
export function formatProjectTimes(projects: readonly ProjectTime[], totalMs: number): string {
  const width = Math.max(...projects.map(({ project }) => project.length), 'project'.length);
  const row = (cells: string[]) =>
    `  ${cells[0]?.padEnd(width)}  ${cells
      .slice(1)
      .map((cell) => cell.padStart(9))
      .join('  ')}`.trimEnd();
  return [
    "Time per project (wall: first file started to last file ended; in files: the files' own times added up)",
    row(['project', 'files', 'tests', 'wall', 'in files']),
    ...projects.map(({ project, files, tests, wallMs, busyMs }) => row([project, String(files), String(tests), formatDuration(wallMs), formatDuration(busyMs)])),
    `  the whole run: ${formatDuration(totalMs)}`,
  ].join('\n');
}

/** The reporter: collects each file's times and prints the table when the run ends. */
export default class ProjectTimesReporter implements Reporter {
  #started = Date.now();
  #starts = new Map<string, number>();
  #files: FileTime[] = [];

  onTestRunStart(): void {
    this.#started = Date.now();
  }

  onTestModuleStart(module: TestModule): void {
    this.#starts.set(module.id, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const { environmentSetupDuration, prepareDuration, collectDuration, setupDuration, duration } = module.diagnostic();
    const end = Date.now();
    const busy = environmentSetupDuration + prepareDuration + collectDuration + setupDuration + duration;
    this.#files.push({
      project: module.project.name,
      // Vitest may prepare and import a file before it says the file started: its start is at the latest its end minus its own time.
      start: Math.min(this.#starts.get(module.id) ?? end, end - busy),
      end,
      busy,
      tests: [...module.children.allTests()].length,
    });
  }

  onTestRunEnd(): void {
    if (this.#files.length > 0) process.stdout.write(`\n${formatProjectTimes(summarizeProjectTimes(this.#files), Date.now() - this.#started)}\n`);
  }
}
