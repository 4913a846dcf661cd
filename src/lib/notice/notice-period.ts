/**
 * The notice a policy promises before a new version takes effect (its own
 * clause 6.2 in the sample: «не позднее чем за 10 (десять) дней»): how long,
 * read from the site settings, and what it means for one version. A version
 * is announced when `publish` records it; the notice it was given runs from
 * that instant to the one it takes effect, whatever the build's clock says,
 * so published history is judged the same on every machine and every day.
 */
import type { CHANGE_TYPES } from '#schemas/front-matter.ts';
import type { SiteConfig } from '#schemas/site-config.ts';

type ChangeType = (typeof CHANGE_TYPES)[number];

const DAY_MS = 86_400_000;
// Weeks alone, or days and a time part: units of a fixed length. Months and years are refused (see below).
const DURATION = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;

/** A notice as written in `site.config.ts`: whole days, or an ISO 8601 duration (`P10D`, `P2W`, `PT48H`). */
export type NoticeInput = number | string;

/**
 * The length of a notice in milliseconds, or why it is not one. A day is 24
 * hours, counted from the instant of publishing; months and years are refused
 * because they have no fixed length (`P1M` would be 28 to 31 days).
 */
export function parseNotice(value: NoticeInput): { ok: true; ms: number } | { ok: false; message: string } {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) return { ok: true, ms: value * DAY_MS };
    return { ok: false, message: `is ${value}, which is not a whole number of days of at least 0` };
  }
  const match = DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) {
    if (/^P[^T]*[YM]/.test(value)) {
      return { ok: false, message: `is "${value}": months and years have no fixed length; write the notice in days (e.g. "P30D") or weeks ("P4W")` };
    }
    return { ok: false, message: `is "${value}", which is not a non-negative number of days (10) or an ISO 8601 duration in weeks, days, hours, minutes or seconds ("P10D", "P2W", "PT48H")` };
  }
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return { ok: true, ms: (weeks ?? 0) * 7 * DAY_MS + (days ?? 0) * DAY_MS + (hours ?? 0) * 3_600_000 + (minutes ?? 0) * 60_000 + (seconds ?? 0) * 1000 };
}

/** The notice settings after validation (see `notice` in `src/schemas/site-config.ts`). */
export type NoticeSettings = SiteConfig['notice'];

/** The notice one policy requires for a version of one change type, as configured. */
export interface RequiredNotice {
  /** As written in the settings (`10`, `"P10D"`), for messages and the ledger. */
  setting: NoticeInput;
  /** The settings key it comes from, for messages: `notice.policies.privacy.material` or `notice.material`. */
  key: string;
  ms: number;
}

/** The notice a version of `policy` of `changeType` requires: the policy's own setting, else the default. */
export function getRequiredNotice(settings: NoticeSettings | undefined, policy: string, changeType: ChangeType): RequiredNotice {
  if (!settings) return { setting: 0, key: `notice.${changeType}`, ms: 0 };
  const own = settings.policies[policy]?.[changeType];
  const setting = own ?? settings[changeType];
  const parsed = parseNotice(setting);
  // The schema refused anything else; fail closed all the same.
  if (!parsed.ok) throw new Error(`notice.${changeType}: ${parsed.message}`);
  return { setting, key: own === undefined ? `notice.${changeType}` : `notice.policies.${policy}.${changeType}`, ms: parsed.ms };
}

/** Whether a scheduled version of this change type is announced by a banner on the site (material ones always are). */
export function isAnnouncedByBanner(settings: NoticeSettings | undefined, policy: string, changeType: ChangeType): boolean {
  if (changeType === 'material') return true;
  return settings?.policies[policy]?.announceEditorial ?? settings?.announceEditorial ?? false;
}

/** Whether a returning user may accept a scheduled version of this change type before it takes effect (only a material one asks for consent). */
export function isAcceptedEarly(settings: NoticeSettings | undefined, policy: string, changeType: ChangeType): boolean {
  if (changeType !== 'material') return false;
  return settings?.policies[policy]?.acceptEarly ?? settings?.acceptEarly ?? false;
}

/** The notice in whole days, or null when it is not a whole number of days (then a message writes the setting as it is, PT48H). */
export function getWholeNoticeDays(notice: RequiredNotice): number | null {
  return notice.ms % DAY_MS === 0 ? notice.ms / DAY_MS : null;
}

/** The earliest instant a version announced at `announcedAt` may take effect with this notice, rounded up to a whole minute. */
export function getEarliestEffective(announcedAt: number, notice: RequiredNotice): number {
  return Math.ceil((announcedAt + notice.ms) / 60_000) * 60_000;
}

/** The whole days of notice a version was given: from its announcement to the instant it takes effect, at least 0. */
export function getNoticeDays(announcedAt: number, effectiveFrom: number): number {
  return Math.max(0, Math.floor((effectiveFrom - announcedAt) / DAY_MS));
}
