/**
 * Splitting a version file into its YAML front matter and Markdown body, and
 * reading the YAML with line numbers for error messages.
 *
 * We parse the YAML ourselves, with the YAML 1.2 core schema, instead of
 * letting a YAML 1.1 parser guess: YAML 1.1 turns an unquoted
 * `effective: 2025-09-01` into a UTC Date (not the site's time zone) and
 * silently rolls `2025-02-30` over to March. Here every date stays the text the
 * editor typed, and the date rules see exactly that text.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { problemText, type ProblemMessage } from '#lib/messages/message-catalog.ts';

/** The parts of a version file, with the line each starts on (1-based). */
export interface SplitFile {
  /** YAML source between the `---` fences. */
  yaml: string;
  /** Line of the first YAML line in the file. */
  yamlStartLine: number;
  /** Markdown after the closing fence. */
  body: string;
  /** Line of the first body line in the file. */
  bodyStartLine: number;
}

export type SplitResult = { ok: true; file: SplitFile } | { ok: false; line: number; message: string; hint: string; text: ProblemMessage };

const FENCE = /^---[ \t]*$/;

/**
 * Splits canonical text (LF line endings, no BOM) into front matter and body.
 */
export function splitFrontMatter(text: string): SplitResult {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return { ok: false, line: 1, ...problemText('noFrontMatter') };
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) {
    return { ok: false, line: 1, ...problemText('frontMatterNotClosed') };
  }
  return {
    ok: true,
    file: {
      yaml: lines.slice(1, close).join('\n'),
      yamlStartLine: 2,
      body: lines.slice(close + 1).join('\n'),
      bodyStartLine: close + 2,
    },
  };
}

/** A problem found while reading the YAML, at a line of the file. */
interface YamlProblem {
  line: number;
  /** The field concerned, when the problem names one (a duplicated key). */
  field?: string;
  message: string;
  hint: string;
  /** The catalog message of `message` and `hint`. */
  text: ProblemMessage;
}

/** The YAML data, the line of each top-level key (and of each item of a top-level list), and any syntax problems. */
export interface ParsedFrontMatter {
  data: unknown;
  keyLines: Map<string, number>;
  /** The line of each item of a top-level list (`summary`), so a message can point at the item it is about. */
  itemLines: Map<string, number[]>;
  problems: YamlProblem[];
}

/**
 * Parses front-matter YAML with the core schema (no implicit timestamps,
 * unique keys required). Line numbers are of the whole file.
 */
export function parseFrontMatterYaml(split: SplitFile): ParsedFrontMatter {
  const lineCounter = new LineCounter();
  const document = parseDocument(split.yaml, {
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    resolveKnownTags: false,
    lineCounter,
  });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + split.yamlStartLine - 1;
  const keyLines = new Map<string, number>();
  const itemLines = new Map<string, number[]>();
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines.set(String(pair.key.value), toFileLine(pair.key.range[0]));
        const value = pair.value;
        if (isSeq(value))
          itemLines.set(
            String(pair.key.value),
            value.items.map((item) => (isNode(item) && item.range ? toFileLine(item.range[0]) : toFileLine(pair.key.range?.[0] ?? 0))),
          );
      }
    }
  }
  // A second colon on a line is about the field that line starts (YAML's position is inside its value).
  const fieldOnLine = (line: number) => [...keyLines].find(([, keyLine]) => keyLine === line)?.[0];
  const problems: YamlProblem[] = [...document.errors, ...document.warnings].map((error) => {
    const line = toFileLine(error.pos[0]);
    const key = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? fieldOnLine(line) : keyAt(document, error.pos[0]);
    return { line, ...describeYamlError(error.code, error.message.split('\n')[0] ?? '', key) };
  });
  return { data: problems.length > 0 ? undefined : document.toJS(), keyLines, itemLines, problems };
}

/** The key (at any depth) whose text starts at an offset of the YAML source, for naming a duplicated field. */
function keyAt(document: Document, offset: number): string | undefined {
  let found: string | undefined;
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function describeYamlError(code: string, firstLine: string, key: string | undefined): Omit<YamlProblem, 'line'> {
  switch (code) {
    case 'DUPLICATE_KEY':
      return key === undefined ? problemText('fieldTwiceUnnamed') : { field: key, ...problemText('fieldTwice', { field: key }) };
    case 'BLOCK_AS_IMPLICIT_KEY':
      // "summary: Срок: 10 дней": a second colon on a "field: value" line.
      return { ...(key === undefined ? {} : { field: key }), ...problemText('colonInValue') };
    case 'TAG_RESOLVE_FAILED':
      return problemText('yamlTag', { tag: firstLine.replace(/ at line .*$/, '').replace(/^Unresolved tag: /, '') });
    default:
      return problemText('invalidYaml', { error: firstLine.replace(/ at line \d+, column \d+:?$/, '') });
  }
}
