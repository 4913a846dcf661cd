/**
 * The notice settings against the policies folder: a policy named in
 * `notice.policies` must be one of the folder's, or its promise of notice
 * would silently protect nothing (a typo such as `privcy`). For a folder
 * named by `POLICIES_DIR` instead of the settings' own, it is a warning: the
 * settings were written for another folder (the tests' fixtures, a content
 * repository checked out elsewhere).
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
