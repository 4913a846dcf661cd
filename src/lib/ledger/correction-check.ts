/**
 * Whether a change of a published text is editorial, by the classifier of
 * `src/lib/redline/editorial-change.ts` (every changed passage a cosmetic
 * edit, or it is material). Two changes are judged so: a correction of a
 * published text (recorded without a new version and without asking anyone
 * to consent again; a material one is refused unless recorded with
 * `publish --material-correction "<reason>"`), and a new version declared
 * `changeType: editorial` against the text before it (refused unless
 * confirmed with `publish --editorial "<reason>"`). The title counts as text.
 */
import { checkEditorialChange, type EditorialVerdict } from '#lib/redline/editorial-change.ts';
import { splitPublishedText } from '#lib/timeline/published-text.ts';

/** The policy's text as a reader sees it: its title as a heading, then its body. */
function toDocument(published: string): string {
  const { frontMatter, body } = splitPublishedText(published);
  const title = /^title: (".*")$/m.exec(frontMatter)?.[1];
  return `${title ? `# ${JSON.parse(title) as string}\n\n` : ''}${body}`;
}

/**
 * Judges the change from the published text `before` to `after` (both
 * published Markdown, front matter included).
 */
export function checkPublishedChange(before: string, after: string, locale: string): EditorialVerdict {
  return checkEditorialChange(toDocument(before), toDocument(after), locale);
}
