/**
 * References of a policy to its own clauses and sections ("п. 3.5",
 * "пункт 3.5", "пп. 3.5–3.7", "подпункт 3.5.1", "раздел 4", "section 4.2",
 * "clause 3.5", "paragraph 2"), found by locale tables. A reference that
 * names another document ("п. 1 ч. 1 ст. 6 Федерального закона", "п. 3.5
 * Политики" in the consent, "Section 5 of the Federal Trade Commission
 * Act", "п. 3.5 [Политики](policy:privacy)") is not a reference to this
 * text and is left alone; so is a number that is not a clause number
 * ("152-ФЗ", "3.5 %", "2025").
 */
import { LINK_START, OPAQUE } from '#lib/markdown/text-runs.ts';

/** The words of one language. Patterns are matched case-insensitively, whole words only. */
interface ReferenceWords {
  /** Words that introduce clause or section numbers. */
  labels: readonly string[];
  /** Between two numbers of one reference: a list ("3.5 и 3.7") or, for `ranges`, a span ("3.5–3.7"). */
  lists: readonly string[];
  ranges: readonly string[];
  /** After the numbers: the reference is to this text ("настоящей Политики", "of this Policy"). */
  self: readonly string[];
  /** Laws and their parts: a reference followed (or, for `lawsBefore`, preceded) by one is to the law. */
  laws: readonly string[];
  lawsBefore: readonly string[];
  /** Names of documents: a reference followed by one is to that document, unless the title of this text has it. */
  documents: readonly string[];
  /** English writes "section 4 of the Act": the words after "of" are read, up to a few. */
  of: string | null;
}

const WORD = '\\p{L}*';

const REFERENCE_WORDS: Readonly<Record<string, ReferenceWords>> = {
  ru: {
    labels: ['п\\.\\s?п\\.', 'пп\\.', 'подп\\.', 'п\\.', `подпункт${WORD}`, `пункт${WORD}`, `подраздел${WORD}`, `раздел${WORD}`, 'разд\\.'],
    lists: [',', 'и', 'или'],
    ranges: ['–', '—', '-', 'по'],
    self: [`настоящ${WORD}`, 'этой', 'этого', 'этих', `данн${WORD}`],
    laws: [
      'ч\\.',
      `част${WORD}`,
      'ст\\.',
      `стат${WORD}`,
      `закон${WORD}`,
      `федеральн${WORD}`,
      'фз',
      `кодекс${WORD}`,
      'гк',
      'нк',
      'тк',
      'коап',
      'ук',
      `постановлени${WORD}`,
      `приказ${WORD}`,
      `указ${WORD}`,
      `регламент${WORD}`,
      `директив${WORD}`,
      `конвенци${WORD}`,
      'gdpr',
    ],
    lawsBefore: [],
    documents: [`политик${WORD}`, `согласи${WORD}`, `договор${WORD}`, `соглашени${WORD}`, `правил${WORD}`, `положени${WORD}`, `оферт${WORD}`, `приложени${WORD}`, `услови${WORD}`],
    of: null,
  },
  en: {
    labels: [`sub-?sections?`, 'sections?', 'sub-?clauses?', 'clauses?', 'sub-?paragraphs?', 'paragraphs?', 'cl\\.', 'para\\.', 'sec\\.', 'ss?\\.'],
    lists: [',', 'and', 'or'],
    ranges: ['–', '—', '-', 'to', 'through'],
    self: ['this', 'these', 'hereof', 'herein', 'above', 'below'],
    laws: ['acts?', 'codes?', 'laws?', 'regulations?', 'directives?', 'statutes?', 'conventions?', 'treaty', 'constitution', 'articles?', 'gdpr', 'ccpa', 'cpra', 'u\\.s\\.c\\.?', 'usc', 'cfr'],
    lawsBefore: ['acts?', 'codes?', 'laws?', 'regulations?', 'u\\.s\\.c\\.?', 'usc', 'cfr', 'gdpr', 'ccpa'],
    documents: ['terms', 'policy', 'policies', 'statement', 'agreements?', 'addendum', 'notice', 'conditions', 'guidelines', 'schedules?', 'appendix', 'exhibits?', 'annex', 'consent'],
    of: 'of',
  },
};

/** One number of a reference, with its place in the searched text. */
interface ReferencedNumber {
  /** The number as meant: `3.7` also for the short range "3.5–7". */
  number: string;
  start: number;
  end: number;
}

/** A reference to clauses or sections of the same text. */
export interface ClauseReference {
  /** As written: "пп. 3.5–3.7". */
  text: string;
  start: number;
  end: number;
  numbers: ReferencedNumber[];
}

interface ReferenceTable {
  label: RegExp;
  number: RegExp;
  joiner: RegExp;
  rangeWords: Set<string>;
  self: RegExp;
  law: RegExp;
  lawAnywhere: RegExp;
  lawBefore: RegExp | null;
  document: RegExp;
  of: RegExp | null;
  ofLink: RegExp | null;
}

const tables = new Map<string, ReferenceTable | null>();
const any = (patterns: readonly string[]) => `(?:${patterns.join('|')})`;

// Clause numbers have parts of at most three digits, and are not followed by a percent sign, a digit, a letter or "-ФЗ".
const NUMBER = /(\d{1,3}(?:\.\d{1,3})*)(?!\.?\d|\s?%|-?\p{L})/uy;

