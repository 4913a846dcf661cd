/**
 * The Russian messages, for the first user's legal staff: the words a
 * lawyer writes («редакция», «вступает в силу», «опубликована», «журнал
 * публикаций»), the site's own vocabulary (ui-strings.ts), «ёлочки» around
 * quoted text, no parser or protocol jargon. Field names and values the
 * reader must type (`effective`, `changeType: material`) stay as typed.
 * Typed by the English catalog: a missing message or parameter does not
 * compile.
 */
import type { MessageCatalog } from './message-catalog.ts';
import {
  listOr,
  quoteWords,
  sayProblem,
  writeFileIssues,
  writePassages,
  type DescribedValue,
  type LedgerIssue,
  type LockedChange,
  type LoggedEntry,
  type OptionMistake,
  type PassageReason,
  type ReasonWords,
} from './messages-en.ts';
import { countOf, ru3, ruForm } from './message-format.ts';
import { formatCalendarDate } from '#lib/time/format-date.ts';

/** A mistake in a command's options, in Russian; a placeholder (on the reference page) as it is. */
function ruOptionMistake(mistake: OptionMistake): string {
  if (typeof mistake !== 'object') return `Параметры команды указаны неверно: ${String(mistake)}`;
  const { option } = mistake;
  switch (mistake.kind) {
    case 'unknown':
      return `У команды нет параметра «${option}». Какие параметры у неё есть, показывает --help.`;
    case 'missing-value':
      return `После параметра ${option} нужно указать значение: ${option} "<значение>".`;
    case 'no-value':
      return `Параметр ${option} указывается без значения.`;
    case 'positional':
      return `Лишний аргумент «${option}»: команда его не принимает.`;
    case 'other':
      return `Параметры команды указаны неверно (${mistake.text}). Какие параметры у неё есть, показывает --help.`;
  }
}

/** What kind of words a passage changes, as the subject of «изменено …» (each neuter, so one participle fits all). */
const RU_WORD_KINDS: Record<Exclude<ReasonWords, 'words'>, string> = { negation: 'отрицание', obligation: 'слово об обязанности или праве', number: 'число', date: 'указание даты или срока' };
/** A kind of block: its name, its form after «в», and its gender for the participle. */
const RU_BLOCK_KINDS: Record<string, { name: string; into: string; gender: 'm' | 'f' | 'n' }> = {
  heading: { name: 'заголовок', into: 'заголовок', gender: 'm' },
  paragraph: { name: 'абзац', into: 'абзац', gender: 'm' },
  'list-item': { name: 'пункт списка', into: 'пункт списка', gender: 'm' },
  'table-row': { name: 'строка таблицы', into: 'строку таблицы', gender: 'f' },
  quote: { name: 'цитата', into: 'цитату', gender: 'f' },
  code: { name: 'блок кода', into: 'блок кода', gender: 'm' },
  html: { name: 'HTML-блок', into: 'HTML-блок', gender: 'm' },
  rule: { name: 'горизонтальная линия', into: 'горизонтальную линию', gender: 'f' },
  definition: { name: 'определение ссылки', into: 'определение ссылки', gender: 'n' },
  other: { name: 'фрагмент', into: 'фрагмент', gender: 'm' },
};
const ruBlock = (kind: string) => RU_BLOCK_KINDS[kind] ?? RU_BLOCK_KINDS.other ?? { name: 'фрагмент', into: 'фрагмент', gender: 'm' as const };
/** A short participle agreeing with a block: `ruAgree(block, 'удалён')` → «удалён», «удалена», «удалено». */
const ruAgree = (block: { gender: 'm' | 'f' | 'n' }, stem: string) => (block.gender === 'm' ? stem : `${stem.replace(/ён$/, 'ен')}${block.gender === 'f' ? 'а' : 'о'}`);
const ruQuote = (items: readonly string[]) => quoteWords(items, (count) => ` и ещё ${count}`);
/** «удалено слово» or «удалены слова», by how many. */
const ruWords = (items: readonly string[], one: string, many: string) => (countOf(items) === 1 ? one : many);

/** Why a passage is not cosmetic, in Russian: «удалено отрицание: «не»». */
function ruReason(reason: PassageReason): string {
  switch (reason.kind) {
    case 'symbol':
      return `${reason.symbols.length === 1 ? 'изменён знак' : 'изменены знаки'}: ${ruQuote(reason.symbols)}`;
    case 'words': {
      const { removed, added } = reason;
      if (reason.words === 'words') {
        if (removed.length > 0 && added.length > 0) return `${ruWords(removed, 'заменено слово', 'заменены слова')}: ${ruQuote(removed)} → ${ruQuote(added)}`;
        return removed.length > 0 ? `${ruWords(removed, 'удалено слово', 'удалены слова')}: ${ruQuote(removed)}` : `${ruWords(added, 'добавлено слово', 'добавлены слова')}: ${ruQuote(added)}`;
      }
      const what = RU_WORD_KINDS[reason.words];
      if (removed.length > 0 && added.length > 0) return `изменено ${what}: ${ruQuote(removed)} → ${ruQuote(added)}`;
      return removed.length > 0 ? `удалено ${what}: ${ruQuote(removed)}` : `добавлено ${what}: ${ruQuote(added)}`;
    }
    case 'sentence':
      return `${reason.removed ? 'удалено' : 'добавлено'} предложение (${ru3(reason.count, 'слово', 'слова', 'слов')})`;
    case 'order':
      return 'изменён порядок слов';
    case 'block': {
      const block = ruBlock(reason.block);
      return `${ruAgree(block, reason.change === 'adds' ? 'добавлен' : reason.change === 'moves' ? 'сюда перенесён' : 'удалён')} ${block.name}`;
    }
    case 'turns': {
      const from = ruBlock(reason.from);
      return `${from.name} ${ruAgree(from, 'превращён')} в ${ruBlock(reason.to).into}`;
    }
    case 'link':
      return `изменён адрес ссылки «${reason.text}»: ${reason.from ?? '(нет)'} → ${reason.to ?? '(нет)'}`;
    case 'declared-editorial':
      return 'изменения редакции, опубликованной как существенные (material), объявлены редакционными (editorial)';
  }
}

/** The Russian forms of each unit of a duration after «через»: «1 день», «2 часа», «5 минут», «1 секунду». */
const RU_DURATION_UNITS: Record<string, [string, string, string]> = {
  d: ['день', 'дня', 'дней'],
  h: ['час', 'часа', 'часов'],
  min: ['минуту', 'минуты', 'минут'],
  s: ['секунду', 'секунды', 'секунд'],
};

/** One part of a duration in Russian; milliseconds as «мс»; a placeholder (on the reference page) shows the units. */
function ruDurationUnit(count: number, unit: string): string {
  const forms = RU_DURATION_UNITS[unit];
  if (forms) return ru3(count, ...forms);
  return unit === 'ms' ? `${count} мс` : `${count} {unit: дни|часы|минуты|секунды|мс}`;
}

const ruTypes: Record<string, string> = {
  string: 'текстом',
  number: 'числом',
  boolean: 'значением true или false',
  array: 'списком',
  object: 'набором полей',
  null: 'пустым значением',
  undefined: 'ничем',
};

/** A described value in Russian, as the subject of «указано …»; a placeholder as it is. */
function ruValue(value: DescribedValue): string {
  if (typeof value !== 'object') return String(value);
  switch (value.kind) {
    case 'nothing':
      return 'ничего';
    case 'empty':
      return 'пустое значение';
    case 'fields':
      return 'набор полей';
    case 'list':
      return `список из ${ru3(value.items, 'пункта', 'пунктов', 'пунктов')}`;
    case 'date-time':
      return `дата и время (${value.iso})`;
    case 'text':
      return `«${value.text}»`;
    case 'other':
      return value.text;
  }
}

/** The months after «в» (prepositional): «в феврале 2025 г.». */
const RU_MONTHS_IN = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const ruType = (expected: string) => ruTypes[expected] ?? expected;
/** A link of a text, as a lint finding names it. */
const ruLink = (text: string, url: string) => (text === '' ? `ссылка ${url}` : `ссылка «${text}» (${url})`);
/** A day `YYYY-MM-DD` as a lawyer writes it, «15 января 2027 г.» (a month `YYYY-MM` or a placeholder stays as it is). */
const ruDay = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? formatCalendarDate(day, 'ru') : day);
/** A notice as a lawyer says it: «10 дней», or the setting as written when it is not whole days (PT48H). */
const ruNotice = (p: { days: number | null; setting: string }) => (p.days !== null ? ru3(p.days, 'день', 'дня', 'дней') : p.setting);
/** ` Возможно, имелось в виду «privacy»?` with its leading space, or nothing when no known name is close. */
const ruDidYouMean = (suggestion: string | null) => (suggestion === null ? '' : ` Возможно, имелось в виду «${suggestion}»?`);
/** Names listed for a message: «2023-03-01, 2025-09-01», or «нет»; a placeholder (on the reference page) as it is. */
const ruNames = (names: readonly string[]) => (!Array.isArray(names) ? String(names) : names.join(', ') || 'нет');
/** How a correction changed the text's contents hash: nothing when only changeType or summary changed. */
const ruHashChange = (p: { previous: string; sha256: string }) => (p.previous === p.sha256 ? ' (изменены только changeType и summary)' : `: SHA-256 ${p.previous} → ${p.sha256}`);
const NOT_PUBLISHED_HINT =
  'Опубликуйте её командой npm run policy -- publish (она всё проверит и запишет редакцию и контрольную сумму её текста), затем сохраните журнал в репозитории (commit) вместе с новой редакцией. Или пометьте её как черновик: draft: true.';
const PARITY_HINT = 'Переводы одной редакции должны состоять из одних и тех же пунктов: добавьте или перенумеруйте пункты там, где их не хватает.';
const ruParity = (p: { locale: string; other: string }) => `номера разделов и пунктов расходятся с текстом той же редакции на языке ${p.locale} (${p.other})`;
/** A list of numbers for a message: the first dozen, then how many more. */
const ruNumbers = (numbers: readonly string[]) => (!Array.isArray(numbers) ? String(numbers) : numbers.length <= 12 ? numbers.join(', ') : `${numbers.slice(0, 12).join(', ')} и ещё ${numbers.length - 12}`);
const CLAUSE_HINT = 'Исправьте номер или восстановите пункт, на который ссылается текст; ссылка на другой документ называет его сразу после номера («п. 3.5 Политики», «section 5 of the Act»).';
const DATE_AFTER_HINT = 'Изменение текста после вступления редакции в силу — это исправление: укажите его в corrections: или исправьте дату.';
/** «исправьте её» after one problem, «исправьте их» after several. */
const fixThem = (count: number) => ruForm(count, 'её', 'их', 'их');
const errors = (count: number) => ru3(count, 'ошибка', 'ошибки', 'ошибок');

