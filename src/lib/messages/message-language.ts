/**
 * Which language a command speaks, decided once per run and passed down:
 * the `--lang` option, else `POLICY_PRESS_LANG`, else the system's locale
 * for messages (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the POSIX order:
 * `ru_RU.UTF-8` is Russian), English otherwise. A value the first two do
 * not know is refused, never guessed: a typo must not silently switch the
 * language of a legal record's messages.
 */
import { getMessages } from './message-catalog.ts';

/** The languages with a catalog. */
const MESSAGE_LANGUAGES = ['ru', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** A `--lang` or `POLICY_PRESS_LANG` value that names no catalog; the CLI prints it and exits 1. */
export class LanguageError extends Error {
  override name = 'LanguageError';
}

const isMessageLanguage = (value: string): value is MessageLanguage => (MESSAGE_LANGUAGES as readonly string[]).includes(value);

/**
 * The language of the system's locale: the first of `LC_ALL`, `LC_MESSAGES`
 * and `LANG` that is set and not empty, Russian when it names Russian
 * (`ru`, `ru_RU`, `ru_RU.UTF-8`, `ru_UA@…`), English for anything else
 * (`C`, `POSIX`, `de_DE.UTF-8`).
 * @public Exported for its tests: each spelling of LANG and LC_ALL is pinned on its own in test/unit/messages/message-language.test.ts.
 */
export function getSystemLanguage(env: Readonly<Record<string, string | undefined>>): MessageLanguage {
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '') ?? '';
  return /^ru(?:[_.@-]|$)/i.test(locale) ? 'ru' : 'en';
}

/**
 * The language of a run's messages.
 * @param flag the value of `--lang`, when given
 * @param env the process environment
 * @throws {LanguageError} when `--lang` or `POLICY_PRESS_LANG` is not `ru` or `en` (in the language the rest resolves to)
 */
export function resolveMessageLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): MessageLanguage {
  const system = getSystemLanguage(env);
  const variable = env['POLICY_PRESS_LANG'];
  if (variable !== undefined && variable !== '' && !isMessageLanguage(variable)) {
    throw new LanguageError(getMessages(system).language.unknownVariable({ value: variable }));
  }
  const fallback = variable !== undefined && isMessageLanguage(variable) ? variable : system;
  if (flag === undefined) return fallback;
  if (!isMessageLanguage(flag)) throw new LanguageError(getMessages(fallback).language.unknownFlag({ value: flag }));
  return flag;
}

/**
 * Takes `--lang X` (or `--lang=X`) out of a command's arguments, so every
 * command accepts it without declaring it; arguments after `--` are left as
 * they are.
 * @returns the value (undefined when absent; empty when `--lang` ends the line) and the other arguments
 */
export function takeLanguageOption(args: readonly string[]): { lang: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      rest.push(...args.slice(index));
      break;
    }
    if (arg === '--lang') {
      lang = args[index + 1] ?? '';
      index += 1;
    } else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return { lang, rest };
}
