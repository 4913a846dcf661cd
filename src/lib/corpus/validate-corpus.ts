/**
 * Validation of a whole corpus of policy files, reporting every problem at
 * once: the build, the `check` command and the tests all run this, so a rule
 * enforced in one place is enforced everywhere.
 */
import { FRONT_MATTER_KEYS, NESTED_FRONT_MATTER_KEYS, PolicyFrontMatterSchema, type PolicyFrontMatter } from '#schemas/front-matter.ts';
import { decodeUtf8, InvalidUtf8Error, toCanonicalBody, toCanonicalText } from './canonical-text.ts';
import { resolveEffective } from '#lib/time/effective-instant.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { parseFrontMatterYaml, splitFrontMatter } from './front-matter-yaml.ts';
import { getVersionId, parsePolicyPath } from './policy-path.ts';
import { SUMMARY_PLACEHOLDERS } from './scaffold-version.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { Problem } from './problem.ts';
import type { LocaleModel } from '#schemas/site-config.ts';
import { describeZodIssues } from './zod-problems.ts';
import { problemText, type ProblemMessage } from '#lib/messages/message-catalog.ts';

/** A file of the corpus as read from disk. */
export interface CorpusFile {
  /** Path relative to the policies folder, with `/` separators. */
  relativePath: string;
  /** Path to show in messages. */
  displayPath: string;
  bytes: Uint8Array;
}

/** Settings the rules depend on. */
export interface ValidateOptions {
  /** IANA zone in which a bare `YYYY-MM-DD` starts. */
  timeZone: string;
  /** Whether drafts take part (dev server) or are left out (production). */
  includeDrafts: boolean;
  /** Preferred locale when naming the reference translation in messages. */
  defaultLocale?: string;
  /** `translations` (default): translations of one version must also agree on `changeType`, which re-consent reads for every language. */
  localeModel?: LocaleModel;
}

/** The valid versions and every problem found. Versions are only usable when `problems` is empty. */
export interface ValidationResult {
  versions: PolicyVersion[];
  /** Valid drafts left out of `versions` (production), for rules that must still see them. */
  drafts: PolicyVersion[];
  problems: Problem[];
}

/** The fields whose value of a wrong type gets a message of its own, with an example. */
const FIELD_MESSAGES = { effective: 'wrongEffective', title: 'wrongTitle' } as const;

/** Validates one file on its own; cross-file rules are in {@link validateCorpus}. */
export function validateFile(file: CorpusFile, options: Pick<ValidateOptions, 'timeZone'>): { version?: PolicyVersion; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (line: number, { message, hint, text }: { message: string; hint: string; text?: ProblemMessage | undefined }, field?: string): Problem => ({
    file: file.displayPath,
    line,
    ...(field === undefined ? {} : { field }),
    message,
    hint,
    ...(text === undefined ? {} : { text }),
  });

  const path = parsePolicyPath(file.relativePath);
  if (!path.ok) problems.push(at(1, path));

  let text: string;
  try {
    text = toCanonicalText(decodeUtf8(file.bytes));
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    problems.push(at(1, problemText('notUtf8')));
    return { problems };
  }

  const split = splitFrontMatter(text);
  if (!split.ok) {
    problems.push(at(split.line, split));
    return { problems };
  }
  const yaml = parseFrontMatterYaml(split.file);
  for (const problem of yaml.problems) problems.push(at(problem.line, problem, problem.field));

  // `summary.1`: the line of that item, when the list has one item per line; else the field's line.
  const lineOf = (field: string) => {
    const [key = '', index] = field.split('.');
    return (index === undefined ? undefined : yaml.itemLines.get(key)?.[Number(index)]) ?? yaml.keyLines.get(key) ?? 1;
  };
  let frontMatter: PolicyFrontMatter | undefined;
  if (yaml.problems.length === 0) {
    if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
      problems.push(at(split.file.yamlStartLine, problemText('notFieldLines')));
    } else {
      const parsed = PolicyFrontMatterSchema.safeParse(yaml.data, { reportInput: true });
      if (parsed.success) frontMatter = parsed.data;
      else {
        for (const fieldProblem of describeZodIssues(parsed.error.issues, FRONT_MATTER_KEYS, FIELD_MESSAGES, NESTED_FRONT_MATTER_KEYS)) {
          problems.push(at(lineOf(fieldProblem.field), fieldProblem, fieldProblem.field || undefined));
        }
      }
    }
  }

  if (frontMatter && !frontMatter.draft) {
    const summary = typeof frontMatter.summary === 'string' ? [frontMatter.summary] : (frontMatter.summary ?? []);
    if (summary.some((item) => SUMMARY_PLACEHOLDERS.includes(item))) {
      problems.push(at(lineOf('summary'), problemText('summaryPlaceholder'), 'summary'));
    }
  }

  if (split.file.body.trim() === '') {
    problems.push(at(split.file.bodyStartLine, problemText('noText')));
  }

  if (!path.ok || !frontMatter || problems.length > 0) return { problems };
  const summary = frontMatter.summary === undefined ? [] : typeof frontMatter.summary === 'string' ? [frontMatter.summary] : frontMatter.summary;
  return {
    problems,
    version: {
      ...path.key,
      id: getVersionId(path.key),
      title: frontMatter.title,
      effective: frontMatter.effective.text,
      effectiveFrom: resolveEffective(frontMatter.effective.value, options.timeZone),
      summary,
      changeType: frontMatter.changeType,
      draft: frontMatter.draft,
      corrections: frontMatter.corrections,
      published: null,
      body: toCanonicalBody(split.file.body),
      file: file.displayPath,
      // The first line of text, past the blank lines toCanonicalBody drops, so body line n is file line bodyStartLine + n.
      bodyStartLine: split.file.bodyStartLine + (/^(?:[ \t]*\n)*/.exec(split.file.body)?.[0].split('\n').length ?? 1) - 1,
      effectiveLine: lineOf('effective'),
      summaryLine: lineOf('summary'),
      summaryItemLines: yaml.itemLines.get('summary') ?? [],
      lintLine: lineOf('lint'),
      changeTypeLine: lineOf('changeType'),
      lint: frontMatter.lint,
    },
  };
}

