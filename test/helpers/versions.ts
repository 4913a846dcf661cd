/** Builders of policy versions for unit tests. */
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { LedgerCheckInput } from '#lib/ledger/check-ledger.ts';
import type { Ledger, PublishedRecord } from '#schemas/ledger.ts';

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
    summaryItemLines: [],
    lintLine: 1,
    changeTypeLine: 1,
    lint: { ignore: {} },
    ...fields,
  };
}

/** What the ledger records of a published version, with defaults: published on time, nothing since. */
export function makePublished(fields: Partial<PublishedRecord> & { sha256: string }): PublishedRecord {
  return {
    publishedAt: '2025-08-01T00:00:00.000Z',
    publication: { kind: 'published', reason: null },
    changeType: 'material',
    summary: [],
    corrections: [],
    rescheduled: [],
    withdrawn: null,
    ...fields,
  };
}

/** What the ledger's check needs around the versions and the ledger, for a test: no archive, no redline, the sample's zone; `fields` sets the rest. */
export function makeLedgerCheckInput(versions: PolicyVersion[], ledger: Ledger | null, fields: Pick<LedgerCheckInput, 'now' | 'localeModel'> & Partial<LedgerCheckInput>): LedgerCheckInput {
  return { versions, ledger, ledgerFile: 'policies/published.lock.json', policiesDisplayPath: 'policies', readArchive: () => null, describeChange: () => '', timeZone: 'Europe/Moscow', ...fields };
}
