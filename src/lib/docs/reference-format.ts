/**
 * What every page of `docs/reference/` is written with: the header that says
 * where it comes from, and table cells that keep a table a table. Shared by
 * the modules that write the pages (reference-docs.ts, settings-reference.ts).
 */

/** The first lines of a page: the note that it is generated and from what, then its title. */
export const referenceHeader = (title: string, source: string) => `<!-- Written by \`npm run reference\` from ${source}. Do not edit: change the code and run it again. -->\n\n# ${title}\n`;

/** A table cell: no line breaks, no unescaped pipes. */
export const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
