/**
 * `npm run policy -- withdraw` as a pure function: marks a published version
 * that has not taken effect as withdrawn, with the reason and the instant, in
 * every language it was published in (in one language only when locales are
 * independent documents). Its file and its text stay as published (served by
 * hash, its page says it was withdrawn); it is never in force. Once a version
 * has taken effect nothing can withdraw it: a new version replaces it.
 */
import type { Ledger } from '#schemas/ledger.ts';
import type { LocaleModel } from '#schemas/site-config.ts';
import { formatInstant, formatZonedInstant } from '#lib/time/zoned-time.ts';
import { hasBegun } from '#lib/time/interval.ts';
import { DEFAULT_MESSAGES, problemText, type MessageCatalog, type ProblemMessage } from '#lib/messages/message-catalog.ts';

/** What {@link planWithdraw} needs. */
export interface WithdrawInput {
  ledger: Ledger | null;
  ledgerFile: string;
  policy: string;
  version: string;
  /** The one locale to withdraw, when locales are independent documents. */
  locale: string | null;
  reason: string;
  now: number;
  timeZone: string;
  localeModel: LocaleModel;
  /** The language of `recorded` and `planned` (English when not given). */
  messages?: MessageCatalog;
}

/**
 * The next ledger, or why not. `recorded`: what was done ("withdrew …");
 * `planned`: the same for --dry-run ("would have withdrawn …"). A refusal
 * is in English, with `text` to write it in the reader's language.
 */
export type WithdrawPlan = { ok: true; ledger: Ledger; recorded: string[]; planned: string[] } | { ok: false; message: string; hint: string; text: ProblemMessage };

/** Plans the withdrawal of a version at `now`. */
export function planWithdraw(input: WithdrawInput): WithdrawPlan {
  const when = (instant: string | number) => formatZonedInstant(typeof instant === 'number' ? instant : Date.parse(instant), input.timeZone);
  const say = (input.messages ?? DEFAULT_MESSAGES).recorded;
  if (input.reason.trim() === '') return { ok: false, ...problemText('withdrawNoReason') };
  if (input.localeModel === 'translations' && input.locale !== null) return { ok: false, ...problemText('withdrawLocale') };
  if (input.ledger?.readFrom === 1) return { ok: false, ...problemText('withdrawLedgerVersion1', { ledger: input.ledgerFile }) };
  const targets = (input.ledger?.versions ?? []).filter((entry) => entry.policy === input.policy && entry.version === input.version && (input.locale === null || entry.locale === input.locale));
  const name = `${input.policy} ${input.version}${input.locale ? ` (${input.locale})` : ''}`;
  if (targets.length === 0) {
    return { ok: false, ...problemText('withdrawNotPublished', { name, ledger: input.ledgerFile }) };
  }
  const first = targets[0];
  if (first?.withdrawn) return { ok: false, ...problemText('withdrawAlready', { name, withdrawn: when(first.withdrawn.recordedAt), reason: first.withdrawn.reason }) };
  const effective = Date.parse(first?.effectiveFrom ?? '');
  if (hasBegun(effective, input.now)) {
    return { ok: false, ...problemText('withdrawInForce', { name, effective: when(effective), now: when(input.now), policy: input.policy }) };
  }
  const withdrawn = { recordedAt: formatInstant(input.now), reason: input.reason.trim() };
  const ids = new Set(targets.map((entry) => `${entry.policy}/${entry.locale}/${entry.version}`));
  return {
    ok: true,
    ledger: { ledgerVersion: 2, versions: (input.ledger?.versions ?? []).map((entry) => (ids.has(`${entry.policy}/${entry.locale}/${entry.version}`) ? { ...entry, withdrawn } : entry)) },
    recorded: targets.map((entry) => say.withdrew({ version: `${entry.policy}/${entry.locale}/${entry.version}`, effective: when(entry.effectiveFrom), reason: withdrawn.reason })),
    planned: targets.map((entry) => say.wouldWithdraw({ version: `${entry.policy}/${entry.locale}/${entry.version}`, effective: when(entry.effectiveFrom), reason: withdrawn.reason })),
  };
}
