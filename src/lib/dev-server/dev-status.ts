/**
 * What the dev server knows of the content: null while it is good, else the
 * report of what is wrong. The content loader sets it after every sync; the
 * dev server's error page (src/integrations/dev-content-errors.ts) reads it
 * and answers every page with the report until the next good save.
 *
 * The content loader runs in Astro's `astro` Vite environment of the dev
 * server; the error page's integration reads this module through that
 * environment's module runner, so both hold the one instance of it and its
 * state is a plain module variable (no `globalThis`).
 */
import { CorpusError, formatProblemReport, type Problem } from '#lib/corpus/problem.ts';
import { DEFAULT_MESSAGES } from '#lib/messages/message-catalog.ts';

/** Why the dev server shows no page. */
export interface ContentReport {
  /** One line: what is wrong, e.g. "The policies have 2 problems" (in English; the page says it in its own language). */
  title: string;
  /** The report in English (the page writes it again in its own language from `problems`). */
  text: string;
  problems: readonly Problem[];
}

type Listener = (report: ContentReport | null) => void;

/** The state of this dev server: the report of the last sync and who wants to know of the next. */
const state: { report: ContentReport | null; listeners: Set<Listener> } = { report: null, listeners: new Set() };

/** The report of a failed sync: every problem of a corpus error, or the message of any other error. */
export function toContentReport(error: unknown): ContentReport {
  if (error instanceof CorpusError) {
    const { problems } = error;
    return { title: DEFAULT_MESSAGES.devPage.title({ count: problems.length }), text: formatProblemReport(problems, 'dev'), problems };
  }
  return { title: DEFAULT_MESSAGES.devPage.unreadable, text: error instanceof Error ? error.message : String(error), problems: [] };
}

/** Records the state after a sync and tells the listeners when it changed. */
export function setContentReport(report: ContentReport | null): void {
  if (state.report?.text === report?.text) return;
  state.report = report;
  for (const listener of state.listeners) listener(report);
}

/** The current report, null when the content is good. */
export function getContentReport(): ContentReport | null {
  return state.report;
}

/** Calls `listener` on every change; returns the function that stops it. */
export function onContentReport(listener: Listener): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}
