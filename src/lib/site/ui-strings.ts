/**
 * Every string of the site's interface, in Russian and English, in one table.
 * A locale without its own column (say `pt-br`) gets the English interface
 * around its text; the text itself keeps its `lang`.
 */
import type { RedlineLabels } from '#lib/redline/render-redline.ts';
import { en2, ru3 } from '#lib/messages/message-format.ts';

/** The strings of one interface language. Functions take already-formatted values. */
export interface UiStrings {
  /** BCP 47 tag of this interface language. */
  lang: string;
  skipToContent: string;
  languageSwitch: string;
  policies: string;
  homeIntro: string;
  noPolicies: string;
  onlyInOtherLanguages: string;
  currentVersionLink: string;
  historyLink: string;
  inForceSince: (date: string) => string;
  notYetInForce: (date: string) => string;
  statusInForce: string;
  statusScheduled: string;
  statusSuperseded: string;
  statusDraft: string;
  statusWithdrawn: string;
  draftBanner: string;
  noticeSuperseded: (until: string) => string;
  /** `period`: the words of {@link UiStrings.periodWords}, «с … по … включительно». */
  noticeSupersededPeriod: (period: string) => string;
  noticeScheduled: (from: string) => string;
  noticeInForceInstead: string;
  goToCurrent: string;
  noticeNoneInForce: string;
  /** The version in force has no text in this language: a sentence, then links to the languages it exists in. */
  noticeNoTextInForce: (date: string) => string;
  /** On a page showing this language's earlier text while the version in force has none here. */
  noticeReferenceOnly: string;
  /** The sentence before the reason of a withdrawal. */
  noticeWithdrawn: (date: string) => string;
  noticeWithdrawnNever: string;
  /** The label of the withdrawal's date in a version's facts. */
  withdrawnOn: string;
  /** The label before a reason; `language` names it when it is not this page's language. */
  reasonLabel: (language: string | null) => string;
  /** The facts of a version published after it took effect. */
  publishedLate: (published: string, effective: string) => string;
  translationPublished: (date: string) => string;
  /** A postponement: when it was decided, the old and the new date (the reason follows). */
  rescheduled: (date: string, from: string, to: string) => string;
  /** A version published as editorial by decision (`publish --editorial`), though the check did not prove it editorial (the reason follows). */
  editorialConfirmed: (date: string) => string;
  /** A version of the policy with no text in this language, in the history and on the home page. */
  noTextInLanguage: string;
  availableIn: string;
  inForceElsewhere: (date: string) => string;
  version: string;
  effectivePeriod: string;
  /** The words around a period's ends: «с» X «по» Y «включительно», or «с» X «до» an instant. */
  periodWords: { from: string; until: string; through: string; inclusive: string };
  changeType: string;
  changeTypes: { material: string; editorial: string };
  whatChanged: string;
  permanentLink: string;
  stableLinkNote: string;
  rawMarkdown: string;
  sha256: string;
  /** Label of a version's index in the public log. */
  logEntry: string;
  history: (title: string) => string;
  historyIntro: string;
  historyCaption: string;
  columnVersion: string;
  columnPeriod: string;
  columnStatus: string;
  columnChanges: string;
  firstVersion: string;
  versionOf: (title: string, date: string) => string;
  notFoundTitle: string;
  notFoundText: string;
  notFoundHome: string;
  publishedBy: string;
  developers: string;
  feedLinks: string;
  tableOfContents: string;
  search: string;
  searchLabel: string;
  searchButton: string;
  searchNeedsScript: string;
  searchScope: string;
  searchNoResults: (query: string) => string;
  searchResults: (count: number, query: string) => string;
  searchLoading: string;
  searchFailed: string;
  /** The client kit's notice; `{title}`, `{date}` are filled in the browser. Plain strings: they are sent as JSON. */
  kit: {
    updated: string;
    seeChanges: string;
    mustAccept: string;
    accept: string;
    acknowledge: string;
    /** For a user whose accepted version the feed does not know: accept the one in force. */
    review: string;
    read: string;
    /** When the feed cannot be read: nothing to accept, and no "all is well" either. */
    unavailable: string;
    /** The button that accepts a scheduled version before it takes effect, where the site allows it (`notice.acceptEarly`). The announcement itself is `notice`'s. */
    acceptEarly: string;
  };
  /** Corrections of published texts. */
  corrections: {
    /** The sentence before a correction's reason. */
    notice: (date: string) => string;
    link: string;
    pageTitle: (title: string, date: string) => string;
    before: string;
    after: string;
    originalText: string;
    changeTypeCorrected: (from: string, to: string) => string;
    summaryCorrected: string;
    /** The sentence before the reason it was recorded as material. */
    material: string;
  };
  /** A `policy:` link's target, when a newer version of the linked policy exists. */
  linkedPolicy: {
    /** The link leads to the version of `date` (in force when this document took effect); `newer` took effect or takes effect on `newerDate`. */
    newerInForce: (title: string, date: string, newerDate: string) => string;
    newerScheduled: (title: string, date: string, newerDate: string) => string;
    /** The link to the newer version. */
    newerLink: string;
  };
  /** Change notifications (Atom, JSON Feed). */
  feeds: {
    title: (title: string) => string;
    entryTitle: (title: string, date: string) => string;
    takesEffect: (date: string) => string;
    whatChanged: string;
    kindOfChange: (label: string) => string;
    noTextHere: (languages: string) => string;
  };
  /** Notice before change: the announcement of a scheduled version on the site, and the ready-to-send notice. */
  notice: {
    /** The banner of a scheduled material version: «С 15 января 2027 г. действует новая редакция…». */
    bannerMaterial: (date: string, title: string) => string;
    /** The line of a scheduled editorial version. */
    bannerEditorial: (date: string, title: string) => string;
    /** The link to the redline from the version in force to the scheduled one. */
    whatWillChange: string;
    /** The link to the scheduled version's text. */
    newText: string;
    /** For a locale without the scheduled text: it exists in other languages, listed after it. */
    inOtherLanguages: (date: string, title: string) => string;
    /** The label of the region holding the announcement, for screen readers. */
    region: string;
    /** Published with less notice than required (`publish --short-notice`). */
    shortNotice: (published: string, given: string, required: string, reason: string) => string;
    /** A length of notice in whole days, or hours when not whole days. */
    days: (count: number) => string;
    hours: (count: number) => string;
    /** The ready-to-send notice. */
    subject: (title: string, date: string) => string;
    intro: (title: string, date: string) => string;
    announced: (date: string) => string;
    whatChanges: string;
    noSummary: string;
    consentAgain: (date: string) => string;
    noConsentAgain: string;
    redlineLink: string;
    newTextLink: string;
    historyLink: string;
    sha256: string;
  };
  /** The redline pages. */
  diff: {
    title: (title: string) => string;
    between: (from: string, to: string) => string;
    viewInline: string;
    viewSideBySide: string;
    views: string;
    summaryHeading: string;
    noChanges: string;
    counts: (stats: { modified: number; added: number; removed: number; moved: number }) => string;
    changedSections: string;
    preamble: string;
    changesInSection: (count: number) => string;
    authorsSummary: string;
    legend: string;
    legendText: string;
    degraded: string;
    fromVersion: string;
    toVersion: string;
    whatChangedLink: string;
    compareWithCurrent: string;
    compareHeading: string;
    compareFrom: string;
    compareTo: string;
    compareSubmit: string;
    compareNeedsScript: string;
    compareLoading: string;
    compareFailed: string;
    compareSame: string;
    labels: RedlineLabels;
  };
}

