/**
 * The name of a language in that language, as a reader looks for it in a
 * list of languages: «Русский», "English". The site's pages and the client
 * kit (src/kit/, which bundles it) name the languages of a text the same way.
 */

const languageNames = new Map<string, string>();

/** The name of a language in that language, capitalized: «Русский», "English". */
export function getLanguageName(locale: string): string {
  let cached = languageNames.get(locale);
  if (cached === undefined) {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    cached = name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    languageNames.set(locale, cached);
  }
  return cached;
}
