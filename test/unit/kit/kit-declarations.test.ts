import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../helpers/build-site.ts';
import { createKitDeclarations } from '../../helpers/kit-declarations.ts';

const declarations = createKitDeclarations();
const folder = mkdtempSync(join(tmpdir(), 'kit-types-'));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

let previous: ts.Program | undefined;

/** Type-checks a product's file that uses the kit through the served declarations only (copied beside it, no src/). */
function compileConsumer(source: string): string[] {
  for (const name of Object.keys(declarations)) cpSync(join(ROOT, 'public/kit/v1', name), join(folder, name));
  const file = join(folder, 'consumer.ts');
  writeFileSync(file, source);
  previous = ts.createProgram({
    rootNames: [file],
    // The DOM's declarations are read once for both programs.
    ...(previous ? { oldProgram: previous } : {}),
    options: { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] },
  });
  return ts.getPreEmitDiagnostics(previous).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe("the kit's TypeScript declarations", () => {
  test.each(Object.keys(declarations))('public/kit/v1/%s is what the compiler makes of src/kit/ (run vitest -u after an API change)', async (name) => {
    await expect(declarations[name]).toMatchFileSnapshot(join(ROOT, 'public/kit/v1', name));
  });

  test('describe the kit to a product that has only them', () => {
    const ok = `
import { checkReconsent, decideReconsent, PolicyUpdateNotice, type CheckReconsentResult, type ReconsentProblem } from './policy-kit.js';
import { checkReconsent as serverCheck } from './reconsent.js';
const answer: Promise<CheckReconsentResult> = checkReconsent({ feedUrl: 'https://example.com/feed/v1/', policy: 'privacy', locale: 'ru', acceptedVersion: '2025-09-01' });
void serverCheck({ feedUrl: 'https://example.com/feed/v1/', policy: 'privacy', locale: 'ru', acceptedVersion: '', at: new Date() });
void answer.then((result) => { const problem: ReconsentProblem | null = result.problem; return [problem, result.current?.sha256, decideReconsent({ policy: 'p', locale: 'ru', acceptedVersion: 'v1', accepted: null, later: [] }, 0).reconsent]; });
const notice: PolicyUpdateNotice | null = document.querySelector('policy-update-notice');
notice?.addEventListener('policy-accept', (event) => event.detail.sha256.toUpperCase());
document.addEventListener('policy-acknowledge', (event) => event.detail.version.toUpperCase());
`;
    expect(compileConsumer(ok)).toEqual([]);
    // And they are not "any": a wrong use is caught.
    const wrong = `
import { checkReconsent } from './reconsent.js';
import './policy-kit.js';
void checkReconsent({ feedUrl: 'https://example.com/feed/v1/', policy: 'privacy', locale: 'ru' });
document.addEventListener('policy-accept', (event) => event.detail.nope);
`;
    expect(compileConsumer(wrong).join('\n')).toMatch(/acceptedVersion[\s\S]*nope|nope[\s\S]*acceptedVersion/);
  }, 60_000);
});
