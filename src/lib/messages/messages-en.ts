/**
 * The English messages of the commands legal staff run (`new`, `check`,
 * `publish`, `withdraw`, `diff`, `at`, `notice`), of the build's refusals,
 * the lint and the dev server's error page. This catalog is the schema: its
 * type is `MessageCatalog` (message-catalog.ts), so the Russian one must have
 * every message with the same parameters, or it does not compile.
 *
 * A message with values is a function of one object of named parameters
 * (not an ICU string): TypeScript checks every call and every translation,
 * and plural forms come from `Intl.PluralRules` (message-format.ts). The
 * reference page (docs/reference/messages.md) calls each function with the
 * names of its parameters in place of values, so `{count}` shows where a
 * value goes.
 */
import { countOf, en2, enForm } from './message-format.ts';
import type { ProblemMessage } from './message-catalog.ts';

/** What is wrong and what to do: the two parts of every refusal. */
export interface ProblemText {
  message: string;
  hint: string;
}

/**
 * What is wrong with a field of the ledger file, from its schema's issue
 * (ledger/ledger-store.ts): `text` is the schema's own English words, as
 * the English message has always said them; the rest lets another language
 * say it in its own words.
 */
export type LedgerIssue = { text: string } & (
  | { kind: 'missing' }
  | { kind: 'type'; expected: string; value: DescribedValue }
  | { kind: 'format'; format: string; value: DescribedValue }
  | { kind: 'allowed'; allowed: readonly string[]; value: DescribedValue }
  | { kind: 'unknown-fields'; keys: readonly string[] }
  | { kind: 'other' }
);

/**
 * A mistake in a command's options: `text` is Node's own English words, which the English message has always
 * shown; `kind` and `option` (the option or argument refused) let another language say it.
 */
export interface OptionMistake {
  kind: 'unknown' | 'missing-value' | 'no-value' | 'positional' | 'other';
  option: string;
  text: string;
}

/** A refusal's message in a catalog, by reference (as message-catalog.ts renders them), for a message that quotes another. */
export function sayProblem(catalog: { problem: Record<string, unknown> }, text: ProblemMessage): ProblemText {
  const entry = catalog.problem[text.id] as ProblemText | ((params: Record<string, unknown>) => ProblemText);
  return typeof entry === 'function' ? entry(text.params) : entry;
}

/** What is wrong at one place of a file the commands write (`entries.3.sha256`): the place and the issue. */
export interface FileIssue {
  path: string;
  issue: LedgerIssue;
}

/** Issues one after another, `path: what`, in a catalog's words; a placeholder (on the reference page) as it is. */
export const writeFileIssues = (issues: readonly FileIssue[], say: (issue: LedgerIssue) => string) => (Array.isArray(issues) ? issues.map(({ path, issue }) => `${path}: ${say(issue)}`).join('; ') : String(issues));
const enFileIssues = (issues: readonly FileIssue[]) => writeFileIssues(issues, (issue) => issue.text);

/** A value as it appears in YAML, described for a message (zod-problems.ts): the kind, and what the kind needs. */
export type DescribedValue = { kind: 'nothing' | 'empty' | 'fields' } | { kind: 'list'; items: number } | { kind: 'date-time'; iso: string } | { kind: 'text'; text: string } | { kind: 'other'; text: string };

/** The type of a value zod expected, as its issue names it (`string`, `array`, …). */
type ExpectedType = string;

const enTypes: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  null: 'an empty value',
  undefined: 'nothing',
};

/** A described value in English; a placeholder (on the reference page) as it is. */
function enValue(value: DescribedValue): string {
  if (typeof value !== 'object') return String(value);
  switch (value.kind) {
    case 'nothing':
      return 'nothing';
    case 'empty':
      return 'an empty value';
    case 'fields':
      return 'a set of fields';
    case 'list':
      return `a list of ${en2(value.items, 'item', 'items')}`;
    case 'date-time':
      return `a date-time object (${value.iso})`;
    case 'text':
      return `"${value.text}"`;
    case 'other':
      return value.text;
  }
}

/** `ru or en`: a list joined by a word; a placeholder (on the reference page) as it is. */
export const listOr = (items: readonly string[], word: string) => (Array.isArray(items) ? items.join(` ${word} `) : String(items));
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const enType = (expected: ExpectedType) => enTypes[expected] ?? expected;
/** A link of a text, as a lint finding names it. */
const enLink = (text: string, url: string) => (text === '' ? `the link ${url}` : `the link "${text}" (${url})`);
const fixThem = (count: number) => enForm(count, 'it', 'them');

