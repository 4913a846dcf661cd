/**
 * The notice settings against the policies folder: a policy named in
 * `notice.policies` must be one of the folder's, or its promise of notice
 * would silently protect nothing (a typo such as `privcy` leaves `privacy`
 * without its notice). That holds for a folder named by `POLICIES_DIR` too: a
 * content repository checked out elsewhere is the site's own folder. Only a
 * run that says the folder is not the one the settings were written for
 * (`POLICIES_DIR_FOREIGN=1`: the tests' fixtures, a benchmark corpus) gets a
 * warning instead.
 */
import type { Problem } from '#lib/corpus/problem.ts';
import { didYouMean } from '#lib/corpus/did-you-mean.ts';
import type { NoticeSettings } from './notice-period.ts';

/** Problems with `site.config.ts` for every policy id in `notice.policies` that the folder does not have. */
export function checkNoticeSettings(notice: NoticeSettings | undefined, policies: Iterable<string>, severity: 'error' | 'warning' = 'error'): Problem[] {
  const known = [...new Set(policies)].sort();
  return Object.keys(notice?.policies ?? {})
    .filter((policy) => !known.includes(policy))
    .map((policy) => ({
      file: 'site.config.ts',
      line: 1,
      field: `notice.policies.${policy}`,
      code: 'notice-unknown-policy',
      ...(severity === 'warning' ? { severity } : {}),
      message: `there is no policy "${policy}" in the policies folder`,
      hint: `${didYouMean(policy, known).trim()} Name a policy by its folder (${known.join(', ') || 'none'}), or remove the setting.`.trim(),
    }));
}