/** Ends a sentence with a period unless it already ends with one («2025 г.» does). */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

const ru: UiStrings = {
  lang: 'ru',
  skipToContent: 'Перейти к тексту',
  languageSwitch: 'Язык',
  policies: 'Документы',
  homeIntro: 'Действующие редакции правовых документов сайта. У каждой редакции есть постоянная ссылка, а в истории видны все прежние редакции и сроки их действия.',
  noPolicies: 'Документов на этом языке пока нет.',
  onlyInOtherLanguages: 'Есть только на других языках',
  currentVersionLink: 'Действующая редакция',
  historyLink: 'История редакций',
  inForceSince: (date) => `действует с ${date}`,
  notYetInForce: (date) => `вступает в силу ${date}`,
  statusInForce: 'Действует',
  statusScheduled: 'Вступит в силу',
  statusSuperseded: 'Утратила силу',
  statusDraft: 'Черновик',
  statusWithdrawn: 'Отозвана до вступления в силу',
  draftBanner: 'ЧЕРНОВИК — не опубликован. Эта страница видна только на сервере разработки и не попадёт на сайт.',
  noticeSuperseded: (until) => sentence(`Эта редакция не действует с ${until}`),
  noticeSupersededPeriod: (period) => sentence(`Она действовала ${period}`),
  noticeScheduled: (from) => sentence(`Эта редакция вступит в силу ${from}`),
  noticeInForceInstead: 'До этого действует прежняя редакция.',
  goToCurrent: 'Перейти к действующей редакции',
  noticeNoneInForce: 'Ни одна редакция этого документа ещё не вступила в силу.',
  noticeNoTextInForce: (date) => `Действует редакция от ${date}; на этом языке её текста нет. Она есть на языках:`,
  noticeReferenceOnly: 'Текст ниже приведён только для справки: он не действует.',
  noticeWithdrawn: (date) => `Эта редакция отозвана до вступления в силу ${date}.`,
  noticeWithdrawnNever: 'Она не вступала в силу и не вступит.',
  withdrawnOn: 'Дата отзыва',
  reasonLabel: (language) => (language ? `Причина (язык: ${language})` : 'Причина'),
  publishedLate: (published, effective) => sentence(`Опубликована ${published} с действием с ${effective}`),
  translationPublished: (date) => sentence(`Текст на этом языке опубликован ${date}`),
  rescheduled: (date, from, to) => sentence(`${date}: дата вступления в силу перенесена с ${from} на ${to}`),
  editorialConfirmed: (date) => `Изменения признаны редакционными при публикации ${date} по решению публикующего, хотя автоматическая проверка не подтвердила их редакционный характер.`,
  noTextInLanguage: 'Текста на этом языке нет',
  availableIn: 'Есть на языках:',
  inForceElsewhere: (date) => `действует редакция от ${date}, на этом языке её текста нет`,
  version: 'Редакция',
  effectivePeriod: 'Срок действия',
  periodWords: { from: 'с', until: 'до', through: 'по', inclusive: 'включительно' },
  changeType: 'Характер изменений',
  changeTypes: { material: 'существенные', editorial: 'редакционные' },
  whatChanged: 'Что изменилось',
  permanentLink: 'Постоянная ссылка на эту редакцию',
  stableLinkNote: 'По этому адресу всегда открывается действующая редакция.',
  rawMarkdown: 'Исходный текст (Markdown)',
  sha256: 'SHA-256 исходного текста',
  logEntry: 'Запись в публичном журнале',
  history: (title) => `${title}: история редакций`,
  historyIntro: 'Все опубликованные редакции документа. Редакция действует с указанного момента до вступления в силу следующей.',
  historyCaption: 'Редакции, от новых к старым',
  columnVersion: 'Редакция',
  columnPeriod: 'Срок действия',
  columnStatus: 'Статус',
  columnChanges: 'Изменения',
  firstVersion: 'Первая редакция',
  versionOf: (title, date) => `${title}, редакция от ${date}`,
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'По этому адресу ничего нет. Возможно, ссылка неполная. Все документы и их редакции перечислены на главной странице.',
  notFoundHome: 'На главную',
  publishedBy: 'Публикует',
  developers: 'Для разработчиков',
  feedLinks: 'Лента изменений',
  tableOfContents: 'Содержание',
  search: 'Поиск',
  searchLabel: 'Искать в действующих редакциях документов',
  searchButton: 'Найти',
  searchNeedsScript: 'Поиск работает с включённым JavaScript. Все документы перечислены на главной странице.',
  searchScope: 'Поиск идёт по действующим редакциям. Прежние редакции открываются из истории каждого документа.',
  searchNoResults: (query) => `По запросу «${query}» ничего не найдено.`,
  searchResults: (count, query) => `По запросу «${query}»: ${ru3(count, 'результат', 'результата', 'результатов')}.`,
  searchLoading: 'Ищем…',
  searchFailed: 'Поиск сейчас недоступен.',
  kit: {
    updated: 'Мы обновили документ «{title}» {date}.',
    seeChanges: 'Посмотреть, что изменилось',
    mustAccept: 'Изменения существенные: чтобы продолжить, примите новую редакцию.',
    accept: 'Принять новую редакцию',
    acknowledge: 'Понятно',
    review: 'Чтобы продолжить, примите документ «{title}» в редакции от {date}.',
    read: 'Открыть документ',
    unavailable: 'Не удалось проверить обновления документа.',
    acceptEarly: 'Принять новую редакцию сейчас',
  },
  corrections: {
    notice: (date) => sentence(`Текст исправлен ${date}`),
    link: 'Что исправлено',
    pageTitle: (title, date) => `${title}: исправление от ${date}`,
    before: 'до исправления',
    after: 'после исправления',
    originalText: 'Текст до исправления',
    changeTypeCorrected: (from, to) => `Исправлен характер изменений: ${from} → ${to}.`,
    summaryCorrected: 'Исправлено пояснение к изменениям.',
    material: 'Исправление признано существенным.',
  },
  linkedPolicy: {
    newerInForce: (title, date, newerDate) => `Ссылка на документ «${title}» ведёт на его редакцию от ${date} — ту, что действовала, когда вступил в силу этот документ. С ${newerDate} действует новая редакция.`,
    newerScheduled: (title, date, newerDate) => `Ссылка на документ «${title}» ведёт на его редакцию от ${date} — ту, что действовала, когда вступил в силу этот документ. С ${newerDate} вступает в силу новая редакция.`,
    newerLink: 'Новая редакция',
  },
  feeds: {
    title: (title) => `${title}: новые редакции`,
    entryTitle: (title, date) => `${title}, редакция от ${date}`,
    takesEffect: (date) => sentence(`Вступает в силу ${date}`),
    whatChanged: 'Что изменилось:',
    kindOfChange: (label) => `Характер изменений: ${label}.`,
    noTextHere: (languages) => `Текста этой редакции на этом языке нет; она есть на языках: ${languages}.`,
  },
  notice: {
    bannerMaterial: (date, title) => `С ${date} действует новая редакция документа «${title}».`,
    bannerEditorial: (date, title) => `С ${date} действует новая редакция документа «${title}» с редакционными правками: смысл документа не меняется.`,
    whatWillChange: 'Что изменится',
    newText: 'Текст новой редакции',
    inOtherLanguages: (date, title) => `С ${date} действует новая редакция документа «${title}». На этом языке её текста пока нет; она есть на языках:`,
    region: 'Новая редакция',
    shortNotice: (published, given, required, reason) =>
      `Опубликована ${published} — за ${given} до вступления в силу, тогда как для этого документа предусмотрено уведомление не позднее чем за ${required}. Причина: ${sentence(reason)}`,
    days: (count) => ru3(count, 'день', 'дня', 'дней'),
    hours: (count) => ru3(count, 'час', 'часа', 'часов'),
    subject: (title, date) => `Новая редакция документа «${title}» вступает в силу ${date}`,
    intro: (title, date) => `${date} вступает в силу новая редакция документа «${title}».`,
    announced: (date) => sentence(`Она опубликована ${date}`),
    whatChanges: 'Что изменится',
    noSummary: 'Пояснение к изменениям не приведено; все изменения видны в сравнении редакций.',
    consentAgain: (date) => `Изменения существенные: после ${date} мы попросим вас заново подтвердить согласие с документом.`,
    noConsentAgain: 'Изменения редакционные: повторно подтверждать согласие не нужно.',
    redlineLink: 'Сравнение с предыдущей редакцией',
    newTextLink: 'Текст новой редакции',
    historyLink: 'История редакций',
    sha256: 'SHA-256 текста новой редакции',
  },
  diff: {
    title: (title) => `${title}: что изменилось`,
    between: (from, to) => `Редакция от ${from} → редакция от ${to}`,
    viewInline: 'Одной колонкой',
    viewSideBySide: 'Две колонки: было и стало',
    views: 'Вид сравнения',
    summaryHeading: 'Сводка изменений',
    noChanges: 'Текст не изменился.',
    counts: ({ modified, added, removed, moved }) =>
      `${[
        modified && `${ru3(modified, 'фрагмент изменён', 'фрагмента изменены', 'фрагментов изменено')}`,
        added && `${ru3(added, 'фрагмент добавлен', 'фрагмента добавлены', 'фрагментов добавлено')}`,
        removed && `${ru3(removed, 'фрагмент удалён', 'фрагмента удалены', 'фрагментов удалено')}`,
        moved && `${ru3(moved, 'фрагмент перенесён', 'фрагмента перенесены', 'фрагментов перенесено')}`,
      ]
        .filter(Boolean)
        .join(', ')}.`,
    changedSections: 'Изменённые разделы',
    preamble: 'Вводная часть',
    changesInSection: (count) => ru3(count, 'изменение', 'изменения', 'изменений'),
    authorsSummary: 'Пояснение к изменениям',
    legend: 'Как читать',
    legendText: 'Удалённый текст зачёркнут, добавленный — подчёркнут и выделен. Перед каждой правкой программа чтения с экрана произносит «удалено» или «добавлено».',
    degraded: 'Некоторые фрагменты изменены настолько, что показаны целиком: сначала прежний текст, затем новый.',
    fromVersion: 'Прежняя редакция',
    toVersion: 'Новая редакция',
    whatChangedLink: 'Что изменилось по сравнению с предыдущей редакцией',
    compareWithCurrent: 'Сравнить с действующей редакцией',
    compareHeading: 'Сравнить любые две редакции',
    compareFrom: 'Прежняя редакция',
    compareTo: 'Новая редакция',
    compareSubmit: 'Сравнить',
    compareNeedsScript: 'Для сравнения произвольных редакций нужен JavaScript. Без него доступны сравнения соседних редакций — ссылки на них есть в истории редакций.',
    compareLoading: 'Сравниваем…',
    compareFailed: 'Не удалось загрузить редакции для сравнения.',
    compareSame: 'Выберите две разные редакции.',
    labels: {
      added: 'добавлено: ',
      removed: 'удалено: ',
      blockAdded: 'Добавлено',
      blockRemoved: 'Удалено',
      blockMoved: 'Перенесено',
      blockFormatted: 'Изменено оформление',
      blockLinkChanged: 'Изменена ссылка',
      linkTarget: 'ссылка «{text}»:',
      noLink: 'нет ссылки',
      blockReplaced: 'Заменено целиком',
    },
  },
};

