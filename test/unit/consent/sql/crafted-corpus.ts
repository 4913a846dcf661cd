/**
 * A corpus, as the feed publishes it, made so that a consent record can hit
 * every outcome of verify: a policy whose locales are translations (one
 * timeline; a version with no English text; an English text published
 * after its version took effect; a backdated version; imported history with
 * a correction; a version withdrawn before it took effect; one scheduled),
 * and a policy whose locale has its own timeline. Instants fall on local
 * midnights and between them, so bare dates meet every case.
 */
import { createVersionIndex, type VersionIndex } from '#lib/consent/version-index.ts';
import { formatZonedInstant } from '#lib/time/zoned-time.ts';
import type { FlatRecord } from '../../../helpers/consent-engines.ts';
import type { FeedVersion, WithdrawnFeedVersion } from '#schemas/feed.ts';

export const CRAFTED_TIME_ZONE = 'Europe/Moscow';

const hash = (seed: string) => seed.repeat(64).slice(0, 64);
const site = 'https://example.com/';

/** One text of a corpus: its identity, interval and ledger facts. */
export interface Text {
  policy: string;
  locale: string;
  version: string;
  from: string;
  until: string | null;
  publishedAt?: string;
  publication?: FeedVersion['publication'];
  previous?: string[];
  /** When each correction was recorded; absent, the feed does not say (built before it did). */
  recorded?: string[];
}

function toFeedVersion(text: Text, index: number): FeedVersion {
  const sha256 = hash(String.fromCharCode(97 + (index % 6)) + String(index % 10));
  return {
    policy: text.policy,
    locale: text.locale,
    version: text.version,
    title: `${text.policy} ${text.version}`,
    effectiveFrom: text.from,
    effectiveUntil: text.until,
    sha256,
    url: `${site}${text.locale}/${text.policy}/${text.version}/`,
    markdownUrl: `${site}raw/${text.policy}/${text.locale}/${text.version}.md`,
    sha256Url: null,
    diffUrl: null,
    summary: [],
    changeType: 'material',
    publishedAt: text.publishedAt ?? null,
    publication: text.publication ?? null,
    publicationReason: text.publication === 'backdated' ? 'signed on paper first' : null,
    corrections: (text.previous ?? []).map((previous, at) => ({
      date: `2025-0${at + 2}-01`,
      reason: 'typo',
      previousSha256: previous,
      sha256: at + 1 < (text.previous?.length ?? 0) ? (text.previous?.[at + 1] ?? sha256) : sha256,
      previousMarkdownUrl: `${site}raw/${text.policy}/${text.locale}/${text.version}/${previous}.md`,
      ...(text.recorded?.[at] ? { recordedAt: text.recorded[at] } : {}),
      diffUrl: `${site}${text.locale}/${text.policy}/${text.version}/corrections/${at + 1}/`,
    })),
  };
}

// Moscow is UTC+3 all year: 21:00Z is local midnight.
const V1 = '2023-12-31T21:00:00.000Z';
const V2 = '2025-03-01T12:30:00.000Z';
const V3 = '2025-08-31T21:00:00.000Z';
const V5 = '2026-12-31T21:00:00.000Z';

