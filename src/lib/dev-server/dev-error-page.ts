/**
 * The page the dev server answers with, for every page, while the content
 * has problems: the same report as the terminal (file, line, field, fix), so
 * an author who only looks at the browser sees what to fix. It loads Vite's
 * client, which reloads it when the next save fixes (or changes) the report.
 */
import { formatProblemReport, getDetail, getProblemText } from '#lib/corpus/problem.ts';
import type { MessageCatalog } from '#lib/messages/message-catalog.ts';
import type { MessageLanguage } from '#lib/messages/message-language.ts';
import type { ContentReport } from './dev-status.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Its Content-Security-Policy: its own inline style and Vite's client, nothing else. */
export const DEV_ERROR_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * The language of the page asked for: Russian under `<base>ru/`, as the
 * site's Russian pages are, English for every other path.
 * @param url the request's path (with its query, if any)
 */
export function getDevPageLanguage(url: string, basePath: string): MessageLanguage {
  const path = url.startsWith(basePath) ? url.slice(basePath.length) : url.replace(/^\//, '');
  return /^ru(?:[/?#]|$)/.test(path) ? 'ru' : 'en';
}

/**
 * The HTML of the error page, in the language of `messages`.
 * @param basePath the site's base path, where Vite serves its client
 */
export function renderDevErrorPage(report: ContentReport, basePath: string, messages: MessageCatalog): string {
  const items = report.problems.map((problem) => {
    const { message, hint } = getProblemText(problem, messages);
    const detail = getDetail(problem, messages);
    return (
      `<li><p class="where"><code>${escapeHtml(`${problem.file}:${problem.line}`)}</code>${problem.field ? ` <strong>${escapeHtml(problem.field)}</strong>` : ''}</p>` +
      `<p>${escapeHtml(message)}</p><p class="hint">${escapeHtml(hint)}</p>${detail ? `<pre>${escapeHtml(detail)}</pre>` : ''}</li>`
    );
  });
  // A report of problems is written again in this page's language; any other error is the error's own text.
  const hasProblems = report.problems.length > 0;
  const title = hasProblems ? messages.devPage.title({ count: report.problems.length }) : messages.devPage.unreadable;
  const text = hasProblems ? formatProblemReport(report.problems, 'dev', messages) : report.text;
  return `<!doctype html>
<html lang="${messages.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(messages.devPage.titleSuffix)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1f; background: #fff; }
h1 { color: #b3261e; font-size: 1.5rem; }
ol { padding-left: 1.5rem; } li { margin-bottom: 1rem; } li p { margin: 0.2rem 0; }
.hint { color: #55565e; }
pre { background: #f4f4f6; border: 1px solid #d4d4da; padding: 1rem; overflow-x: auto; white-space: pre-wrap; }
</style>
<script type="module" src="${escapeHtml(basePath)}@vite/client"></script>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(messages.devPage.intro)}</p>
${items.length > 0 ? `<ol>${items.join('\n')}</ol>\n<h2>${escapeHtml(messages.devPage.reportHeading)}</h2>` : ''}
<pre>${escapeHtml(text)}</pre>
</main>
</body>
</html>
`;
}
