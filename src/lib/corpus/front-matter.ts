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

export type SplitResult = { ok: true; file: SplitFile } | { ok: false; line: number; message: string; hint: string };

const FENCE = /^---[ \t]*$/;

/**
 * Splits canonical text (LF line endings, no BOM) into front matter and body.
 */
export function splitFrontMatter(text: string): SplitResult {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      line: 1,
      message: 'the file has no front matter',
      hint: 'Start the file with a line "---", then the fields (title, effective, …), then another line "---", then the text.',
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) {
    return {
      ok: false,
      line: 1,
      message: 'the front matter is never closed',
      hint: 'Add a line "---" after the last field, before the text of the policy.',
    };
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
export interface YamlProblem {
  line: number;
  /** The field concerned, when the problem names one (a duplicated key). */
  field?: string;
  message: string;
  hint: string;
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
        if (isSeq(value)) itemLines.set(String(pair.key.value), value.items.map((item) => (isNode(item) && item.range ? toFileLine(item.range[0]) : toFileLine(pair.key.range?.[0] ?? 0))));
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
      return key === undefined
        ? { message: 'a field is given twice', hint: 'Keep one line per field and delete the other.' }
        : { field: key, message: 'is given twice', hint: `Keep one "${key}:" line and delete the other.` };
    case 'BLOCK_AS_IMPLICIT_KEY':
      // "summary: Срок: 10 дней": a second colon on a "field: value" line.
      return {
        ...(key === undefined ? {} : { field: key }),
        message: 'a value has a colon in it, which YAML reads as the start of another field',
        hint: 'Put the value in quotes, e.g. summary: "Срок ответа: 10 дней", or write it as a list item in quotes: - "Срок ответа: 10 дней".',
      };
    case 'TAG_RESOLVE_FAILED':
      return {
        message: `a value carries a YAML tag that this site does not read (${firstLine.replace(/ at line .*$/, '').replace(/^Unresolved tag: /, '')})`,
        hint: 'Remove the "!…" tag and write the value plainly, e.g. effective: 2025-09-01.',
      };
    default:
      return {
        message: `the front matter is not valid YAML (${firstLine.replace(/ at line \d+, column \d+:?$/, '')})`,
        hint: 'Check the quotes, colons and indentation on this line; text with a colon in it must be in quotes.',
      };
  }
}
