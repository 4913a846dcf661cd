/**
 * `npm run policy -- notice <policy> <version> [--locale L] [--format text|html]`:
 * prints the ready-to-send notice of a version (src/lib/notice/notice-document.ts),
 * the same the build writes beside the version's files.
 */
import { parseArgs } from 'node:util';
import { CorpusError } from '#lib/corpus/problem.ts';
import { createNoticeDocument, getNoticeVersion, NoticeError, renderNoticeHtml, renderNoticeText } from '#lib/notice/notice-document.ts';
import { createSiteContext } from '#lib/site/site-context.ts';
import { getBuildInstant } from '#lib/site/site-settings.ts';
import { getSettings, loadPolicies, UsageError } from './command-context.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** Runs `notice`; returns the exit code. */
export function runNotice(args: string[], messages: MessageCatalog = DEFAULT_MESSAGES): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { locale: { type: 'string' }, format: { type: 'string', default: 'text' } } });
  const [policy, version] = positionals;
  if (!policy || !version || positionals.length > 2) throw new UsageError(`${messages.notice.needsArguments}\n\n${messages.help.notice}`);
  if (values.format !== 'text' && values.format !== 'html') throw new UsageError(messages.notice.format({ value: values.format }));
  const settings = getSettings();
  const loaded = loadPolicies({ includeDrafts: false, enforceLedger: true, changeLabels: messages.diff }, settings);
  if (loaded.problems.length > 0) throw new CorpusError(loaded.problems, 'build', messages);
  const context = createSiteContext(settings, loaded.corpus, getBuildInstant(process.env));
  try {
    const notice = createNoticeDocument(context, getNoticeVersion(context, policy, values.locale ?? settings.defaultLocale, version, messages));
    process.stdout.write(values.format === 'html' ? renderNoticeHtml(notice) : renderNoticeText(notice));
    return Promise.resolve(0);
  } catch (error) {
    if (error instanceof NoticeError) throw new UsageError(error.message);
    throw error;
  }
}
