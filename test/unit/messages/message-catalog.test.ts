import { mkdtempSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblemReport, type Problem } from '#lib/corpus/problem.ts';
import { validateCorpus } from '#lib/corpus/validate-corpus.ts';
import { lintText } from '#lib/lint/lint-text.ts';
import { planWithdraw } from '#lib/ledger/withdraw-version.ts';
import { checkLedger, type LedgerCheckInput } from '#lib/ledger/check-ledger.ts';
import { planPublish } from '#lib/ledger/publish-versions.ts';
import { LEDGER_FILE, readLedger } from '#lib/ledger/ledger-store.ts';
import { LOG_LOCK_FILE, readLogLock, resolveLog } from '#lib/log/log-state.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { Ledger } from '#schemas/ledger.ts';
import { makeLedgerCheckInput, makeVersion } from '../../helpers/versions.ts';
import { getMessages, problemText, renderProblemMessage, type MessageCatalog } from '#lib/messages/message-catalog.ts';
import { listMessageTemplates } from '#lib/messages/message-placeholders.ts';
import { EN_MESSAGES } from '#lib/messages/messages-en.ts';
import { RU_MESSAGES } from '#lib/messages/messages-ru.ts';
import { LOG_ENTRY_KINDS } from '#schemas/public-log.ts';
import { formatDuration } from '#lib/consent/version-index.ts';
import { formatMaterialPassages } from '#lib/redline/editorial-change.ts';
import { getOptionMistake } from '#lib/messages/option-mistake.ts';

/** The ids and parameters of a catalog, as the reference page shows them. */
const shape = (catalog: MessageCatalog) => listMessageTemplates(catalog).map(({ id, params, text }) => ({ id, params, kind: typeof text }));

