/**
 * `docs/reference/messages.md`: every message of the commands legal staff
 * run, the build's refusals and the dev server's error page, by id, in
 * Russian and in English, with `{name}` where a value goes, so the guides
 * for legal staff can link to the exact words a command prints. Written
 * from the catalogs (src/lib/messages/), never kept by hand.
 */
import { getMessages } from '#lib/messages/message-catalog.ts';
import { listMessageTemplates, type MessageTemplate } from '#lib/messages/message-placeholders.ts';

/** What each group of messages is, for its heading. */
const GROUPS: Record<string, string> = {
  language: 'Choosing the language',
  report: 'Reports: the lines around the list of problems',
  conclusion: 'Reports: what a command says after its count',
  build: 'The build',
  check: '`npm run policy -- check`',
  publish: '`npm run policy -- publish` and `withdraw`',
  devPage: "The dev server's error page",
  problem: 'Refusals of the files (layout, encoding, front matter, fields) and findings of the lint in the texts: the problem, then the fix on the next line',
};

/** How every reference page writes its top and its table cells (reference-docs.ts). */
export interface ReferenceFormat {
  header: (title: string, source: string) => string;
  cell: (text: string) => string;
}

/**
 * A message as plain text in Markdown: a message is printed in a terminal, not
 * rendered, so `[{text}]({url})` must not become a link on a git host, nor
 * `<reason>` an HTML tag that the host strips, nor `*` emphasis. Unlike the
 * other reference pages, whose descriptions are Markdown on purpose.
 */
const plainText = (text: string) => text.replace(/[\\[\]*`<]/g, '\\$&');

/** A message's text in a table cell; a refusal as its problem and, on a new line, its fix. */
function showText(text: MessageTemplate['text'], cell: ReferenceFormat['cell']): string {
  const shown = typeof text === 'string' ? cell(plainText(text)) : `${cell(plainText(text.message))}<br>→ ${cell(plainText(text.hint))}`;
  // A leading or trailing space (a label such as "warning: ") would vanish in the table: show it.
  return shown.replace(/^ | $/g, '·');
}

/** `docs/reference/messages.md`, in the format of the other reference pages. */
export function getMessagesReference({ header, cell }: ReferenceFormat): string {
  const russian = listMessageTemplates(getMessages('ru'));
  const english = listMessageTemplates(getMessages('en'));
  const sections: string[] = [];
  // Every group of the catalog, in its order: a group without a heading here is still listed, under its name.
  const groups = [...new Set(russian.map(({ id }) => id.split('.')[0] ?? id))];
  for (const group of groups) {
    const title = GROUPS[group] ?? `\`${group}\``;
    const rows = russian
      .map((template, index) => ({ ru: template, en: english[index] }))
      .filter(({ ru }) => ru.id.startsWith(`${group}.`))
      .map(({ ru, en }) => `| \`${ru.id}\` | ${ru.params.map((name) => `\`${name}\``).join(', ')} | ${showText(ru.text, cell)} | ${en ? showText(en.text, cell) : ''} |`);
    sections.push(`## ${title}\n\n| id | parameters | Русский | English |\n|---|---|---|---|\n${rows.join('\n')}\n`);
  }
  return `${header('Messages of the commands, the build and the dev server', 'the message catalogs in src/lib/messages/ (messages-ru.ts, messages-en.ts)')}
The commands legal staff run (\`new\`, \`check\`, \`publish\`, \`withdraw\`, \`diff\`, \`at\`, \`notice\`), the build and the dev server's error page speak Russian or English: \`--lang ru|en\`, else \`POLICY_PRESS_LANG\`, else the system's locale (\`LC_ALL\`, \`LC_MESSAGES\`, \`LANG\`: \`ru_RU.UTF-8\` is Russian), English otherwise. Only what people read is translated: the codes (\`short-notice\`, \`override-without-reason\`, …), file paths and \`file:line\` positions, field names and rule ids are the same in both languages, and \`--format github\`, \`verify\`, \`audit\`, \`log\` and the SQL output stay English.

\`{name}\` stands for a value; \`{count: ошибка|ошибки|ошибок}\` is the word's form chosen by the number (Russian has three). Messages not listed here are still English only.

${sections.join('\n')}`;
}