export const EN_MESSAGES = {
  /** The language of the messages, a BCP 47 tag. */
  lang: 'en',

  /** Choosing the language of the messages (message-language.ts). */
  language: {
    unknownFlag: (p: { value: string }) => `--lang is "ru" or "en", not "${p.value}".`,
    unknownVariable: (p: { value: string }) => `POLICY_PRESS_LANG is "ru" or "en", not "${p.value}". Set it to one of them, or unset it to follow the system's language.`,
  },

  /** Reports of problems (corpus/problem.ts): the words around the list. */
  report: {
    warningLabel: 'warning: ',
    /** Before a lint finding in a text already published (`check --history`): reported, never refused. */
    historyLabel: 'history: ',
    problemCount: (p: { count: number; files: number }) => `${en2(p.count, 'problem', 'problems')} in ${en2(p.files, 'file', 'files')}.`,
    warningCount: (p: { count: number; files: number }) => `${en2(p.count, 'warning', 'warnings')} in ${en2(p.files, 'file', 'files')}; they do not stop the build.`,
    corpusError: (p: { count: number }) => `The policies have ${en2(p.count, 'problem', 'problems')}:`,
  },

  /** What a report says after its count: what the command did not do, and what to do. */
  conclusion: {
    build: (p: { count: number }) => `Nothing was published; fix ${fixThem(p.count)} and run again.`,
    check: (p: { count: number }) => `Fix ${fixThem(p.count)} and run npm run policy -- check again.`,
    dev: (p: { count: number }) => `Nothing is shown until ${enForm(p.count, 'it is', 'they are')} fixed; this page reloads on the next save.`,
    diff: (p: { count: number }) => `Nothing was compared; fix ${fixThem(p.count)} and run diff again.`,
    sourceCheck: (p: { count: number }) => `Nothing was checked; fix ${fixThem(p.count)} and run again.`,
    verify: (p: { count: number }) => `Nothing was verified; fix ${fixThem(p.count)} and run again.`,
    new: (p: { count: number }) => `Nothing was created; fix ${fixThem(p.count)} and run new again.`,
    publish: (p: { count: number }) => `Nothing was recorded; fix ${fixThem(p.count)} and run publish again.`,
    withdraw: (p: { count: number }) => `Nothing was withdrawn; fix ${fixThem(p.count)} and run withdraw again.`,
    /** The dev server's warning about what a production build would refuse. */
    unpublished: (p: { count: number }) => `Fix ${fixThem(p.count)}, or publish with npm run policy -- publish.`,
  },

  /** The build's own lines around its reports (src/loaders/policy-loader.ts). */
  build: {
    productionWouldRefuse: 'A production build would refuse this:',
    lintWarns: 'The lint of the policies warns:',
  },

  /** `npm run policy -- check`. */
  check: {
    noArguments: 'check takes no arguments.',
    format: (p: { value: string }) => `--format is "text" or "github", not "${p.value}".`,
    ledgerVersion1: (p: { file: string }) => `Note: ${p.file} is a version 1 ledger: it does not lock changeType and summary yet. Run npm run policy -- publish once to upgrade it, and commit it.`,
    /** Lint findings in published texts, counted; `rules` is "<rule> <count>, …"; `list`: say how to list them. */
    history: (p: { count: number; versions: number; rules: string; list: boolean }) =>
      `History: ${p.count} lint ${enForm(p.count, 'finding', 'findings')} in ${p.versions} published ${enForm(p.versions, 'version', 'versions')} (${p.rules}), reported, not refused: a text already published or imported cannot change.${p.list === true ? ' List them with npm run policy -- check --history.' : ''}`,
    noHistory: 'History: no lint findings in published versions.',
    /** The closing line without errors; `warnings` and `history` count what is printed above it. */
    passed: (p: { versions: number; folder: string; warnings: number; history: number; drafts: number }) => {
      const above = [p.warnings === 0 ? null : en2(p.warnings, 'warning', 'warnings'), p.history === 0 ? null : `${en2(p.history, 'finding', 'findings')} in published history`].filter((part) => part !== null);
      const drafts = p.drafts === 0 ? '' : ` (${en2(p.drafts, 'draft', 'drafts')} not published)`;
      return `${p.versions} versions in ${p.folder}: ${above.length === 0 ? 'all is well' : `no errors, ${above.join(' and ')} above`}${drafts}.`;
    },
  },

  /** What `publish` and `withdraw` say when they record. */
  publish: {
    nothingToPublish: 'Nothing to publish: every version is in the ledger.',
    wouldHave: 'would have ',
    /** The entries added to the public log, numbered from 0; `total` counts them all. */
    logged: (p: { first: number; last: number; total: number }) =>
      `logged ${p.first === p.last ? `entry ${p.first}` : `entries ${p.first}–${p.last}`} in the public log (${p.total} ${enForm(p.total, 'entry', 'entries')} in all)`,
    recordedIn: (p: { ledger: string; logLock: string; archive: string }) => `Recorded in ${p.ledger} and ${p.logLock}. Commit them and ${p.archive}/ with your change:`,
    undo: (p: { ledger: string; logLock: string }) =>
      `To undo it before committing: git diff -- ${p.ledger} ${p.logLock} shows what was recorded, git restore --source=HEAD --worktree -- ${p.ledger} ${p.logLock} takes it back (those two files only: your texts stay as they are).`,
    withdrawRecordedIn: (p: { ledger: string; logLock: string }) => `Recorded in ${p.ledger} and ${p.logLock}. Keep the version's file as it is (published texts are permanent), and commit both:`,
    nothingWithdrawn: 'Nothing was withdrawn.',
  },

  /** One line per change `publish` or `withdraw` records (ledger/publish-versions.ts, ledger/withdraw-version.ts); instants and hashes as they are. */
  recorded: {
    imported: (p: { version: string; effective: string; sha256: string }) => `imported ${p.version} (in force since ${p.effective}, before the ledger existed), sha256 ${p.sha256}`,
    published: (p: { version: string; effective: string; sha256: string }) => `published ${p.version} (takes effect ${p.effective}), sha256 ${p.sha256}`,
    backdated: (p: { version: string; effective: string; now: string; reason: string; sha256: string }) =>
      `published ${p.version} BACKDATED: in force since ${p.effective}, published ${p.now} (${p.reason}), sha256 ${p.sha256}`,
    lateTranslation: (p: { locale: string; policy: string; version: string; effective: string; now: string; sha256: string }) =>
      `published the ${p.locale} text of ${p.policy} ${p.version} (in force since ${p.effective}; this translation published ${p.now}), sha256 ${p.sha256}`,
    editorialProven: (p: { version: string; since: string }) => `recorded ${p.version} as editorial: every changed passage since ${p.since} is a cosmetic edit`,
    editorialDecided: (p: { version: string; reason: string; since: string | null }) =>
      `recorded ${p.version} as editorial BY DECISION (--editorial: ${p.reason}): ${p.since ? `the check finds material changes since ${p.since}` : 'no earlier text proves it editorial'}`,
    postponed: (p: { version: string; from: string; to: string; reason: string; previous: string; sha256: string }) =>
      `postponed ${p.version}: from ${p.from} to ${p.to} (${p.reason}); sha256 ${p.previous} → ${p.sha256}`,
    /** A correction; `previous` equals `sha256` when only changeType or summary changed. */
    editorialCorrection: (p: { date: string; version: string; previous: string; sha256: string }) => `recorded the editorial correction of ${p.date} to ${p.version}${enHashChange(p)}`,
    materialCorrection: (p: { date: string; version: string; previous: string; sha256: string }) => `recorded the MATERIAL correction of ${p.date} to ${p.version}${enHashChange(p)}`,
    /** `days` is null when the notice is not a whole number of days; `setting` is then the setting as written (PT48H). */
    shortNotice: (p: { version: string; effective: string; announced: string; days: number | null; setting: string; reason: string }) =>
      `recorded the SHORT NOTICE of ${p.version}: takes effect ${p.effective}, announced ${p.announced}, less than the ${enNotice(p)} required (${p.reason})`,
    upgraded: (p: { count: number }) => `upgraded the ledger to version 2: locked changeType and summary of ${p.count} version(s) as they are now (version 1 did not record them)`,
    withdrew: (p: { version: string; effective: string; reason: string }) => `withdrew ${p.version} (was to take effect ${p.effective}): ${p.reason}`,
    wouldWithdraw: (p: { version: string; effective: string; reason: string }) => `would have withdrawn ${p.version} (was to take effect ${p.effective}): ${p.reason}`,
  },

  /** `--help` of the commands legal staff run, and the list of commands (scripts/policy.ts); the others' help stays English. */
  help: {
    /** What a command lacks or has too much of, before its help. */
    publishArguments: 'publish takes no arguments.',
    withdrawArguments: 'withdraw needs a policy and a version id.',
    withdrawReason: 'withdraw needs --reason "<why>": it is recorded and shown.',
    diffArguments: 'diff needs a policy and two version ids.',
    atArguments: 'at needs a policy and an instant.',
    /** A policy `diff` or `at` does not find in `origin` (the policies folder, or a feed). */
    unknownPolicy: (p: { policy: string; origin: string; suggestion: string | null; policies: readonly string[] }) =>
      `There is no policy "${p.policy}" in ${p.origin}.${enDidYouMean(p.suggestion)} Policies: ${enNames(p.policies)}.`,
    /** `locales`: the languages the policy has. */
    noLocale: (p: { policy: string; locale: string; suggestion: string | null; locales: readonly string[] }) =>
      `${p.policy} has no "${p.locale}" text.${enDidYouMean(p.suggestion)} Locales: ${Array.isArray(p.locales) ? p.locales.join(', ') : String(p.locales)}. Use --locale.`,
    unknownCommand: (p: { name: string }) => `Unknown command "${p.name}".`,
    /** A mistake in a command's options, as Node's parseArgs reports it (messages/option-mistake.ts): in English, in its own words. */
    badOption: (p: { mistake: OptionMistake }) => (typeof p.mistake === 'object' ? p.mistake.text : String(p.mistake)),
    /** The list of commands; `synopses`: each command's first line of help. */
    usage: (p: { synopses: readonly string[] }) => `Usage: npm run policy -- <command> [options]

Commands:
${Array.isArray(p.synopses) ? p.synopses.map((synopsis) => `  ${synopsis}`).join('\n') : String(p.synopses)}

Every command takes --lang ru|en: the language of its messages (new, check, publish, withdraw,
diff, at, notice; the others speak English). Without it: POLICY_PRESS_LANG, else the system's
locale (LC_ALL, LC_MESSAGES, LANG: ru_RU.UTF-8 is Russian), else English.

Run npm run policy -- <command> --help for details.`,
    new: `npm run policy -- new <policy> --locale <locale> --effective <date> [--version <id>] [--from <id>] [--title <title>]

  Creates policies/<policy>/<locale>/<version>.md from the version of that
  policy and locale in force at --effective (the latest one taking effect
  before it, never one scheduled after it), or the one named by --from, with
  the front matter filled in (its lint settings kept) and draft: true, so
  nothing is published until you remove it. Never overwrites a file.

  --effective  YYYY-MM-DD (start of that day in the site's time zone) or an
               ISO 8601 date-time with an offset
  --version    the version id; default: the effective date (YYYY-MM-DD in the
               site's time zone), with -2, -3… if that id is taken
  --from       the version to start from (default: the one in force at --effective)
  --title      the title, for the first version of a policy (or to change it)`,
    /** `rules`: each lint rule's id and its one-line description (lint/lint-rules.ts). */
    check: (p: { rules: readonly { id: string; doc: string }[] }) => `npm run policy -- check [--format text|github] [--history]

  Checks every file in the policies folder with the rules of the build (front
  matter, dates, layout, same-instant versions, translations) and against the
  published-version ledger (no published version deleted, moved in time or
  changed without a correction, its changeType and summary unchanged; no
  correction that is not editorial; no version that takes effect before it is
  published; every version on the site published), and lints the texts
  (stated dates, clause references, links, empty versions, copied summaries,
  translations; see docs/reference/lint-rules.md). Warns about a version in
  force or scheduled with no text in a language earlier versions have. Prints every problem as
  file:line[:column]: message, with how to fix it; lint rules set to warning
  are printed but do not fail. Exit 0 only when there is no error.

  --format github  print GitHub Actions annotations (::error file=…,line=…,col=…::…, ::warning for warnings)
  --history        list what the lint finds in texts already published or imported (history: counted
                   in one line otherwise, never refused, since those texts can no longer change)

  Lint rules (severity in site.config.ts lint.rules, or POLICY_LINT=rule=severity,…;
  silence one in a file with lint: { ignore: { <rule>: <reason> } } in its front matter):
${Array.isArray(p.rules) ? p.rules.map((rule) => `    ${rule.id.padEnd(20)}${rule.doc}`).join('\n') : String(p.rules)}`,
    publish: (p: {
      ledger: string;
      logLock: string;
    }) => `npm run policy -- publish [--dry-run] [--backdate "<reason>"] [--postpone "<reason>"] [--material-correction "<reason>"] [--editorial "<reason>"] [--short-notice "<reason>"]

  Records in the published-version ledger (policies/${p.ledger}) every
  version that is not a draft and not yet published, with its effective
  instant, the SHA-256 of its text, its changeType and summary, and how it was
  published; and every correction declared in a front matter
  (corrections: [{ date, reason }]) with the old and new hash. The published
  texts are archived in policies/.published/, and every new event is
  appended to the public log (policies/${p.logLock}, served at /log/v1/).
  Commit them with the change.
  Refuses, changing nothing, while anything else is wrong: in particular a
  version that takes effect before now (backdating), a version that takes
  effect sooner than its policy's notice (site.config.ts notice), a changed effective date,
  a correction that is not editorial, and a new version declared
  changeType: editorial that is not: editorial means every changed passage
  is whitespace, punctuation, letter case, «ё»/«е», markup alone or a
  spelling fix inside one word (a word added or removed, a negation, a
  number, a list item… is material).

  --dry-run              show what would be recorded, write nothing
  --backdate "<why>"     publish versions that take effect before now, recording why
  --postpone "<why>"     record the new effective date of versions that have not taken effect yet
  --material-correction "<why>"
                         record a correction the editorial check refuses, as material, with why
  --editorial "<why>"    publish new versions declared editorial that the editorial check
                         finds material, recording why (ledger, public log, version page)
  --short-notice "<why>" publish versions that take effect sooner than the notice their policy
                         requires (site.config.ts notice), recording why`,
    withdraw: `npm run policy -- withdraw <policy> <version> --reason "<why>" [--locale <locale>] [--dry-run]

  Withdraws a published version that has not taken effect yet: it will never
  be in force. The ledger records the reason and the instant; the file and the
  published text stay (its page and the feed say it was withdrawn, its text is
  still served by its hash). Translations share one timeline, so the version
  is withdrawn in every language; --locale only when locales are independent
  documents (site.config.ts: localeModel: 'independent'). Refused once the
  version has taken effect: publish a new version instead. To move the date
  instead, change effective and run publish --postpone "<why>".

  --reason   why, in plain words (required; shown on the site and in the feed)
  --dry-run  show what would be recorded, write nothing`,
    diff: `npm run policy -- diff <policy> <from> <to> [--locale <locale>] [--color|--no-color]

  What changed from version <from> to version <to>: the same block-aware
  redline as the site, changed blocks only, each under its section heading.
  Deleted words are [-struck-] and inserted words {+added+}; in a terminal,
  in colour. Drafts can be compared too.

  --locale  the locale (default: the site's default locale)`,
    at: `npm run policy -- at <policy> <instant> [--locale <locale>] [--feed <url|path>] [--json]

  The version of <policy> in force at <instant>: its id, effective period,
  sha256 and permanent URL. <instant> is an ISO 8601 date-time with an offset
  or Z (2025-09-01T12:00:00+03:00), or a date (2025-09-01) meaning the start
  of that day in the site's time zone.

  Exit codes: 0 in force; 1 no version was in force (or an error); 2 a
  version was in force but has no text in --locale (it names the languages it
  exists in, and the locale's earlier text, which was for reference only).

  --locale  the locale (default: the site's default locale)
  --feed    read a published feed (URL or path of index.json) instead of policies/
  --json    print JSON for programs`,
    notice: `npm run policy -- notice <policy> <version> [--locale <locale>] [--format text|html]

  Prints the notice of a new version for users, in the locale's words: the
  policy's title, when the version takes effect, what changes (its summary),
  whether consent will be asked again (material changes), and links to the
  redline, the new text and the history, with the new text's SHA-256. The
  build writes the same notice at /feed/v1/<policy>/<locale>/<version>/notice.txt
  and notice.html. Exit 1 for a version that does not exist, was withdrawn, or
  has no text in the locale.

  --locale  the locale (default: the site's default locale)
  --format  text (default) or html: a standalone e-mail body (inline styles,
            no script, nothing loaded from elsewhere)`,
  },

  /** `npm run policy -- new`: what it refuses, what it created and the next steps. */
  new: {
    needsPolicy: 'new needs a policy id.',
    /** `key` is null when a material version of the policy needs no notice; `days` and `setting` are its notice then. */
    needsEffective: (p: { earliest: string; policy: string; days: number | null; setting: string; key: string | null }) =>
      `new needs --effective (e.g. --effective ${p.earliest}${p.key === null ? '' : `: ${p.policy} requires ${enNoticePhrase(p)} of a material version (${p.key} in site.config.ts), so that is the first day that honours it if published today`}).`,
    invalidPolicyId: (p: { policy: string }) => `"${p.policy}" is not a valid policy id: use lowercase Latin letters, digits and hyphens.`,
    invalidLocale: (p: { locale: string }) => `"${p.locale}" is not a lowercase BCP 47 tag such as ru, en or pt-br.`,
    notADate: (p: { value: string }) => `--effective "${p.value}" is not a date.`,
    exists: (p: { file: string }) => `${p.file} already exists; new never overwrites a file. Choose another --version, or edit that file.`,
    /** `suggestion`: the known name closest to the one typed (corpus/did-you-mean.ts), null when none is close. */
    noFromVersion: (p: { policy: string; locale: string; from: string; suggestion: string | null; versions: readonly string[] }) =>
      `${p.policy} (${p.locale}) has no version "${p.from}" to start from.${enDidYouMean(p.suggestion)} Versions: ${enNames(p.versions)}.`,
    noPolicy: (p: { policy: string; folder: string; suggestion: string | null }) =>
      `There is no policy "${p.policy}" in ${p.folder}.${enDidYouMean(p.suggestion)} To start a new policy, give its title: --title "…" (the text starts empty).`,
    noLocale: (p: { policy: string; locale: string; suggestion: string | null; locales: readonly string[] }) =>
      `${p.policy} has no ${p.locale} version to start from.${enDidYouMean(p.suggestion)} Its locales: ${enNames(p.locales)}. For its first ${p.locale} version, give --title "…" (the text starts empty).`,
    newPolicy: (p: { policy: string; suggestion: string; file: string }) => `Note: this starts a new policy "${p.policy}".${enDidYouMean(p.suggestion)} If so, delete ${p.file} and run new again with that name.`,
    /** `later`: each later version as "<version> (<instant>)". */
    later: (p: { later: readonly string[] }) => `Note: ${enNames(p.later)} ${enForm(countOf(p.later), 'takes', 'take')} effect after it; the copy does not carry ${enForm(countOf(p.later), 'its', 'their')} changes.`,
    /** The same version already published in `translated`; `mustBe` is the version's effective when this text says another, else null. */
    lateTranslation: (p: { policy: string; version: string; translated: string; since: string; locale: string; mustBe: string | null }) =>
      `Note: ${p.policy} ${p.version} is already in force (in ${p.translated} since ${p.since}): publish records this text as a late ${p.locale} translation, published when you run it; its pages say so.${p.mustBe === null ? '' : ` Its effective must be the version's: ${p.mustBe}.`}`,
    /** `editorialDays`/`editorialSetting`: the notice of an editorial version, `editorialSetting` null when it needs none. */
    shortNotice: (p: { policy: string; days: number | null; setting: string; key: string; earliest: string; effective: string; firstDay: string; editorialDays: number | null; editorialSetting: string | null }) =>
      `Warning: ${p.policy} requires ${enNoticePhrase(p)} of a material version (${p.key} in site.config.ts): published now, it may take effect at ${p.earliest} at the earliest, so publish will refuse ${p.effective} unless you give the reason with --short-notice. The first day that honours it: --effective ${p.firstDay} (for an editorial version, set changeType: editorial${p.editorialSetting === null ? ', which needs no notice' : `; it needs ${enNoticePhrase({ days: p.editorialDays, setting: p.editorialSetting })}`}).`,
    folderProblems: (p: { count: number }) => `Note: the policies folder has ${en2(p.count, 'problem', 'problems')}; run npm run policy -- check.`,
    created: (p: { file: string; effective: string }) => `Created ${p.file} (takes effect ${p.effective}).`,
    createdFrom: (p: { file: string; from: string; effective: string }) => `Created ${p.file} from ${p.from} (takes effect ${p.effective}).`,
    beforeNow: (p: { effective: string; now: string; suggestion: string }) =>
      `Warning: it takes effect at ${p.effective}, before now (${p.now}): consents given since then were given to the version in force then, and publish will refuse it unless you give the reason with --backdate. Use a later date, or an exact instant such as ${p.suggestion}.`,
    next: 'Next:',
    stepEdit: (p: { file: string }) => `  1. Edit the text and the summary in ${p.file} (changeType: material, or editorial for a wording fix).`,
    stepDiff: (p: { policy: string; older: string; newer: string; locale: string }) =>
      `  2. See the changes: npm run policy -- diff ${p.policy} ${p.older} ${p.newer} --locale ${p.locale}   (and npm run dev shows it with a DRAFT banner)`,
    stepDryRun: '  3. Remove the line "draft: true", then: npm run policy -- publish --dry-run   (every rule; exit 0 lists what would be recorded)',
    stepPublish: (p: { folder: string }) => `  4. Record it as published: npm run policy -- publish, then npm run policy -- check (exit 0), and commit ${p.folder}.`,
  },

  /** Lines under a problem's hint that say something rather than show a text (corpus/problem.ts, `detail`). */
  detail: {
    /** A published text changed, but the text it was published as is not in the archive to show the change against. */
    archiveMissing: (p: { sha256: string; archive: string }) => `(the published text ${p.sha256} is not in ${p.archive}/ to compare with)`,
    /** An instant in a form ISO 8601 knows and this grammar refuses, said after the value (time/effective-instant.ts): a comma before the fraction. */
    commaFraction: (p: { fixed: string }) => `its fraction of a second is written with a comma: write a full stop (${p.fixed})`,
    lowercaseTz: (p: { fixed: string }) => `its "t" or "z" is in lower case: write T and Z in upper case (${p.fixed})`,
    /** `minute`: the hour and minute written, `23:59`. */
    leapSecond: (p: { minute: string }) => `it names a leap second (:60), and instants here are UTC without leap seconds: write ${p.minute}:59.999 of that minute, or the next minute at :00`,
    midnight24: () => 'it writes midnight as 24:00: write 00:00 of the next day',
    /** The changed passages that are not cosmetic edits, one a line: where, the redline, why. */
    materialPassages: (p: { passages: readonly ShownPassage[] }) =>
      writePassages(p.passages, (passage) => (passage.clause !== null ? `${passage.clause}: ` : passage.section ? `in «${passage.section}»: ` : ''), enReason),
  },

  /** `npm run policy -- notice`: why there is no notice to print (notice/notice-document.ts). */
  notice: {
    needsArguments: 'notice needs a policy and a version.',
    format: (p: { value: string }) => `--format is "text" or "html", not "${p.value}".`,
    noPolicy: (p: { policy: string; suggestion: string | null; policies: readonly string[] }) => `There is no policy "${p.policy}".${enDidYouMean(p.suggestion)} Policies: ${enNames(p.policies)}.`,
    withdrawn: (p: { policy: string; version: string; withdrawn: string; reason: string }) =>
      `${p.policy} ${p.version} was withdrawn at ${p.withdrawn} (${p.reason}) and never takes effect: there is nothing to give notice of.`,
    noVersion: (p: { policy: string; version: string; suggestion: string | null; versions: readonly string[] }) =>
      `${p.policy} has no version "${p.version}".${enDidYouMean(p.suggestion)} Versions: ${enNames(p.versions)}.`,
    /** `locales`: the languages the version has, the first of them suggested. */
    noText: (p: { policy: string; version: string; locale: string; locales: readonly string[] }) =>
      `${p.policy} ${p.version} has no ${p.locale} text; it exists in ${enNames(p.locales)}. Use --locale ${Array.isArray(p.locales) ? (p.locales[0] ?? '') : String(p.locales)}, or publish its ${p.locale} text first.`,
  },

  /** `npm run policy -- diff`: the lines around the changes. */
  diff: {
    /** A version `diff` cannot find (its texts in `locale`). */
    noVersion: (p: { policy: string; locale: string; version: string; suggestion: string | null; versions: readonly string[] }) =>
      `${p.policy} (${p.locale}) has no version "${p.version}".${enDidYouMean(p.suggestion)} Versions: ${enNames(p.versions)}.`,
    title: (p: { before: string; after: string }) => `title: ${p.before} → ${p.after}`,
    /** The front matter of a published text that changed (under the refusal of a text changed without a correction). */
    frontMatter: (p: { before: string; after: string }) => `front matter: ${p.before} → ${p.after}`,
    noChanges: 'No changes in the text.',
    /** The labels of the redline's lines (redline/render-text-redline.ts). */
    changed: '* changed:',
    added: '+ added:',
    movedHere: '→ moved here:',
    removed: '- removed:',
    movedAway: '← moved away:',
    formattingChanged: '~ formatting changed:',
    linkChanged: '~ link changed:',
    link: (p: { text: string }) => `link "${p.text}"`,
    noTarget: '(none)',
  },

  /** `npm run policy -- at`: the version in force at an instant, as text (its --json output stays English). */
  at: {
    header: (p: { policy: string; locale: string; instant: string; version: string; title: string }) => `${p.policy} (${p.locale}) at ${p.instant}: version ${p.version} «${p.title}»`,
    inForceUntil: (p: { from: string; until: string }) => `  in force  from ${p.from} until ${p.until}`,
    inForceOpen: (p: { from: string }) => `  in force  from ${p.from} (no later version yet)`,
    backdated: (p: { published: string; reason: string }) => `  published ${p.published}, BACKDATED (${p.reason})`,
    backdatedNoReason: (p: { published: string }) => `  published ${p.published}, BACKDATED (no reason recorded)`,
    lateTranslation: (p: { locale: string; published: string }) => `  this ${p.locale} text was published ${p.published}; before that the version had no ${p.locale} text`,
    languages: (p: { locales: string }) => `  languages ${p.locales}`,
    sha256: (p: { sha256: string }) => `  sha256    ${p.sha256}`,
    url: (p: { url: string }) => `  url       ${p.url}`,
    markdown: (p: { url: string }) => `  markdown  ${p.url}`,
    notInstant: (p: { text: string; timeZone: string }) => `"${p.text}" is not an instant: write 2025-09-01T12:00:00+03:00, 2025-09-01T09:00:00Z or 2025-09-01 (start of that day in ${p.timeZone}).`,
    /** No version in force yet; `first` is the first version (null when there is none), `later` how long after the instant it took effect (`durationUnit`), `from` when. */
    noneInForce: (p: { policy: string; locale: string; instant: string; first: string | null; later: string; from: string }) =>
      `No version of ${p.policy} (${p.locale}) was in force at ${p.instant}${p.first ? `: the first, ${p.first}, took effect ${p.later} later, at ${p.from}` : ''}.`,
    /** The version in force has no text in the locale; `reference` is the locale's last text before (null when there is none), no longer in force since `until`. */
    noText: (p: { policy: string; instant: string; version: string; from: string; locale: string; locales: string; reference: string | null; until: string }) =>
      `${p.policy} at ${p.instant}: version ${p.version} was in force (from ${p.from}), and it has no ${p.locale} text: it exists in ${p.locales}.${
        p.reference ? ` The ${p.locale} text then was ${p.reference}, for reference only: not in force since ${p.until}.` : ''
      }`,
    /** One part of a duration: `3 d`, `4 h`, `12 min`, `5 s`, `250 ms`. */
    durationUnit: (p: { count: number; unit: 'd' | 'h' | 'min' | 's' | 'ms' }) => `${p.count} ${p.unit}`,
  },

  /** The dev server's page while the policies have problems (dev-server/dev-error-page.ts). */
  devPage: {
    title: (p: { count: number }) => `The policies have ${en2(p.count, 'problem', 'problems')}`,
    unreadable: 'The policies could not be read',
    titleSuffix: 'dev server',
    intro: 'The dev server shows no page while the policies have problems. Fix them and save: this page reloads by itself.',
    reportHeading: 'The report, as in the terminal',
  },

  /** Refusals of the files themselves: layout, encoding, front matter, fields (corpus/). */
  problem: {
    noFrontMatter: { message: 'the file has no front matter', hint: 'Start the file with a line "---", then the fields (title, effective, …), then another line "---", then the text.' },
    frontMatterNotClosed: { message: 'the front matter is never closed', hint: 'Add a line "---" after the last field, before the text of the policy.' },
    fieldTwiceUnnamed: { message: 'a field is given twice', hint: 'Keep one line per field and delete the other.' },
    fieldTwice: (p: { field: string }) => ({ message: 'is given twice', hint: `Keep one "${p.field}:" line and delete the other.` }),
    colonInValue: {
      message: 'a value has a colon in it, which YAML reads as the start of another field',
      hint: 'Put the value in quotes, e.g. summary: "Срок ответа: 10 дней", or write it as a list item in quotes: - "Срок ответа: 10 дней".',
    },
    yamlTag: (p: { tag: string }) => ({ message: `a value carries a YAML tag that this site does not read (${p.tag})`, hint: 'Remove the "!…" tag and write the value plainly, e.g. effective: 2025-09-01.' }),
    invalidYaml: (p: { error: string }) => ({ message: `the front matter is not valid YAML (${p.error})`, hint: 'Check the quotes, colons and indentation on this line; text with a colon in it must be in quotes.' }),
    notUtf8: { message: 'the file is not valid UTF-8 text', hint: 'Save the file with the UTF-8 encoding (in most editors: "Save with encoding" → UTF-8).' },
    notFieldLines: { message: 'the front matter is not a list of "field: value" lines', hint: 'Write one field per line, e.g. "title: …" and "effective: 2025-09-01".' },
    summaryPlaceholder: { message: 'still has the placeholder written by npm run policy -- new', hint: 'Write what changed in plain words (or delete the summary), or keep draft: true until the text is ready.' },
    noText: { message: 'the file has no text after the front matter', hint: 'Write the text of the policy below the closing "---" line.' },
    noVersions: (p: { folder: string }) => ({
      message: 'the policies folder has no versions',
      hint: `Add a first version, e.g. npm run policy -- new privacy --locale ru --effective 2025-09-01 --title "…" (it writes ${p.folder}/privacy/ru/2025-09-01.md), or point POLICIES_DIR at the folder that holds <policy>/<locale>/<version>.md files.`,
    }),
    sameInstant: (p: { other: string; instant: string }) => ({
      message: `takes effect at the same instant as ${p.other} (${p.instant}), so neither would be the one in force`,
      hint: 'Give each version of a policy its own effective date; for two changes on one day, write exact times with their offset (2025-09-01T12:00:00+03:00).',
    }),
    translationChangeType: (p: { changeType: string; locale: string; other: string; otherChangeType: string }) => ({
      message: `is ${p.changeType} but the ${p.locale} text of the same version (${p.other}) is ${p.otherChangeType}; a version is material or editorial in every language`,
      hint: `Set changeType: ${p.otherChangeType} here (or change both), or give this text its own version id.`,
    }),
    translationEffective: (p: { effective: string; locale: string; other: string; otherEffective: string }) => ({
      message: `is "${p.effective}" but the ${p.locale} text of the same version (${p.other}) says "${p.otherEffective}"; translations of one version must take effect together`,
      hint: `Set effective to "${p.otherEffective}" here, or give this text its own version id if it really starts at another time.`,
    }),

    // The value of effective (src/lib/time/effective-instant.ts).
    /** A date that must be a calendar day (a correction's): `error` is why it could not be read as a date (a month 13, …), null when it is a date-time. */
    notCalendarDate: (p: { value: string; error: ProblemMessage | null }) => ({
      message: typeof p.error === 'object' && p.error !== null ? sayProblem(EN_MESSAGES, p.error).message : `"${p.value}" is not a date written as YYYY-MM-DD`,
      hint: 'Write the date as YYYY-MM-DD, e.g. 2026-12-01.',
    }),
    noSuchMonth: (p: { value: string; month: number }) => ({ message: `"${p.value}" has month ${p.month}, which does not exist`, hint: 'Write the date as YYYY-MM-DD with a month from 01 to 12, e.g. 2025-09-01.' }),
    noSuchDay: (p: { value: string; year: number; month: number; days: number }) => ({
      message: `"${p.value}" is not a real date: ${EN_MONTHS[p.month - 1] ?? `{month}`} ${p.year} has ${p.days} days`,
      hint: `Use a day from 01 to ${p.days}.`,
    }),
    commaFraction: (p: { value: string; fixed: string }) => ({ message: `"${p.value}" writes the fraction of a second with a comma`, hint: `Write a full stop before the fraction, as RFC 3339 does: ${p.fixed}.` }),
    lowercaseTz: (p: { value: string; fixed: string }) => ({ message: `"${p.value}" writes "t" or "z" in lower case`, hint: `Write T and Z in upper case: ${p.fixed}.` }),
    notADate: (p: { value: string }) => ({
      message: `"${p.value}" is not a date (YYYY-MM-DD) nor an ISO 8601 date-time with an offset`,
      hint: 'Write the day it takes effect as YYYY-MM-DD (e.g. 2025-09-01), or an exact instant with its offset (e.g. 2025-09-01T00:00:00+03:00).',
    }),
    spacedDateTime: (p: { value: string; fixed: string }) => ({
      message: `"${p.value}" is not a date (YYYY-MM-DD) nor an ISO 8601 date-time with an offset`,
      hint: `Put a "T" between the date and the time and add the offset, e.g. ${p.fixed}.`,
    }),
    leapSecond: (p: { value: string }) => ({ message: `"${p.value}" names a leap second`, hint: 'Write the last millisecond of that minute (…:59.999) or the first instant of the next one.' }),
    midnight24: (p: { value: string }) => ({ message: `"${p.value}" writes midnight as 24:00`, hint: 'Write the next day at 00:00:00 (a day starts at 00:00).' }),
    noSuchTime: (p: { value: string }) => ({ message: `"${p.value}" has a time of day that does not exist`, hint: 'Use hours 00–23, minutes and seconds 00–59 (a day that starts at midnight is written 00:00:00).' }),
    noOffset: (p: { value: string; date: string }) => ({
      message: `"${p.value}" has a time but no UTC offset, so the instant it names is ambiguous`,
      hint: `Add the offset, e.g. ${p.value}+03:00 or ${p.value}Z, or write just the date ${p.date} to mean the start of that day in the site's time zone.`,
    }),
    noSuchOffset: (p: { value: string; offset: string }) => ({ message: `"${p.value}" has an offset ${p.offset} that does not exist`, hint: 'Write the offset as +HH:MM or -HH:MM, e.g. +03:00.' }),

    // The layout <policy>/<locale>/<version>.md (corpus/policy-path.ts).
    pathTop: {
      message: 'the file is directly in the policies folder, not at <policy>/<locale>/<version>.md',
      hint: 'Each version is a file policies/<policy>/<locale>/<version>.md, e.g. policies/privacy/ru/2025-09-01.md.',
    },
    pathDepth: (p: { depth: number }) => ({
      message: `the file is ${p.depth} folder(s) deep, not at <policy>/<locale>/<version>.md`,
      hint: 'Each version is a file policies/<policy>/<locale>/<version>.md, e.g. policies/privacy/ru/2025-09-01.md.',
    }),
    notMarkdownName: (p: { name: string; rename: string }) => ({ message: `"${p.name}" is not a Markdown file ending in .md`, hint: `Rename it to ${p.rename}.` }),
    notMarkdown: (p: { name: string }) => ({ message: `"${p.name}" is not a Markdown file ending in .md`, hint: 'Only policy versions belong in the policies folder; move other files elsewhere.' }),
    policyId: (p: { policy: string; suggestion: string }) => ({
      message: `the policy folder "${p.policy}" is not a valid policy id`,
      hint: `Use lowercase Latin letters, digits and hyphens only, e.g. "${p.suggestion}".`,
    }),
    reservedPolicy: (p: { policy: string; reserved: string }) => ({
      message: `"${p.policy}" is reserved by the site and cannot be a policy id`,
      hint: `Rename the folder, e.g. to "${p.policy}-policy". Reserved: ${p.reserved}.`,
    }),
    localeTag: (p: { locale: string; lowercase: string }) => ({
      message: `the locale folder "${p.locale}" is not a lowercase BCP 47 language tag`,
      hint: `Use a tag such as "ru", "en" or "pt-br"${p.lowercase ? ` (rename it to "${p.lowercase}")` : ''}.`,
    }),
    reservedLocale: (p: { locale: string; reserved: string }) => ({ message: `"${p.locale}" is reserved by the site and cannot be a locale folder`, hint: `Reserved: ${p.reserved}.` }),
    versionId: (p: { name: string; suggestion: string }) => ({
      message: `the file name "${p.name}" is not a valid version id`,
      hint: `Version ids go into permanent URLs: start with a lowercase letter or digit, then use only a-z, 0-9, ".", "_" and "-", e.g. "${p.suggestion}.md".`,
    }),
    reservedVersion: (p: { version: string; reserved: string }) => ({
      message: `"${p.version}" is reserved by the site and cannot be a version id`,
      hint: `Rename the file, e.g. to the date it takes effect (2025-09-01.md). Reserved: ${p.reserved}.`,
    }),

    // Front-matter fields checked by the schema (corpus/zod-problems.ts).
    misspelledField: (p: { suggestion: string }) => ({ message: 'is not a known field', hint: `Did you mean "${p.suggestion}"? Fix the spelling of the key.` }),
    unknownField: (p: { known: string }) => ({ message: 'is not a known field', hint: `Remove it. The fields are: ${p.known}.` }),
    unknownNestedField: { message: 'is not a known field', hint: 'Remove it.' },
    missingField: (p: { field: string }) => ({ message: 'is missing', hint: `Add a line "${p.field}: …" to the front matter.` }),
    wrongType: (p: { field: string; expected: ExpectedType; value: DescribedValue }) => ({ message: `should be ${enType(p.expected)}, but is ${enValue(p.value)}`, hint: enTypeHint(p.expected, p.field) }),
    wrongEffective: (p: { expected: ExpectedType; value: DescribedValue }) => ({
      message: `should be ${enType(p.expected)}, but is ${enValue(p.value)}`,
      hint: 'Write the day it takes effect as YYYY-MM-DD (e.g. 2025-09-01), or an exact instant with its offset (e.g. 2025-09-01T00:00:00+03:00).',
    }),
    wrongTitle: (p: { expected: ExpectedType; value: DescribedValue }) => ({
      message: `should be ${enType(p.expected)}, but is ${enValue(p.value)}`,
      hint: 'Write the title as text on one line, e.g. title: Политика конфиденциальности.',
    }),
    colonItem: (p: { typed: string; quoted: string; field: string }) => ({
      message: `"${p.typed}" has a colon, so YAML read it as a field and its value, not as text`,
      hint: `Put the text in quotes: ${p.field}: ${p.quoted}.`,
    }),
    colonListItem: (p: { item: number; typed: string; quoted: string }) => ({
      message: `item ${p.item}, "${p.typed}", has a colon, so YAML read it as a field and its value, not as text`,
      hint: `Put the item in quotes: - ${p.quoted}.`,
    }),
    wrongForm: (p: { field: string; value: DescribedValue }) => ({ message: `has the wrong form: ${enValue(p.value)}`, hint: `Write ${p.field} as one line of text, or as a list with one "- item" per line.` }),
    notAllowed: (p: { value: DescribedValue; allowed: string }) => ({ message: `is ${enValue(p.value)}, which is not allowed`, hint: `Use one of: ${p.allowed}.` }),
    emptyList: (p: { field: string }) => ({ message: 'is an empty list', hint: `Add at least one item, or remove ${p.field}.` }),
    emptyField: (p: { field: string }) => ({ message: 'is empty', hint: `Write the ${p.field}, or remove the line if the field is optional.` }),

    // Findings of the lint in the texts (src/lib/lint/rules/); dates are YYYY-MM-DD.
    clauseMissing: (p: { reference: string; number: string }) => ({ message: `"${p.reference}" names ${p.number}, which this text does not have (this text has no numbered clauses or sections)`, hint: CLAUSE_HINT }),
    clauseMissingNear: (p: { reference: string; number: string; nearest: string }) => ({ message: `"${p.reference}" names ${p.number}, which this text does not have (the nearest is ${p.nearest})`, hint: CLAUSE_HINT }),
    clauseMissingBetween: (p: { reference: string; number: string; before: string; after: string }) => ({
      message: `"${p.reference}" names ${p.number}, which this text does not have (the nearest are ${p.before} and ${p.after})`,
      hint: CLAUSE_HINT,
    }),
    dateNotReal: (p: { stated: string }) => ({ message: `"${p.stated}" is not a real date`, hint: 'Correct the date in the text.' }),
    dateNotEffective: (p: { stated: string; written: string; effective: string; timeZone: string }) => ({
      message: `"${p.stated}" says ${p.written}, but effective says this version takes effect on ${p.effective} (${p.timeZone})`,
      hint: 'Make the text and effective agree: correct the date in the text, or effective (a published text is changed only by a correction, see docs/legal-staff.en.md).',
    }),
    dateNotCorrection: (p: { stated: string; written: string; corrected: string }) => ({
      message: `"${p.stated}" says ${p.written}, but the text was corrected on ${p.corrected}`,
      hint: `Write the day of the latest correction, ${p.corrected}, in the text.`,
    }),
    dateAfterChange: (p: { stated: string; written: string; effective: string }) => ({
      message: `"${p.stated}" says ${p.written}, later than this version's last change (it takes effect on ${p.effective})`,
      hint: DATE_AFTER_HINT,
    }),
    dateAfterCorrection: (p: { stated: string; written: string; effective: string; corrected: string }) => ({
      message: `"${p.stated}" says ${p.written}, later than this version's last change (it takes effect on ${p.effective}, last corrected on ${p.corrected})`,
      hint: DATE_AFTER_HINT,
    }),
    dateCopied: (p: { stated: string; written: string; previous: string; previousEffective: string }) => ({
      message: `"${p.stated}" says ${p.written}, before the previous version (${p.previous}) took effect on ${p.previousEffective}: the date was copied with the text`,
      hint: 'Write the day this text was last changed.',
    }),
    copiedSummary: (p: { previous: string }) => ({
      message: `summary is the same as the previous version's (${p.previous}), which says what changed before it`,
      hint: 'Write what changed in this version, or remove the summary.',
    }),
    emptyVersion: (p: { previous: string; previousFile: string }) => ({
      message: `the text and title are identical to the previous version, ${p.previous} (${p.previousFile}): this version changes nothing`,
      hint: 'Make the change in the text, or delete this file if nothing was to change.',
    }),
    stableLink: (p: { text: string; url: string; policy: string; written: string }) => ({
      message: `${enLink(p.text, p.url)} leads to the stable URL of ${p.policy}, which shows whichever version is in force when the link is followed, not the one in force when this version took effect`,
      hint: `Write [${p.text || 'text'}](${p.written}) to link the version of ${p.policy} in force when this version took effect (the page says when a newer one exists), or silence this rule for the file with the reason the current version is meant.`,
    }),
    policyLinkHtml: (p: { text: string; url: string }) => ({
      message: `${enLink(p.text, p.url)} is written in HTML, where policy: links are not resolved`,
      hint: `Write it as a Markdown link: [${p.text || 'text'}](${p.url}).`,
    }),
    policyLinkUnknown: (p: { text: string; url: string; policy: string; policies: string }) => ({
      message: `${enLink(p.text, p.url)} names the policy "${p.policy}", which the site does not have`,
      hint: `Use one of: ${p.policies}.`,
    }),
    policyLinkNotInForce: (p: { text: string; url: string; policy: string; locales: readonly string[]; effective: string }) => ({
      message: `${enLink(p.text, p.url)}: ${p.policy} had no version in force (${listOr(p.locales, 'or')}) when this version takes effect (effective: ${p.effective})`,
      hint: `Link a policy that is in force by then, or publish a version of ${p.policy} that takes effect no later.`,
    }),
    siteLinkSlash: (p: { text: string; url: string; path: string }) => ({
      message: `${enLink(p.text, p.url)} leads to ${p.path}, which the site serves as ${p.path}/`,
      hint: `Write ${p.path}/ (hosts redirect the address without the final slash; the dev server and some hosts do not).`,
    }),
    siteLinkMissing: (p: { text: string; url: string; path: string }) => ({
      message: `${enLink(p.text, p.url)} leads to ${p.path}, which this site does not have`,
      hint: "Link a page of this site (a policy's stable URL /<locale>/<policy>/, or a version's permanent URL), or write the full address of a page elsewhere.",
    }),
    parityLacks: (p: { locale: string; other: string; missing: readonly string[] }) => ({ message: `${enParity(p)}: this text lacks ${enNumbers(p.missing)}`, hint: PARITY_HINT }),
    parityOtherLacks: (p: { locale: string; other: string; extra: readonly string[] }) => ({ message: `${enParity(p)}: the ${p.locale} text lacks ${enNumbers(p.extra)}`, hint: PARITY_HINT }),
    parityBothLack: (p: { locale: string; other: string; missing: readonly string[]; extra: readonly string[] }) => ({
      message: `${enParity(p)}: this text lacks ${enNumbers(p.missing)}; the ${p.locale} text lacks ${enNumbers(p.extra)}`,
      hint: PARITY_HINT,
    }),
    // The published-version ledger (src/lib/ledger/check-ledger.ts). Instants are in the site's time zone with their offset.
    /** `withdrawable`: the version has not taken effect and is not withdrawn, so withdrawing it is the way to stop it. */
    publishedDeleted: (p: { id: string; file: string; archive: string; policy: string; version: string; withdrawable: boolean }) => ({
      message: `the published version ${p.id} is gone: its file was deleted or renamed`,
      hint: `Published versions are permanent. If it was deleted by mistake, git restore --source=HEAD -- ${p.file} brings the committed file back; its published text is also kept in ${p.archive}.${
        p.withdrawable === true ? ` To stop a version that has not taken effect, withdraw it instead: npm run policy -- withdraw ${p.policy} ${p.version} --reason "…".` : ''
      }`,
    }),
    /** `effective` is null when the version has taken effect or was withdrawn (then it cannot be withdrawn). */
    publishedBecameDraft: (p: { id: string; policy: string; version: string; effective: string | null }) => ({
      message: `${p.id} was published and cannot become a draft again`,
      hint: `Remove "draft: true". To change the text of a published version, add a corrections entry (date, reason)${
        p.effective === null ? '' : `; to stop it before it takes effect (${p.effective}), withdraw it: npm run policy -- withdraw ${p.policy} ${p.version} --reason "…"`
      }.`,
    }),
    effectiveChangedWithdrawn: (p: { id: string; recorded: string; changed: string; written: string; withdrawn: string }) => ({
      message: enEffectiveChanged(p),
      hint: `It was withdrawn at ${p.withdrawn}; its file stays as published. Put the effective date back (${p.recorded}).`,
    }),
    effectiveChangedInForce: (p: { id: string; recorded: string; changed: string; written: string; policy: string; locale: string }) => ({
      message: `${enEffectiveChanged(p)}: it took effect at ${p.recorded}, and what was in force in the past never changes`,
      hint: `Put the effective date back, and publish a new version for a new date (npm run policy -- new ${p.policy} --locale ${p.locale} --effective <date>).`,
    }),
    postponedToPast: (p: { id: string; recorded: string; changed: string; written: string; now: string; next: string }) => ({
      message: `${enEffectiveChanged(p)}, which is before now (${p.now}): a postponed version cannot take effect in the past`,
      hint: `Use an instant from now on, e.g. effective: ${p.next} or a future date, then run npm run policy -- publish --postpone "<reason>".`,
    }),
    postponeWithCorrection: (p: { id: string; recorded: string; changed: string; written: string }) => ({
      message: enEffectiveChanged(p),
      hint: 'Postpone and correct in two steps: first the new effective date with npm run policy -- publish --postpone "<reason>", then the corrections entry and publish again.',
    }),
    postponementUnrecorded: (p: { id: string; recorded: string; changed: string; written: string }) => ({
      message: `${p.id} is scheduled for ${p.recorded} and now says ${p.changed} ("${p.written}"): the postponement is not recorded yet`,
      hint: `Record it with its reason: npm run policy -- publish --postpone "<why the date changed>" (allowed until the version takes effect at ${p.recorded}), then commit the ledger. Or put the effective date back.`,
    }),
    correctionRemoved: (p: { id: string; recorded: number; listed: number }) => ({
      message: `${p.id} has ${p.recorded} recorded correction(s) but its front matter lists ${p.listed}`,
      hint: 'Recorded corrections stay in the front matter for good: put the removed corrections entries back.',
    }),
    /** `number` counts from 1; a date or reason the ledger or the front matter lacks is "?" or empty. */
    correctionRewritten: (p: { id: string; number: number; recordedDate: string; recordedReason: string; date: string; reason: string }) => ({
      message: `${p.id}: correction ${p.number} was recorded as { date: ${p.recordedDate}, reason: ${JSON.stringify(p.recordedReason)} }, but the front matter now says { date: ${p.date}, reason: ${JSON.stringify(p.reason)} }`,
      hint: 'A recorded correction and its reason never change: put them back as recorded. To say more, add a new corrections entry.',
    }),
    withdrawnCorrected: (p: { id: string; withdrawn: string }) => ({
      message: `${p.id} was withdrawn at ${p.withdrawn} and never takes effect: it has nothing to correct`,
      hint: 'Remove the new corrections entry and keep the text as published; publish a new version with the new text instead.',
    }),
    changeTypeLocked: (p: { id: string; published: string; now: string }) => ({
      message: `${p.id} was published with changeType: ${p.published}, but now says ${p.now}`,
      hint: `changeType is what re-consent depends on (material: users are asked to accept again; editorial: only told), locked like the text. ${EN_CORRECTION_WAY}`,
    }),
    /** A summary item changed; `item` counts from 1. */
    summaryItemChanged: (p: { id: string; item: number; published: string; now: string }) => ({
      message: `${p.id} was published with summary item ${p.item} ${JSON.stringify(p.published)}, but it now says ${JSON.stringify(p.now)}`,
      hint: EN_SUMMARY_LOCKED,
    }),
    /** `items`: how many the published summary had. */
    summaryItemAdded: (p: { id: string; items: number; item: number; added: string }) => ({
      message: `${p.id} was published with ${p.items === 0 ? 'no summary' : `${p.items} summary ${enForm(p.items, 'item', 'items')}`}, but summary item ${p.item} ${JSON.stringify(p.added)} was added`,
      hint: EN_SUMMARY_LOCKED,
    }),
    summaryItemRemoved: (p: { id: string; item: number; published: string }) => ({
      message: `${p.id} was published with summary item ${p.item} ${JSON.stringify(p.published)}, which was removed`,
      hint: EN_SUMMARY_LOCKED,
    }),
    /** `changes`: what the correction changes in changeType and summary, before and after (a summary is its items). */
    correctionFieldsUnrecorded: (p: { id: string; date: string; changes: readonly LockedChange[] }) => ({
      message: `${p.id}: the correction of ${p.date} (${enLockedChanges(p.changes)}) is not recorded yet`,
      hint: RECORD_CORRECTION_HINT,
    }),
    correctionUnrecorded: (p: { id: string; date: string }) => ({ message: `${p.id}: the correction of ${p.date} is not recorded yet`, hint: RECORD_CORRECTION_HINT }),
    correctionWithoutChange: (p: { id: string; date: string }) => ({
      message: `${p.id} declares a correction of ${p.date}, but its text, changeType and summary are the published ones`,
      hint: 'Make the correction in the text, or remove the corrections entry.',
    }),
    /** Several corrections while the text is the published one (changeType or summary changed). */
    correctionsAtOnceFields: (p: { id: string; count: number }) => ({
      message: `${p.id} declares ${p.count} new corrections at once`,
      hint: 'Each correction is recorded with what it changed: add one corrections entry, publish, then the next.',
    }),
    correctionsAtOnce: (p: { id: string; count: number }) => ({
      message: `${p.id} declares ${p.count} new corrections at once`,
      hint: 'Each correction is recorded with the text it produced: add one corrections entry, publish, then the next.',
    }),
    withdrawnTextChanged: (p: { id: string; withdrawn: string; file: string }) => ({
      message: `the text of ${p.id}, withdrawn at ${p.withdrawn}, was changed`,
      hint: `A withdrawn version's file stays as published. ${enUndoEdit(p.file)} Publish the new text as a new version.`,
    }),
    /** `archive` is the folder of published texts. */
    correctionUnchecked: (p: { id: string; date: string; sha256: string; archive: string }) => ({
      message: `${p.id}: the correction of ${p.date} cannot be checked, because the published text ${p.sha256} is missing from ${p.archive}/`,
      hint: `Restore ${p.archive}/${p.sha256}.md from git (git restore --source=HEAD -- ${p.archive}/${p.sha256}.md), then run publish again.`,
    }),
    changedWithoutCorrection: (p: { id: string; file: string }) => ({
      message: `the published text of ${p.id} was changed without a correction`,
      hint: `${enUndoEdit(p.file)} If the published text must be corrected, add to the front matter: corrections: [{ date: YYYY-MM-DD, reason: "why" }], then run npm run policy -- publish.`,
    }),
    /** `passages`: how many changed passages are not cosmetic edits. */
    materialCorrection: (p: { id: string; date: string; passages: number; policy: string; locale: string }) => ({
      message: `${p.id}: the correction of ${p.date} is not editorial: ${enPassages(p.passages)} (${COSMETIC_EDITS})`,
      hint: `A correction changes a published text without a new version and without asking anyone to consent again, so it may only fix wording. Publish the change as a new version instead (npm run policy -- new ${p.policy} --locale ${p.locale} --effective <date>), after undoing it here. Only if it really is a correction, record it as a material one: npm run policy -- publish --material-correction "<why>".`,
    }),
    editorialNothingBefore: (p: { id: string; locale: string; policy: string }) => ({
      message: `${p.id} is declared editorial, but there is no earlier ${p.locale} text of ${p.policy} to compare it with: nothing proves it editorial`,
      hint: `An editorial version takes effect without asking anyone to consent again. Set changeType: material, or: ${EN_CONFIRM_EDITORIAL}`,
    }),
    /** `previous` is the text compared with, `<policy>/<locale>/<version>`. */
    editorialUnproven: (p: { id: string; previous: string; passages: number }) => ({
      message: `${p.id} is declared editorial, but compared with ${p.previous}, ${enPassages(p.passages)} (${COSMETIC_EDITS})`,
      hint: `An editorial version takes effect without asking anyone to consent again. If the change is material, set changeType: material and say in summary what changed. ${EN_CONFIRM_EDITORIAL}`,
    }),
    withdrawnVersion: (p: { policy: string; version: string; withdrawn: string; reason: string }) => ({
      message: `${p.policy} ${p.version} was withdrawn at ${p.withdrawn} (${p.reason}): no text of it can be published any more`,
      hint: 'Give this text a new version id and a new effective date (npm run policy -- new), or mark it draft: true.',
    }),
    /** A language's text of a version published in another (`locale`) with another instant; `effective` is the ledger's, as recorded. */
    translationLate: (p: { id: string; policy: string; version: string; published: string; now: string; written: string; effective: string; locale: string }) => ({
      message: `${p.id} is a translation of ${p.policy} ${p.version}, published to take effect at ${p.published}, but says ${p.now} ("${p.written}")`,
      hint: `Translations of one version take effect together: set effective to ${p.effective} (or the same date as the ${p.locale} text).`,
    }),
    /** A new version before a published one that has not taken effect yet (`latest`). */
    beforeScheduled: (p: { id: string; effective: string; latest: string; latestEffective: string; policy: string }) => ({
      message: `${p.id} would take effect at ${p.effective}, before ${p.latest}, which is published and scheduled to take effect at ${p.latestEffective}: a new version takes effect after every published one, so the schedule readers were told stays true`,
      hint: `Use a date after ${p.latestEffective}. To have this version take effect first, keep it draft: true and first move ${p.latest} out of its way: postpone it (a later effective in each of its files, then npm run policy -- publish --postpone "<reason>") or withdraw it (npm run policy -- withdraw ${p.policy} ${p.latest} --reason "<reason>"); then remove draft: true and publish this one.`,
    }),
    rewritesHistory: (p: { id: string; effective: string; latest: string; latestEffective: string }) => ({
      message: `${p.id} would take effect at ${p.effective}, before the published version ${p.latest} (${p.latestEffective}): it would change which version was in force in the past`,
      hint: `A new version takes effect after every published one: use a date after ${p.latestEffective}.`,
    }),
    correctionsBeforePublishing: (p: { id: string }) => ({
      message: `${p.id} is not published yet, so it has nothing to correct`,
      hint: 'Remove the corrections entries: until it is published, edit the text freely.',
    }),
    backdated: (p: { version: string; effective: string; written: string; now: string; next: string }) => ({
      message: `${p.version} takes effect at ${p.effective} ("${p.written}"), before the moment of publishing (${p.now}): from then on it would be reported as in force since a moment when nobody could read it`,
      hint: `Make it take effect no earlier than it is published: effective: ${p.next} (the next minute) or a later date. If it really took effect earlier (say, it was published elsewhere first), record why: npm run policy -- publish --backdate "<reason>".`,
    }),
    notPublished: (p: { version: string }) => ({ message: `${p.version} is not in the published-version ledger`, hint: NOT_PUBLISHED_HINT }),
    notPublishedNoLedger: (p: { version: string; ledger: string }) => ({ message: `${p.version} is not in the published-version ledger (${p.ledger} does not exist yet)`, hint: NOT_PUBLISHED_HINT }),
    unusedIgnore: (p: { rule: string; reason: string }) => ({ message: `silences ${p.rule}, which finds nothing in this file`, hint: `Remove lint.ignore.${p.rule} ("${p.reason}"), so the rule checks this file again.` }),

    // Reading the ledger and its archive (ledger/ledger-store.ts); `error` and `issue` are the reader's own words.
    ledgerNotJson: (p: { file: string; error: string }) => ({ message: `the ledger is not valid JSON (${p.error})`, hint: enRestoreLedger(p.file) }),
    /** `value` as JSON; `newer`: a number above the versions this Policy Press reads. */
    ledgerVersionUnknown: (p: { file: string; value: string; newer: boolean }) => ({
      message: `ledgerVersion is ${p.value}; this Policy Press reads ledger versions 1 and 2`,
      hint: p.newer === true ? 'The ledger was written by a newer Policy Press: update this project (npm ci after pulling), never edit the ledger.' : enRestoreLedger(p.file),
    }),
    /** `entry` is "<policy>/<locale>/<version>: " when the issue is in one entry, else empty; `path` the field's path. */
    /** `entry`: the version an entry records (`privacy/ru/v1`), null when it does not say; `position`: its place among the entries (1 for the first), null outside them. */
    ledgerDamaged: (p: { file: string; entry: string | null; position: number | null; path: string; issue: LedgerIssue }) => ({
      message: `${p.entry ? `${p.entry}: ` : p.position ? `entry ${p.position} of the ledger: ` : ''}${p.path}: ${typeof p.issue === 'object' ? p.issue.text : String(p.issue)}`,
      hint: `The ledger was edited by hand or damaged. ${enRestoreLedger(p.file)}`,
    }),
    ledgerListedTwice: (p: { file: string; id: string }) => ({ message: `${p.id} is listed twice`, hint: enRestoreLedger(p.file) }),
    archiveNotFolder: (p: { archive: string }) => ({ message: 'is a file, not a folder', hint: `Delete it; ${p.archive}/ is written by npm run policy -- publish.` }),

    // The log state beside the ledger (log/log-state.ts); log entries are numbered from 0, `entry` is "<kind> <policy>/<locale>/<version>".
    logStateNotJson: (p: { file: string; error: string }) => ({ message: `the log state is not valid JSON (${p.error})`, hint: enRestoreLogState(p.file) }),
    logStateDamaged: (p: { file: string; issues: readonly FileIssue[] }) => ({ message: `the log state is damaged: ${enFileIssues(p.issues)}`, hint: enRestoreLogState(p.file) }),
    logEntryReordered: (p: { file: string; index: number; position: number }) => ({
      message: `log entry ${p.index} stands at position ${p.position}: the log's entries were reordered (${p.index < p.position ? 'it moved down' : 'it moved up'})`,
      hint: enRestoreLogState(p.file),
    }),
    logEntryDamaged: (p: { file: string; index: number; issues: readonly FileIssue[] }) => ({ message: `log entry ${p.index} is damaged: ${enFileIssues(p.issues)}`, hint: enRestoreLogState(p.file) }),
    logStateEdited: (p: { file: string; size: number; rootHash: string; count: number; root: string }) => ({
      message: `the log state records a tree of ${p.size} entries with root ${p.rootHash}, but its ${p.count} entries give ${p.root}: it was edited by hand`,
      hint: enRestoreLogState(p.file),
    }),
    /** `kind` is the kind of the entry removed, null when it is the version's publication. */
    logEntryDropped: (p: { index: number; entry: LoggedEntry; ledger: string; kind: string | null }) => ({
      message: `log entry ${p.index} (${enEntry(p.entry)}) is no longer in the ledger ${p.ledger}: ${p.kind === null ? 'a published version was removed from it' : `a recorded ${describeEventKind(p.kind)} was removed from it`}`,
      hint: `Entries of the public log are permanent: put the ledger entry back (git log -p -- ${p.ledger} shows it).`,
    }),
    /** `changes`: each field that differs, its values as JSON. */
    logEntryChanged: (p: { index: number; entry: LoggedEntry; ledger: string; changes: readonly { field: string; logged: string; now: string }[] }) => ({
      message: `log entry ${p.index} (${enEntry(p.entry)}) was changed in the ledger: ${Array.isArray(p.changes) ? p.changes.map((change) => `${change.field} was ${change.logged} when it was logged, the ledger now says ${change.now}`).join('; ') : String(p.changes)}`,
      hint: `Logged history never changes: restore the ledger entry (git log -p -- ${p.ledger}). A published text is changed only by a correction, which is a new entry.`,
    }),
    logMissing: (p: { file: string; events: number }) => ({
      message: `the public log has not started: ${p.file} does not exist, and the ledger has ${p.events} ${enForm(p.events, 'event', 'events')} to log`,
      hint: 'Start it with npm run policy -- publish (it logs every published version and correction), then commit the file with the ledger.',
    }),
    /** `first`: the first event not logged, as `entry` is written. */
    notLogged: (p: { count: number; first: LoggedEntry }) => ({
      message: `${p.count} ledger ${enForm(p.count, 'event is', 'events are')} not in the public log yet (first: ${enEntry(p.first)})`,
      hint: 'Log them with npm run policy -- publish, then commit the ledger and the log state together.',
    }),

    // Entries of the policies folder that are not plain files or folders (corpus/plain-files.ts): nothing is read through a link.
    /** `target` as the link says it, null when it cannot be read; `resolved` is where a relative target lands, null for an absolute one. */
    symbolicLink: (p: { target: string | null; resolved: string | null; inside: boolean; exists: boolean }) => ({
      message: `is a symbolic link to ${
        p.target === null
          ? 'a target that cannot be read'
          : `"${p.target}" (${p.resolved === null ? '' : `${p.resolved}, `}${p.inside === true ? 'inside the policies folder' : 'outside the policies folder'}${p.exists === true ? '' : ', which does not exist'})`
      }; links are not followed`,
      hint: 'The policies folder is read without following links, so that no link can publish a file from elsewhere on the machine. Replace the link with the file itself (a copy of the text), or delete it.',
    }),
    /** `kind`: fifo, socket, block-device, character-device or unknown. */
    notPlainFile: (p: { kind: string }) => ({
      message: `is ${EN_ENTRY_KINDS[p.kind] ?? p.kind}, not a file`,
      hint: 'Only plain files and folders are read from the policies folder. Delete it, or move it out of the folder.',
    }),
    outsideFolder: (p: { real: string }) => ({
      message: `resolves to ${p.real}, outside the policies folder`,
      hint: 'A folder on its way is a link or a mount that leads elsewhere. Keep the text itself inside the policies folder.',
    }),
    /** A file where a folder belongs, or the reverse: `kind` and `expected` are file or folder. */
    wrongEntryKind: (p: { kind: string; expected: string }) => ({ message: `is a ${p.kind}, not a ${p.expected}`, hint: `Make it a ${p.expected}, or move it away.` }),

    // The warning of a version without a text in a language earlier versions have (timeline/missing-translations.ts).
    /** `inForce`: it is in force now, else scheduled; `written`: effective as its other text writes it; `locales`: the languages it has. */
    missingTranslation: (p: { policy: string; version: string; inForce: boolean; effective: string; locale: string; written: string; locales: string }) => ({
      message: `${p.policy} ${p.version} ${p.inForce === true ? `is in force since ${p.effective}` : `is scheduled for ${p.effective}`} with no ${p.locale} text, while earlier versions have one: ${
        p.inForce === true ? `the ${p.locale} pages show the previous text for reference only` : `from then on the ${p.locale} pages will show the previous text for reference only`
      }`,
      hint: `Add its ${p.locale} text: npm run policy -- new ${p.policy} --locale ${p.locale} --effective ${p.written} --version ${p.version}, translate it, and publish. If it stays ${p.locales} only on purpose, nothing needs to change.`,
    }),

    // The overrides of publish (ledger/publish-versions.ts).
    // The notice before a change (notice/notice-check.ts): `announced` when the version was published before, `postpone` when its date is recorded.
    shortNotice: (p: {
      version: string;
      changeType: string;
      effective: string;
      written: string;
      days: number | null;
      setting: string;
      key: string;
      announced: boolean;
      announcedAt: string;
      earliest: string;
      firstDay: string;
      postpone: boolean;
    }) => ({
      message: `${p.version} is a ${p.changeType} version taking effect at ${p.effective} ("${p.written}"), sooner than the notice of ${enNotice(p)} (${p.key} in site.config.ts) ${p.announced ? `after it was announced (published at ${p.announcedAt})` : `after the moment of publishing (${p.announcedAt})`}: the earliest instant that honours it is ${p.earliest}`,
      hint: `Give readers the notice: effective: ${p.firstDay} (the first day that honours it) or later${p.postpone ? ', then npm run policy -- publish --postpone "<reason>"' : ''}. If the change cannot wait (say, a law takes effect sooner), record why: npm run policy -- publish --short-notice "<reason>"; the ledger, the feed and the version page say so.`,
    }),

    overrideWithoutReason: (p: { flag: string }) => ({ message: `${p.flag} needs a reason`, hint: `Write why, in plain words: ${p.flag} "<reason>". It is recorded in the ledger and shown in the feed.` }),
    overrideUnused: (p: { flag: string }) => ({
      message: `${p.flag} was given, but nothing needs it`,
      hint: `Run publish without ${p.flag}; an override is recorded with the versions it applies to, and here there are none.`,
    }),

    // What withdraw refuses (ledger/withdraw-version.ts); `name` is "<policy> <version>", with " (<locale>)" for one locale.
    withdrawNoReason: { message: 'withdraw needs a reason', hint: 'Write why, in plain words: --reason "<reason>". It is recorded in the ledger and shown on the site and in the feed.' },
    withdrawLocale: { message: '--locale is for sites whose locales are independent documents', hint: 'Here translations share one timeline: a version is withdrawn in every language at once. Run it without --locale.' },
    withdrawLedgerVersion1: (p: { ledger: string }) => ({
      message: `${p.ledger} is a version 1 ledger, which cannot record a withdrawal`,
      hint: 'Run npm run policy -- publish first: it upgrades the ledger to version 2 (and locks changeType and summary); then withdraw.',
    }),
    withdrawNotPublished: (p: { name: string; ledger: string }) => ({
      message: `${p.name} is not in the published-version ledger (${p.ledger})`,
      hint: 'Only a published version can be withdrawn. A version that is not published yet is simply edited, made a draft (draft: true) or deleted.',
    }),
    withdrawAlready: (p: { name: string; withdrawn: string; reason: string }) => ({ message: `${p.name} was already withdrawn at ${p.withdrawn} (${p.reason})`, hint: 'Nothing to do.' }),
    withdrawInForce: (p: { name: string; effective: string; now: string; policy: string }) => ({
      message: `${p.name} took effect at ${p.effective}; it is ${p.now} now, so it can no longer be withdrawn: what was in force in the past never changes`,
      hint: `Publish a new version that replaces it: npm run policy -- new ${p.policy} --effective <date>, then publish.`,
    }),
  },
};

