/**
 * The TypeScript declarations served beside the client kit
 * (`/kit/v1/policy-kit.d.ts`, `/kit/v1/reconsent.d.ts`), generated from its
 * sources by the TypeScript compiler. They are checked in under public/kit/v1/
 * (a build copies them as they are, and needs no compiler) and a unit test
 * regenerates them and compares: after changing the kit's API, run
 * `npx vitest run test/unit/kit -u` to write them again.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './build-site.ts';

const LIB = 'src/lib/consent/reconsent-decision.ts';
const ENTRIES = { reconsent: 'src/kit/reconsent.ts', 'policy-kit': 'src/kit/policy-kit.ts' } as const;

const HEADER = (entry: string) => `// Declarations of /kit/v1/${entry}.js, generated from src/kit/ (see test/helpers/kit-declarations.ts).\n`;

/** A type alias of a module written out in full (zod's output types resolved to plain object types), as TypeScript prints it. */
function expandType(program: ts.Program, file: string, name: string): string {
  const source = program.getSourceFile(join(ROOT, file));
  const alias = source?.statements.find((statement): statement is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(statement) && statement.name.text === name);
  if (!source || !alias) throw new Error(`no type ${name} in ${file}`);
  const checker = program.getTypeChecker();
  const node = checker.typeToTypeNode(checker.getTypeAtLocation(alias.name), undefined, ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias);
  if (!node) throw new Error(`TypeScript cannot write out ${name} of ${file}`);
  // One member a line, as the rest of the declarations are written: the node builder marks its nodes single-line.
  const multiline = (item: ts.Node): void => {
    ts.setEmitFlags(item, ts.EmitFlags.None);
    ts.forEachChild(item, multiline);
  };
  multiline(node);
  return ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, source);
}

/** The declaration files, by name (`reconsent.d.ts`, `policy-kit.d.ts`). */
export function createKitDeclarations(): Record<string, string> {
  const files = [LIB, ...Object.values(ENTRIES)].map((file) => join(ROOT, file));
  const options: ts.CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    removeComments: false,
    strict: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const emitted = new Map<string, string>();
  const program = ts.createProgram({ rootNames: files, options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }));
  program.emit(undefined, (name, text) => emitted.set(name, text));
  const declarationOf = (file: string) => {
    const text = emitted.get(join(ROOT, file).replace(/\.ts$/, '.d.ts'));
    if (text === undefined) throw new Error(`TypeScript emitted no declarations for ${file}`);
    return text;
  };
  // reconsent.d.ts holds the decision's declarations itself: the kit re-exports them, and a client has no src/lib/.
  // The decision's types are since.json's, from its zod schema: written out in full, as a client has no zod either.
  const lib = declarationOf(LIB).replace(
    /^import type \{ SinceFeed \} from '#schemas\/feed\.ts';\n/m,
    () => `/** since.json (see schema.json, #/$defs/SinceFeed), as src/schemas/feed.ts says. */\ntype SinceFeed = ${expandType(program, 'src/schemas/feed.ts', 'SinceFeed')};\n`,
  );
  const reconsent = lib + declarationOf(ENTRIES.reconsent).replace(/^(?:import|export)[^;]*from '#lib\/consent\/reconsent-decision\.ts';\n/gm, '');
  // KitWords types only the module's own build-time constant: no export mentions it.
  const kit = declarationOf(ENTRIES['policy-kit'])
    .replace(/from '\.\/reconsent\.ts'/g, "from './reconsent.js'")
    .replace(/^import type \{ KitWords \}[^;]*;\n/m, '');
  const result = { 'reconsent.d.ts': HEADER('reconsent') + reconsent, 'policy-kit.d.ts': HEADER('policy-kit') + kit };
  for (const [name, text] of Object.entries(result)) {
    const foreign = /from '(?!\.\/reconsent\.js')[^']*'/.exec(text);
    if (foreign) throw new Error(`${name} still refers to ${foreign[0]}: a client could not resolve it`);
  }
  return result;
}