/** A summary's items in «ёлочках», or a value as it is; a placeholder (on the reference page) as it is. */
const ruLockedValue = (value: string | readonly string[]) => (typeof value === 'string' ? value : value.length === 0 ? '(нет)' : value.map((item) => `«${item}»`).join(', '));
const ruLockedChanges = (changes: readonly LockedChange[]) =>
  Array.isArray(changes) ? changes.map((change) => `${change.field}: ${ruLockedValue(change.from)} → ${ruLockedValue(change.to)}`).join('; ') : String(changes);
/** A published version whose effective changed, before what follows from it. */
const ruEffectiveChanged = (p: { id: string; recorded: string; changed: string; written: string }) =>
  `редакция ${p.id} опубликована со вступлением в силу ${p.recorded}, а теперь в файле указано ${p.changed} («${p.written}»)`;
const RU_CORRECTION_WAY =
  'Верните прежнее значение или, если опубликованное значение было ошибочным, добавьте запись в corrections (дата и причина) и запустите npm run policy -- publish: лента изменений, since.json и страница редакции покажут исправление.';
const RU_SUMMARY_LOCKED = `Описание изменений (summary) публикуется вместе с редакцией и закреплено так же, как текст: его видят читатели, ленты изменений и since.json (от него не зависит, нужно ли повторное согласие, — это решает changeType). ${RU_CORRECTION_WAY}`;
const RU_RECORD_CORRECTION = 'Запишите его командой npm run policy -- publish, затем сохраните журнал публикаций в репозитории (commit) вместе с изменением.';
/** How to undo an edit of a published file, without a command that could silently destroy other work. */
const ruUndoEdit = (file: string) =>
  `Посмотреть изменение: git diff -- ${file}. Чтобы его отменить, верните текст вручную или выполните git restore --source=HEAD --worktree -- ${file} (осторожно: это отменит все несохранённые в репозитории правки этого файла; git stash сначала сохранит их копию).`;
/** The Russian of COSMETIC_EDITS (messages-en.ts): what an editorial change may touch, as COSMETIC_PUNCTUATION and the rest of redline/editorial-change.ts decide it. */
const RU_COSMETIC_EDITS = 'редакционными считаются только пробелы, знаки препинания (тире, кавычки, запятые, точки), регистр букв, «ё»/«е», одна разметка, исправление опечатки внутри одного слова';
const ruPassages = (count: number) => `${ru3(count, 'изменённый фрагмент', 'изменённых фрагмента', 'изменённых фрагментов')} — не ${ruForm(count, 'редакционная правка', 'редакционные правки', 'редакционные правки')}`;
const RU_CONFIRM_EDITORIAL =
  'если вы проверили, что изменения всё же редакционные, подтвердите это, указав, кто принял решение и почему: npm run policy -- publish --editorial "<кто решил и почему>" (это записывается в журнал публикаций и публичный журнал и показывается на странице редакции).';
/** The one safe way back to the committed ledger: it touches that file only. */
const ruRestoreLedger = (file: string) =>
  `Журнал публикаций записывает только команда npm run policy -- publish. Посмотреть изменения: git diff -- ${file}; git restore --source=HEAD --worktree -- ${file} вернёт журнал из последнего сохранения в репозитории (при этом пропадёт и то, что publish записал после него: тогда запустите publish снова).`;
const ruRestoreLogState = (file: string) => `Восстановите файл из репозитория (git log -p -- ${file} покажет его историю); записывает его только команда npm run policy -- publish.`;
const RU_EVENT_KINDS: Record<string, string> = { correction: 'исправление', postponed: 'перенос срока', withdrawn: 'отзыв', editorial: 'решение о редакционных изменениях' };
/** What a log entry records, in Russian («исправление», «отзыв», …); «публикация» for every kind that publishes a version. */
const ruEventKind = (kind: string) => RU_EVENT_KINDS[kind] ?? 'публикация';
/** Every kind of public log entry (LOG_ENTRY_KINDS) as a Russian phrase before the version's name: a Russian sentence never quotes the English id. */
const RU_LOG_ENTRIES: Record<string, string> = {
  published: 'публикация редакции',
  imported: 'внесение в журнал действовавшей редакции',
  backdated: 'публикация задним числом редакции',
  'late-translation': 'публикация перевода редакции',
  correction: 'исправление редакции',
  postponed: 'перенос срока вступления в силу редакции',
  withdrawn: 'отзыв редакции',
  editorial: 'решение о редакционном характере изменений редакции',
};
/** «исправление редакции privacy/ru/v1»; a kind added later and not named here is named by its id; a placeholder as it is. */
const ruEntry = (entry: LoggedEntry) => (typeof entry === 'object' ? `${RU_LOG_ENTRIES[entry.kind] ?? `запись «${entry.kind}» о редакции`} ${entry.name}` : String(entry));
const RU_ENTRY_KINDS: Record<string, string> = {
  fifo: 'именованный канал (FIFO)',
  socket: 'сокет',
  'block-device': 'блочное устройство',
  'character-device': 'символьное устройство',
};
/** What is wrong with a field of the ledger file, in plain words (never the schema's English); a placeholder as it is. */
function ruLedgerIssue(issue: LedgerIssue): string {
  if (typeof issue !== 'object') return String(issue);
  switch (issue.kind) {
    case 'missing':
      return 'поле не заполнено';
    case 'type':
      return `значение должно быть ${ruType(issue.expected)}, а указано ${ruValue(issue.value)}`;
    case 'format':
      return `значение ${ruValue(issue.value)} записано не так, как его записывает publish (${issue.format === 'datetime' ? 'нужен момент времени вида 2025-08-31T21:00:00.000Z' : issue.format === 'sha256' ? 'нужна контрольная сумма SHA-256: 64 знака, цифры и строчные латинские буквы a–f' : 'не тот вид записи'})`;
    case 'allowed':
      return `допустимые значения: ${ruNames(issue.allowed)}, а указано ${ruValue(issue.value)}`;
    case 'unknown-fields':
      return `${ruForm(countOf(issue.keys), 'лишнее поле', 'лишние поля', 'лишние поля')} ${ruNames(issue.keys)}`;
    case 'other':
      return 'значение не согласуется с другими полями записи';
  }
}

/** The fix for a value of the wrong type, by the type expected. */
function ruTypeHint(expected: string, field: string): string {
  switch (expected) {
    case 'string':
      return `Запишите ${field} текстом в одну строку; если в тексте есть двоеточие или он начинается со служебного знака, заключите его в кавычки.`;
    case 'boolean':
      return `Запишите ${field}: true или ${field}: false.`;
    case 'array':
      return `Запишите ${field} списком: каждый пункт на своей строке, начиная с «- ».`;
    default:
      return `Запишите ${field} ${ruType(expected)}.`;
  }
}