/** An entry of the public log as messages name it: its kind (`published`, `correction`, …: LOG_ENTRY_KINDS) and `<policy>/<locale>/<version>`. */
export interface LoggedEntry {
  kind: string;
  name: string;
}
/** `published privacy/ru/2025-09-01`; a placeholder (on the reference page) as it is. */
const enEntry = (entry: LoggedEntry) => (typeof entry === 'object' ? `${entry.kind} ${entry.name}` : String(entry));

/** What a correction of changeType or summary changes: a value, or a summary's items. */
export interface LockedChange {
  field: 'changeType' | 'summary';
  from: string | readonly string[];
  to: string | readonly string[];
}
/** What kind of words a passage changes: the words a reader of a contract looks for first, or any other words. */
export type ReasonWords = 'negation' | 'obligation' | 'number' | 'date' | 'words';

/**
 * Why a changed passage is not a cosmetic edit (redline/editorial-change.ts
 * decides), for each catalog to say in its words. `block`, `from`, `to` of a
 * block are its kind: `paragraph`, `list-item`, `heading`, ….
 */
export type PassageReason =
  | { kind: 'symbol'; symbols: readonly string[] }
  | { kind: 'words'; words: ReasonWords; removed: readonly string[]; added: readonly string[] }
  | { kind: 'sentence'; removed: boolean; count: number }
  | { kind: 'order' }
  | { kind: 'block'; change: 'adds' | 'moves' | 'removes'; block: string }
  | { kind: 'turns'; from: string; to: string }
  | { kind: 'link'; text: string; from: string | null; to: string | null }
  | { kind: 'declared-editorial' };

