/**
 * `npm run policy -- new <policy> --locale L --effective DATE [--version ID] [--from ID]`:
 * scaffolds a version from the text in force at its date (or a named one).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEffective, resolveEffective } from '#lib/time/effective-instant.ts';
import { formatZonedInstant, getNextMinute } from '#lib/time/zoned-time.ts';
import { parsePolicyPath } from '#lib/corpus/policy-path.ts';
import { LOCALE_PATTERN, POLICY_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';
import { getSuggestion } from '#lib/corpus/did-you-mean.ts';
import { NOT_PLAIN_FILE, toDisplayPath } from '#lib/corpus/plain-files.ts';
import { CorpusError } from '#lib/corpus/problem.ts';
import { getDefaultVersionId, getScaffoldSource, scaffoldVersion } from '#lib/corpus/scaffold-version.ts';
import { getTimelineKey } from '#lib/timeline/policy-corpus.ts';
import { getBuildInstant } from '#lib/site/site-settings.ts';
import { getEarliestEffective, getRequiredNotice, getWholeNoticeDays } from '#lib/notice/notice-period.ts';
import { getFirstDayFrom } from '#lib/notice/notice-check.ts';
import { getSettings, loadPolicies, print, printError, UsageError } from './command-context.ts';
import { DEFAULT_MESSAGES, renderProblemMessage, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** Runs `new`; returns the exit code. */
export function runNew(args: string[], messages: MessageCatalog = DEFAULT_MESSAGES): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { locale: { type: 'string' }, effective: { type: 'string' }, version: { type: 'string' }, from: { type: 'string' }, title: { type: 'string' } },
  });
  const [policy] = positionals;
  if (!policy || positionals.length > 1) throw new UsageError(`${messages.new.needsPolicy}\n\n${messages.help.new}`);
  const settings = getSettings();
  if (!values.effective) {
    const notice = getRequiredNotice(settings.notice, policy, 'material');
    const earliest = getFirstDayFrom(getEarliestEffective(getBuildInstant(process.env), notice), settings.timeZone);
    const needsEffective = messages.new.needsEffective({ earliest, policy, days: getWholeNoticeDays(notice), setting: String(notice.setting), key: notice.ms > 0 ? notice.key : null });
    throw new UsageError(`${needsEffective}\n\n${messages.help.new}`);
  }
  const locale = values.locale ?? settings.defaultLocale;
  if (!POLICY_ID_PATTERN.test(policy)) throw new UsageError(messages.new.invalidPolicyId({ policy }));
  if (!LOCALE_PATTERN.test(locale)) throw new UsageError(messages.new.invalidLocale({ locale }));
  const effective = parseEffective(values.effective);
  if (!effective.ok) {
    const { message, hint } = effective.error.text ? renderProblemMessage(effective.error.text, messages) : effective.error;
    throw new UsageError(`--effective ${message}. ${hint}`);
  }

  const loaded = loadPolicies({ includeDrafts: true, enforceLedger: false, changeLabels: messages.diff }, settings);
  // A link on the way would make the new file land wherever it points.
  const notPlain = loaded.problems.filter((problem) => problem.code === NOT_PLAIN_FILE);
  if (notPlain.length > 0) throw new CorpusError(notPlain, 'new', messages);
  const existing = [...loaded.versions, ...loaded.drafts].filter((v) => v.policy === policy && v.locale === locale);
  const taken = new Set(existing.map((v) => v.version));
  const version = values.version ?? getDefaultVersionId(values.effective, settings.timeZone, taken);
  if (!version) throw new UsageError(messages.new.notADate({ value: values.effective }));
  const path = parsePolicyPath(`${policy}/${locale}/${version}.md`);
  if (!path.ok) throw new UsageError(`${path.message}. ${path.hint}`);
  const file = join(settings.policiesPath, policy, locale, `${version}.md`);
  const display = toDisplayPath(file, process.cwd());
  if (existsSync(file)) throw new UsageError(messages.new.exists({ file: display }));

  if (loaded.problems.length > 0) printError(messages.new.folderProblems({ count: loaded.problems.length }));
  const instant = resolveEffective(effective.value, settings.timeZone);
  const scaffold = getScaffoldSource(existing, instant);
  const source = values.from ? existing.find((v) => v.version === values.from) : scaffold.source;
  const versionIds = existing.map((v) => v.version).sort();
  if (values.from && !source) {
    throw new UsageError(messages.new.noFromVersion({ policy, locale, from: values.from, suggestion: getSuggestion(values.from, versionIds), versions: versionIds }));
  }
  const all = [...loaded.versions, ...loaded.drafts];
  const policies = new Set(all.map((v) => v.policy));
  const folder = toDisplayPath(settings.policiesPath, process.cwd());
  if (!source && !values.title) {
    if (!policies.has(policy)) {
      throw new UsageError(messages.new.noPolicy({ policy, folder, suggestion: getSuggestion(policy, policies) }));
    }
    const locales = new Set(all.filter((v) => v.policy === policy).map((v) => v.locale));
    throw new UsageError(messages.new.noLocale({ policy, locale, suggestion: getSuggestion(locale, locales), locales: [...locales].sort() }));
  }
  const title = values.title ?? source?.title ?? '';
  const body = source?.body ?? (locale.startsWith('ru') ? 'Текст документа.\n' : 'The text of the document.\n');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, scaffoldVersion({ title, effective: values.effective, locale, body, ...(source ? { lint: source.lint } : {}) }), { flag: 'wx' });

  const now = getBuildInstant(process.env);
  const when = (ms: number) => formatZonedInstant(ms, settings.timeZone);
  print(source ? messages.new.createdFrom({ file: display, from: source.version, effective: when(instant) }) : messages.new.created({ file: display, effective: when(instant) }));
  const similar = policies.has(policy) ? null : getSuggestion(policy, policies);
  if (similar !== null) print(messages.new.newPolicy({ policy, suggestion: similar, file: display }));
  if (!values.from && scaffold.later.length > 0) print(messages.new.later({ later: scaffold.later.map((v) => `${v.version} (${when(v.effectiveFrom)})`) }));
  // The same version id already published in another language of one timeline: publish records this text as a late translation, with no --backdate.
  const translationKey = `${getTimelineKey(policy, locale, settings.localeModel)}\u0000${version}`;
  const translated = (loaded.ledger.ledger?.versions ?? []).find((entry) => entry.locale !== locale && `${getTimelineKey(entry.policy, entry.locale, settings.localeModel)}\u0000${entry.version}` === translationKey);
  if (translated && instant < now) {
    const since = when(Date.parse(translated.effectiveFrom));
    print(messages.new.lateTranslation({ policy, version, translated: translated.locale, since, locale, mustBe: Date.parse(translated.effectiveFrom) === instant ? null : since }));
  } else if (instant < now) {
    print(messages.new.beforeNow({ effective: formatZonedInstant(instant, settings.timeZone), now: formatZonedInstant(now, settings.timeZone), suggestion: formatZonedInstant(getNextMinute(now), settings.timeZone) }));
  }
  const notice = getRequiredNotice(settings.notice, policy, 'material');
  const earliest = getEarliestEffective(now, notice);
  if (instant >= now && instant < earliest) {
    const editorial = getRequiredNotice(settings.notice, policy, 'editorial');
    print(
      messages.new.shortNotice({
        policy,
        days: getWholeNoticeDays(notice),
        setting: String(notice.setting),
        key: notice.key,
        earliest: when(earliest),
        effective: when(instant),
        firstDay: getFirstDayFrom(earliest, settings.timeZone),
        editorialDays: getWholeNoticeDays(editorial),
        editorialSetting: editorial.ms > 0 ? String(editorial.setting) : null,
      }),
    );
  }
  print('');
  print(messages.new.next);
  print(messages.new.stepEdit({ file: display }));
  // The redline reads from the earlier text to the later one.
  const [older, newer] = source && source.effectiveFrom > instant ? [version, source.version] : [source?.version ?? version, version];
  print(messages.new.stepDiff({ policy, older, newer, locale }));
  print(messages.new.stepDryRun);
  print(messages.new.stepPublish({ folder }));
  return Promise.resolve(0);
}