describe('the message catalogs', () => {
  test('have the same messages with the same parameters, in the same order', () => {
    expect(shape(RU_MESSAGES)).toEqual(shape(EN_MESSAGES));
    expect(listMessageTemplates(EN_MESSAGES).length).toBeGreaterThan(50);
  });

  test('fail when one catalog lacks a message the other has, or reads other parameters', () => {
    const { problem, ...rest } = RU_MESSAGES;
    const { noText: _noText, ...fewer } = problem;
    expect(shape({ ...rest, problem: fewer } as unknown as MessageCatalog)).not.toEqual(shape(EN_MESSAGES));
    const otherParams = { ...rest, problem: { ...problem, fieldTwice: () => ({ message: 'указано дважды', hint: 'Оставьте одну строку.' }) } };
    expect(shape(otherParams as MessageCatalog)).not.toEqual(shape(EN_MESSAGES));
  });

  test('say no message the same in both languages, except names, commands and fixed forms', () => {
    const en = listMessageTemplates(EN_MESSAGES);
    const same = listMessageTemplates(RU_MESSAGES).filter((template, index) => JSON.stringify(template.text) === JSON.stringify(en[index]?.text));
    expect(same.map((template) => template.id)).toEqual([]);
  });

  test('write Russian with «ёлочки», never "straight quotes" around a quoted value', () => {
    for (const template of listMessageTemplates(RU_MESSAGES)) {
      const text = typeof template.text === 'string' ? template.text : template.text.message;
      expect(text, template.id).not.toMatch(/"\{/);
    }
  });

  test('Russian names every kind of public log entry in words, never by its English id', () => {
    for (const kind of Object.keys(LOG_ENTRY_KINDS)) {
      const { message } = RU_MESSAGES.problem.notLogged({ count: 1, first: { kind, name: 'privacy/ru/v1' } });
      expect(message, kind).toMatch(/^1 событие журнала публикаций ещё не внесено в публичный журнал \(первое: [а-яё ]+ privacy\/ru\/v1\)$/);
    }
    expect(RU_MESSAGES.problem.logEntryDropped({ index: 3, entry: { kind: 'correction', name: 'privacy/ru/v1' }, ledger: 'policies/published.lock.json', kind: 'correction' }).message).toBe(
      'записи 3 публичного журнала (исправление редакции privacy/ru/v1) больше нет в журнале публикаций policies/published.lock.json: из него удалена запись о событии «исправление»',
    );
    expect(EN_MESSAGES.problem.logEntryDropped({ index: 3, entry: { kind: 'correction', name: 'privacy/ru/v1' }, ledger: 'policies/published.lock.json', kind: 'correction' }).message).toBe(
      'log entry 3 (correction privacy/ru/v1) is no longer in the ledger policies/published.lock.json: a recorded correction was removed from it',
    );
  });

  test("the help of legal staff's commands is Russian after its first line (the command to type), which both languages share", () => {
    const rules = [{ id: 'stated-date', doc: 'a date stated in the text matches effective' }];
    const helps = (m: MessageCatalog) => [m.help.new, m.help.check({ rules }), m.help.publish({ ledger: 'published.lock.json', logLock: 'log.lock.json' }), m.help.withdraw, m.help.diff, m.help.at, m.help.notice];
    const russian = helps(RU_MESSAGES);
    const english = helps(EN_MESSAGES);
    russian.forEach((help, index) => {
      const [synopsis, , description] = help.split('\n');
      expect(synopsis).toBe(english[index]?.split('\n')[0]);
      expect(description, synopsis).toMatch(/^ {2}[А-ЯЁ][а-яё]/);
    });
    expect(RU_MESSAGES.help.check({ rules })).not.toContain(rules[0]?.doc);
    expect(
      RU_MESSAGES.help
        .usage({ synopses: ['npm run policy -- new …'] })
        .split('\n')
        .slice(0, 4),
    ).toEqual(['Как запускать: npm run policy -- <команда> [параметры]', '', 'Команды:', '  npm run policy -- new …']);
  });

  test('Russian counts take the form their number needs (one, few, many)', () => {
    expect([1, 2, 5, 11, 21, 22].map((count) => RU_MESSAGES.report.problemCount({ count, files: count }))).toEqual([
      '1 ошибка в 1 файле.',
      '2 ошибки в 2 файлах.',
      '5 ошибок в 5 файлах.',
      '11 ошибок в 11 файлах.',
      '21 ошибка в 21 файле.',
      '22 ошибки в 22 файлах.',
    ]);
  });
});

/** One refusal of each kind, from the rule itself where a small folder shows it, and its English and Russian text. */
const file = (relativePath: string, text: string) => ({ relativePath, displayPath: `policies/${relativePath}`, bytes: new TextEncoder().encode(text) });
const OPTIONS = { timeZone: 'Europe/Moscow', includeDrafts: false };
const firstProblem = (relativePath: string, text: string): Problem => {
  const [problem] = validateCorpus([file(relativePath, text)], OPTIONS).problems;
  if (!problem) throw new Error(`no problem in ${relativePath}`);
  return problem;
};

/** The first finding of the lint of a Russian text that takes effect on 1 September 2025 in Moscow. */
const lintFinding = (body: string): Problem => {
  const [finding] = lintText({
    body,
    file: 'privacy/ru/2025-09-01.md',
    bodyStartLine: 1,
    facts: { locale: 'ru', title: 'Политика', timeZone: 'Europe/Moscow', effectiveFrom: Date.UTC(2025, 7, 31, 21), corrections: [], previous: null },
  }).findings;
  if (!finding) throw new Error('no finding');
  return { file: 'privacy/ru/2025-09-01.md', ...finding };
};

/** One version in force since 2025, and what the ledger's check needs around versions and a ledger. */
const V1 = makeVersion({ version: 'v1', effective: '2025-01-01T00:00:00Z' });
const ledgerInput = (versions: PolicyVersion[], ledger: Ledger | null): LedgerCheckInput => makeLedgerCheckInput(versions, ledger, { now: Date.parse('2026-11-26T12:00:00Z'), localeModel: 'independent' });

describe('each refusal kind, in English and in Russian', () => {
  test.each([
    [
      'the layout',
      () => firstProblem('privacy/2025-09-01.md', '---\ntitle: A\neffective: 2025-09-01\n---\nText.\n'),
      'the file is 1 folder(s) deep, not at <policy>/<locale>/<version>.md',
      'файл вложен в папки на 1 уровень, а должен лежать по пути <документ>/<язык>/<редакция>.md',
    ],
    ['the front matter', () => firstProblem('privacy/ru/2025-09-01.md', 'Text.\n'), 'the file has no front matter', 'в начале файла нет блока полей'],
    ['a field', () => firstProblem('privacy/ru/2025-09-01.md', '---\ntitle: A\neffective: 2025-09-01\nsumary: x\n---\nText.\n'), 'is not a known field', 'такого поля нет'],
    ['a missing field', () => firstProblem('privacy/ru/2025-09-01.md', '---\neffective: 2025-09-01\n---\nText.\n'), 'is missing', 'не заполнено'],
    [
      'the effective date',
      () => firstProblem('privacy/ru/2025-02-30.md', '---\ntitle: A\neffective: 2025-02-30\n---\nText.\n'),
      '"2025-02-30" is not a real date: February 2025 has 28 days',
      '«2025-02-30» — такой даты нет: в феврале 2025 г. 28 дней',
    ],
    ['the text', () => firstProblem('privacy/ru/2025-09-01.md', '---\ntitle: A\neffective: 2025-09-01\n---\n'), 'the file has no text after the front matter', 'после блока полей в файле нет текста'],
    [
      'the lint of a text',
      () => lintFinding('## 1. Общие положения\n\n1.1. См. п. 1.7.\n\n1.2. Текст.\n'),
      '"п. 1.7" names 1.7, which this text does not have (the nearest is 1.2)',
      '«п. 1.7» ссылается на 1.7, а такого номера в тексте нет (ближайший — 1.2)',
    ],
    [
      'a date in a text',
      () => lintFinding('## 1. Общие положения\n\nДата вступления в силу: 15 января 2027 г.\n'),
      '"Дата вступления в силу: 15 января 2027" says 2027-01-15, but effective says this version takes effect on 2025-09-01 (Europe/Moscow)',
      'в тексте «Дата вступления в силу: 15 января 2027», то есть 15\u00a0января 2027\u00a0г., а по полю effective редакция вступает в силу 1\u00a0сентября 2025\u00a0г. (Europe/Moscow)',
    ],
  ])('%s', (_kind, make, english, russian) => {
    const problem = make();
    expect(problem.message).toBe(english);
    expect(problem.text && renderProblemMessage(problem.text, getMessages('ru')).message).toBe(russian);
  });

  test.each([
    [
      'the ledger: a published text changed',
      (v: PolicyVersion) => [{ ...v, body: 'Другой текст.\n' }],
      'the published text of privacy/ru/v1 was changed without a correction',
      'опубликованный текст редакции privacy/ru/v1 изменён без оформления исправления',
    ],
    [
      'the ledger: a published version made a draft',
      (v: PolicyVersion) => [{ ...v, draft: true }],
      'privacy/ru/v1 was published and cannot become a draft again',
      'редакция privacy/ru/v1 опубликована и не может снова стать черновиком',
    ],
    ['the ledger: a published file deleted', () => [], 'the published version privacy/ru/v1 is gone: its file was deleted or renamed', 'опубликованной редакции privacy/ru/v1 больше нет: её файл удалён или переименован'],
    [
      'the ledger: the date of a version in force moved',
      (v: PolicyVersion) => [{ ...v, effective: '2025-02-01', effectiveFrom: Date.parse('2025-02-01T00:00:00+03:00') }],
      'privacy/ru/v1 was published to take effect at 2025-01-01T03:00:00+03:00, but now says 2025-02-01T00:00:00+03:00 ("2025-02-01"): it took effect at 2025-01-01T03:00:00+03:00, and what was in force in the past never changes',
      'редакция privacy/ru/v1 опубликована со вступлением в силу 2025-01-01T03:00:00+03:00, а теперь в файле указано 2025-02-01T00:00:00+03:00 («2025-02-01»): она вступила в силу 2025-01-01T03:00:00+03:00, а то, что действовало в прошлом, не меняется',
    ],
    [
      'the ledger: a published changeType changed',
      (v: PolicyVersion) => [{ ...v, changeType: 'editorial' as const }],
      'privacy/ru/v1 was published with changeType: material, but now says editorial',
      'редакция privacy/ru/v1 опубликована с changeType: material, а теперь указано editorial',
    ],
    [
      'the ledger: a recorded summary item changed',
      (v: PolicyVersion) => [{ ...v, summary: ['Уточнён срок'] }],
      'privacy/ru/v1 was published with no summary, but summary item 1 "Уточнён срок" was added',
      'редакция privacy/ru/v1 опубликована без описания изменений, а теперь добавлен пункт 1 «Уточнён срок»',
    ],
    [
      'the ledger: two corrections at once',
      (v: PolicyVersion) => [
        {
          ...v,
          body: 'Другой текст.\n',
          corrections: [
            { date: '2026-12-01', reason: 'Опечатка' },
            { date: '2026-12-02', reason: 'Ещё опечатка' },
          ],
        },
      ],
      'privacy/ru/v1 declares 2 new corrections at once',
      'в редакции privacy/ru/v1 указано сразу 2 новых исправления',
    ],
    [
      'the ledger: a new version before a published one',
      (v: PolicyVersion) => [v, makeVersion({ version: 'v0', effective: '2024-12-01T00:00:00Z' })],
      'privacy/ru/v0 would take effect at 2024-12-01T03:00:00+03:00, before the published version v1 (2025-01-01T03:00:00+03:00): it would change which version was in force in the past',
      'редакция privacy/ru/v0 вступила бы в силу 2024-12-01T03:00:00+03:00, раньше опубликованной редакции v1 (2025-01-01T03:00:00+03:00): это изменило бы, какая редакция действовала в прошлом',
    ],
    [
      'the ledger: a correction before publishing',
      (v: PolicyVersion) => [v, makeVersion({ version: 'v2', effective: '2027-01-01T00:00:00Z', corrections: [{ date: '2026-12-01', reason: 'Опечатка' }] })],
      'privacy/ru/v2 is not published yet, so it has nothing to correct',
      'редакция privacy/ru/v2 ещё не опубликована, исправлять в ней нечего',
    ],
    [
      'the ledger: a version declared editorial with nothing to compare it with',
      (v: PolicyVersion) => [v, makeVersion({ version: 'v2', locale: 'en', effective: '2027-01-01T00:00:00Z', changeType: 'editorial' })],
      'privacy/en/v2 is declared editorial, but there is no earlier en text of privacy to compare it with: nothing proves it editorial',
      'изменения редакции privacy/en/v2 объявлены редакционными (editorial), но более раннего текста privacy на языке en, с которым её можно сравнить, нет: подтвердить это нечем',
    ],
  ])('%s', (_kind, change, english, russian) => {
    const { ledger, problems: none } = planPublish(ledgerInput([V1], null));
    expect(none).toEqual([]);
    const [problem, ...rest] = checkLedger(ledgerInput(change(V1), ledger)).problems;
    // A new version is also not published yet: that refusal is pinned above.
    expect(rest.map((other) => other.code).filter((code) => code !== 'not-published')).toEqual([]);
    expect(problem?.message).toBe(english);
    expect(problem?.text && renderProblemMessage(problem.text, getMessages('ru')).message).toBe(russian);
  });

  /** A policies folder holding one file, and the problem its reader finds. */
  const readFolder = (name: string, text: string, read: (folder: string) => Problem[]): Problem => {
    const folder = mkdtempSync(join(tmpdir(), 'message-catalog-'));
    writeFileSync(join(folder, name), text);
    const [problem] = read(folder);
    if (!problem) throw new Error(`no problem in ${name}`);
    return problem;
  };
  const published = planPublish(ledgerInput([V1], null)).ledger;
  /** The ledger of V1 with its entry's fields changed by hand (undefined: removed). */
  const damagedLedger = (fields: Record<string, unknown>): string => {
    const [entry] = published?.versions ?? [];
    return JSON.stringify({ ...published, versions: [{ ...entry, ...fields }] });
  };
  const logOf = (entries: [] | null): Problem => {
    const [problem] = resolveLog({ ledger: published, ledgerFile: 'policies/published.lock.json', ledgerProblems: 0, lock: { entries, file: 'policies/log.lock.json', lines: [], problems: [] } }).problems;
    if (!problem) throw new Error('no problem in the log');
    return problem;
  };

  test.each([
    ['the ledger file: not JSON', () => readFolder(LEDGER_FILE, '{', (folder) => readLedger(folder, folder).problems), /^the ledger is not valid JSON \(/, /^журнал публикаций повреждён: файл не читается как JSON \(/],
    [
      'the ledger file: a newer format',
      () => readFolder(LEDGER_FILE, '{"ledgerVersion": 3}', (folder) => readLedger(folder, folder).problems),
      'ledgerVersion is 3; this Policy Press reads ledger versions 1 and 2',
      'в журнале публикаций указан формат ledgerVersion 3, а эта версия Policy Press читает только форматы 1 и 2',
    ],
    [
      'the ledger file: a hash written by hand',
      () => readFolder(LEDGER_FILE, damagedLedger({ sha256: 'ABC' }), (folder) => readLedger(folder, folder).problems),
      'privacy/ru/v1: versions.0.sha256: must be 64 lowercase hexadecimal characters',
      'privacy/ru/v1: versions.0.sha256: значение «ABC» записано не так, как его записывает publish (нужна контрольная сумма SHA-256: 64 знака, цифры и строчные латинские буквы a–f)',
    ],
    [
      'the ledger file: a value not allowed',
      () => readFolder(LEDGER_FILE, damagedLedger({ changeType: 'big' }), (folder) => readLedger(folder, folder).problems),
      'privacy/ru/v1: versions.0.changeType: Invalid option: expected one of "material"|"editorial"',
      'privacy/ru/v1: versions.0.changeType: допустимые значения: material, editorial, а указано «big»',
    ],
    [
      'the ledger file: a field missing',
      () => readFolder(LEDGER_FILE, damagedLedger({ publishedAt: undefined }), (folder) => readLedger(folder, folder).problems),
      'privacy/ru/v1: versions.0.publishedAt: Invalid input: expected string, received undefined',
      'privacy/ru/v1: versions.0.publishedAt: поле не заполнено',
    ],
    [
      'the ledger file: an entry without its policy, named by its place in the file',
      () => readFolder(LEDGER_FILE, damagedLedger({ policy: undefined }), (folder) => readLedger(folder, folder).problems),
      'entry 1 of the ledger: versions.0.policy: Invalid input: expected string, received undefined',
      'запись 1 журнала публикаций: versions.0.policy: поле не заполнено',
    ],
    [
      'the log state: not JSON',
      () => readFolder(LOG_LOCK_FILE, '{', (folder) => readLogLock(folder, folder).problems),
      /^the log state is not valid JSON \(/,
      /^файл публичного журнала повреждён: он не читается как JSON \(/,
    ],
    [
      'the log state: a field of the state damaged',
      () => readFolder(LOG_LOCK_FILE, `{"logVersion": 1, "size": "два", "rootHash": "${'A'.repeat(43)}=", "entries": []}`, (folder) => readLogLock(folder, folder).problems),
      'the log state is damaged: size: Invalid input: expected number, received string',
      'файл публичного журнала повреждён: size: значение должно быть числом, а указано «два»',
    ],
    [
      'the log state: an entry damaged',
      () => readFolder(LOG_LOCK_FILE, `{"logVersion": 1, "size": 1, "rootHash": "${'A'.repeat(43)}=", "entries": [\n    {"index": 0, "kind": "published"}\n]}`, (folder) => readLogLock(folder, folder).problems),
      /^log entry 0 is damaged: policy: Invalid input: expected string, received undefined; locale: Invalid input: expected string, received undefined; /,
      /^запись 0 публичного журнала повреждена: policy: поле не заполнено; locale: поле не заполнено; /,
    ],
    [
      'the public log: not started',
      () => logOf(null),
      'the public log has not started: policies/log.lock.json does not exist, and the ledger has 1 event to log',
      'публичный журнал ещё не ведётся: файла policies/log.lock.json нет, а в журнале публикаций 1 событие для внесения в него',
    ],
    [
      'the public log: an event not logged',
      () => logOf([]),
      '1 ledger event is not in the public log yet (first: imported privacy/ru/v1)',
      '1 событие журнала публикаций ещё не внесено в публичный журнал (первое: внесение в журнал действовавшей редакции privacy/ru/v1)',
    ],
  ] as const)('%s', (_kind, make, english, russian) => {
    const problem = make();
    const russianText = problem.text ? renderProblemMessage(problem.text, getMessages('ru')).message : undefined;
    // A reader's own words (the JSON parser's) are matched by their start only.
    if (typeof english === 'string') expect(problem.message).toBe(english);
    else expect(problem.message).toMatch(english);
    if (typeof russian === 'string') expect(russianText).toBe(russian);
    else expect(russianText).toMatch(russian);
  });

  test.each([
    [
      'the folder: a symbolic link',
      problemText('symbolicLink', { target: '/etc/passwd', resolved: null, inside: false, exists: true }),
      'is a symbolic link to "/etc/passwd" (outside the policies folder); links are not followed',
      'это символическая ссылка на «/etc/passwd» (за пределами папки документов); по ссылкам файлы не читаются',
    ],
    ['the folder: a named pipe', problemText('notPlainFile', { kind: 'fifo' }), 'is a named pipe (FIFO), not a file', 'это именованный канал (FIFO), а не файл'],
    ['the folder: a file where a folder belongs', problemText('wrongEntryKind', { kind: 'file', expected: 'folder' }), 'is a file, not a folder', 'это файл, а должна быть папка'],
    [
      'a version without a translation earlier versions have',
      problemText('missingTranslation', { policy: 'privacy', version: 'v3', inForce: false, effective: '2027-01-01T00:00:00+03:00', locale: 'en', written: '2027-01-01', locales: 'ru' }),
      'privacy v3 is scheduled for 2027-01-01T00:00:00+03:00 with no en text, while earlier versions have one: from then on the en pages will show the previous text for reference only',
      'редакция privacy v3 вступает в силу 2027-01-01T00:00:00+03:00, но текста на языке en у неё нет, хотя у прежних редакций он есть: с этого момента страницы на языке en будут показывать прежний текст только для сведения',
    ],
    [
      'the folder: a path that leads outside',
      problemText('outsideFolder', { real: '/srv/other/v1.md' }),
      'resolves to /srv/other/v1.md, outside the policies folder',
      'на самом деле находится в /srv/other/v1.md, за пределами папки документов',
    ],
  ])('%s', (_kind, text, english, russian) => {
    expect(text.message).toBe(english);
    expect(renderProblemMessage(text.text, getMessages('ru')).message).toBe(russian);
  });

  test('the ledger: a version published before it takes effect', () => {
    const text = problemText('backdated', { version: 'privacy/ru/2025-09-01', effective: '2025-09-01T00:00:00+03:00', written: '2025-09-01', now: '2025-09-02T10:00:00+03:00', next: '2025-09-02T10:01:00+03:00' });
    expect(text.message).toBe(
      'privacy/ru/2025-09-01 takes effect at 2025-09-01T00:00:00+03:00 ("2025-09-01"), before the moment of publishing (2025-09-02T10:00:00+03:00): from then on it would be reported as in force since a moment when nobody could read it',
    );
    expect(renderProblemMessage(text.text, getMessages('ru')).message).toBe(
      'редакция privacy/ru/2025-09-01 вступает в силу 2025-09-01T00:00:00+03:00 («2025-09-01»), то есть раньше момента публикации (2025-09-02T10:00:00+03:00): после публикации она считалась бы действующей с момента, когда её никто не мог прочитать',
    );
  });

  test.each([
    ['withdraw: no reason', { reason: ' ' }, 'withdraw needs a reason', 'для отзыва нужна причина'],
    [
      'withdraw: --locale where translations share a timeline',
      { locale: 'ru' },
      '--locale is for sites whose locales are independent documents',
      'параметр --locale нужен только там, где тексты на разных языках — самостоятельные документы',
    ],
    ['withdraw: a version not published', {}, 'privacy v3 is not in the published-version ledger (policies/published.lock.json)', 'редакции privacy v3 нет в журнале публикаций (policies/published.lock.json)'],
  ] as const)('%s', (_kind, change, english, russian) => {
    const plan = planWithdraw({
      ledger: null,
      ledgerFile: 'policies/published.lock.json',
      policy: 'privacy',
      version: 'v3',
      locale: null,
      reason: 'Закон отложен',
      now: 0,
      timeZone: 'Europe/Moscow',
      localeModel: 'translations',
      ...change,
    });
    if (plan.ok) throw new Error('withdrawn');
    expect(plan.message).toBe(english);
    expect(renderProblemMessage(plan.text, getMessages('ru')).message).toBe(russian);
  });

  test('the notice before a change: a version already announced, taking effect too soon', () => {
    const text = problemText('shortNotice', {
      version: 'privacy/ru/v3',
      changeType: 'editorial',
      effective: '2027-01-01T00:00:00+03:00',
      written: '2027-01-01',
      days: 2,
      setting: 'P2D',
      key: 'notice.editorial',
      announced: true,
      announcedAt: '2026-12-31T12:00:00+03:00',
      earliest: '2027-01-02T12:00:00+03:00',
      firstDay: '2027-01-03',
      postpone: true,
    });
    expect(text.message).toBe(
      'privacy/ru/v3 is a editorial version taking effect at 2027-01-01T00:00:00+03:00 ("2027-01-01"), sooner than the notice of 2 days (notice.editorial in site.config.ts) after it was announced (published at 2026-12-31T12:00:00+03:00): the earliest instant that honours it is 2027-01-02T12:00:00+03:00',
    );
    expect(renderProblemMessage(text.text, getMessages('ru')).message).toBe(
      'редакция privacy/ru/v3 (редакционные изменения) вступает в силу 2027-01-01T00:00:00+03:00 («2027-01-01»), раньше, чем истекает срок уведомления — 2 дня (notice.editorial в site.config.ts) с момента, когда о ней было объявлено (опубликована 2026-12-31T12:00:00+03:00): самый ранний момент, когда срок соблюдён, — 2027-01-02T12:00:00+03:00',
    );
    expect(renderProblemMessage(text.text, getMessages('ru')).hint).toContain('или позже, затем npm run policy -- publish --postpone "<причина>".');
  });

  test('publish: an override that nothing needs', () => {
    const text = problemText('overrideUnused', { flag: '--postpone' });
    expect(text.message).toBe('--postpone was given, but nothing needs it');
    expect(renderProblemMessage(text.text, getMessages('ru')).message).toBe('указан --postpone, но ни одной редакции он не нужен');
  });

  test('a report in Russian keeps the place, the field and the rule as they are, and says the rest in Russian', () => {
    const problem: Problem = { file: 'policies/privacy/ru/2025-09-01.md', line: 3, field: 'effectiv', rule: 'some-rule', ...problemText('misspelledField', { suggestion: 'effective' }) };
    expect(formatProblemReport([problem], 'check', getMessages('ru'))).toBe(
      'policies/privacy/ru/2025-09-01.md:3: effectiv: такого поля нет [some-rule]\n    Возможно, имелось в виду «effective»? Исправьте написание названия поля.\n\n1 ошибка в 1 файле. Исправьте её и снова запустите npm run policy -- check.',
    );
    expect(
      formatProblemReport([problem, { ...problem, line: 4, severity: 'warning' }], 'check', getMessages('ru'))
        .split('\n')
        .at(-1),
    ).toBe('2 ошибки в 1 файле. Исправьте их и снова запустите npm run policy -- check.');
    expect(formatProblemReport([problem], 'check', getMessages('en'))).toBe(
      'policies/privacy/ru/2025-09-01.md:3: effectiv: is not a known field [some-rule]\n    Did you mean "effective"? Fix the spelling of the key.\n\n1 problem in 1 file. Fix it and run npm run policy -- check again.',
    );
  });
});

/** What a command says when parseArgs refuses its options. */
function optionMistake(args: string[], options: ParseArgsConfig['options'], messages: MessageCatalog, allowPositionals = true): string {
  try {
    parseArgs({ args, options, allowPositionals });
  } catch (error) {
    const mistake = getOptionMistake(error);
    if (mistake) return messages.help.badOption({ mistake });
  }
  throw new Error('parseArgs accepted the options');
}

/** A message of a command's own (not a refusal of a file): its English and its Russian text from the same parameters. */
type CommandMessage = (messages: MessageCatalog) => string;

describe("each of the commands' own refusals and notes, in English and in Russian", () => {
  test.each<[string, CommandMessage, string, string]>([
    [
      'new: a policy that does not exist, with a close one',
      (m) => m.new.noPolicy({ policy: 'privac', folder: 'policies', suggestion: 'privacy' }),
      'There is no policy "privac" in policies. Did you mean "privacy"? To start a new policy, give its title: --title "…" (the text starts empty).',
      'В policies нет документа «privac». Возможно, имелось в виду «privacy»? Чтобы начать новый документ, укажите его название: --title "…" (текст будет пустым).',
    ],
    [
      'new: a version to start from that does not exist, none close',
      (m) => m.new.noFromVersion({ policy: 'privacy', locale: 'ru', from: 'v9', suggestion: null, versions: [] }),
      'privacy (ru) has no version "v9" to start from. Versions: none.',
      'У документа privacy (ru) нет редакции «v9», на основе которой можно создать новую. Редакции: нет.',
    ],
    [
      'new: versions taking effect after the copy',
      (m) => m.new.later({ later: ['2026-02-15 (2026-02-15T00:00:00+03:00)'] }),
      'Note: 2026-02-15 (2026-02-15T00:00:00+03:00) takes effect after it; the copy does not carry its changes.',
      'Обратите внимание: редакция 2026-02-15 (2026-02-15T00:00:00+03:00) вступает в силу позже новой; её изменений в копии нет.',
    ],
    [
      'new: a date sooner than the notice allows',
      (m) =>
        m.new.shortNotice({
          policy: 'privacy',
          days: 1,
          setting: '1',
          key: 'notice.material',
          earliest: '2026-12-08T12:00:00+03:00',
          effective: '2026-12-08T00:00:00+03:00',
          firstDay: '2026-12-09',
          editorialDays: null,
          editorialSetting: 'PT36H',
        }),
      "Warning: privacy requires 1 day's notice of a material version (notice.material in site.config.ts): published now, it may take effect at 2026-12-08T12:00:00+03:00 at the earliest, so publish will refuse 2026-12-08T00:00:00+03:00 unless you give the reason with --short-notice. The first day that honours it: --effective 2026-12-09 (for an editorial version, set changeType: editorial; it needs a notice of PT36H).",
      'Внимание: для существенных изменений документа privacy установлен срок уведомления — 1 день (notice.material в site.config.ts): при публикации сейчас редакция может вступить в силу не раньше 2026-12-08T12:00:00+03:00, поэтому publish откажется публиковать её со вступлением в силу 2026-12-08T00:00:00+03:00, если не указать причину в --short-notice. Первый день, когда срок соблюдён: --effective 2026-12-09 (для редакционных изменений укажите changeType: editorial; для них срок уведомления — PT36H).',
    ],
    [
      'new: no --effective, with the notice that sets the first day',
      (m) => m.new.needsEffective({ earliest: '2026-12-18', policy: 'privacy', days: 10, setting: '10', key: 'notice.policies.privacy.material' }),
      "new needs --effective (e.g. --effective 2026-12-18: privacy requires 10 days' notice of a material version (notice.policies.privacy.material in site.config.ts), so that is the first day that honours it if published today).",
      'Команде new нужна дата вступления в силу: --effective (например, --effective 2026-12-18: для существенных изменений документа privacy установлен срок уведомления — 10 дней (notice.policies.privacy.material в site.config.ts), и при публикации сегодня это первый день, когда срок соблюдён).',
    ],
    [
      'notice: a version without a text in the locale',
      (m) => m.notice.noText({ policy: 'consent', version: '2027-01-15', locale: 'en', locales: ['ru'] }),
      'consent 2027-01-15 has no en text; it exists in ru. Use --locale ru, or publish its en text first.',
      'У редакции consent 2027-01-15 нет текста на языке en; есть тексты на языках: ru. Укажите --locale ru или сначала опубликуйте её текст на языке en.',
    ],
    [
      'notice: a withdrawn version',
      (m) => m.notice.withdrawn({ policy: 'privacy', version: '2027-01-15', withdrawn: '2026-12-05T13:00:00+03:00', reason: 'Передумали' }),
      'privacy 2027-01-15 was withdrawn at 2026-12-05T13:00:00+03:00 (Передумали) and never takes effect: there is nothing to give notice of.',
      'Редакция privacy 2027-01-15 отозвана 2026-12-05T13:00:00+03:00 (Передумали) и в силу не вступит: уведомлять не о чем.',
    ],
    [
      'diff and at: a policy that does not exist, with a close one',
      (m) => m.help.unknownPolicy({ policy: 'privac', origin: 'policies', suggestion: 'privacy', policies: ['privacy', 'terms'] }),
      'There is no policy "privac" in policies. Did you mean "privacy"? Policies: privacy, terms.',
      'В policies нет документа «privac». Возможно, имелось в виду «privacy»? Документы: privacy, terms.',
    ],
    [
      'withdraw: no reason given',
      (m) => m.help.withdrawReason,
      'withdraw needs --reason "<why>": it is recorded and shown.',
      'Команде withdraw нужна причина: --reason "<причина>"; она записывается и показывается на сайте.',
    ],
    [
      'diff and at: a language the policy has no text in',
      (m) => m.help.noLocale({ policy: 'privacy', locale: 'rux', suggestion: 'ru', locales: ['en', 'ru'] }),
      'privacy has no "rux" text. Did you mean "ru"? Locales: en, ru. Use --locale.',
      'У документа privacy нет текста на языке «rux». Возможно, имелось в виду «ru»? Его языки: en, ru. Укажите язык в --locale.',
    ],
    [
      'at: a text that is not an instant',
      (m) => m.at.notInstant({ text: '1 сентября', timeZone: 'Europe/Moscow' }),
      '"1 сентября" is not an instant: write 2025-09-01T12:00:00+03:00, 2025-09-01T09:00:00Z or 2025-09-01 (start of that day in Europe/Moscow).',
      'Не удалось понять момент времени «1 сентября»: укажите дату и время со смещением или в UTC — 2025-09-01T12:00:00+03:00 или 2025-09-01T09:00:00Z — либо только дату, 2025-09-01 (начало этого дня по времени Europe/Moscow).',
    ],
    [
      'at: no version in force yet, the first later by a duration in words',
      (m) =>
        m.at.noneInForce({
          policy: 'privacy',
          locale: 'ru',
          instant: '2024-12-30T00:00:00+03:00',
          first: 'v1',
          later: formatDuration(2 * 86_400_000 + 3 * 3_600_000, (count, unit) => m.at.durationUnit({ count, unit })),
          from: '2025-01-01T03:00:00+03:00',
        }),
      'No version of privacy (ru) was in force at 2024-12-30T00:00:00+03:00: the first, v1, took effect 2 d 3 h later, at 2025-01-01T03:00:00+03:00.',
      'На 2024-12-30T00:00:00+03:00 не действовала ни одна редакция документа privacy (ru): первая, v1, вступила в силу позже — 2025-01-01T03:00:00+03:00, через 2 дня 3 часа.',
    ],
    ['at: a duration of one minute and five seconds', (m) => formatDuration(65_000, (count, unit) => m.at.durationUnit({ count, unit })), '1 min 5 s', '1 минуту 5 секунд'],
    [
      'at: the version in force has no text in the locale, with the last one for reference',
      (m) =>
        m.at.noText({
          policy: 'privacy',
          instant: '2025-10-01T00:00:00+03:00',
          version: 'v2',
          from: '2025-09-01T00:00:00+03:00',
          locale: 'en',
          locales: 'ru',
          reference: 'v1',
          until: '2025-09-01T00:00:00+03:00',
        }),
      'privacy at 2025-10-01T00:00:00+03:00: version v2 was in force (from 2025-09-01T00:00:00+03:00), and it has no en text: it exists in ru. The en text then was v1, for reference only: not in force since 2025-09-01T00:00:00+03:00.',
      'privacy на 2025-10-01T00:00:00+03:00: действовала редакция v2 (с 2025-09-01T00:00:00+03:00), но текста на языке en у неё нет; есть тексты на языках: ru. Текст на языке en в то время — редакция v1, только для справки: она не действует с 2025-09-01T00:00:00+03:00.',
    ],
    [
      'changeType and corrections: why each changed passage is not a cosmetic edit, every reason the editorial check gives',
      (m) =>
        formatMaterialPassages(
          [
            { clause: '3.1', redline: '…[-не -]является…', reasons: [{ kind: 'words', words: 'negation', removed: ['не'], added: [] }] },
            {
              clause: '3.2',
              redline: 'в течение {+10+} дней',
              reasons: [
                { kind: 'words', words: 'number', removed: ['30'], added: ['10'] },
                { kind: 'symbol', symbols: ['%'] },
              ],
            },
            { clause: '4', redline: 'Оператор [-должен-]{+вправе+}', reasons: [{ kind: 'words', words: 'obligation', removed: [], added: ['вправе'] }] },
            { clause: '5', redline: 'до {+1 мая+}', reasons: [{ kind: 'words', words: 'date', removed: [], added: ['мая'] }] },
            { clause: null, section: '2. Цели обработки', redline: '{+Передачи партнёрам.+}', reasons: [{ kind: 'block', change: 'adds', block: 'list-item' }] },
            {
              clause: null,
              redline: '[-Старая цитата-]',
              reasons: [
                { kind: 'block', change: 'removes', block: 'quote' },
                { kind: 'block', change: 'moves', block: 'table-row' },
              ],
            },
            {
              clause: '6',
              redline: 'Текст.',
              reasons: [
                { kind: 'turns', from: 'paragraph', to: 'rule' },
                { kind: 'link', text: 'правила', from: 'https://a.example.com', to: null },
              ],
            },
            { clause: '7', redline: '[-Данные хранятся в России.-]', reasons: [{ kind: 'sentence', removed: true, count: 4 }, { kind: 'order' }] },
            {
              clause: '8',
              redline: '…',
              reasons: [
                { kind: 'words', words: 'words', removed: ['передаёт'], added: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
                { kind: 'words', words: 'words', removed: ['один'], added: [] },
              ],
            },
            { clause: null, redline: 'changeType: [-material-]{+editorial+}', reasons: [{ kind: 'declared-editorial' }] },
          ],
          m,
        ),
      [
        '3.1: …[-не -]является… (removes a negation: «не»)',
        '3.2: в течение {+10+} дней (changes a number: «30» → «10»; changes a symbol: «%»)',
        '4: Оператор [-должен-]{+вправе+} (adds an obligation or permission word: «вправе»)',
        '5: до {+1 мая+} (adds a date or duration: «мая»)',
        'in «2. Цели обработки»: {+Передачи партнёрам.+} (adds a list item)',
        '[-Старая цитата-] (removes a quotation; moves a table row here)',
        '6: Текст. (turns a paragraph into a rule; changes the target of the link «правила»: https://a.example.com → (none))',
        '7: [-Данные хранятся в России.-] (removes a sentence (4 words); changes the order of words)',
        '8: … (replaces words: «передаёт» → «a», «b», «c», «d», «e», «f» and 2 more; removes words: «один»)',
        'changeType: [-material-]{+editorial+} (declares editorial a version published as material)',
      ].join('\n'),
      [
        '3.1: …[-не -]является… (удалено отрицание: «не»)',
        '3.2: в течение {+10+} дней (изменено число: «30» → «10»; изменён знак: «%»)',
        '4: Оператор [-должен-]{+вправе+} (добавлено слово об обязанности или праве: «вправе»)',
        '5: до {+1 мая+} (добавлено указание даты или срока: «мая»)',
        'в разделе «2. Цели обработки»: {+Передачи партнёрам.+} (добавлен пункт списка)',
        '[-Старая цитата-] (удалена цитата; сюда перенесена строка таблицы)',
        '6: Текст. (абзац превращён в горизонтальную линию; изменён адрес ссылки «правила»: https://a.example.com → (нет))',
        '7: [-Данные хранятся в России.-] (удалено предложение (4 слова); изменён порядок слов)',
        '8: … (заменено слово: «передаёт» → «a», «b», «c», «d», «e», «f» и ещё 2; удалено слово: «один»)',
        'changeType: [-material-]{+editorial+} (изменения редакции, опубликованной как существенные (material), объявлены редакционными (editorial))',
      ].join('\n'),
    ],
    [
      'an instant in a form the grammar refuses, said after the value: a comma, lower-case t and z, a leap second, 24:00',
      (m) => [m.detail.commaFraction({ fixed: '2026-03-01T12:00:00.5+03:00' }), m.detail.lowercaseTz({ fixed: '2026-03-01T09:00:00Z' }), m.detail.leapSecond({ minute: '23:59' }), m.detail.midnight24()].join('\n'),
      [
        'its fraction of a second is written with a comma: write a full stop (2026-03-01T12:00:00.5+03:00)',
        'its "t" or "z" is in lower case: write T and Z in upper case (2026-03-01T09:00:00Z)',
        'it names a leap second (:60), and instants here are UTC without leap seconds: write 23:59:59.999 of that minute, or the next minute at :00',
        'it writes midnight as 24:00: write 00:00 of the next day',
      ].join('\n'),
      [
        'доли секунды отделены запятой: отделите их точкой (2026-03-01T12:00:00.5+03:00)',
        'буквы «t» или «z» строчные: пишите T и Z прописными (2026-03-01T09:00:00Z)',
        'указана високосная секунда (:60), а время здесь считается по UTC без високосных секунд: укажите 23:59:59.999 этой минуты или начало следующей минуты (:00)',
        'полночь записана как 24:00: укажите 00:00 следующего дня',
      ].join('\n'),
    ],
    [
      'publish, withdraw and the others legal staff run: an unknown option, as parseArgs refuses it',
      (m) => optionMistake(['--foo'], {}, m),
      "Unknown option '--foo'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--foo\"",
      'У команды нет параметра «--foo». Какие параметры у неё есть, показывает --help.',
    ],
    [
      'an option without its value',
      (m) => optionMistake(['--reason'], { reason: { type: 'string' } }, m),
      "Option '--reason <value>' argument missing",
      'После параметра --reason нужно указать значение: --reason "<значение>".',
    ],
    [
      'an option that takes no value, given one',
      (m) => optionMistake(['--dry-run=yes'], { 'dry-run': { type: 'boolean' } }, m),
      "Option '--dry-run' does not take an argument",
      'Параметр --dry-run указывается без значения.',
    ],
    [
      'an argument the command does not take',
      (m) => optionMistake(['lishnee'], {}, m, false),
      "Unexpected argument 'lishnee'. This command does not take positional arguments",
      'Лишний аргумент «lishnee»: команда его не принимает.',
    ],
    [
      'a correction dated with a month that does not exist, and one dated with a date-time',
      (m) =>
        [problemText('noSuchMonth', { value: '2026-13-01', month: 13 }).text, null]
          .map((error) => renderProblemMessage(problemText('notCalendarDate', { value: error ? '2026-13-01' : '2026-12-01T10:00:00+03:00', error }).text, m))
          .map(({ message, hint }) => `${message} / ${hint}`)
          .join('\n'),
      '"2026-13-01" has month 13, which does not exist / Write the date as YYYY-MM-DD, e.g. 2026-12-01.\n"2026-12-01T10:00:00+03:00" is not a date written as YYYY-MM-DD / Write the date as YYYY-MM-DD, e.g. 2026-12-01.',
      '«2026-13-01»: месяца 13 не существует / Запишите дату в виде ГГГГ-ММ-ДД, например 2026-12-01.\n«2026-12-01T10:00:00+03:00» — это не дата в виде ГГГГ-ММ-ДД / Запишите дату в виде ГГГГ-ММ-ДД, например 2026-12-01.',
    ],
    [
      'diff: the labels of the redline',
      (m) => [m.diff.changed, m.diff.added, m.diff.movedHere, m.diff.removed, m.diff.movedAway, m.diff.formattingChanged, m.diff.linkChanged, `${m.diff.link({ text: 'правила' })}: ${m.diff.noTarget}`].join(' | '),
      '* changed: | + added: | → moved here: | - removed: | ← moved away: | ~ formatting changed: | ~ link changed: | link "правила": (none)',
      '* изменено: | + добавлено: | → перенесено сюда: | - удалено: | ← перенесено отсюда: | ~ изменено оформление: | ~ изменена ссылка: | ссылка «правила»: (нет)',
    ],
  ])('%s', (_kind, make, english, russian) => {
    expect(make(getMessages('en'))).toBe(english);
    expect(make(getMessages('ru'))).toBe(russian);
  });
});
