/**
 * Deterministic synthetic policies for benchmarks: numbered sections and
 * clauses in Russian or English, of a chosen size, and later versions with a
 * chosen share of sentences changed. The same seed gives the same text.
 */

/** A seeded pseudo-random generator (mulberry32): fast, and the same on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  ru: [
    'Оператор',
    'обрабатывает',
    'персональные',
    'данные',
    'Пользователя',
    'в',
    'целях',
    'исполнения',
    'договора',
    'согласия',
    'субъекта',
    'на',
    'основании',
    'закона',
    'хранение',
    'уточнение',
    'передача',
    'третьим',
    'лицам',
    'обезличивание',
    'блокирование',
    'уничтожение',
    'сведения',
    'её',
    'срок',
    'не',
    'более',
    'трёх',
    'лет',
    'с',
    'момента',
    'получения',
    'заявки',
    'электронной',
    'почты',
    'телефона',
    'файлы',
    'cookie',
    'информационной',
    'системе',
    'защиты',
    'меры',
    'организационные',
    'технические',
    'Российской',
    'Федерации',
    'локализация',
    'отзыв',
    'кто-либо',
    'ёмкость',
  ],
  en: [
    'the',
    'Operator',
    'processes',
    'personal',
    'data',
    'of',
    'Users',
    'for',
    'the',
    'purpose',
    'of',
    'performing',
    'a',
    'contract',
    'consent',
    'given',
    'by',
    'subject',
    'under',
    'law',
    'storage',
    'transfer',
    'to',
    'third',
    'parties',
    'anonymisation',
    'deletion',
    'within',
    'no',
    'more',
    'than',
    'three',
    'years',
    'from',
    'receipt',
    'request',
    'e-mail',
    'telephone',
    'cookies',
    'information',
    'system',
    'security',
    'measures',
    'technical',
    'organisational',
    'withdrawal',
    'retention',
    'processor',
    'controller',
  ],
} as const;

/** A locale the generator writes. */
export type SyntheticLocale = keyof typeof WORDS;

function sentence(random: () => number, locale: SyntheticLocale): string {
  const words = WORDS[locale];
  const length = 8 + Math.floor(random() * 14);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(words[Math.floor(random() * words.length)] ?? '');
  const text = parts.join(' ');
  return `${text.charAt(0).toLocaleUpperCase(locale)}${text.slice(1)}${random() < 0.15 ? ';' : '.'}`;
}

/** A policy body as a list of lines (headings and clauses), about `bytes` long in UTF-8. */
export function generatePolicyLines(random: () => number, locale: SyntheticLocale, bytes: number): string[] {
  const lines: string[] = [];
  let size = 0;
  let section = 0;
  while (size < bytes) {
    section += 1;
    const heading = `## ${section}. ${sentence(random, locale).replace(/[.;]$/, '')}`;
    lines.push(heading);
    size += Buffer.byteLength(heading) + 2;
    const clauses = 3 + Math.floor(random() * 6);
    for (let clause = 1; clause <= clauses && size < bytes; clause++) {
      const sentences = 1 + Math.floor(random() * 3);
      const text = Array.from({ length: sentences }, () => sentence(random, locale)).join(' ');
      const line = `${section}.${clause}. ${text}`;
      lines.push(line);
      size += Buffer.byteLength(line) + 2;
    }
  }
  return lines;
}

/**
 * A next version: each sentence is rewritten with probability `share`, and
 * (at half that rate) a clause is removed or a new one inserted after it.
 */
export function mutatePolicyLines(random: () => number, locale: SyntheticLocale, lines: readonly string[], share: number): string[] {
  const result: string[] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) {
      result.push(line);
      continue;
    }
    if (random() < share / 4) continue;
    const [number, ...rest] = line.split(' ');
    const sentences = rest.join(' ').split(/(?<=[.;]) /);
    const changed = sentences.map((text) => (random() < share ? sentence(random, locale) : text));
    result.push(`${number} ${changed.join(' ')}`);
    if (random() < share / 4) result.push(`${number} ${sentence(random, locale)}`);
  }
  // A short text can draw no change at all; a version that changes nothing is refused (empty-version), so add a sentence.
  const last = result.findLastIndex((line) => !line.startsWith('## '));
  if (last !== -1 && result.length === lines.length && result.every((line, index) => line === lines[index])) result[last] = `${result[last]} ${sentence(random, locale)}`;
  return result;
}

/** Joins lines into a Markdown body (blank line between blocks). */
export function toMarkdown(lines: readonly string[]): string {
  return `${lines.join('\n\n')}\n`;
}
