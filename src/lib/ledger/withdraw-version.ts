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
}

/** The next ledger, or why not. `recorded`: what was done ("withdrew …"); `planned`: the same for --dry-run ("would have withdrawn …"). */
export type WithdrawPlan = { ok: true; ledger: Ledger; recorded: string[]; planned: string[] } | { ok: false; message: string; hint: string };

/** Plans the withdrawal of a version at `now`. */
export function planWithdraw(input: WithdrawInput): WithdrawPlan {
  const when = (instant: string | number) => formatZonedInstant(typeof instant === 'number' ? instant : Date.parse(instant), input.timeZone);
  if (input.reason.trim() === '') return { ok: false, message: 'withdraw needs a reason', hint: 'Write why, in plain words: --reason "<reason>". It is recorded in the ledger and shown on the site and in the feed.' };
  if (input.localeModel === 'translations' && input.locale !== null) {
    return { ok: false, message: '--locale is for sites whose locales are independent documents', hint: `Here translations share one timeline: a version is withdrawn in every language at once. Run it without --locale.` };
  }
  if (input.ledger?.readFrom === 1) {
    return { ok: false, message: `${input.ledgerFile} is a version 1 ledger, which cannot record a withdrawal`, hint: 'Run npm run policy -- publish first: it upgrades the ledger to version 2 (and locks changeType and summary); then withdraw.' };
  }
  const targets = (input.ledger?.versions ?? []).filter(
    (entry) => entry.policy === input.policy && entry.version === input.version && (input.locale === null || entry.locale === input.locale),
  );
  const name = `${input.policy} ${input.version}${input.locale ? ` (${input.locale})` : ''}`;
  if (targets.length === 0) {
    return {
      ok: false,
      message: `${name} is not in the published-version ledger (${input.ledgerFile})`,
      hint: 'Only a published version can be withdrawn. A version that is not published yet is simply edited, made a draft (draft: true) or deleted.',
    };
  }
  const first = targets[0];
  if (first?.withdrawn) return { ok: false, message: `${name} was already withdrawn at ${when(first.withdrawn.recordedAt)} (${first.withdrawn.reason})`, hint: 'Nothing to do.' };
  const effective = Date.parse(first?.effectiveFrom ?? '');
  if (hasBegun(effective, input.now)) {
    return {
      ok: false,
      message: `${name} took effect at ${when(effective)}; it is ${when(input.now)} now, so it can no longer be withdrawn: what was in force in the past never changes`,
      hint: `Publish a new version that replaces it: npm run policy -- new ${input.policy} --effective <date>, then publish.`,
    };
  }
  const withdrawn = { recordedAt: formatInstant(input.now), reason: input.reason.trim() };
  const ids = new Set(targets.map((entry) => `${entry.policy}/${entry.locale}/${entry.version}`));
  return {
    ok: true,
    ledger: { ledgerVersion: 2, versions: (input.ledger?.versions ?? []).map((entry) => (ids.has(`${entry.policy}/${entry.locale}/${entry.version}`) ? { ...entry, withdrawn } : entry)) },
    recorded: targets.map((entry) => `withdrew ${entry.policy}/${entry.locale}/${entry.version} (was to take effect ${when(entry.effectiveFrom)}): ${withdrawn.reason}`),
    planned: targets.map((entry) => `would have withdrawn ${entry.policy}/${entry.locale}/${entry.version} (was to take effect ${when(entry.effectiveFrom)}): ${withdrawn.reason}`),
  };
}
