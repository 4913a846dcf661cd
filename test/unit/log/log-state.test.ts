import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Ledger } from '#schemas/ledger.ts';
import { makePublished } from '../../helpers/versions.ts';
import { getLedgerEvents } from '#lib/log/log-entry.ts';
import type { Problem } from '#lib/corpus/problem.ts';
import { getMessages, renderProblemMessage } from '#lib/messages/message-catalog.ts';
import { LOG_LOCK_FILE, readLogLock, resolveLog, writeLogLock, type LogLockFile } from '#lib/log/log-state.ts';

const SHA = (c: string) => c.repeat(64);
const version = (id: string, sha: string, publishedAt = '2026-01-01T00:00:00.000Z'): Ledger['versions'][number] => ({
  policy: 'privacy',
  locale: 'ru',
  version: id,
  effectiveFrom: '2025-08-31T21:00:00.000Z',
  ...makePublished({ publishedAt, sha256: SHA(sha) }),
});
const ledgerOf = (...versions: Ledger['versions']): Ledger => ({ ledgerVersion: 2, versions });

function lockFolder(ledger: Ledger): { folder: string; lock: () => LogLockFile } {
  const folder = mkdtempSync(join(tmpdir(), 'log-state-'));
  writeLogLock(
    folder,
    getLedgerEvents(ledger).map((event) => event.entry),
  );
  return { folder, lock: () => readLogLock(folder, folder) };
}
const resolve = (ledger: Ledger | null, lock: LogLockFile) => resolveLog({ ledger, ledgerFile: 'published.lock.json', ledgerProblems: 0, lock });

describe('the log state', () => {
  const logged = ledgerOf(version('v1', 'a'), version('v2', 'b', '2026-02-01T00:00:00.000Z'));

  test('reads back what publish wrote, one entry per line', () => {
    const { folder, lock } = lockFolder(logged);
    const text = readFileSync(join(folder, LOG_LOCK_FILE), 'utf8');
    expect(text.split('\n').filter((line) => line.startsWith('    {"index":'))).toHaveLength(2);
    expect(lock()).toMatchObject({ problems: [], lines: [7, 8] });
    expect(resolve(logged, lock())).toMatchObject({ logged: 2, problems: [] });
  });

  test('appends new events after the logged ones and says they are not logged yet', () => {
    const { lock } = lockFolder(logged);
    const grown = ledgerOf(version('v0', 'c', '2025-01-01T00:00:00.000Z'), ...logged.versions);
    const resolved = resolve(grown, lock());
    expect(resolved.entries.map((entry) => entry.version)).toEqual(['v1', 'v2', 'v0']);
    expect(resolved.problems.map((problem) => [problem.code, problem.message])).toEqual([['not-logged', '1 ledger event is not in the public log yet (first: published privacy/ru/v0)']]);
  });

  test('refuses a version removed from the ledger, naming the entry', () => {
    const { lock } = lockFolder(logged);
    const [problem] = resolve(ledgerOf(version('v2', 'b', '2026-02-01T00:00:00.000Z')), lock()).problems;
    expect(problem).toMatchObject({ code: 'log-entry-dropped', line: 7, message: 'log entry 0 (published privacy/ru/v1) is no longer in the ledger published.lock.json: a published version was removed from it' });
  });

  test('refuses a logged entry changed in the ledger, field by field', () => {
    const { lock } = lockFolder(logged);
    const [problem] = resolve(ledgerOf(version('v1', 'd'), version('v2', 'b', '2026-02-01T00:00:00.000Z')), lock()).problems;
    expect(problem?.code).toBe('log-entry-changed');
    expect(problem?.message).toBe(`log entry 0 (published privacy/ru/v1) was changed in the ledger: sha256 was "${SHA('a')}" when it was logged, the ledger now says "${SHA('d')}"`);
  });

  test('refuses two entries swapped in the state, and a state edited by hand', () => {
    const { folder, lock } = lockFolder(logged);
    const path = join(folder, LOG_LOCK_FILE);
    const text = readFileSync(path, 'utf8');
    const [, first = '', second = ''] = /\n( {4}\{"index":0.*),\n( {4}\{"index":1.*)\n/.exec(text) ?? [];
    writeFileSync(path, text.replace(`${first},\n${second}`, `${second},\n${first}`));
    expect(lock().problems[0]).toMatchObject({ line: 7, code: 'log-lock-damaged', message: "log entry 1 stands at position 0: the log's entries were reordered (it moved up)" });
    writeFileSync(path, text.replace(SHA('a'), SHA('e')));
    expect(lock().problems[0]?.message).toMatch(/^the log state records a tree of 2 entries with root .*, but its 2 entries give .*: it was edited by hand$/);
    writeFileSync(path, '{');
    expect(lock().problems[0]?.message).toMatch(/^the log state is not valid JSON/);
  });

  test("names what is wrong in a damaged entry, and in the state itself, in the words of the ledger's refusals, in English and in Russian", () => {
    const { folder, lock } = lockFolder(logged);
    const path = join(folder, LOG_LOCK_FILE);
    const text = readFileSync(path, 'utf8');
    const say = (problem: Problem | undefined, language: 'en' | 'ru') => (problem?.text ? renderProblemMessage(problem.text, getMessages(language)).message : problem?.message);
    writeFileSync(path, text.replace(`"sha256":"${SHA('a')}"`, '"sha256":"не сумма"').replace(/"kind":"published",/, ''));
    const [entry] = lock().problems;
    expect(entry).toMatchObject({ line: 7, code: 'log-lock-damaged' });
    expect(say(entry, 'en')).toBe(entry?.message);
    expect(entry?.message).toBe(
      'log entry 0 is damaged: kind: Invalid option: expected one of "published"|"imported"|"backdated"|"late-translation"|"correction"|"postponed"|"withdrawn"|"editorial"; sha256: must be 64 lowercase hexadecimal characters',
    );
    expect(say(entry, 'ru')).toBe(
      'запись 0 публичного журнала повреждена: kind: поле не заполнено; sha256: значение «не сумма» записано не так, как его записывает publish (нужна контрольная сумма SHA-256: 64 знака, цифры и строчные латинские буквы a–f)',
    );
    writeFileSync(path, text.replace(/"size": ?2,/, '"size": "два",'));
    const [state] = lock().problems;
    expect(state?.message).toBe('the log state is damaged: size: Invalid input: expected number, received string');
    expect(say(state, 'ru')).toBe('файл публичного журнала повреждён: size: значение должно быть числом, а указано «два»');
  });

  test('asks to start the log when a ledger has none yet', () => {
    const resolved = resolve(logged, readLogLock(mkdtempSync(join(tmpdir(), 'log-state-')), '/'));
    expect(resolved.entries).toHaveLength(2);
    expect(resolved.problems.map((problem) => problem.code)).toEqual(['log-missing']);
  });
});
