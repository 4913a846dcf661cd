/** Builders of policy versions for unit tests. */
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';

/** A valid version with sensible defaults; `effective` is an ISO instant. */
export function makeVersion(fields: Partial<PolicyVersion> & { version: string; effective: string }): PolicyVersion {
  const policy = fields.policy ?? 'privacy';
  const locale = fields.locale ?? 'ru';
  return {
    policy,
    locale,
    id: `${policy}/${locale}/${fields.version}`,
    title: 'Политика конфиденциальности',
    effectiveFrom: Date.parse(fields.effective),
    summary: [],
    changeType: 'material',
    draft: false,
    corrections: [],
    published: null,
    body: `Текст редакции ${fields.version}.\n`,
    file: `policies/${policy}/${locale}/${fields.version}.md`,
    bodyStartLine: 5,
    effectiveLine: 3,
    summaryLine: 1,
    lintLine: 1,
    lint: { ignore: {} },
    ...fields,
  };
}