/** A changed passage that is not a cosmetic edit (redline/editorial-change.ts finds them), as a refusal shows it. */
export interface ShownPassage {
  /** The clause number of its block («3.1»), or null. */
  clause: string | null;
  /** The heading of its section, for a block without a clause number; null before the first heading. */
  section?: string | null;
  /** The passage in the redline's words: `…context [-removed-]{+inserted+} context…`. */
  redline: string;
  /** Why it is material, one reason each (a negation removed: «не»), for each catalog to word. */
  reasons: readonly PassageReason[];
}

/** At most this many words are quoted in a reason; the passage shows them all. */
const QUOTED_WORDS = 6;
/** `«a», «b»` and, past six, how many more in the words `more` gives. */
export const quoteWords = (items: readonly string[], more: (count: number) => string) =>
  `${items
    .slice(0, QUOTED_WORDS)
    .map((item) => `«${item}»`)
    .join(', ')}${items.length > QUOTED_WORDS ? more(items.length - QUOTED_WORDS) : ''}`;

/** The passages one a line, `<place><redline> (<reasons>)`, in a catalog's words; on the reference page, one line of placeholders placed by its section. */
export const writePassages = (passages: readonly ShownPassage[], place: (passage: ShownPassage) => string, reason: (reason: PassageReason) => string) =>
  Array.isArray(passages)
    ? passages.map((passage) => `${place(passage)}${passage.redline} (${passage.reasons.map(reason).join('; ')})`).join('\n')
    : `${place({ clause: null, section: '{section}', redline: '', reasons: [] })}{redline} ({reasons})`;