function buildTable(language: string): ReferenceTable | null {
  const words = REFERENCE_WORDS[language];
  if (!words) return null;
  const whole = (pattern: string) => `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}])`;
  return {
    label: new RegExp(whole(any(words.labels)), 'giu'),
    number: NUMBER,
    joiner: new RegExp(`\\s*(${any([...words.lists, ...words.ranges].map((word) => (/^\p{L}/u.test(word) ? `${word}(?![\\p{L}])` : word)))})\\s*`, 'yiu'),
    rangeWords: new Set(words.ranges),
    self: new RegExp(`^\\s*,?\\s*${whole(any(words.self))}`, 'iu'),
    law: new RegExp(`^\\s*(?:\\(\\w+\\)\\s*)*${whole(any(words.laws))}`, 'iu'),
    lawAnywhere: new RegExp(whole(any(words.laws)), 'iu'),
    lawBefore: words.lawsBefore.length > 0 ? new RegExp(`${whole(any(words.lawsBefore))}\\s*$`, 'iu') : null,
    document: new RegExp(`^\\s*${whole(`(${any(words.documents)})`)}`, 'iu'),
    of: words.of ? new RegExp(`^\\s*(?:\\(\\w+\\)\\s*)*${words.of}\\s+((?:[\\p{L}\\p{N}.'’-]+\\s*){1,8})`, 'iu') : null,
    ofLink: words.of ? new RegExp(`^\\s*${words.of}\\s+(?:\\p{L}+\\s+)?${LINK_START}`, 'iu') : null,
  };
}

function getTable(locale: string): ReferenceTable | null {
  const language = new Intl.Locale(locale).language;
  if (!tables.has(language)) tables.set(language, buildTable(language));
  return tables.get(language) ?? null;
}

/** The first letters of each word of a title, to tell "Политики" in the privacy policy (itself) from the consent (another text). */
function titleStems(title: string): Set<string> {
  return new Set((title.toLocaleLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length >= 4).map((word) => word.slice(0, 6)));
}

/** Whether the words after a reference's numbers make it a reference to another text. */
function namesAnotherText(table: ReferenceTable, after: string, before: string, title: string): boolean {
  if (after.trimStart().startsWith(LINK_START)) return true;
  if (table.self.test(after)) return false;
  if (table.law.test(after)) return true;
  if (table.lawBefore?.test(before)) return true;
  const stems = titleStems(title);
  const isOther = (word: string) => !stems.has(word.toLocaleLowerCase().slice(0, 6));
  const document = table.document.exec(after);
  if (document?.[1]) return isOther(document[1]);
  // "clause 8.8 of the [Consent](…)": the words after "of" are a link to the other text.
  if (table.ofLink?.test(after)) return true;
  const of = table.of?.exec(after);
  if (of?.[1]) {
    const phrase = of[1].split(/[.,;:!?]\s/)[0] ?? '';
    if (table.self.test(phrase)) return false;
    if ([...phrase.matchAll(/\S+/g)].some((word) => table.law.test(word[0]))) return true;
    for (const word of phrase.match(/\S+/g) ?? []) if (table.document.test(word)) return isOther(word);
  }
  return false;
}

/** Whether a text names a law or a part of one ("Федеральный закон", "ст. 6", "the Act"), by the words of a locale's language. */
export function namesLaw(text: string, locale: string): boolean {
  const table = getTable(locale);
  return table ? table.lawAnywhere.test(text) : false;
}

/** A short range ("3.5–7") means the last part: 3.7. */
function expandShortRange(first: string, second: string): string {
  const head = first.split('.');
  const tail = second.split('.');
  return tail.length < head.length ? [...head.slice(0, head.length - tail.length), ...tail].join('.') : second;
}

/**
 * Finds the references of a text to its own clauses and sections.
 * @param title the title of the text, to tell a reference to "Политики" in the policy itself from one in another document
 */
export function findClauseReferences(text: string, locale: string, title = ''): ClauseReference[] {
  const table = getTable(locale);
  if (!table) return [];
  const found: ClauseReference[] = [];
  for (const label of text.matchAll(table.label)) {
    let cursor = label.index + label[0].length;
    const numbers: ReferencedNumber[] = [];
    const space = /[\s\u00a0]*/y;
    space.lastIndex = cursor;
    space.exec(text);
    cursor = space.lastIndex;
    table.number.lastIndex = cursor;
    let match = table.number.exec(text);
    if (!match?.[1]) continue;
    numbers.push({ number: match[1], start: cursor, end: cursor + match[0].length });
    cursor += match[0].length;
    for (;;) {
      table.joiner.lastIndex = cursor;
      const joiner = table.joiner.exec(text);
      if (!joiner) break;
      table.number.lastIndex = cursor + joiner[0].length;
      match = table.number.exec(text);
      const previous = numbers.at(-1);
      if (!match?.[1] || !previous) break;
      const isRange = table.rangeWords.has((joiner[1] ?? '').toLocaleLowerCase());
      // A list continues with numbers of the same depth ("п. 3.1, 3.2"); "п. 3.1, 2 раза" ends at 3.1.
      if (!isRange && match[1].split('.').length !== previous.number.split('.').length) break;
      const start = cursor + joiner[0].length;
      numbers.push({ number: isRange ? expandShortRange(previous.number, match[1]) : match[1], start, end: start + match[0].length });
      cursor = start + match[0].length;
    }
    const end = cursor;
    if (text.slice(label.index, end).includes(OPAQUE)) continue;
    if (namesAnotherText(table, text.slice(end, end + 120), text.slice(Math.max(0, label.index - 40), label.index), title)) continue;
    found.push({ text: text.slice(label.index, end), start: label.index, end, numbers });
  }
  return found;
}
