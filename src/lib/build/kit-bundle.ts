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

/** Placeholders the kit fills in the browser, passed to the site's sentences so they come back with them in place. */
const TITLE = '{title}';
const DATE = '{date}';

/**
 * One language's words of the kit, by name: `kit`'s as they are, and the
 * announcement of a scheduled version in the words of the site's banner
 * (`notice.bannerMaterial`, …) and of its ready-to-send notice
 * (`notice.consentAgain`), never a second copy of them.
 */
function getKitWords(ui: UiStrings): Record<(typeof KIT_WORDS)[number], string> {
  return {
    ...ui.kit,
    bannerMaterial: ui.notice.bannerMaterial(DATE, TITLE),
    bannerEditorial: ui.notice.bannerEditorial(DATE, TITLE),
    inOtherLanguages: ui.notice.inOtherLanguages(DATE, TITLE),
    whatWillChange: ui.notice.whatWillChange,
    consentAgain: ui.notice.consentAgain(DATE),
  };
}

// Every word of `kit` is sent, in the kit's order: a word missing from KIT_WORDS fails to compile here.
const everyWord: Exclude<keyof UiStrings['kit'], (typeof KIT_WORDS)[number]> extends never ? true : never = true;
void everyWord;

/** The kit's entries: `policy-kit` (the element and the check) and `reconsent` (the check alone, no DOM). */
export type KitEntry = 'policy-kit' | 'reconsent';

/** The served JavaScript of one entry; `root` is the project root (where src/kit/ is). */
export async function bundleKit(entry: KitEntry, root: string): Promise<string> {
  const strings = Object.fromEntries(
    UI_LOCALES.map((locale) => {
      const words = getKitWords(getUiStrings(locale));
      return [locale, KIT_WORDS.map((word) => words[word])];
    }),
  );
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
