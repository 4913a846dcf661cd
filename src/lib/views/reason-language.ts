/**
 * The language of a reason someone typed (a withdrawal, a postponement, a
 * correction, a late publication): the ledger keeps one reason per record,
 * written once, usually in the site's default language, and every locale's
 * pages show it. A page must not pass a Russian sentence off as English:
 * the reason is then marked with its `lang` and the page says which
 * language it is in. The ledger does not record the language, so it is
 * told by the script of the reason's letters, among the site's locales
 * (the default locale first); two locales of one script (English and
 * German) cannot be told apart, and the reason is then taken to be the
 * page's own language.
 */
import { getUiStrings, sentence } from '#lib/site/ui-strings.ts';

/** A reason as a page shows it. */
export interface ReasonView {
  /** «Причина», or «Причина (язык: английский)» when it is in another language. */
  label: string;
  text: string;
  /** The reason's BCP 47 tag when it differs from the page's, for its `lang` attribute; else null. */
  lang: string | null;
}

/** A sentence the site writes, and the reason that goes with it, if any. */
export interface Note {
  text: string;
  reason: ReasonView | null;
}

const scripts = new Map<string, string>();

/** The script a locale is written in: `Cyrl` for ru, `Latn` for en. */
function getScript(locale: string): string {
  let script = scripts.get(locale);
  if (script === undefined) {
    script = new Intl.Locale(locale).maximize().script ?? '';
    scripts.set(locale, script);
  }
  return script;
}

/** The script most of a text's letters are written in, or null for a text without letters. */
function getDominantScript(text: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const script of candidates) {
    let count = 0;
    try {
      count = text.match(new RegExp(`\\p{Script=${script}}`, 'gu'))?.length ?? 0;
    } catch {
      continue; // a script name this runtime's regular expressions do not know
    }
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  return best;
}

/**
 * The language of a reason, when it is not the page's: the first site locale
 * written in the script most of its letters are in.
 * @param siteLocales the site's locales, the default one first
 * @returns the locale, or null when it reads as the page's language (or cannot be told)
 * @public Exported for its tests: tested on Russian and English reasons written by legal staff.
 */
export function getReasonLanguage(reason: string, pageLocale: string, siteLocales: readonly string[]): string | null {
  const candidates = [...new Set([pageLocale, ...siteLocales].map(getScript).filter((script) => script !== ''))];
  const script = getDominantScript(reason, candidates);
  if (script === null || script === getScript(pageLocale)) return null;
  return siteLocales.find((locale) => getScript(locale) === script) ?? null;
}

/** A reason for a page in `pageLocale`: labelled in the interface language, marked when it is in another. */
export function getReasonView(reason: string, pageLocale: string, siteLocales: readonly string[]): ReasonView {
  const ui = getUiStrings(pageLocale);
  const lang = getReasonLanguage(reason, pageLocale, siteLocales);
  const languageName = lang === null ? null : (new Intl.DisplayNames([ui.lang], { type: 'language' }).of(lang) ?? lang);
  return { label: ui.reasonLabel(languageName), text: reason, lang };
}

/** A note as one line of plain text, for the feeds: «Текст исправлен 1 декабря 2026 г. Причина: опечатка.» */
export function getNoteText(note: Note): string {
  return note.reason ? `${note.text} ${note.reason.label}: ${sentence(note.reason.text)}` : note.text;
}
