/**
 * The order of the notice's words in the kit: the build sends each
 * language's words as a list in this order, not as an object, so the served
 * module does not spell every key out once per language (it must stay small,
 * the Russian words included; see the bound in test/build/reconsent.test.ts).
 * The words are the site's own, in src/lib/site/ui-strings.ts: `kit`'s, and
 * for a version announced and not yet in force the very sentences of the
 * site's banner and notice (`notice`), their `{title}` and `{date}` filled in
 * the browser (src/lib/build/kit-bundle.ts says which is which).
 */
export const KIT_WORDS = [
  'updated',
  'seeChanges',
  'mustAccept',
  'accept',
  'acknowledge',
  'review',
  'read',
  'unavailable',
  'acceptEarly',
  'bannerMaterial',
  'bannerEditorial',
  'inOtherLanguages',
  'whatWillChange',
  'consentAgain',
] as const;

type Words<T extends readonly unknown[]> = { -readonly [index in keyof T]: string };
/** One language's words, in {@link KIT_WORDS} order. */
export type KitWords = Words<typeof KIT_WORDS>;