const EN_WORD_KINDS: Record<ReasonWords, string> = { negation: 'a negation', obligation: 'an obligation or permission word', number: 'a number', date: 'a date or duration', words: 'words' };
const EN_BLOCK_KINDS: Record<string, string> = {
  heading: 'a heading',
  paragraph: 'a paragraph',
  'list-item': 'a list item',
  'table-row': 'a table row',
  quote: 'a quotation',
  code: 'a code block',
  html: 'an HTML block',
  rule: 'a rule',
  definition: 'a link definition',
  other: 'a block',
};
const enBlock = (kind: string) => EN_BLOCK_KINDS[kind] ?? 'a block';
const enQuote = (items: readonly string[]) => quoteWords(items, (count) => ` and ${count} more`);

/** Why a passage is not cosmetic, in English: `removes a negation: «не»`. */
function enReason(reason: PassageReason): string {
  switch (reason.kind) {
    case 'symbol':
      return `changes a symbol: ${enQuote(reason.symbols)}`;
    case 'words': {
      const what = EN_WORD_KINDS[reason.words];
      if (reason.removed.length > 0 && reason.added.length > 0) return `${reason.words === 'words' ? 'replaces' : 'changes'} ${what}: ${enQuote(reason.removed)} → ${enQuote(reason.added)}`;
      return reason.removed.length > 0 ? `removes ${what}: ${enQuote(reason.removed)}` : `adds ${what}: ${enQuote(reason.added)}`;
    }
    case 'sentence':
      return `${reason.removed ? 'removes' : 'adds'} a sentence (${reason.count} words)`;
    case 'order':
      return 'changes the order of words';
    case 'block':
      return reason.change === 'moves' ? `moves ${enBlock(reason.block)} here` : `${reason.change} ${enBlock(reason.block)}`;
    case 'turns':
      return `turns ${enBlock(reason.from)} into ${enBlock(reason.to)}`;
    case 'link':
      return `changes the target of the link «${reason.text}»: ${reason.from ?? '(none)'} → ${reason.to ?? '(none)'}`;
    case 'declared-editorial':
      return 'declares editorial a version published as material';
  }
}