export const RU_MESSAGES: MessageCatalog = {
  lang: 'ru',

  language: {
    unknownFlag: (p) => `Параметр --lang принимает значения «ru» или «en», а указано «${p.value}».`,
    unknownVariable: (p) => `Переменная POLICY_PRESS_LANG принимает значения «ru» или «en», а указано «${p.value}». Укажите одно из них или удалите переменную, чтобы язык определялся настройками системы.`,
  },

  report: {
    warningLabel: 'предупреждение: ',
    historyLabel: 'в опубликованном тексте: ',
    problemCount: (p) => `${errors(p.count)} в ${ru3(p.files, 'файле', 'файлах', 'файлах')}.`,
    warningCount: (p) =>
      `${ru3(p.count, 'предупреждение', 'предупреждения', 'предупреждений')} в ${ru3(p.files, 'файле', 'файлах', 'файлах')}; сборку сайта ${ruForm(p.count, 'оно не останавливает', 'они не останавливают', 'они не останавливают')}.`,
    corpusError: (p) => `В документах ${errors(p.count)}:`,
  },

  conclusion: {
    build: (p) => `Ничего не опубликовано; исправьте ${fixThem(p.count)} и запустите сборку снова.`,
    check: (p) => `Исправьте ${fixThem(p.count)} и снова запустите npm run policy -- check.`,
    dev: (p) => `Пока ${ruForm(p.count, 'ошибка не исправлена', 'ошибки не исправлены', 'ошибки не исправлены')}, страницы не показываются; эта страница обновится после следующего сохранения.`,
    diff: (p) => `Ничего не сравнивалось; исправьте ${fixThem(p.count)} и снова запустите diff.`,
    sourceCheck: (p) => `Ничего не проверено; исправьте ${fixThem(p.count)} и запустите команду снова.`,
    verify: (p) => `Ничего не проверено; исправьте ${fixThem(p.count)} и запустите команду снова.`,
    new: (p) => `Ничего не создано; исправьте ${fixThem(p.count)} и снова запустите new.`,
    publish: (p) => `В журнал публикаций ничего не записано; исправьте ${fixThem(p.count)} и снова запустите publish.`,
    withdraw: (p) => `Ничего не отозвано; исправьте ${fixThem(p.count)} и снова запустите withdraw.`,
    unpublished: (p) => `Исправьте ${fixThem(p.count)} или опубликуйте редакции командой npm run policy -- publish.`,
  },

  build: {
    productionWouldRefuse: 'Сборка для публикации на сайте этого не пропустит:',
    lintWarns: 'Проверка текстов документов предупреждает:',
  },

  check: {
    noArguments: 'Команде check аргументы не нужны.',
    format: (p) => `Параметр --format принимает значения «text» или «github», а указано «${p.value}».`,
    ledgerVersion1: (p) =>
      `Обратите внимание: ${p.file} — журнал публикаций прежнего формата (версии 1), он ещё не закрепляет характер изменений (changeType) и их описание (summary). Один раз запустите npm run policy -- publish, чтобы обновить журнал, и сохраните его в репозитории (commit).`,
    history: (p) =>
      `Уже опубликованные тексты: ${ru3(p.count, 'замечание', 'замечания', 'замечаний')} проверки текста в ${ru3(p.versions, 'редакции', 'редакциях', 'редакциях')} (${p.rules}); ${ruForm(p.count, 'оно не мешает', 'они не мешают', 'они не мешают')} публикации: опубликованный или внесённый в журнал текст изменить нельзя.${p.list === true ? ' Список: npm run policy -- check --history.' : ''}`,
    noHistory: 'Уже опубликованные тексты: замечаний проверки текста нет.',
    passed: (p) => {
      const above = [
        p.warnings === 0 ? null : ru3(p.warnings, 'предупреждение', 'предупреждения', 'предупреждений'),
        p.history === 0 ? null : `${ru3(p.history, 'замечание', 'замечания', 'замечаний')} к уже опубликованным текстам`,
      ].filter((part) => part !== null);
      const drafts = p.drafts === 0 ? '' : ` (${ru3(p.drafts, 'черновик', 'черновика', 'черновиков')} ${ruForm(p.drafts, 'не опубликован', 'не опубликованы', 'не опубликованы')})`;
      return `${ru3(p.versions, 'редакция', 'редакции', 'редакций')} в ${p.folder}: ${above.length === 0 ? 'всё в порядке' : `ошибок нет, выше — ${above.join(' и ')}`}${drafts}.`;
    },
  },

  publish: {
    nothingToPublish: 'Публиковать нечего: все редакции уже есть в журнале публикаций.',
    wouldHave: 'было бы сделано: ',
    logged: (p) => `в публичный журнал ${p.first === p.last ? `внесена запись ${p.first}` : `внесены записи ${p.first}–${p.last}`} (всего в журнале ${ru3(p.total, 'запись', 'записи', 'записей')})`,
    recordedIn: (p) => `Записано в ${p.ledger} и ${p.logLock}. Сохраните их и папку ${p.archive}/ в репозитории (commit) вместе с изменением:`,
    undo: (p) =>
      `Чтобы отменить запись до сохранения в репозитории: git diff -- ${p.ledger} ${p.logLock} покажет, что записано, а git restore --source=HEAD --worktree -- ${p.ledger} ${p.logLock} вернёт прежнее (только эти два файла: ваши тексты останутся как есть).`,
    withdrawRecordedIn: (p) => `Записано в ${p.ledger} и ${p.logLock}. Файл редакции оставьте как есть (опубликованные тексты не меняются) и сохраните оба файла в репозитории (commit):`,
    nothingWithdrawn: 'Ничего не отозвано.',
  },

  recorded: {
    imported: (p) => `внесена в журнал публикаций редакция ${p.version} (действует с ${p.effective}, ещё до появления журнала), SHA-256 ${p.sha256}`,
    published: (p) => `опубликована редакция ${p.version} (вступает в силу ${p.effective}), SHA-256 ${p.sha256}`,
    backdated: (p) => `опубликована ЗАДНИМ ЧИСЛОМ редакция ${p.version}: действует с ${p.effective}, опубликована ${p.now} (${p.reason}), SHA-256 ${p.sha256}`,
    lateTranslation: (p) => `опубликован текст редакции ${p.policy} ${p.version} на языке ${p.locale} (редакция действует с ${p.effective}; этот перевод опубликован ${p.now}), SHA-256 ${p.sha256}`,
    editorialProven: (p) => `изменения редакции ${p.version} записаны как редакционные (editorial): по сравнению с ${p.since} каждое изменение касается только оформления или написания`,
    editorialDecided: (p) =>
      `изменения редакции ${p.version} записаны как редакционные (editorial) ПО РЕШЕНИЮ (--editorial: ${p.reason}): ${p.since ? `проверка находит существенные изменения по сравнению с ${p.since}` : 'более раннего текста, по которому это можно подтвердить, нет'}`,
    postponed: (p) => `вступление в силу редакции ${p.version} перенесено с ${p.from} на ${p.to} (${p.reason}); SHA-256 ${p.previous} → ${p.sha256}`,
    editorialCorrection: (p) => `записано редакционное исправление от ${ruDay(p.date)} в редакции ${p.version}${ruHashChange(p)}`,
    materialCorrection: (p) => `записано СУЩЕСТВЕННОЕ исправление от ${ruDay(p.date)} в редакции ${p.version}${ruHashChange(p)}`,
    shortNotice: (p) => `записан СОКРАЩЁННЫЙ СРОК УВЕДОМЛЕНИЯ для редакции ${p.version}: вступает в силу ${p.effective}, объявлена ${p.announced}, это меньше требуемого срока (${ruNotice(p)}) (${p.reason})`,
    upgraded: (p) =>
      `журнал публикаций обновлён до версии 2: характер изменений (changeType) и их описание (summary) закреплены в нынешнем виде для ${ru3(p.count, 'редакции', 'редакций', 'редакций')} (версия 1 их не записывала)`,
    withdrew: (p) => `отозвана редакция ${p.version} (должна была вступить в силу ${p.effective}): ${p.reason}`,
    wouldWithdraw: (p) => `была бы отозвана редакция ${p.version} (должна была вступить в силу ${p.effective}): ${p.reason}`,
  },

  help: {
    publishArguments: 'Команде publish аргументы не нужны.',
    withdrawArguments: 'Команде withdraw нужно указать документ и редакцию.',
    withdrawReason: 'Команде withdraw нужна причина: --reason "<причина>"; она записывается и показывается на сайте.',
    diffArguments: 'Команде diff нужно указать документ и две редакции.',
    atArguments: 'Команде at нужно указать документ и момент времени.',
    unknownPolicy: (p) => `В ${p.origin} нет документа «${p.policy}».${ruDidYouMean(p.suggestion)} Документы: ${ruNames(p.policies)}.`,
    noLocale: (p) => `У документа ${p.policy} нет текста на языке «${p.locale}».${ruDidYouMean(p.suggestion)} Его языки: ${ruNames(p.locales)}. Укажите язык в --locale.`,
    unknownCommand: (p) => `Команды «${p.name}» нет.`,
    badOption: (p) => ruOptionMistake(p.mistake),
    usage: (p) => `Как запускать: npm run policy -- <команда> [параметры]

Команды:
${Array.isArray(p.synopses) ? p.synopses.map((synopsis) => `  ${synopsis}`).join('\n') : String(p.synopses)}

Любая команда принимает --lang ru|en — язык сообщений (new, check, publish, withdraw,
diff, at, notice; остальные команды пишут по-английски). Без него язык берётся из
POLICY_PRESS_LANG, затем из настроек системы (LC_ALL, LC_MESSAGES, LANG: ru_RU.UTF-8 —
русский), иначе сообщения пишутся по-английски.

Подробнее о команде: npm run policy -- <команда> --help`,
    new: `npm run policy -- new <policy> --locale <locale> --effective <date> [--version <id>] [--from <id>] [--title <title>]

  Создаёт файл policies/<документ>/<язык>/<редакция>.md — копию редакции
  этого документа на этом языке, действующей на дату --effective (последней,
  вступающей в силу раньше неё, но не запланированной позже), или редакции,
  названной в --from. Блок полей заполняется (настройки проверки текста
  сохраняются), и ставится draft: true: пока вы эту строку не удалите,
  ничего не публикуется. Существующий файл никогда не перезаписывается.

  --effective  дата вступления в силу: ГГГГ-ММ-ДД (начало дня в часовом поясе
               сайта) или дата и время по ISO 8601 со смещением
  --version    имя редакции; по умолчанию — дата вступления в силу (ГГГГ-ММ-ДД
               в часовом поясе сайта), с -2, -3… если такое имя уже занято
  --from       редакция, с которой снять копию (по умолчанию — действующая на --effective)
  --title      название, для первой редакции документа (или чтобы его изменить)`,
    check: (p) => `npm run policy -- check [--format text|github] [--history]

  Проверяет каждый файл в папке документов по правилам сборки (блок полей,
  даты, расположение файлов, редакции с одним моментом вступления в силу,
  переводы) и по журналу публикаций (ни одна опубликованная редакция не
  удалена, не перенесена во времени и не изменена без оформления исправления,
  её changeType и summary не изменены; нет исправлений, которые не являются
  редакционными; нет редакций, вступающих в силу раньше публикации; каждая
  редакция на сайте опубликована), а также проверяет тексты (даты в тексте,
  ссылки на пункты, ссылки, пустые редакции, скопированные описания изменений,
  переводы; см. docs/reference/lint-rules.md). Предупреждает о действующей или
  запланированной редакции без текста на языке, который был у прежних
  редакций. Каждую ошибку печатает как файл:строка[:столбец]: сообщение — и
  как её исправить; замечания правил с уровнем warning печатаются, но не
  считаются ошибками. Код выхода 0 — только если ошибок нет.

  --format github  печатать аннотации GitHub Actions (::error file=…,line=…,col=…::…, ::warning для предупреждений)
  --history        перечислить замечания проверки к уже опубликованным или внесённым в журнал текстам
                   (без этого они подсчитываются в одной строке и никогда не мешают публикации:
                   эти тексты изменить уже нельзя)

  Правила проверки текста (уровень — в site.config.ts lint.rules или POLICY_LINT=правило=уровень,…;
  отключить правило для одного файла: lint: { ignore: { <правило>: <причина> } } в его блоке полей;
  описание правил — docs/reference/lint-rules.md):
    ${Array.isArray(p.rules) ? p.rules.map((rule) => rule.id).join(', ') : String(p.rules)}`,
    publish: (p) => `npm run policy -- publish [--dry-run] [--backdate "<reason>"] [--postpone "<reason>"] [--material-correction "<reason>"] [--editorial "<reason>"] [--short-notice "<reason>"]

  Записывает в журнал публикаций (policies/${p.ledger}) каждую редакцию,
  которая не является черновиком и ещё не опубликована: момент вступления в
  силу, контрольную сумму SHA-256 её текста, характер изменений (changeType),
  их описание (summary) и то, как она опубликована; а также каждое исправление,
  указанное в блоке полей (corrections: [{ date, reason }]), с прежней и новой
  контрольной суммой. Опубликованные тексты сохраняются в policies/.published/,
  а каждое новое событие вносится в публичный журнал (policies/${p.logLock},
  на сайте — /log/v1/). Сохраните их в репозитории (commit) вместе с изменением.
  Ничего не меняет и отказывает, если что-то ещё не так, в частности: редакция
  вступает в силу раньше текущего момента (задним числом) или раньше, чем
  истекает срок уведомления (notice в site.config.ts); изменена дата вступления
  в силу; исправление не является редакционным; новая редакция объявлена
  редакционной (changeType: editorial), но не является такой: редакционными
  считаются только пробелы, знаки препинания, регистр букв, «ё»/«е», одна
  разметка или исправление опечатки внутри одного слова (добавленное или
  удалённое слово, отрицание, число, пункт списка… — существенные изменения).

  --dry-run              показать, что было бы записано, ничего не записывая
  --backdate "<why>"     опубликовать редакции, вступающие в силу раньше текущего момента, с причиной
  --postpone "<why>"     записать новую дату вступления в силу редакций, ещё не вступивших в силу
  --material-correction "<why>"
                         записать исправление, которое проверка не признаёт редакционным, как
                         существенное, с причиной
  --editorial "<why>"    опубликовать новые редакции, объявленные редакционными, которые проверка
                         считает существенными, с причиной (журнал, публичный журнал, страница редакции)
  --short-notice "<why>" опубликовать редакции, вступающие в силу раньше, чем истекает срок уведомления
                         (notice в site.config.ts), с причиной`,
    withdraw: `npm run policy -- withdraw <policy> <version> --reason "<why>" [--locale <locale>] [--dry-run]

  Отзывает опубликованную редакцию, которая ещё не вступила в силу: она не
  будет действовать никогда. В журнал публикаций записываются причина и
  момент отзыва; файл и опубликованный текст остаются (страница редакции и
  лента изменений сообщают, что она отозвана, текст по-прежнему доступен по
  контрольной сумме). Переводы — одна последовательность редакций, поэтому
  редакция отзывается на всех языках; --locale — только если тексты на разных
  языках — самостоятельные документы (site.config.ts: localeModel: 'independent').
  Если редакция уже вступила в силу, отзыв невозможен: опубликуйте новую
  редакцию. Чтобы перенести дату, измените effective и запустите
  publish --postpone "<причина>".

  --reason   причина простыми словами (обязательно; показывается на сайте и в ленте изменений)
  --dry-run  показать, что было бы записано, ничего не записывая`,
    diff: `npm run policy -- diff <policy> <from> <to> [--locale <locale>] [--color|--no-color]

  Что изменилось от редакции <from> к редакции <to>: то же сравнение по
  абзацам и пунктам, что и на сайте, только изменённые фрагменты, каждый под
  заголовком своего раздела. Удалённые слова отмечены [-так-], добавленные —
  {+так+}; в терминале — цветом. Можно сравнивать и черновики.

  --locale  язык (по умолчанию — основной язык сайта)`,
    at: `npm run policy -- at <policy> <instant> [--locale <locale>] [--feed <url|path>] [--json]

  Какая редакция документа <policy> действовала в момент <instant>: её имя,
  срок действия, контрольная сумма SHA-256 и постоянный адрес. <instant> —
  дата и время по ISO 8601 со смещением или Z (2025-09-01T12:00:00+03:00) либо
  дата (2025-09-01) — начало этого дня в часовом поясе сайта.

  Коды выхода: 0 — редакция действовала; 1 — ни одна редакция не действовала
  (или ошибка); 2 — редакция действовала, но текста на языке --locale у неё
  нет (команда называет языки, на которых он есть, и прежний текст на этом
  языке, который был только для сведения).

  --locale  язык (по умолчанию — основной язык сайта)
  --feed    читать опубликованную ленту (адрес или путь к index.json) вместо policies/
  --json    печатать JSON для программ`,
    notice: `npm run policy -- notice <policy> <version> [--locale <locale>] [--format text|html]

  Печатает уведомление пользователей о новой редакции на языке текста:
  название документа, когда редакция вступает в силу, что меняется (её
  summary), будет ли снова запрошено согласие (при существенных изменениях),
  ссылки на сравнение редакций, новый текст и историю, контрольную сумму
  SHA-256 нового текста. Сборка сайта пишет то же уведомление в
  /feed/v1/<policy>/<locale>/<version>/notice.txt и notice.html. Код выхода 1 —
  если редакции нет, она отозвана или у неё нет текста на этом языке.

  --locale  язык (по умолчанию — основной язык сайта)
  --format  text (по умолчанию) или html: самостоятельный текст письма
            (встроенные стили, без скриптов, ничего не загружается извне)`,
  },

  new: {
    needsPolicy: 'Команде new нужно указать документ: имя его папки, например privacy.',
    needsEffective: (p) =>
      `Команде new нужна дата вступления в силу: --effective (например, --effective ${p.earliest}${p.key === null ? '' : `: для существенных изменений документа ${p.policy} установлен срок уведомления — ${ruNotice(p)} (${p.key} в site.config.ts), и при публикации сегодня это первый день, когда срок соблюдён`}).`,
    invalidPolicyId: (p) => `«${p.policy}» не подходит как имя документа: используйте строчные латинские буквы, цифры и дефисы.`,
    invalidLocale: (p) => `«${p.locale}» — не код языка: укажите его строчными латинскими буквами, например ru, en или pt-br.`,
    notADate: (p) => `В --effective указано «${p.value}», а это не дата.`,
    exists: (p) => `${p.file} уже существует; new никогда не перезаписывает файлы. Укажите другую редакцию в --version или отредактируйте этот файл.`,
    noFromVersion: (p) => `У документа ${p.policy} (${p.locale}) нет редакции «${p.from}», на основе которой можно создать новую.${ruDidYouMean(p.suggestion)} Редакции: ${ruNames(p.versions)}.`,
    noPolicy: (p) => `В ${p.folder} нет документа «${p.policy}».${ruDidYouMean(p.suggestion)} Чтобы начать новый документ, укажите его название: --title "…" (текст будет пустым).`,
    noLocale: (p) =>
      `У документа ${p.policy} нет редакции на языке ${p.locale}, на основе которой можно создать новую.${ruDidYouMean(p.suggestion)} Его языки: ${ruNames(p.locales)}. Для первой редакции на языке ${p.locale} укажите название: --title "…" (текст будет пустым).`,
    newPolicy: (p) => `Обратите внимание: создаётся новый документ «${p.policy}».${ruDidYouMean(p.suggestion)} Если так, удалите ${p.file} и снова запустите new с этим именем.`,
    later: (p) =>
      `Обратите внимание: ${ruForm(countOf(p.later), 'редакция', 'редакции', 'редакции')} ${ruNames(p.later)} ${ruForm(countOf(p.later), 'вступает', 'вступают', 'вступают')} в силу позже новой; ${ruForm(countOf(p.later), 'её', 'их', 'их')} изменений в копии нет.`,
    lateTranslation: (p) =>
      `Обратите внимание: редакция ${p.policy} ${p.version} уже действует (на языке ${p.translated} — с ${p.since}): publish запишет этот текст как перевод на язык ${p.locale}, опубликованный позже, в момент запуска; страницы редакции это покажут.${p.mustBe === null ? '' : ` Дата вступления в силу (effective) должна быть той же, что у редакции: ${p.mustBe}.`}`,
    shortNotice: (p) =>
      `Внимание: для существенных изменений документа ${p.policy} установлен срок уведомления — ${ruNotice(p)} (${p.key} в site.config.ts): при публикации сейчас редакция может вступить в силу не раньше ${p.earliest}, поэтому publish откажется публиковать её со вступлением в силу ${p.effective}, если не указать причину в --short-notice. Первый день, когда срок соблюдён: --effective ${p.firstDay} (для редакционных изменений укажите changeType: editorial${p.editorialSetting === null ? ' — для них уведомление не требуется' : `; для них срок уведомления — ${ruNotice({ days: p.editorialDays, setting: p.editorialSetting })}`}).`,
    folderProblems: (p) => `Обратите внимание: в папке документов ${errors(p.count)}; запустите npm run policy -- check.`,
    created: (p) => `Создан файл ${p.file} (редакция вступает в силу ${p.effective}).`,
    createdFrom: (p) => `Создан файл ${p.file} на основе редакции ${p.from} (новая редакция вступает в силу ${p.effective}).`,
    beforeNow: (p) =>
      `Внимание: редакция вступает в силу ${p.effective}, то есть раньше текущего момента (${p.now}): согласия, данные с тех пор, даны на редакцию, действовавшую тогда, и publish откажется её публиковать, если не указать причину в --backdate. Укажите более позднюю дату или точный момент, например ${p.suggestion}.`,
    next: 'Что дальше:',
    stepEdit: (p) => `  1. Отредактируйте текст и описание изменений (summary) в ${p.file} (changeType: material — существенные изменения, editorial — правка формулировок).`,
    stepDiff: (p) => `  2. Посмотрите изменения: npm run policy -- diff ${p.policy} ${p.older} ${p.newer} --locale ${p.locale}   (npm run dev тоже показывает редакцию, с пометкой «ЧЕРНОВИК»)`,
    stepDryRun: '  3. Удалите строку «draft: true», затем: npm run policy -- publish --dry-run   (все проверки; при коде выхода 0 показывает, что будет записано)',
    stepPublish: (p) => `  4. Опубликуйте: npm run policy -- publish, затем npm run policy -- check (код выхода 0), и сохраните ${p.folder} в репозитории (commit).`,
  },

  detail: {
    archiveMissing: (p) => `(опубликованного текста с контрольной суммой ${p.sha256} нет в папке ${p.archive}/, поэтому показать изменения не с чем)`,
    commaFraction: (p) => `доли секунды отделены запятой: отделите их точкой (${p.fixed})`,
    lowercaseTz: (p) => `буквы «t» или «z» строчные: пишите T и Z прописными (${p.fixed})`,
    leapSecond: (p) => `указана високосная секунда (:60), а время здесь считается по UTC без високосных секунд: укажите ${p.minute}:59.999 этой минуты или начало следующей минуты (:00)`,
    midnight24: () => 'полночь записана как 24:00: укажите 00:00 следующего дня',
    materialPassages: (p) => writePassages(p.passages, (passage) => (passage.clause !== null ? `${passage.clause}: ` : passage.section ? `в разделе «${passage.section}»: ` : ''), ruReason),
  },

  notice: {
    needsArguments: 'Команде notice нужно указать документ и редакцию.',
    format: (p) => `Параметр --format принимает значения «text» или «html», а указано «${p.value}».`,
    noPolicy: (p) => `Документа «${p.policy}» нет.${ruDidYouMean(p.suggestion)} Документы: ${ruNames(p.policies)}.`,
    withdrawn: (p) => `Редакция ${p.policy} ${p.version} отозвана ${p.withdrawn} (${p.reason}) и в силу не вступит: уведомлять не о чем.`,
    noVersion: (p) => `У документа ${p.policy} нет редакции «${p.version}».${ruDidYouMean(p.suggestion)} Редакции: ${ruNames(p.versions)}.`,
    noText: (p) =>
      `У редакции ${p.policy} ${p.version} нет текста на языке ${p.locale}; есть тексты на языках: ${ruNames(p.locales)}. Укажите --locale ${Array.isArray(p.locales) ? (p.locales[0] ?? '') : String(p.locales)} или сначала опубликуйте её текст на языке ${p.locale}.`,
  },

  diff: {
    noVersion: (p) => `У документа ${p.policy} (${p.locale}) нет редакции «${p.version}».${ruDidYouMean(p.suggestion)} Редакции: ${ruNames(p.versions)}.`,
    title: (p) => `название: ${p.before} → ${p.after}`,
    frontMatter: (p) => `шапка файла: ${p.before} → ${p.after}`,
    noChanges: 'В тексте изменений нет.',
    changed: '* изменено:',
    added: '+ добавлено:',
    movedHere: '→ перенесено сюда:',
    removed: '- удалено:',
    movedAway: '← перенесено отсюда:',
    formattingChanged: '~ изменено оформление:',
    linkChanged: '~ изменена ссылка:',
    link: (p) => `ссылка «${p.text}»`,
    noTarget: '(нет)',
  },

  at: {
    header: (p) => `${p.policy} (${p.locale}) на ${p.instant}: редакция ${p.version} «${p.title}»`,
    inForceUntil: (p) => `  действует с ${p.from} до ${p.until}`,
    inForceOpen: (p) => `  действует с ${p.from} (более поздней редакции пока нет)`,
    backdated: (p) => `  опубликована ${p.published} задним числом (${p.reason})`,
    backdatedNoReason: (p) => `  опубликована ${p.published} задним числом (причина не записана)`,
    lateTranslation: (p) => `  текст на языке ${p.locale} опубликован ${p.published}; до этого у редакции не было текста на этом языке`,
    languages: (p) => `  языки     ${p.locales}`,
    sha256: (p) => `  SHA-256   ${p.sha256}`,
    url: (p) => `  адрес     ${p.url}`,
    markdown: (p) => `  Markdown  ${p.url}`,
    notInstant: (p) =>
      `Не удалось понять момент времени «${p.text}»: укажите дату и время со смещением или в UTC — 2025-09-01T12:00:00+03:00 или 2025-09-01T09:00:00Z — либо только дату, 2025-09-01 (начало этого дня по времени ${p.timeZone}).`,
    noneInForce: (p) => `На ${p.instant} не действовала ни одна редакция документа ${p.policy} (${p.locale})${p.first ? `: первая, ${p.first}, вступила в силу позже — ${p.from}, через ${p.later}` : ''}.`,
    noText: (p) =>
      `${p.policy} на ${p.instant}: действовала редакция ${p.version} (с ${p.from}), но текста на языке ${p.locale} у неё нет; есть тексты на языках: ${p.locales}.${
        p.reference ? ` Текст на языке ${p.locale} в то время — редакция ${p.reference}, только для справки: она не действует с ${p.until}.` : ''
      }`,
    durationUnit: (p) => ruDurationUnit(p.count, p.unit),
  },

  devPage: {
    title: (p) => `В документах ${errors(p.count)}`,
    unreadable: 'Не удалось прочитать документы',
    titleSuffix: 'сервер разработки',
    intro: 'Пока в документах есть ошибки, сервер разработки не показывает страницы. Исправьте их и сохраните файл: эта страница обновится сама.',
    reportHeading: 'Отчёт — тот же, что в терминале',
  },

  problem: {
    noFrontMatter: { message: 'в начале файла нет блока полей', hint: 'Начните файл строкой «---», затем впишите поля (title, effective, …), затем ещё одну строку «---», а после неё — текст документа.' },
    frontMatterNotClosed: { message: 'блок полей в начале файла не закрыт', hint: 'Добавьте строку «---» после последнего поля, перед текстом документа.' },
    fieldTwiceUnnamed: { message: 'одно из полей указано дважды', hint: 'Оставьте для каждого поля одну строку, лишнюю удалите.' },
    fieldTwice: (p) => ({ message: 'указано дважды', hint: `Оставьте одну строку «${p.field}:», другую удалите.` }),
    colonInValue: {
      message: 'в значении есть двоеточие, и оно читается как начало нового поля',
      hint: 'Заключите значение в кавычки, например summary: "Срок ответа: 10 дней", или запишите его пунктом списка в кавычках: - "Срок ответа: 10 дней".',
    },
    yamlTag: (p) => ({ message: `перед значением стоит служебная пометка, которую сайт не читает (${p.tag})`, hint: 'Удалите пометку «!…» и запишите значение как есть, например effective: 2025-09-01.' }),
    invalidYaml: (p) => ({
      message: `блок полей в начале файла записан с ошибкой (подробность для разработчика: ${p.error})`,
      hint: 'Проверьте кавычки, двоеточия и отступы в этой строке; текст с двоеточием заключайте в кавычки.',
    }),
    notUtf8: { message: 'файл сохранён не в кодировке UTF-8', hint: 'Сохраните файл в кодировке UTF-8 (в большинстве редакторов: «Сохранить с кодировкой» → UTF-8).' },
    notFieldLines: { message: 'блок полей в начале файла должен состоять из строк «поле: значение»', hint: 'Пишите по одному полю в строке, например «title: …» и «effective: 2025-09-01».' },
    summaryPlaceholder: {
      message: 'всё ещё содержит заготовку, которую вписала команда npm run policy -- new',
      hint: 'Опишите простыми словами, что изменилось (или удалите summary), либо оставьте draft: true, пока текст не готов.',
    },
    noText: { message: 'после блока полей в файле нет текста', hint: 'Напишите текст документа под закрывающей строкой «---».' },
    noVersions: (p) => ({
      message: 'в папке документов нет ни одной редакции',
      hint: `Добавьте первую редакцию, например npm run policy -- new privacy --locale ru --effective 2025-09-01 --title "…" (команда создаст ${p.folder}/privacy/ru/2025-09-01.md), или укажите в POLICIES_DIR папку с файлами <документ>/<язык>/<редакция>.md.`,
    }),
    sameInstant: (p) => ({
      message: `вступает в силу в тот же момент, что и ${p.other} (${p.instant}), и нельзя определить, какая из редакций действует`,
      hint: 'Укажите для каждой редакции документа свою дату вступления в силу; если изменений два в один день, укажите точное время со смещением от UTC (2025-09-01T12:00:00+03:00).',
    }),
    translationChangeType: (p) => ({
      message: `указан характер изменений ${p.changeType}, а в тексте той же редакции на языке ${p.locale} (${p.other}) — ${p.otherChangeType}; редакция существенная или редакционная сразу на всех языках`,
      hint: `Укажите здесь changeType: ${p.otherChangeType} (или измените оба текста) либо дайте этому тексту собственный идентификатор редакции.`,
    }),
    translationEffective: (p) => ({
      message: `указано «${p.effective}», а в тексте той же редакции на языке ${p.locale} (${p.other}) — «${p.otherEffective}»; переводы одной редакции вступают в силу одновременно`,
      hint: `Укажите здесь effective: "${p.otherEffective}" или, если этот текст действительно вступает в силу в другое время, дайте ему собственный идентификатор редакции.`,
    }),

    notCalendarDate: (p) => ({
      message: typeof p.error === 'object' && p.error !== null ? sayProblem(RU_MESSAGES, p.error).message : `«${p.value}» — это не дата в виде ГГГГ-ММ-ДД`,
      hint: 'Запишите дату в виде ГГГГ-ММ-ДД, например 2026-12-01.',
    }),
    noSuchMonth: (p) => ({ message: `«${p.value}»: месяца ${p.month} не существует`, hint: 'Запишите дату в виде ГГГГ-ММ-ДД с месяцем от 01 до 12, например 2025-09-01.' }),
    noSuchDay: (p) => ({ message: `«${p.value}» — такой даты нет: в ${RU_MONTHS_IN[p.month - 1] ?? '{month}'} ${p.year} г. ${ru3(p.days, 'день', 'дня', 'дней')}`, hint: `Укажите день от 01 до ${p.days}.` }),
    commaFraction: (p) => ({ message: `в «${p.value}» доли секунды отделены запятой`, hint: `Отделите доли секунды точкой, как требует RFC 3339: ${p.fixed}.` }),
    lowercaseTz: (p) => ({ message: `в «${p.value}» буквы «t» или «z» строчные`, hint: `Пишите T и Z прописными: ${p.fixed}.` }),
    notADate: (p) => ({
      message: `«${p.value}» — это не дата (ГГГГ-ММ-ДД) и не момент времени со смещением от UTC`,
      hint: 'Укажите день вступления в силу в виде ГГГГ-ММ-ДД (например, 2025-09-01) или точный момент со смещением от UTC (например, 2025-09-01T00:00:00+03:00).',
    }),
    spacedDateTime: (p) => ({ message: `«${p.value}» — это не дата (ГГГГ-ММ-ДД) и не момент времени со смещением от UTC`, hint: `Поставьте «T» между датой и временем и добавьте смещение от UTC, например ${p.fixed}.` }),
    leapSecond: (p) => ({ message: `«${p.value}» указывает на високосную секунду`, hint: 'Укажите последнюю миллисекунду этой минуты (…:59.999) или начало следующей минуты.' }),
    midnight24: (p) => ({ message: `в «${p.value}» полночь записана как 24:00`, hint: 'Укажите следующий день, 00:00:00 (сутки начинаются в 00:00).' }),
    noSuchTime: (p) => ({ message: `в «${p.value}» указано время суток, которого не бывает`, hint: 'Часы — от 00 до 23, минуты и секунды — от 00 до 59 (начало суток записывается как 00:00:00).' }),
    noOffset: (p) => ({
      message: `в «${p.value}» указано время, но не указано смещение от UTC, поэтому неясно, какой это момент`,
      hint: `Добавьте смещение, например ${p.value}+03:00 или ${p.value}Z, или укажите только дату ${p.date} — тогда редакция вступит в силу в начале этого дня по часовому поясу сайта.`,
    }),
    noSuchOffset: (p) => ({ message: `в «${p.value}» указано несуществующее смещение ${p.offset}`, hint: 'Запишите смещение в виде +ЧЧ:ММ или -ЧЧ:ММ, например +03:00.' }),

    pathTop: {
      message: 'файл лежит прямо в папке документов, а должен лежать по пути <документ>/<язык>/<редакция>.md',
      hint: 'Каждая редакция — отдельный файл policies/<документ>/<язык>/<редакция>.md, например policies/privacy/ru/2025-09-01.md.',
    },
    pathDepth: (p) => ({
      message: `файл вложен в папки на ${p.depth} ${ruForm(p.depth, 'уровень', 'уровня', 'уровней')}, а должен лежать по пути <документ>/<язык>/<редакция>.md`,
      hint: 'Каждая редакция — отдельный файл policies/<документ>/<язык>/<редакция>.md, например policies/privacy/ru/2025-09-01.md.',
    }),
    notMarkdownName: (p) => ({ message: `«${p.name}» — не файл Markdown с расширением .md`, hint: `Переименуйте его в ${p.rename}.` }),
    notMarkdown: (p) => ({ message: `«${p.name}» — не файл Markdown с расширением .md`, hint: 'В папке документов должны быть только редакции документов; остальные файлы перенесите в другое место.' }),
    policyId: (p) => ({ message: `имя папки документа «${p.policy}» не годится как идентификатор документа`, hint: `Используйте только строчные латинские буквы, цифры и дефисы, например «${p.suggestion}».` }),
    reservedPolicy: (p) => ({ message: `имя «${p.policy}» занято самим сайтом и не может быть идентификатором документа`, hint: `Переименуйте папку, например в «${p.policy}-policy». Занятые имена: ${p.reserved}.` }),
    localeTag: (p) => ({
      message: `имя папки языка «${p.locale}» не является кодом языка (строчными буквами, по стандарту BCP 47)`,
      hint: `Используйте код вроде «ru», «en» или «pt-br»${p.lowercase ? ` (переименуйте папку в «${p.lowercase}»)` : ''}.`,
    }),
    reservedLocale: (p) => ({ message: `имя «${p.locale}» занято самим сайтом и не может быть папкой языка`, hint: `Занятые имена: ${p.reserved}.` }),
    versionId: (p) => ({
      message: `имя файла «${p.name}» не годится как идентификатор редакции`,
      hint: `Идентификатор редакции входит в постоянные ссылки: он начинается со строчной латинской буквы или цифры, а дальше содержит только a–z, 0–9, «.», «_» и «-», например «${p.suggestion}.md».`,
    }),
    reservedVersion: (p) => ({
      message: `имя «${p.version}» занято самим сайтом и не может быть идентификатором редакции`,
      hint: `Переименуйте файл, например по дате вступления в силу (2025-09-01.md). Занятые имена: ${p.reserved}.`,
    }),

    misspelledField: (p) => ({ message: 'такого поля нет', hint: `Возможно, имелось в виду «${p.suggestion}»? Исправьте написание названия поля.` }),
    unknownField: (p) => ({ message: 'такого поля нет', hint: `Удалите его. Допустимые поля: ${p.known}.` }),
    unknownNestedField: { message: 'такого поля нет', hint: 'Удалите его.' },
    missingField: (p) => ({ message: 'не заполнено', hint: `Добавьте в блок полей строку «${p.field}: …».` }),
    wrongType: (p) => ({ message: `должно быть ${ruType(p.expected)}, а указано ${ruValue(p.value)}`, hint: ruTypeHint(p.expected, p.field) }),
    wrongEffective: (p) => ({
      message: `должно быть ${ruType(p.expected)}, а указано ${ruValue(p.value)}`,
      hint: 'Укажите день вступления в силу в виде ГГГГ-ММ-ДД (например, 2025-09-01) или точный момент со смещением от UTC (например, 2025-09-01T00:00:00+03:00).',
    }),
    wrongTitle: (p) => ({ message: `должно быть ${ruType(p.expected)}, а указано ${ruValue(p.value)}`, hint: 'Запишите название текстом в одну строку, например title: Политика конфиденциальности.' }),
    colonItem: (p) => ({ message: `в «${p.typed}» есть двоеточие, поэтому запись прочитана как поле со значением, а не как текст`, hint: `Заключите текст в кавычки: ${p.field}: ${p.quoted}.` }),
    colonListItem: (p) => ({ message: `в пункте ${p.item}, «${p.typed}», есть двоеточие, поэтому пункт прочитан как поле со значением, а не как текст`, hint: `Заключите пункт в кавычки: - ${p.quoted}.` }),
    wrongForm: (p) => ({ message: `записано в неверном виде: ${ruValue(p.value)}`, hint: `Запишите ${p.field} одной строкой текста или списком: каждый пункт на своей строке, начиная с «- ».` }),
    notAllowed: (p) => ({ message: `указано ${ruValue(p.value)}, такое значение не допускается`, hint: `Укажите одно из значений: ${p.allowed}.` }),
    emptyList: (p) => ({ message: 'список пуст', hint: `Добавьте хотя бы один пункт или удалите ${p.field}.` }),
    emptyField: (p) => ({ message: 'не заполнено', hint: `Заполните ${p.field} или удалите строку, если поле необязательное.` }),

    clauseMissing: (p) => ({ message: `«${p.reference}» ссылается на ${p.number}, а такого номера в тексте нет (в тексте нет пронумерованных пунктов и разделов)`, hint: CLAUSE_HINT }),
    clauseMissingNear: (p) => ({ message: `«${p.reference}» ссылается на ${p.number}, а такого номера в тексте нет (ближайший — ${p.nearest})`, hint: CLAUSE_HINT }),
    clauseMissingBetween: (p) => ({ message: `«${p.reference}» ссылается на ${p.number}, а такого номера в тексте нет (ближайшие — ${p.before} и ${p.after})`, hint: CLAUSE_HINT }),
    dateNotReal: (p) => ({ message: `«${p.stated}» — такой даты не существует`, hint: 'Исправьте дату в тексте.' }),
    dateNotEffective: (p) => ({
      message: `в тексте «${p.stated}», то есть ${ruDay(p.written)}, а по полю effective редакция вступает в силу ${ruDay(p.effective)} (${p.timeZone})`,
      hint: 'Приведите текст и поле effective в соответствие: исправьте дату в тексте или effective (опубликованный текст меняется только исправлением, см. docs/legal-staff.ru.md).',
    }),
    dateNotCorrection: (p) => ({ message: `в тексте «${p.stated}», то есть ${ruDay(p.written)}, а текст исправлен ${ruDay(p.corrected)}`, hint: `Укажите в тексте день последнего исправления — ${ruDay(p.corrected)}.` }),
    dateAfterChange: (p) => ({ message: `в тексте «${p.stated}», то есть ${ruDay(p.written)}, — позже последнего изменения этой редакции (она вступает в силу ${ruDay(p.effective)})`, hint: DATE_AFTER_HINT }),
    dateAfterCorrection: (p) => ({
      message: `в тексте «${p.stated}», то есть ${ruDay(p.written)}, — позже последнего изменения этой редакции (она вступает в силу ${ruDay(p.effective)}, последнее исправление — ${ruDay(p.corrected)})`,
      hint: DATE_AFTER_HINT,
    }),
    dateCopied: (p) => ({
      message: `в тексте «${p.stated}», то есть ${ruDay(p.written)}, — раньше, чем вступила в силу предыдущая редакция (${p.previous}, ${ruDay(p.previousEffective)}): дата скопирована вместе с текстом`,
      hint: 'Укажите день, когда этот текст менялся в последний раз.',
    }),
    copiedSummary: (p) => ({
      message: `описание изменений (summary) совпадает с описанием предыдущей редакции (${p.previous}), которое говорит о том, что менялось до неё`,
      hint: 'Опишите, что изменилось в этой редакции, или удалите summary.',
    }),
    emptyVersion: (p) => ({
      message: `текст и название совпадают с предыдущей редакцией, ${p.previous} (${p.previousFile}): эта редакция ничего не меняет`,
      hint: 'Внесите изменение в текст или удалите этот файл, если менять было нечего.',
    }),
    stableLink: (p) => ({
      message: `${ruLink(p.text, p.url)} ведёт на постоянный адрес документа ${p.policy}, по которому открывается редакция, действующая в момент перехода, а не та, что действовала, когда вступила в силу эта редакция`,
      hint: `Напишите [${p.text || 'текст'}](${p.written}), чтобы сослаться на редакцию ${p.policy}, действовавшую на момент вступления в силу этой редакции (страница сама сообщит о более новой), или отключите это правило для файла, указав причину, по которой нужна именно действующая редакция.`,
    }),
    policyLinkHtml: (p) => ({ message: `${ruLink(p.text, p.url)} записана в HTML, а там ссылки policy: не раскрываются`, hint: `Запишите её как ссылку Markdown: [${p.text || 'текст'}](${p.url}).` }),
    policyLinkUnknown: (p) => ({ message: `${ruLink(p.text, p.url)} называет документ «${p.policy}», которого на сайте нет`, hint: `Укажите один из документов: ${p.policies}.` }),
    policyLinkNotInForce: (p) => ({
      message: `${ruLink(p.text, p.url)}: у документа ${p.policy} не было действующей редакции (${listOr(p.locales, 'или')}) на момент вступления в силу этой редакции (effective: ${p.effective})`,
      hint: `Сошлитесь на документ, который к тому времени действует, или опубликуйте редакцию ${p.policy}, вступающую в силу не позже.`,
    }),
    siteLinkSlash: (p) => ({
      message: `${ruLink(p.text, p.url)} ведёт на ${p.path}, а сайт отдаёт эту страницу по адресу ${p.path}/`,
      hint: `Напишите ${p.path}/ (хостинги перенаправляют адрес без косой черты в конце, но сервер разработки и некоторые хостинги — нет).`,
    }),
    siteLinkMissing: (p) => ({
      message: `${ruLink(p.text, p.url)} ведёт на ${p.path}, а такой страницы на сайте нет`,
      hint: 'Сошлитесь на страницу этого сайта (постоянный адрес документа /<язык>/<документ>/ или постоянную ссылку на редакцию) или укажите полный адрес страницы другого сайта.',
    }),
    parityLacks: (p) => ({ message: `${ruParity(p)}: в этом тексте нет ${ruNumbers(p.missing)}`, hint: PARITY_HINT }),
    parityOtherLacks: (p) => ({ message: `${ruParity(p)}: в тексте на языке ${p.locale} нет ${ruNumbers(p.extra)}`, hint: PARITY_HINT }),
    parityBothLack: (p) => ({ message: `${ruParity(p)}: в этом тексте нет ${ruNumbers(p.missing)}; в тексте на языке ${p.locale} нет ${ruNumbers(p.extra)}`, hint: PARITY_HINT }),
    publishedDeleted: (p) => ({
      message: `опубликованной редакции ${p.id} больше нет: её файл удалён или переименован`,
      hint: `Опубликованные редакции хранятся бессрочно. Если файл удалён по ошибке, команда git restore --source=HEAD -- ${p.file} вернёт его из репозитория; опубликованный текст сохранён и в ${p.archive}.${
        p.withdrawable === true ? ` Чтобы остановить редакцию, которая ещё не вступила в силу, не удаляйте файл, а отзовите её: npm run policy -- withdraw ${p.policy} ${p.version} --reason "…".` : ''
      }`,
    }),
    publishedBecameDraft: (p) => ({
      message: `редакция ${p.id} опубликована и не может снова стать черновиком`,
      hint: `Удалите строку «draft: true». Чтобы изменить текст опубликованной редакции, добавьте запись в corrections (дата и причина исправления)${
        p.effective === null ? '' : `; чтобы редакция не вступила в силу (${p.effective}), отзовите её: npm run policy -- withdraw ${p.policy} ${p.version} --reason "…"`
      }.`,
    }),
    effectiveChangedWithdrawn: (p) => ({
      message: ruEffectiveChanged(p),
      hint: `Редакция отозвана ${p.withdrawn}; её файл остаётся таким, каким был опубликован. Верните прежнюю дату вступления в силу (${p.recorded}).`,
    }),
    effectiveChangedInForce: (p) => ({
      message: `${ruEffectiveChanged(p)}: она вступила в силу ${p.recorded}, а то, что действовало в прошлом, не меняется`,
      hint: `Верните прежнюю дату вступления в силу, а для новой даты опубликуйте новую редакцию (npm run policy -- new ${p.policy} --locale ${p.locale} --effective <дата>).`,
    }),
    postponedToPast: (p) => ({
      message: `${ruEffectiveChanged(p)}, то есть раньше текущего момента (${p.now}): перенести вступление в силу на прошедшее время нельзя`,
      hint: `Укажите момент не раньше текущего, например effective: ${p.next}, или более позднюю дату, затем запустите npm run policy -- publish --postpone "<причина>".`,
    }),
    postponeWithCorrection: (p) => ({
      message: ruEffectiveChanged(p),
      hint: 'Перенос срока и исправление записываются по отдельности: сначала новая дата вступления в силу и npm run policy -- publish --postpone "<причина>", затем запись в corrections и снова publish.',
    }),
    postponementUnrecorded: (p) => ({
      message: `редакция ${p.id} должна вступить в силу ${p.recorded}, а теперь в файле указано ${p.changed} («${p.written}»): перенос срока ещё не записан в журнал публикаций`,
      hint: `Запишите перенос с причиной: npm run policy -- publish --postpone "<почему изменилась дата>" (это можно сделать, пока редакция не вступила в силу — до ${p.recorded}), затем сохраните журнал в репозитории (commit). Или верните прежнюю дату.`,
    }),
    correctionRemoved: (p) => ({
      message: `для редакции ${p.id} в журнале публикаций записано ${ru3(p.recorded, 'исправление', 'исправления', 'исправлений')}, а в блоке полей указано ${p.listed}`,
      hint: 'Записанные исправления остаются в блоке полей навсегда: верните удалённые записи corrections.',
    }),
    correctionRewritten: (p) => ({
      message: `редакция ${p.id}: исправление ${p.number} записано в журнал публикаций как { date: ${p.recordedDate}, reason: «${p.recordedReason}» }, а в блоке полей теперь указано { date: ${p.date}, reason: «${p.reason}» }`,
      hint: 'Записанное исправление и его причина не меняются: верните их в том виде, в каком они записаны. Чтобы что-то добавить, внесите новую запись в corrections.',
    }),
    withdrawnCorrected: (p) => ({
      message: `редакция ${p.id} отозвана ${p.withdrawn} и в силу не вступит: исправлять в ней нечего`,
      hint: 'Удалите новую запись в corrections и оставьте текст таким, каким он был опубликован; новый текст опубликуйте как новую редакцию.',
    }),
    changeTypeLocked: (p) => ({
      message: `редакция ${p.id} опубликована с changeType: ${p.published}, а теперь указано ${p.now}`,
      hint: `От changeType зависит, нужно ли заново получать согласие (material — пользователей просят согласиться снова, editorial — только уведомляют), поэтому он закреплён так же, как текст. ${RU_CORRECTION_WAY}`,
    }),
    summaryItemChanged: (p) => ({
      message: `редакция ${p.id} опубликована с пунктом ${p.item} описания изменений «${p.published}», а теперь там написано «${p.now}»`,
      hint: RU_SUMMARY_LOCKED,
    }),
    summaryItemAdded: (p) => ({
      message: `редакция ${p.id} опубликована ${p.items === 0 ? 'без описания изменений' : `с описанием изменений из ${ru3(p.items, 'пункта', 'пунктов', 'пунктов')}`}, а теперь добавлен пункт ${p.item} «${p.added}»`,
      hint: RU_SUMMARY_LOCKED,
    }),
    summaryItemRemoved: (p) => ({ message: `редакция ${p.id} опубликована с пунктом ${p.item} описания изменений «${p.published}», а теперь он удалён`, hint: RU_SUMMARY_LOCKED }),
    correctionFieldsUnrecorded: (p) => ({ message: `редакция ${p.id}: исправление от ${ruDay(p.date)} (${ruLockedChanges(p.changes)}) ещё не записано в журнал публикаций`, hint: RU_RECORD_CORRECTION }),
    correctionUnrecorded: (p) => ({ message: `редакция ${p.id}: исправление от ${ruDay(p.date)} ещё не записано в журнал публикаций`, hint: RU_RECORD_CORRECTION }),
    correctionWithoutChange: (p) => ({
      message: `в редакции ${p.id} указано исправление от ${ruDay(p.date)}, но её текст, changeType и summary — те же, что были опубликованы`,
      hint: 'Внесите исправление в текст или удалите запись в corrections.',
    }),
    correctionsAtOnceFields: (p) => ({
      message: `в редакции ${p.id} указано сразу ${ru3(p.count, 'новое исправление', 'новых исправления', 'новых исправлений')}`,
      hint: 'Каждое исправление записывается вместе с тем, что оно изменило: добавьте одну запись в corrections, опубликуйте, затем следующую.',
    }),
    correctionsAtOnce: (p) => ({
      message: `в редакции ${p.id} указано сразу ${ru3(p.count, 'новое исправление', 'новых исправления', 'новых исправлений')}`,
      hint: 'Каждое исправление записывается вместе с получившимся текстом: добавьте одну запись в corrections, опубликуйте, затем следующую.',
    }),
    withdrawnTextChanged: (p) => ({
      message: `текст редакции ${p.id}, отозванной ${p.withdrawn}, изменён`,
      hint: `Файл отозванной редакции остаётся таким, каким был опубликован. ${ruUndoEdit(p.file)} Новый текст опубликуйте как новую редакцию.`,
    }),
    correctionUnchecked: (p) => ({
      message: `редакция ${p.id}: исправление от ${ruDay(p.date)} нельзя проверить — опубликованного текста ${p.sha256} нет в папке ${p.archive}/`,
      hint: `Восстановите файл ${p.archive}/${p.sha256}.md из репозитория (git restore --source=HEAD -- ${p.archive}/${p.sha256}.md), затем снова запустите publish.`,
    }),
    changedWithoutCorrection: (p) => ({
      message: `опубликованный текст редакции ${p.id} изменён без оформления исправления`,
      hint: `${ruUndoEdit(p.file)} Если опубликованный текст действительно нужно исправить, добавьте в блок полей corrections: [{ date: ГГГГ-ММ-ДД, reason: "причина" }], затем запустите npm run policy -- publish.`,
    }),
    materialCorrection: (p) => ({
      message: `редакция ${p.id}: исправление от ${ruDay(p.date)} не редакционное: ${ruPassages(p.passages)} (${RU_COSMETIC_EDITS})`,
      hint: `Исправление меняет опубликованный текст без новой редакции и без повторного согласия, поэтому им можно править только формулировки. Отмените изменение здесь и опубликуйте его как новую редакцию (npm run policy -- new ${p.policy} --locale ${p.locale} --effective <дата>). Только если это действительно исправление, запишите его как существенное: npm run policy -- publish --material-correction "<причина>".`,
    }),
    editorialNothingBefore: (p) => ({
      message: `изменения редакции ${p.id} объявлены редакционными (editorial), но более раннего текста ${p.policy} на языке ${p.locale}, с которым её можно сравнить, нет: подтвердить это нечем`,
      hint: `Редакция с редакционными изменениями вступает в силу без повторного согласия. Укажите changeType: material или ${RU_CONFIRM_EDITORIAL}`,
    }),
    editorialUnproven: (p) => ({
      message: `изменения редакции ${p.id} объявлены редакционными (editorial), но по сравнению с ${p.previous} ${ruPassages(p.passages)} (${RU_COSMETIC_EDITS})`,
      hint: `Редакция с редакционными изменениями вступает в силу без повторного согласия. Если изменения существенные, укажите changeType: material и опишите в summary, что изменилось. Иначе ${RU_CONFIRM_EDITORIAL}`,
    }),
    withdrawnVersion: (p) => ({
      message: `редакция ${p.policy} ${p.version} отозвана ${p.withdrawn} (${p.reason}): ни один её текст больше нельзя опубликовать`,
      hint: 'Дайте этому тексту новый идентификатор редакции и новую дату вступления в силу (npm run policy -- new) или пометьте его как черновик: draft: true.',
    }),
    translationLate: (p) => ({
      message: `${p.id} — перевод редакции ${p.policy} ${p.version}, которая опубликована со вступлением в силу ${p.published}, а в переводе указано ${p.now} («${p.written}»)`,
      hint: `Переводы одной редакции вступают в силу одновременно: укажите effective: ${p.effective} (или ту же дату, что в тексте на языке ${p.locale}).`,
    }),
    beforeScheduled: (p) => ({
      message: `редакция ${p.id} вступила бы в силу ${p.effective}, раньше опубликованной редакции ${p.latest}, которая должна вступить в силу ${p.latestEffective}: новая редакция вступает в силу после всех опубликованных, чтобы объявленный читателям порядок оставался верным`,
      hint: `Укажите дату позже ${p.latestEffective}. Чтобы эта редакция вступила в силу раньше, оставьте в ней draft: true и сначала уберите с её пути ${p.latest}: перенесите срок (более поздний effective во всех её файлах, затем npm run policy -- publish --postpone "<причина>") или отзовите её (npm run policy -- withdraw ${p.policy} ${p.latest} --reason "<причина>"); затем удалите draft: true и опубликуйте эту редакцию.`,
    }),
    rewritesHistory: (p) => ({
      message: `редакция ${p.id} вступила бы в силу ${p.effective}, раньше опубликованной редакции ${p.latest} (${p.latestEffective}): это изменило бы, какая редакция действовала в прошлом`,
      hint: `Новая редакция вступает в силу после всех опубликованных: укажите дату позже ${p.latestEffective}.`,
    }),
    correctionsBeforePublishing: (p) => ({
      message: `редакция ${p.id} ещё не опубликована, исправлять в ней нечего`,
      hint: 'Удалите записи corrections: пока редакция не опубликована, текст можно менять свободно.',
    }),
    backdated: (p) => ({
      message: `редакция ${p.version} вступает в силу ${p.effective} («${p.written}»), то есть раньше момента публикации (${p.now}): после публикации она считалась бы действующей с момента, когда её никто не мог прочитать`,
      hint: `Укажите вступление в силу не раньше публикации: effective: ${p.next} (следующая минута) или более позднюю дату. Если редакция действительно вступила в силу раньше (например, сначала была опубликована в другом месте), запишите причину: npm run policy -- publish --backdate "<причина>".`,
    }),
    notPublished: (p) => ({ message: `редакции ${p.version} нет в журнале публикаций`, hint: NOT_PUBLISHED_HINT }),
    notPublishedNoLedger: (p) => ({ message: `редакции ${p.version} нет в журнале публикаций (файла ${p.ledger} ещё нет)`, hint: NOT_PUBLISHED_HINT }),
    unusedIgnore: (p) => ({ message: `отключает правило ${p.rule}, которое в этом файле ничего не находит`, hint: `Удалите lint.ignore.${p.rule} («${p.reason}»), чтобы правило снова проверяло этот файл.` }),

    ledgerNotJson: (p) => ({ message: `журнал публикаций повреждён: файл не читается как JSON (${p.error})`, hint: ruRestoreLedger(p.file) }),
    ledgerVersionUnknown: (p) => ({
      message: `в журнале публикаций указан формат ledgerVersion ${p.value}, а эта версия Policy Press читает только форматы 1 и 2`,
      hint: p.newer === true ? 'Журнал записан более новой версией Policy Press: обновите проект (npm ci после git pull); сам журнал не правьте.' : ruRestoreLedger(p.file),
    }),
    ledgerDamaged: (p) => ({
      message: `${p.entry ? `${p.entry}: ` : p.position ? `запись ${p.position} журнала публикаций: ` : ''}${p.path}: ${ruLedgerIssue(p.issue)}`,
      hint: `Журнал публикаций правили вручную или он повреждён. ${ruRestoreLedger(p.file)}`,
    }),
    ledgerListedTwice: (p) => ({ message: `редакция ${p.id} записана в журнале публикаций дважды`, hint: ruRestoreLedger(p.file) }),
    archiveNotFolder: (p) => ({ message: 'это файл, а должна быть папка', hint: `Удалите его: папку ${p.archive}/ создаёт команда npm run policy -- publish.` }),

    logStateNotJson: (p) => ({ message: `файл публичного журнала повреждён: он не читается как JSON (${p.error})`, hint: ruRestoreLogState(p.file) }),
    logStateDamaged: (p) => ({ message: `файл публичного журнала повреждён: ${writeFileIssues(p.issues, ruLedgerIssue)}`, hint: ruRestoreLogState(p.file) }),
    logEntryReordered: (p) => ({
      message: `запись ${p.index} публичного журнала стоит на месте ${p.position}: порядок записей изменён (запись сдвинута ${p.index < p.position ? 'вниз' : 'вверх'})`,
      hint: ruRestoreLogState(p.file),
    }),
    logEntryDamaged: (p) => ({ message: `запись ${p.index} публичного журнала повреждена: ${writeFileIssues(p.issues, ruLedgerIssue)}`, hint: ruRestoreLogState(p.file) }),
    logStateEdited: (p) => ({
      message: `по файлу публичного журнала в нём ${ru3(p.size, 'запись', 'записи', 'записей')} с контрольной суммой ${p.rootHash}, а ${ru3(p.count, 'запись', 'записи', 'записей')} в файле дают ${p.root}: файл правили вручную`,
      hint: ruRestoreLogState(p.file),
    }),
    logEntryDropped: (p) => ({
      message: `записи ${p.index} публичного журнала (${ruEntry(p.entry)}) больше нет в журнале публикаций ${p.ledger}: ${p.kind === null ? 'из него удалена опубликованная редакция' : `из него удалена запись о событии «${ruEventKind(p.kind)}»`}`,
      hint: `Записи публичного журнала не удаляются: верните запись в журнал публикаций (git log -p -- ${p.ledger} покажет её).`,
    }),
    logEntryChanged: (p) => ({
      message: `запись ${p.index} публичного журнала (${ruEntry(p.entry)}) изменена в журнале публикаций: ${Array.isArray(p.changes) ? p.changes.map((change) => `${change.field} при внесении в публичный журнал было ${change.logged}, а теперь ${change.now}`).join('; ') : String(p.changes)}`,
      hint: `Внесённая в публичный журнал история не меняется: восстановите запись журнала публикаций (git log -p -- ${p.ledger}). Опубликованный текст меняется только исправлением, а это новая запись.`,
    }),
    logMissing: (p) => ({
      message: `публичный журнал ещё не ведётся: файла ${p.file} нет, а в журнале публикаций ${ru3(p.events, 'событие', 'события', 'событий')} для внесения в него`,
      hint: 'Начните его командой npm run policy -- publish (она внесёт все опубликованные редакции и исправления), затем сохраните файл в репозитории (commit) вместе с журналом публикаций.',
    }),
    notLogged: (p) => ({
      message: `${ru3(p.count, 'событие', 'события', 'событий')} журнала публикаций ещё не ${ruForm(p.count, 'внесено', 'внесены', 'внесены')} в публичный журнал (первое: ${ruEntry(p.first)})`,
      hint: 'Внесите их командой npm run policy -- publish, затем сохраните журнал публикаций и файл публичного журнала в репозитории (commit) вместе.',
    }),

    symbolicLink: (p) => ({
      message: `это символическая ссылка на ${
        p.target === null
          ? 'место, которое не удаётся прочитать'
          : `«${p.target}» (${p.resolved === null ? '' : `${p.resolved}, `}${p.inside === true ? 'внутри папки документов' : 'за пределами папки документов'}${p.exists === true ? '' : ', такого файла нет'})`
      }; по ссылкам файлы не читаются`,
      hint: 'Папка документов читается без перехода по ссылкам, чтобы ссылка не могла опубликовать файл из другого места на компьютере. Замените ссылку самим файлом (копией текста) или удалите её.',
    }),
    notPlainFile: (p) => ({
      message: p.kind === 'unknown' ? 'это не файл и не папка' : `это ${RU_ENTRY_KINDS[p.kind] ?? p.kind}, а не файл`,
      hint: 'Из папки документов читаются только обычные файлы и папки. Удалите это или перенесите за пределы папки.',
    }),
    outsideFolder: (p) => ({
      message: `на самом деле находится в ${p.real}, за пределами папки документов`,
      hint: 'Одна из папок на пути к файлу — ссылка или подключённый диск, ведущие в другое место. Храните сам текст внутри папки документов.',
    }),
    wrongEntryKind: (p) => ({
      message: `это ${p.kind === 'folder' ? 'папка' : 'файл'}, а ${p.expected === 'folder' ? 'должна быть папка' : 'должен быть файл'}`,
      hint: `Сделайте здесь ${p.expected === 'folder' ? 'папку' : 'файл'} или перенесите это в другое место.`,
    }),

    missingTranslation: (p) => ({
      message: `редакция ${p.policy} ${p.version} ${p.inForce === true ? `действует с ${p.effective}` : `вступает в силу ${p.effective}`}, но текста на языке ${p.locale} у неё нет, хотя у прежних редакций он есть: ${
        p.inForce === true ? `страницы на языке ${p.locale} показывают прежний текст только для сведения` : `с этого момента страницы на языке ${p.locale} будут показывать прежний текст только для сведения`
      }`,
      hint: `Добавьте текст на языке ${p.locale}: npm run policy -- new ${p.policy} --locale ${p.locale} --effective ${p.written} --version ${p.version}, переведите его и опубликуйте. Если так и задумано (у редакции есть тексты только на языках: ${p.locales}), ничего делать не нужно.`,
    }),

    shortNotice: (p) => ({
      message: `редакция ${p.version} (${p.changeType === 'material' ? 'существенные изменения' : 'редакционные изменения'}) вступает в силу ${p.effective} («${p.written}»), раньше, чем истекает срок уведомления — ${ruNotice(p)} (${p.key} в site.config.ts) ${p.announced ? `с момента, когда о ней было объявлено (опубликована ${p.announcedAt})` : `с момента публикации (${p.announcedAt})`}: самый ранний момент, когда срок соблюдён, — ${p.earliest}`,
      hint: `Дайте читателям срок уведомления: effective: ${p.firstDay} (первый день, когда срок соблюдён) или позже${p.postpone ? ', затем npm run policy -- publish --postpone "<причина>"' : ''}. Если изменение не может ждать (например, закон вступает в силу раньше), запишите причину: npm run policy -- publish --short-notice "<причина>"; об этом скажут журнал публикаций, лента изменений и страница редакции.`,
    }),

    overrideWithoutReason: (p) => ({ message: `для ${p.flag} нужна причина`, hint: `Укажите причину простыми словами: ${p.flag} "<причина>". Она записывается в журнал публикаций и показывается в ленте изменений.` }),
    overrideUnused: (p) => ({
      message: `указан ${p.flag}, но ни одной редакции он не нужен`,
      hint: `Запустите publish без ${p.flag}: причина записывается вместе с редакциями, к которым она относится, а здесь таких нет.`,
    }),

    withdrawNoReason: { message: 'для отзыва нужна причина', hint: 'Укажите причину простыми словами: --reason "<причина>". Она записывается в журнал публикаций и показывается на сайте и в ленте изменений.' },
    withdrawLocale: {
      message: 'параметр --locale нужен только там, где тексты на разных языках — самостоятельные документы',
      hint: 'Здесь переводы — тексты одних и тех же редакций: редакция отзывается сразу на всех языках. Запустите команду без --locale.',
    },
    withdrawLedgerVersion1: (p) => ({
      message: `${p.ledger} — журнал публикаций прежнего формата (версии 1), в нём нельзя записать отзыв`,
      hint: 'Сначала запустите npm run policy -- publish: она обновит журнал до версии 2 (и закрепит changeType и summary); затем снова запустите withdraw.',
    }),
    withdrawNotPublished: (p) => ({
      message: `редакции ${p.name} нет в журнале публикаций (${p.ledger})`,
      hint: 'Отозвать можно только опубликованную редакцию. Неопубликованную достаточно исправить, пометить как черновик (draft: true) или удалить.',
    }),
    withdrawAlready: (p) => ({ message: `редакция ${p.name} уже отозвана ${p.withdrawn} (${p.reason})`, hint: 'Делать ничего не нужно.' }),
    withdrawInForce: (p) => ({
      message: `редакция ${p.name} вступила в силу ${p.effective}; сейчас ${p.now}, поэтому отозвать её уже нельзя: то, что действовало в прошлом, не меняется`,
      hint: `Опубликуйте новую редакцию, которая её заменит: npm run policy -- new ${p.policy} --effective <дата>, затем publish.`,
    }),
  },
};