const en: UiStrings = {
  lang: 'en',
  skipToContent: 'Skip to the text',
  languageSwitch: 'Language',
  policies: 'Documents',
  homeIntro: 'The versions of our legal documents in force now. Every version has a permanent link, and each history lists all earlier versions with the periods they were in force.',
  noPolicies: 'There are no documents in this language yet.',
  onlyInOtherLanguages: 'Available in other languages only',
  currentVersionLink: 'Version in force',
  historyLink: 'Version history',
  inForceSince: (date) => `in force since ${date}`,
  notYetInForce: (date) => `takes effect on ${date}`,
  statusInForce: 'In force',
  statusScheduled: 'Scheduled',
  statusSuperseded: 'Superseded',
  statusDraft: 'Draft',
  statusWithdrawn: 'Withdrawn before it took effect',
  draftBanner: 'DRAFT — not published. This page is shown by the development server only and will not be on the site.',
  noticeSuperseded: (until) => sentence(`This version has not been in force since ${until}`),
  noticeSupersededPeriod: (period) => sentence(`It was in force ${period}`),
  noticeScheduled: (from) => sentence(`This version takes effect on ${from}`),
  noticeInForceInstead: 'Until then the previous version remains in force.',
  goToCurrent: 'Go to the version in force',
  noticeNoneInForce: 'No version of this document has taken effect yet.',
  noticeNoTextInForce: (date) => `The version in force is the version of ${date}; it has no text in this language. It exists in:`,
  noticeReferenceOnly: 'The text below is shown for reference only: it is not in force.',
  noticeWithdrawn: (date) => `This version was withdrawn before it took effect, on ${date}.`,
  noticeWithdrawnNever: 'It never took effect and never will.',
  withdrawnOn: 'Withdrawn on',
  reasonLabel: (language) => (language ? `Reason (in ${language})` : 'Reason'),
  publishedLate: (published, effective) => sentence(`Published on ${published} with effect from ${effective}`),
  translationPublished: (date) => sentence(`The text in this language was published on ${date}`),
  rescheduled: (date, from, to) => sentence(`${date}: the date it takes effect was moved from ${from} to ${to}`),
  editorialConfirmed: (date) => `The changes were declared editorial when published on ${date}, by decision of the person publishing, although the automatic check did not confirm them as editorial.`,
  noTextInLanguage: 'No text in this language',
  availableIn: 'Available in:',
  inForceElsewhere: (date) => `the version in force, of ${date}, has no text in this language`,
  version: 'Version',
  effectivePeriod: 'In force',
  periodWords: { from: 'from', until: 'until', through: 'to', inclusive: 'inclusive' },
  changeType: 'Kind of change',
  changeTypes: { material: 'material', editorial: 'editorial' },
  whatChanged: 'What changed',
  permanentLink: 'Permanent link to this version',
  stableLinkNote: 'This address always shows the version in force.',
  rawMarkdown: 'Source text (Markdown)',
  sha256: 'SHA-256 of the source text',
  logEntry: 'Entry in the public log',
  history: (title) => `${title}: version history`,
  historyIntro: 'Every published version of this document. A version is in force from the instant shown until the next one takes effect.',
  historyCaption: 'Versions, newest first',
  columnVersion: 'Version',
  columnPeriod: 'In force',
  columnStatus: 'Status',
  columnChanges: 'Changes',
  firstVersion: 'First version',
  versionOf: (title, date) => `${title}, version of ${date}`,
  notFoundTitle: 'Page not found',
  notFoundText: 'There is nothing at this address; the link may be incomplete. Every document and all its versions are listed on the home page.',
  notFoundHome: 'Go to the home page',
  publishedBy: 'Published by',
  developers: 'For developers',
  feedLinks: 'Change feed',
  tableOfContents: 'Contents',
  search: 'Search',
  searchLabel: 'Search the versions in force',
  searchButton: 'Search',
  searchNeedsScript: 'Search needs JavaScript. Every document is listed on the home page.',
  searchScope: 'Search covers the versions in force. Earlier versions open from each document’s history.',
  searchNoResults: (query) => `Nothing found for “${query}”.`,
  searchResults: (count, query) => `${en2(count, 'result', 'results')} for “${query}”.`,
  searchLoading: 'Searching…',
  searchFailed: 'Search is not available right now.',
  kit: {
    updated: 'We updated “{title}” on {date}.',
    seeChanges: 'See what changed',
    mustAccept: 'These are material changes: to continue, please accept the new version.',
    accept: 'Accept the new version',
    acknowledge: 'Got it',
    review: 'To continue, please accept “{title}” of {date}.',
    read: 'Read the document',
    unavailable: 'We could not check this document for updates.',
    acceptEarly: 'Accept the new version now',
  },
  corrections: {
    notice: (date) => sentence(`Text corrected on ${date}`),
    link: 'What was corrected',
    pageTitle: (title, date) => `${title}: correction of ${date}`,
    before: 'before the correction',
    after: 'after the correction',
    originalText: 'Text before the correction',
    changeTypeCorrected: (from, to) => `Kind of change corrected: ${from} → ${to}.`,
    summaryCorrected: 'The summary of changes was corrected.',
    material: 'Recorded as a material correction.',
  },
  linkedPolicy: {
    newerInForce: (title, date, newerDate) => `The link to “${title}” leads to its version of ${date}, the one in force when this document took effect. A newer version has been in force since ${newerDate}.`,
    newerScheduled: (title, date, newerDate) => `The link to “${title}” leads to its version of ${date}, the one in force when this document took effect. A newer version takes effect on ${newerDate}.`,
    newerLink: 'The newer version',
  },
  feeds: {
    title: (title) => `${title}: new versions`,
    entryTitle: (title, date) => `${title}, version of ${date}`,
    takesEffect: (date) => sentence(`Takes effect on ${date}`),
    whatChanged: 'What changed:',
    kindOfChange: (label) => `Kind of change: ${label}.`,
    noTextHere: (languages) => `There is no text of this version in this language; it exists in: ${languages}.`,
  },
  notice: {
    bannerMaterial: (date, title) => `A new version of “${title}” takes effect on ${date}.`,
    bannerEditorial: (date, title) => `A new version of “${title}” with editorial changes takes effect on ${date}: the meaning does not change.`,
    whatWillChange: 'What will change',
    newText: 'The new text',
    inOtherLanguages: (date, title) => `A new version of “${title}” takes effect on ${date}. It has no text in this language yet; it exists in:`,
    region: 'New version',
    shortNotice: (published, given, required, reason) => `Published on ${published}, ${given} before it takes effect, though this document provides for notice at least ${required} ahead. Reason: ${sentence(reason)}`,
    days: (count) => en2(count, 'day', 'days'),
    hours: (count) => en2(count, 'hour', 'hours'),
    subject: (title, date) => `A new version of “${title}” takes effect on ${date}`,
    intro: (title, date) => `A new version of “${title}” takes effect on ${date}.`,
    announced: (date) => sentence(`It was published on ${date}`),
    whatChanges: 'What will change',
    noSummary: 'No summary of the changes was given; the comparison shows every change.',
    consentAgain: (date) => `The changes are material: after ${date} we will ask you to accept the document again.`,
    noConsentAgain: 'The changes are editorial: you do not need to accept the document again.',
    redlineLink: 'Comparison with the previous version',
    newTextLink: 'The new text',
    historyLink: 'Version history',
    sha256: 'SHA-256 of the new text',
  },
  diff: {
    title: (title) => `${title}: what changed`,
    between: (from, to) => `Version of ${from} → version of ${to}`,
    viewInline: 'One column',
    viewSideBySide: 'Side by side: before and after',
    views: 'Comparison view',
    summaryHeading: 'Summary of changes',
    noChanges: 'The text did not change.',
    counts: ({ modified, added, removed, moved }) =>
      `${[modified && `${en2(modified, 'passage changed', 'passages changed')}`, added && `${added} added`, removed && `${removed} removed`, moved && `${moved} moved`].filter(Boolean).join(', ')}.`,
    changedSections: 'Changed sections',
    preamble: 'Introduction',
    changesInSection: (count) => en2(count, 'change', 'changes'),
    authorsSummary: 'About these changes',
    legend: 'How to read this',
    legendText: 'Removed text is struck through; added text is underlined and highlighted. A screen reader says “removed” or “added” before each change.',
    degraded: 'Some passages changed so much that they are shown whole: first the old text, then the new.',
    fromVersion: 'Previous version',
    toVersion: 'New version',
    whatChangedLink: 'What changed from the previous version',
    compareWithCurrent: 'Compare with the version in force',
    compareHeading: 'Compare any two versions',
    compareFrom: 'Older version',
    compareTo: 'Newer version',
    compareSubmit: 'Compare',
    compareNeedsScript: 'Comparing any two versions needs JavaScript. Without it, the comparisons of consecutive versions are available from the version history.',
    compareLoading: 'Comparing…',
    compareFailed: 'The versions to compare could not be loaded.',
    compareSame: 'Choose two different versions.',
    labels: {
      added: 'added: ',
      removed: 'removed: ',
      blockAdded: 'Added',
      blockRemoved: 'Removed',
      blockMoved: 'Moved',
      blockFormatted: 'Formatting changed',
      blockLinkChanged: 'Link changed',
      linkTarget: 'link “{text}”:',
      noLink: 'no link',
      blockReplaced: 'Replaced as a whole',
    },
  },
};

const TABLE: Readonly<Record<string, UiStrings>> = { ru, en };

/** Interface languages that have their own strings. */
export const UI_LOCALES = Object.keys(TABLE);

/** The interface strings for a content locale: its own, its base language's, or English. */
export function getUiStrings(locale: string): UiStrings {
  return TABLE[locale] ?? TABLE[locale.split('-')[0] ?? ''] ?? en;
}
