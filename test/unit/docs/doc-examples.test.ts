import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../helpers/build-site.ts';
import { createSandbox, parseExamples, rewriteExamples, runExample, runQuietly, type Sandbox } from '../../helpers/doc-examples.ts';

// Every console example of every guide is run and its output compared exactly (test/helpers/doc-examples.ts says
// how they are written). After a deliberate change of what the commands print (say, the message catalog), run
// UPDATE_DOC_EXAMPLES=1 npx vitest run --project unit-kiritimati test/unit/docs/doc-examples.test.ts
// and read the diff of the guides before committing it.
const GUIDES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const update = process.env['UPDATE_DOC_EXAMPLES'] === '1';

describe.each(GUIDES.filter((guide) => parseExamples(readFileSync(join(ROOT, guide), 'utf8')).length > 0))('the examples of %s', (guide) => {
  const markdown = readFileSync(join(ROOT, guide), 'utf8');
  const outputs = new Map<number, string>();
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = createSandbox();
  });
  afterAll(() => {
    sandbox.remove();
    if (update && outputs.size > 0) writeFileSync(join(ROOT, guide), rewriteExamples(markdown, outputs));
  });

  // One test per step, in the guide's order: each runs in the state the steps before it left.
  test.each(parseExamples(markdown).map((step) => [`line ${step.line + 1}`, step] as const))(
    '%s',
    (_, step) => {
      if (step.kind === 'hidden') return runQuietly(sandbox, step.command);
      for (const command of step.commands) {
        const output = runExample(sandbox, command.command, step.env);
        outputs.set(command.line, output);
        if (!update) expect(output, `${guide}:${command.line + 1}: $ ${command.command}`).toBe(command.expected);
      }
    },
    120_000,
  );
});

describe('parseExamples', () => {
  test('reads commands, their output, the exit line and the environment; skips other blocks', () => {
    const steps = parseExamples(['text', '```sh', 'npm run build', '```', '<!-- example: rm x -->', '```console POLICY_PRESS_LANG=ru', '$ a', 'one', '', 'two', '$ b', '[exit 1]', '```'].join('\n'));
    expect(steps).toEqual([
      { kind: 'hidden', line: 4, command: 'rm x' },
      {
        kind: 'block',
        line: 5,
        env: { POLICY_PRESS_LANG: 'ru' },
        commands: [
          { command: 'a', expected: 'one\n\ntwo', line: 6, end: 10 },
          { command: 'b', expected: '[exit 1]', line: 10, end: 12 },
        ],
      },
    ]);
  });

  test('refuses a console block that starts with output, naming the line', () => {
    expect(() => parseExamples('```console\noutput\n```')).toThrow('line 2: a console example starts with a "$ " command, not with output');
  });

  test('rewrites the outputs in place, longer or shorter', () => {
    const markdown = '```console\n$ a\nold\nold\n$ b\n```\n';
    expect(
      rewriteExamples(
        markdown,
        new Map([
          [1, 'new'],
          [4, 'x\ny'],
        ]),
      ),
    ).toBe('```console\n$ a\nnew\n$ b\nx\ny\n```\n');
  });
});

describe('runExample', () => {
  test('shows output and errors in order, the exit status when not 0, and the sandbox as "."', () => {
    const sandbox = createSandbox();
    try {
      expect(runExample(sandbox, 'echo one; echo two >&2; pwd; exit 3')).toBe('one\ntwo\n.\n[exit 3]');
      expect(runExample(sandbox, 'ls policies/privacy/ru && git status --short')).toBe('2023-03-01.md\n2025-09-01.md\n2026-02-15.md');
    } finally {
      sandbox.remove();
    }
  });
});
