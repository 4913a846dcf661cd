/**
 * Dates a policy states about itself ("Дата вступления в силу: 1 сентября
 * 2025 г.", "Редакция от 01.09.2025", "Last updated: January 23, 2018"),
 * found by locale tables: the labels per language are listed below, the
 * month names and the order of day, month and year come from `Intl`, so a
 * language is added by adding its labels, and no month name is typed here.
 */
import { LINK_START, OPAQUE } from '#lib/markdown/text-runs.ts';
import { namesLaw } from './clause-references.ts';
import { daysInMonth } from '#lib/time/zoned-time.ts';

/** What a label says the date is: when the version takes effect, or when its text last changed. */
type StatedDateKind = 'effective' | 'updated';

/** The words of one language that the tables cannot get from `Intl`. */
interface LanguageWords {
  /** Labels, lowercase, words separated by one space. */
  effective: readonly string[];
  updated: readonly string[];
  /** Words that may stand between a label and its date ("вступает в силу с 1 …", "last updated on …"). */
  connectors: readonly string[];
  /** Suffixes of a day number ("1st"). */
  ordinals: readonly string[];
}

const LANGUAGE_WORDS: Readonly<Record<string, LanguageWords>> = {
  ru: {
    effective: ['дата вступления в силу', 'вступает в силу', 'вступила в силу', 'вступило в силу', 'вступил в силу', 'действует с'],
    updated: ['в редакции от', 'редакция от', 'дата последнего обновления', 'последнее обновление', 'дата последнего изменения', 'последнее изменение', 'обновлено', 'обновлена'],
    connectors: ['с', 'со', 'от'],
    ordinals: [],
  },
  en: {
    effective: ['effective date', 'effective as of', 'effective from', 'effective on', 'date of effect', 'takes effect on', 'comes into effect on'],
    updated: ['last updated', 'last modified', 'last revised', 'date of last revision'],
    connectors: ['on', 'as of', 'from', 'is'],
    ordinals: ['st', 'nd', 'rd', 'th'],
  },
};

/** A date found in a text, with where it is. */
export interface StatedDate {
  kind: StatedDateKind;
  /** The label as written ("Дата вступления в силу"), and where it starts. */
  label: string;
  labelStart: number;
  /** The date as written ("1 сентября 2025 г." without the "г."). */
  text: string;
  /** Offsets of the date in the searched text. */
  start: number;
  end: number;
  year: number;
  month: number;
  /** Null when only a month and year are written ("September 2025"). */
  day: number | null;
  /** False for a day that does not exist ("31 сентября"). */
  valid: boolean;
}

interface DateTable {
  label: RegExp;
  labelKinds: Map<string, StatedDateKind>;
  gap: RegExp;
  forms: { pattern: RegExp; read: (match: RegExpExecArray) => { year: number; month: number; day: number | null } }[];
}

const tables = new Map<string, DateTable | null>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrase = (text: string) => text.split(' ').map(escapeRegExp).join('\\s+');
const alternation = (items: Iterable<string>, toPattern: (item: string) => string = escapeRegExp) =>
  [...new Set(items)]
    .sort((a, b) => b.length - a.length)
    .map(toPattern)
    .join('|');

/** Month names of a language from `Intl`: as in a date (genitive in Russian), standing alone (nominative), and short. */
function getMonthNames(locale: string): Map<string, number> {
  const names = new Map<string, number>();
  const formats: Intl.DateTimeFormatOptions[] = [{ day: 'numeric', month: 'long' }, { month: 'long' }, { day: 'numeric', month: 'short' }, { month: 'short' }];
  for (const options of formats) {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    for (let month = 1; month <= 12; month++) {
      const part = format.formatToParts(Date.UTC(2025, month - 1, 1)).find((p) => p.type === 'month');
      const name = part?.value.toLocaleLowerCase(locale).replace(/\.$/, '');
      if (name && !/^\d+$/.test(name)) names.set(name, month);
    }
  }
  return names;
}

/** The order and separator of an all-numeric date in a language (`01.09.2025` in Russian, `09/01/2025` in English), from `Intl`. */
function getNumericForm(locale: string): { order: ('day' | 'month' | 'year')[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2025, 8, 1));
  const order = parts.flatMap((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : []));
  const separator = parts.find((part) => part.type === 'literal')?.value.trim() ?? '.';
  return { order, separator };
}

