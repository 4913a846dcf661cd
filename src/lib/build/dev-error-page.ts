/**
 * The page the dev server answers with, for every page, while the content
 * has problems: the same report as the terminal (file, line, field, fix), so
 * an author who only looks at the browser sees what to fix. It loads Vite's
 * client, which reloads it when the next save fixes (or changes) the report.
 */
import type { ContentReport } from './dev-status.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Its Content-Security-Policy: its own inline style and Vite's client, nothing else. */
export const DEV_ERROR_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * The HTML of the error page.
 * @param basePath the site's base path, where Vite serves its client
 */
export function renderDevErrorPage(report: ContentReport, basePath: string): string {
  const items = report.problems.map(
    (problem) =>
      `<li><p class="where"><code>${escapeHtml(`${problem.file}:${problem.line}`)}</code>${problem.field ? ` <strong>${escapeHtml(problem.field)}</strong>` : ''}</p>` +
      `<p>${escapeHtml(problem.message)}</p><p class="hint">${escapeHtml(problem.hint)}</p>${problem.detail ? `<pre>${escapeHtml(problem.detail)}</pre>` : ''}</li>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)} — dev server</title>
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
<h1>${escapeHtml(report.title)}</h1>
<p>The dev server shows no page while the policies have problems. Fix them and save: this page reloads by itself.</p>
${items.length > 0 ? `<ol>${items.join('\n')}</ol>\n<h2>The report, as in the terminal</h2>` : ''}
<pre>${escapeHtml(report.text)}</pre>
</main>
</body>
</html>
`;
}
