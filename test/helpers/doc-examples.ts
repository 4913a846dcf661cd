/**
 * The examples of the guides (README.md and docs/*.md), run as a reader would
 * type them, so a guide never shows output the commands no longer print.
 *
 * The convention (docs/developers.md, "Examples in the guides"): a fenced
 * block whose info string is `console` is an example. Its lines starting with
 * `$ ` are commands, the lines after each one up to the next command are what
 * it prints (standard output and error, as a terminal shows them), and a
 * command that exits non-zero ends with a line `[exit N]`. Words after
 * `console` of the form NAME=value set the environment of that block's
 * commands (`console POLICY_PRESS_LANG=ru`). A line `<!-- example: <command> -->`
 * outside any block runs a step the reader does by hand (editing a file),
 * silently, where it stands. Other blocks (`sh`, `text`…) are illustrations and
 * are never run: a build or a deploy has no place in a fast test.
 *
 * Every guide runs in its own sandbox: a temporary folder holding a copy of the
 * shipped `policies/` (a git repository with one commit), the commands typed
 * in that folder, so paths print as `policies/…`, at a fixed "now".
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUT, ROOT } from './build-site.ts';
import { spawnCounted } from './child-costs.ts';

/** 2026-12-07T00:00:00Z (03:00 in Moscow): the guides' "now", after the sample ledger's last entry, so what they publish is recorded after it. */
const EXAMPLES_EPOCH = '1796601600';

/** One command of an example and the output the guide shows for it. */
interface ExampleCommand {
  command: string;
  expected: string;
  /** 0-based index of the `$ ` line in the guide. */
  line: number;
  /** 0-based index of the first line after its output. */
  end: number;
}

/** A step of a guide's examples, in the order the guide gives them. */
type ExampleStep = { kind: 'block'; line: number; env: Record<string, string>; commands: ExampleCommand[] } | { kind: 'hidden'; line: number; command: string };

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const HIDDEN = /^<!-- example: (.+) -->$/;

/** Reads the example steps of a guide's Markdown. */
export function parseExamples(markdown: string): ExampleStep[] {
  const lines = markdown.split('\n');
  const steps: ExampleStep[] = [];
  for (let index = 0; index < lines.length; index++) {
    const hidden = HIDDEN.exec(lines[index] ?? '');
    if (hidden) {
      steps.push({ kind: 'hidden', line: index, command: hidden[1] ?? '' });
      continue;
    }
    const fence = FENCE.exec(lines[index] ?? '');
    if (!fence) continue;
    const marker = fence[1] ?? '```';
    const [language, ...attributes] = (fence[2] ?? '').trim().split(/\s+/);
    let close = index + 1;
    while (close < lines.length && !(lines[close] ?? '').startsWith(marker)) close++;
    if (language === 'console') {
      const env = Object.fromEntries(attributes.filter((word) => word.includes('=')).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]));
      const commands: ExampleCommand[] = [];
      for (let line = index + 1; line < close; line++) {
        const text = lines[line] ?? '';
        if (text.startsWith('$ ')) commands.push({ command: text.slice(2), expected: '', line, end: line + 1 });
        else {
          const current = commands.at(-1);
          if (!current) throw new Error(`line ${line + 1}: a console example starts with a "$ " command, not with output`);
          current.expected += (current.end === current.line + 1 ? '' : '\n') + text;
          current.end = line + 1;
        }
      }
      steps.push({ kind: 'block', line: index, env, commands });
    }
    index = close;
  }
  return steps;
}

/** A guide's sandbox: where its commands run. */
export interface Sandbox {
  folder: string;
  remove(): void;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Юрист',
  GIT_AUTHOR_EMAIL: 'legal@example.com',
  GIT_AUTHOR_DATE: '2026-12-07T00:00:00Z',
  GIT_COMMITTER_NAME: 'Юрист',
  GIT_COMMITTER_EMAIL: 'legal@example.com',
  GIT_COMMITTER_DATE: '2026-12-07T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** A temporary folder with a copy of the shipped policies, committed to a fresh git repository. */
export function createSandbox(): Sandbox {
  const folder = mkdtempSync(join(tmpdir(), 'policy-press-example-'));
  cpSync(join(ROOT, 'policies'), join(folder, 'policies'), { recursive: true });
  mkdirSync(join(folder, '.home'));
  const sandbox = { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
  for (const command of ['git init -q -b main', 'printf ".home/\\n" > .gitignore', 'git add -A', 'git commit -q -m "The sample"']) runQuietly(sandbox, command);
  return sandbox;
}

/** `npm run policy -- …` as the guide writes it, run without npm's banner lines. */
const toShell = (command: string) => command.replace(/\bnpm run policy -- /g, `node ${JSON.stringify(join(ROOT, 'scripts/policy.ts'))} `);

/** Runs one command in the sandbox, as a terminal would show it: output and errors in order, `[exit N]` when it fails. */
export function runExample(sandbox: Sandbox, command: string, env: Record<string, string> = {}): string {
  const result = spawnCounted('docs', command.slice(0, 60), 'bash', ['-c', `exec 2>&1\n${toShell(command)}`], {
    cwd: sandbox.folder,
    encoding: 'utf8',
    env: {
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
      HOME: join(sandbox.folder, '.home'),
      TZ: process.env['TZ'] ?? 'UTC',
      LANG: 'C.UTF-8',
      SOURCE_DATE_EPOCH: EXAMPLES_EPOCH,
      // Node's cache of compiled modules: each command starts in about half the CPU time.
      NODE_COMPILE_CACHE: join(OUTPUT, 'node-compile-cache'),
      ...GIT_ENV,
      ...env,
    },
  });
  const output = result.stdout.split(sandbox.folder).join('.').replace(/\n+$/, '');
  return result.status === 0 ? output : `${output}${output ? '\n' : ''}[exit ${result.status}]`;
}

/** Runs a step the reader does by hand; it must succeed. */
export function runQuietly(sandbox: Sandbox, command: string): void {
  const output = runExample(sandbox, command);
  if (/\[exit \d+\]$/.test(output)) throw new Error(`the hidden example step "${command}" failed:\n${output}`);
}

/** The guide with each command's output replaced by what it printed (UPDATE_DOC_EXAMPLES=1). */
export function rewriteExamples(markdown: string, outputs: Map<number, string>): string {
  const lines = markdown.split('\n');
  const commands = parseExamples(markdown).flatMap((step) => (step.kind === 'block' ? step.commands : []));
  // From the last to the first, so the line numbers of the ones before stay right.
  for (const command of commands.reverse()) {
    const output = outputs.get(command.line);
    if (output === undefined) continue;
    lines.splice(command.line + 1, command.end - command.line - 1, ...(output === '' ? [] : output.split('\n')));
  }
  return lines.join('\n');
}