function buildTable(language: string): DateTable | null {
  const words = LANGUAGE_WORDS[language];
  if (!words) return null;
  const months = getMonthNames(language);
  const month = `(${alternation(months.keys())})\\.?(?![\\p{L}])`;
  const ordinal = words.ordinals.length > 0 ? `(?:${alternation(words.ordinals)})?` : '';
  const day = `[«"“„']?(\\d{1,2})${ordinal}[»"”']?`;
  const year = '(\\d{4})(?!\\d)';
  const monthOf = (name: string | undefined) => months.get((name ?? '').toLocaleLowerCase(language)) ?? 0;
  const numeric = getNumericForm(language);
  const numericPattern = `${numeric.order.map((part) => (part === 'year' ? '(\\d{4})' : '(\\d{1,2})')).join(escapeRegExp(numeric.separator))}(?!\\d)`;
  const labelKinds = new Map<string, StatedDateKind>();
  for (const label of words.effective) labelKinds.set(label, 'effective');
  for (const label of words.updated) labelKinds.set(label, 'updated');
  return {
    label: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(labelKinds.keys(), phrase)})(?![\\p{L}])`, 'giu'),
    labelKinds,
    // Punctuation, emphasis leftovers and connector words between the label and the date.
    gap: new RegExp(`(?:[\\s:–—\\-,(*_]|${LINK_START})*(?:(?:${alternation(words.connectors, phrase)})\\s+)?\\s*`, 'yiu'),
    forms: [
      { pattern: /(\d{4})-(\d{2})-(\d{2})(?!\d)/y, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) },
      {
        pattern: new RegExp(numericPattern, 'y'),
        read: (m) => {
          const value = (part: 'day' | 'month' | 'year') => Number(m[numeric.order.indexOf(part) + 1]);
          return { year: value('year'), month: value('month'), day: value('day') };
        },
      },
      { pattern: new RegExp(`${day}\\s+${month},?\\s+${year}`, 'yiu'), read: (m) => ({ year: Number(m[3]), month: monthOf(m[2]), day: Number(m[1]) }) },
      { pattern: new RegExp(`${month}\\s+${day},?\\s+${year}`, 'yiu'), read: (m) => ({ year: Number(m[3]), month: monthOf(m[1]), day: Number(m[2]) }) },
      { pattern: new RegExp(`${month}\\s+${year}`, 'yiu'), read: (m) => ({ year: Number(m[2]), month: monthOf(m[1]), day: null }) },
    ],
  };
}

/** The table of a locale's language, or null when the language has no labels (its dates are not checked). */
function getDateTable(locale: string): DateTable | null {
  const language = new Intl.Locale(locale).language;
  if (!tables.has(language)) tables.set(language, buildTable(language));
  return tables.get(language) ?? null;
}

/**
 * Whether a locale's dates can be checked.
 * @public Exported for its tests: the tests name the locales whose dates are checked.
 */
export function hasDateTable(locale: string): boolean {
  return getDateTable(locale) !== null;
}

/** How far before a label a law named in the same sentence makes the date the law's. */
const LAW_WINDOW = 60;

/**
 * Finds the labelled dates of a text. A label without a date right after it
 * ("вступает в силу с даты, указанной в ней") is not a stated date, nor is a
 * date of a law named just before it in the sentence ("Федеральный закон
 * № 156-ФЗ вступает в силу 1 марта 2025 г.", "the Act, effective as of …").
 */
export function findStatedDates(text: string, locale: string): StatedDate[] {
  const table = getDateTable(locale);
  if (!table) return [];
  const found: StatedDate[] = [];
  for (const label of text.matchAll(table.label)) {
    const labelText = label[0];
    const kind = table.labelKinds.get(labelText.toLocaleLowerCase(locale).replace(/\s+/g, ' '));
    if (!kind) continue;
    const sentence =
      text
        .slice(Math.max(0, label.index - LAW_WINDOW), label.index)
        .split(/[.!?;]\s/)
        .at(-1) ?? '';
    if (namesLaw(sentence, locale)) continue;
    table.gap.lastIndex = label.index + labelText.length;
    const at = label.index + labelText.length + (table.gap.exec(text)?.[0].length ?? 0);
    for (const form of table.forms) {
      form.pattern.lastIndex = at;
      const match = form.pattern.exec(text);
      if (!match) continue;
      const { year, month, day } = form.read(match);
      const date = match[0];
      if (date.includes(OPAQUE)) break;
      const valid = month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= daysInMonth(year, month)));
      found.push({ kind, label: labelText, labelStart: label.index, text: date, start: at, end: at + date.length, year, month, day, valid });
      break;
    }
  }
  return found;
}