/** A summary's items quoted, or a value as it is; a placeholder (on the reference page) as it is. */
const enLockedValue = (value: string | readonly string[]) => (typeof value === 'string' ? value : value.length === 0 ? '(none)' : value.map((item) => JSON.stringify(item)).join(', '));
const enLockedChanges = (changes: readonly LockedChange[]) =>
  Array.isArray(changes) ? changes.map((change) => `${change.field}: ${enLockedValue(change.from)} → ${enLockedValue(change.to)}`).join('; ') : String(changes);
/** The edits an editorial change may make (redline/editorial-change.ts decides; this names them). Kept here, not imported: the catalog stays free of the redline's node-only code, which the kit's browser bundle cannot carry. */
const COSMETIC_EDITS = 'whitespace, punctuation (dashes, quotes, commas, stops), letter case, «ё»/«е», markup alone, a spelling fix inside one word';
/** The message of a published version whose effective changed, before what follows from it. */
const enEffectiveChanged = (p: { id: string; recorded: string; changed: string; written: string }) => `${p.id} was published to take effect at ${p.recorded}, but now says ${p.changed} ("${p.written}")`;
const EN_CORRECTION_WAY = 'Put it back, or, if the published value was wrong, add a corrections entry (date, reason) and run npm run policy -- publish: the feed, since.json and the version page then show the change.';
const EN_SUMMARY_LOCKED = `The summary is published with the version, locked like the text: readers, the feeds and since.json show it (re-consent depends on changeType, not on it). ${EN_CORRECTION_WAY}`;
const RECORD_CORRECTION_HINT = 'Record it with npm run policy -- publish, then commit the ledger with the change.';
/** The way to undo an edit of a published file, without a command that could silently destroy other work. */
const enUndoEdit = (file: string) =>
  `See your change with git diff -- ${file}. To undo it, edit it back, or run git restore --source=HEAD --worktree -- ${file} (careful: that throws away every uncommitted edit of this file; git stash keeps a copy first).`;