/**
 * Validates every file, then the rules across files: no two versions of one
 * policy and locale at the same instant, and translations of one version
 * agreeing on when it takes effect.
 */
export function validateCorpus(files: readonly CorpusFile[], options: ValidateOptions): ValidationResult {
  const problems: Problem[] = [];
  const versions: PolicyVersion[] = [];
  const drafts: PolicyVersion[] = [];
  for (const file of files) {
    const result = validateFile(file, options);
    problems.push(...result.problems);
    if (result.version) (options.includeDrafts || !result.version.draft ? versions : drafts).push(result.version);
  }
  problems.push(...findSameInstantVersions(versions), ...findDisagreeingTranslations(versions, options.defaultLocale, (options.localeModel ?? 'translations') === 'translations'));
  versions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { versions, drafts, problems };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function findSameInstantVersions(versions: readonly PolicyVersion[]): Problem[] {
  const problems: Problem[] = [];
  for (const group of groupBy(versions, (v) => `${v.policy}/${v.locale}/${v.effectiveFrom}`).values()) {
    if (group.length < 2) continue;
    const [first, ...others] = [...group].sort((a, b) => (a.file < b.file ? -1 : 1));
    if (!first) continue;
    for (const other of others) {
      problems.push({
        file: other.file,
        line: other.effectiveLine,
        field: 'effective',
        ...problemText('sameInstant', { other: first.file, instant: formatInstant(other.effectiveFrom) }),
      });
    }
  }
  return problems;
}

function findDisagreeingTranslations(versions: readonly PolicyVersion[], defaultLocale: string | undefined, sameChangeType: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const group of groupBy(versions, (v) => `${v.policy}/${v.version}`).values()) {
    if (group.length < 2) continue;
    const reference = group.find((v) => v.locale === defaultLocale) ?? [...group].sort((a, b) => (a.locale < b.locale ? -1 : 1))[0];
    if (!reference) continue;
    for (const translation of group) {
      if (translation !== reference && sameChangeType && translation.changeType !== reference.changeType) {
        problems.push({
          file: translation.file,
          line: 1,
          field: 'changeType',
          ...problemText('translationChangeType', { changeType: translation.changeType, locale: reference.locale, other: reference.file, otherChangeType: reference.changeType }),
        });
      }
      if (translation === reference || translation.effectiveFrom === reference.effectiveFrom) continue;
      problems.push({
        file: translation.file,
        line: translation.effectiveLine,
        field: 'effective',
        ...problemText('translationEffective', { effective: translation.effective, locale: reference.locale, other: reference.file, otherEffective: reference.effective }),
      });
    }
  }
  return problems;
}
