/**
 * The message catalogs as one typed table: the type of every catalog is the
 * English one's (messages-en.ts), a language picks its catalog, and a
 * problem keeps a reference to its message (id and parameters) beside its
 * English text, so a report can be written in the reader's language while
 * programs (`--format github`, the tests of the rules) keep reading English.
 */
import { EN_MESSAGES, sayProblem, type ProblemText } from './messages-en.ts';
import { RU_MESSAGES } from './messages-ru.ts';
import type { MessageLanguage } from './message-language.ts';

/** Every catalog has exactly the messages of the English one, with the same parameters. */
export type MessageCatalog = typeof EN_MESSAGES;

/** The catalog of each language shipped. */
const CATALOGS: Record<MessageLanguage, MessageCatalog> = { en: EN_MESSAGES, ru: RU_MESSAGES };

/** The messages of a language. */
export function getMessages(language: MessageLanguage): MessageCatalog {
  return CATALOGS[language];
}

/** The English catalog: what is written when no language was chosen (a library call, a test). */
export const DEFAULT_MESSAGES: MessageCatalog = EN_MESSAGES;

type Problems = MessageCatalog['problem'];
/** The id of a refusal's message: `noFrontMatter`, `wrongType`, … */
export type ProblemId = keyof Problems;
/** The parameters a refusal's message takes (none for a fixed text). */
export type ProblemParams<Id extends ProblemId> = Problems[Id] extends (params: infer P) => ProblemText ? P : Record<string, never>;

/** A refusal's message by id and parameters, so it can be written again in another language. */
export interface ProblemMessage {
  id: ProblemId;
  params: Record<string, unknown>;
}

/**
 * The English text of a refusal and the reference to its message, to spread
 * into a problem: `{ file, line, ...problemText('noText', {}) }`.
 */
export function problemText<Id extends ProblemId>(id: Id, ...params: ProblemParams<Id> extends Record<string, never> ? [] : [ProblemParams<Id>]): ProblemText & { text: ProblemMessage } {
  const values = (params[0] ?? {}) as Record<string, unknown>;
  return { ...renderProblemMessage({ id, params: values }, EN_MESSAGES), text: { id, params: values } };
}

/** A refusal's message and hint in the language of `messages`. */
export function renderProblemMessage(text: ProblemMessage, messages: MessageCatalog): ProblemText {
  return sayProblem(messages, text);
}