const enPassages = (count: number) => (count === 1 ? '1 changed passage is not a cosmetic edit' : `${count} changed passages are not cosmetic edits`);
const EN_CONFIRM_EDITORIAL =
  'If you have checked that it is editorial all the same, confirm it, saying who decided and why: npm run policy -- publish --editorial "<who decided, and why>" (recorded in the ledger and the public log, and shown on the version page).';

/** The one safe way back to the committed ledger: it touches that file only. */
const enRestoreLedger = (file: string) =>
  `The ledger is written only by npm run policy -- publish. See what changed with git diff -- ${file}; git restore --source=HEAD --worktree -- ${file} brings back the committed ledger (it also drops what a publish recorded since the last commit: run publish again then).`;
const enRestoreLogState = (file: string) => `Restore it from git (git log -p -- ${file} shows its history); only npm run policy -- publish writes it.`;
const EN_EVENT_KINDS: Record<string, string> = { correction: 'correction', postponed: 'postponement', withdrawn: 'withdrawal', editorial: 'editorial decision' };
/**
 * What a log entry records, as a noun for messages: `correction`,
 * `postponement`, `withdrawal`, `editorial decision`, or `version` for every
 * kind that publishes one.
 */
export const describeEventKind = (kind: string): string => EN_EVENT_KINDS[kind] ?? 'version';
const EN_ENTRY_KINDS: Record<string, string> = {
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  'block-device': 'a block device',
  'character-device': 'a character device',
  unknown: 'neither a file nor a folder',
};
/** A notice as a requirement: "10 days' notice", "1 day's notice", or "a notice of PT48H" when it is not whole days. */
const enNoticePhrase = (p: { days: number | null; setting: string }) => (p.days === null ? `a notice of ${p.setting}` : p.days === 1 ? "1 day's notice" : `${p.days} days' notice`);
/** ` Did you mean "privacy"?` with its leading space, or nothing when no known name is close. */
const enDidYouMean = (suggestion: string | null) => (suggestion === null ? '' : ` Did you mean "${suggestion}"?`);
/** Names listed for a message: "2023-03-01, 2025-09-01", or "none"; a placeholder (on the reference page) as it is. */
const enNames = (names: readonly string[]) => (!Array.isArray(names) ? String(names) : names.join(', ') || 'none');
/** A notice as people say it: "10 days", or the setting as written when it is not whole days (PT48H). */
const enNotice = (p: { days: number | null; setting: string }) => (p.days !== null ? en2(p.days, 'day', 'days') : p.setting);
/** How a correction changed the text's hash: nothing when only changeType or summary changed. */
const enHashChange = (p: { previous: string; sha256: string }) => (p.previous === p.sha256 ? ' (changeType/summary only)' : `: ${p.previous} → ${p.sha256}`);
const NOT_PUBLISHED_HINT = 'Publish it with npm run policy -- publish (it checks everything and records the version and its hash), then commit the ledger with the new version. Or mark it draft: true.';
const PARITY_HINT = 'Translations of one version must have the same clauses: add or renumber the clauses on the side that lacks them.';
const enParity = (p: { locale: string; other: string }) => `the section and clause numbers differ from the ${p.locale} text of the same version (${p.other})`;
/** A list of numbers for a message: the first dozen, then how many more. */
const enNumbers = (numbers: readonly string[]) => (!Array.isArray(numbers) ? String(numbers) : numbers.length <= 12 ? numbers.join(', ') : `${numbers.slice(0, 12).join(', ')} and ${numbers.length - 12} more`);
const CLAUSE_HINT = 'Correct the number, or restore the clause it names; a reference to another document names it right after the number ("п. 3.5 Политики", "section 5 of the Act").';
const DATE_AFTER_HINT = 'A text changed after it took effect is a correction: declare it under corrections:, or correct the date.';

/** The fix for a value of the wrong type, by the type expected. */
function enTypeHint(expected: ExpectedType, field: string): string {
  switch (expected) {
    case 'string':
      return `Write ${field} as text on one line; put it in quotes if it contains a colon or starts with a special character.`;
    case 'boolean':
      return `Write ${field}: true or ${field}: false.`;
    case 'array':
      return `Write ${field} as a list, one "- item" per line.`;
    default:
      return `Write ${field} as ${enType(expected)}.`;
  }
}
