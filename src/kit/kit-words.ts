/**
 * The order of the notice's words in the kit: the build sends each
 * language's words as a list in this order, not as an object, so the served
 * module does not spell every key out once per language (it must stay under
 * 7 KB, the Russian words included). The words are in src/lib/site/ui-strings.ts.
 */
export const KIT_WORDS = ['updated', 'seeChanges', 'mustAccept', 'accept', 'acknowledge', 'review', 'read', 'unavailable'] as const;

type Words<T extends readonly unknown[]> = { -readonly [index in keyof T]: string };
/** One language's words, in {@link KIT_WORDS} order. */
export type KitWords = Words<typeof KIT_WORDS>;
