/**
 * Bundling the client kit for `/kit/v1/`: each entry of src/kit/ bundled and
 * minified into one dependency-free ES module, with the notice's words from
 * the site's one table of strings, and a pointer to its TypeScript
 * declarations served beside it (`@ts-self-types`, which Deno and JSR read).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { getUiStrings, UI_LOCALES, type UiStrings } from '#lib/site/ui-strings.ts';
import { KIT_WORDS } from '#kit/kit-words.ts';

// Every word of the table is sent, in the kit's order: a word missing from KIT_WORDS fails to compile here.
const everyWord: Exclude<keyof UiStrings['kit'], (typeof KIT_WORDS)[number]> extends never ? true : never = true;
void everyWord;

/** The kit's entries: `policy-kit` (the element and the check) and `reconsent` (the check alone, no DOM). */
export type KitEntry = 'policy-kit' | 'reconsent';

/** The served JavaScript of one entry; `root` is the project root (where src/kit/ is). */
export async function bundleKit(entry: KitEntry, root: string): Promise<string> {
  const strings = Object.fromEntries(UI_LOCALES.map((locale) => [locale, KIT_WORDS.map((word) => getUiStrings(locale).kit[word])]));
  const result = await build({
    entryPoints: [join(root, 'src/kit', `${entry}.ts`)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: `// @ts-self-types="./${entry}.d.ts"` },
    define: { KIT_STRINGS: JSON.stringify(strings) },
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild wrote nothing for src/kit/${entry}.ts`);
  return text;
}