/** The texts of the translated policy and the independent one. */
const TEXTS: Text[] = [
  { policy: 'privacy', locale: 'en', version: 'v1', from: V1, until: V2, publishedAt: '2025-01-10T12:00:00.000Z', publication: 'imported' },
  { policy: 'privacy', locale: 'en', version: 'v3', from: V3, until: V5, publishedAt: '2025-09-30T21:00:00.000Z', publication: 'late-translation' },
  { policy: 'privacy', locale: 'en', version: 'v5', from: V5, until: null, publishedAt: '2025-12-01T09:00:00.000Z', publication: 'published' },
  {
    policy: 'privacy',
    locale: 'ru',
    version: 'v1',
    from: V1,
    until: V2,
    publishedAt: '2025-01-10T12:00:00.000Z',
    publication: 'imported',
    previous: [hash('e1'), hash('e2')],
    recorded: ['2025-02-01T09:00:00.000Z', '2025-03-01T00:00:00.000Z'],
  },
  { policy: 'privacy', locale: 'ru', version: 'v2', from: V2, until: V3, publishedAt: '2025-02-01T08:00:00.000Z', publication: 'published' },
  { policy: 'privacy', locale: 'ru', version: 'v3', from: V3, until: V5, publishedAt: '2025-09-05T09:00:00.000Z', publication: 'backdated' },
  { policy: 'privacy', locale: 'ru', version: 'v5', from: V5, until: null, publishedAt: '2025-12-01T09:00:00.000Z', publication: 'published' },
  { policy: 'terms', locale: 'pt-br', version: '1', from: '2025-05-05T13:14:15.678Z', until: '2025-11-01T21:00:00.000Z', previous: [hash('c1')] },
  { policy: 'terms', locale: 'pt-br', version: '2', from: '2025-11-01T21:00:00.000Z', until: null, publishedAt: '2025-10-01T00:00:00.000Z', publication: 'published' },
];

const WITHDRAWN: WithdrawnFeedVersion = {
  policy: 'privacy',
  locale: 'ru',
  version: 'v4',
  title: 'privacy v4',
  effectiveFrom: '2026-05-31T21:00:00.000Z',
  publishedAt: '2025-12-01T09:00:00.000Z',
  withdrawnAt: '2025-12-15T09:00:00.000Z',
  reason: 'superseded before it took effect',
  sha256: hash('f4'),
  url: `${site}ru/privacy/v4/`,
  markdownUrl: `${site}raw/privacy/ru/v4.md`,
};

/** The index of a policy made of these texts. */
export function indexOfTexts(texts: readonly Text[], localeModel: 'translations' | 'independent'): VersionIndex {
  const versions = texts.map(toFeedVersion);
  const policies = [...new Set(texts.map((text) => text.policy))];
  return createVersionIndex(policies.map((policy) => ({ policy, localeModel, versions: versions.filter((version) => version.policy === policy), withdrawn: [] })));
}

/** The index of the crafted corpus. */
export function craftedIndex(): VersionIndex {
  const versions = TEXTS.map(toFeedVersion);
  return createVersionIndex([
    { policy: 'privacy', localeModel: 'translations', versions: versions.filter((version) => version.policy === 'privacy'), withdrawn: [WITHDRAWN] },
    { policy: 'terms', localeModel: 'independent', versions: versions.filter((version) => version.policy === 'terms'), withdrawn: [] },
  ]);
}

const DAY = 86_400_000;
const WRONG = '0'.repeat(64);

/** Records around every boundary of every version of an index, and records that are wrong in every way a record can be. */
export function craftRecords(index: VersionIndex, timeZone: string): FlatRecord[] {
  const records: FlatRecord[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => formatZonedInstant(ms, timeZone, { fixed: true }).slice(0, 10);
  for (const text of index.versions.values()) {
    const id = { policy: text.policy, locale: text.locale, version: text.version };
    const published = text.publishedAt === null ? null : Date.parse(text.publishedAt);
    const instants = [text.from - 1, text.from, text.from + 1, ...(text.until === null ? [text.from + 40 * DAY] : [text.until - 1, text.until]), ...(published === null ? [] : [published - 1, published, published + 1])];
    for (const instant of instants) {
      records.push({ ...id, sha256: text.sha256, acceptedAt: iso(instant) });
      records.push({ ...id, sha256: text.sha256, acceptedAt: formatZonedInstant(instant, timeZone, { fixed: true }) });
    }
    for (const instant of [text.from - DAY, text.from, text.from + DAY, ...(published === null ? [] : [published - DAY, published, published + DAY]), ...(text.until === null ? [] : [text.until - DAY])]) {
      records.push({ ...id, sha256: text.sha256, acceptedAt: day(instant) });
    }
    const inside = iso(text.until === null ? text.from + DAY : Math.floor((text.from + text.until) / 2));
    for (const sha256 of [WRONG, text.sha256.toUpperCase(), null, '', 'not-a-hash', '*', ...(text.corrections ?? []).map((correction) => correction.previousSha256)]) records.push({ ...id, sha256, acceptedAt: inside });
    // Around each correction's recording: the text before it and the corrected one, at the instant, a millisecond before, and on its day.
    for (const [at, correction] of (text.corrections ?? []).entries()) {
      if (correction.recordedAt === undefined) continue;
      const recorded = Date.parse(correction.recordedAt);
      const later = text.corrections[at + 1]?.previousSha256 ?? text.sha256;
      for (const sha256 of [correction.previousSha256, later]) {
        for (const acceptedAt of [iso(recorded - 1), iso(recorded), day(recorded), day(recorded - DAY), day(recorded + DAY)]) records.push({ ...id, sha256, acceptedAt });
      }
    }
    records.push({ policy: text.policy, locale: text.locale, version: text.version, acceptedAt: inside });
    for (const locale of index.policies.get(text.policy) ?? []) if (locale !== text.locale) records.push({ ...id, locale, sha256: text.sha256, acceptedAt: inside });
    records.push({ ...id, version: 'nope', acceptedAt: inside }, { ...id, locale: 'xx', acceptedAt: inside }, { ...id, policy: 'nope', acceptedAt: inside });
  }
  for (const withdrawn of index.withdrawn.values()) {
    const id = { policy: withdrawn.policy, locale: withdrawn.locale, version: withdrawn.version, sha256: withdrawn.sha256 };
    records.push({ ...id, acceptedAt: withdrawn.effectiveFrom }, { ...id, acceptedAt: withdrawn.withdrawnAt }, { ...id, acceptedAt: iso(Date.parse(withdrawn.effectiveFrom) + DAY) });
  }
  const [first] = index.versions.values();
  if (first) {
    const id = { policy: first.policy, locale: first.locale, version: first.version, sha256: first.sha256 };
    for (const acceptedAt of [
      '2025-09-01T00:00:00',
      'garbage',
      '2025-02-30',
      '2025-02-29T10:00:00Z',
      '2024-02-29T10:00:00Z',
      ' 2025-09-01T10:00:00Z ',
      '\t2025-09-01T10:00:00Z\n',
      '2025-09-01T24:00:00Z',
      '2025-09-01T10:00:60Z',
      '2025-09-01T10:00Z',
      '2025-09-01T10:00:00.123456789+05:30',
      '2025-09-01T10:00:00.5-00:30',
      '2025-09-01T10:00:00+24:00',
      '2025-09-01T10:00:00+23:59',
      '2025-09-01t10:00:00z',
      '0050-01-01T00:00:00Z',
      '2025-9-01',
      '',
      null,
      '2099-01-01T00:00:00Z',
      '2099-01-01',
      '2025-09-01T10:00:00.000Z',
      '２０２５-09-01',
      '2016-12-31T23:59:60Z',
      '2025-09-01T10:00:00,5Z',
      '0000-02-29T00:00:00Z',
      '0000-02-29',
      '0100-02-29',
    ])
      records.push({ ...id, acceptedAt });
    records.push(
      { ...id, policy: null, acceptedAt: '2025-09-01T10:00:00Z' },
      { ...id, locale: '', acceptedAt: '2025-09-01T10:00:00Z' },
      { policy: first.policy, locale: first.locale, sha256: first.sha256, acceptedAt: '2025-09-01T10:00:00Z' },
    );
  }
  // Exact copies of earlier records: duplicates (never of a malformed one).
  return [...records, ...records.filter((_, i) => i % 7 === 0)];
}
