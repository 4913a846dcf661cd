/**
 * The live examples of the "For developers" page: real feed URLs of this
 * site, the identity of a version in force, a consent record, and a form
 * snippet, all computed from the corpus so the page never shows stale values.
 */
import { decideReconsent, type ReconsentAnswer } from '#lib/consent/reconsent-decision.ts';
import { OUTCOMES, outcomeFails, type Outcome } from '#lib/consent/verify-outcomes.ts';
import { createClassifySql, getVersionsLoadSql } from '#lib/consent/sql/classify-sql.ts';
import { createTypedClassifySql } from '#lib/consent/sql/typed-classify-sql.ts';
import { createVersionIndex } from '#lib/consent/version-index.ts';
import { createPolicyFeed } from '#lib/feed/feed-data.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { getReconsentInput } from '#lib/feed/since-data.ts';
import { getPolicyLocales, getTimeline } from '#lib/timeline/policy-corpus.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getCurrentVersion, getVersionStatus } from '#lib/timeline/timeline.ts';

/** Feed links of one policy in one locale. */
interface PolicyFeedLinks {
  policy: string;
  locale: string;
  title: string;
  feedUrl: string;
  currentJsonUrl: string;
  atomUrl: string;
  jsonFeedUrl: string;
  timemapUrl: string;
}

/** Everything the developers page shows. */
export interface DeveloperGuide {
  indexUrl: string;
  schemaUrl: string;
  feeds: PolicyFeedLinks[];
  /** Pretty-printed JSON of an example consent record, and of one tied to two documents. */
  recordExample: string;
  multiRecordExample: string;
  formSnippet: string;
  scriptSnippet: string;
  verifyExample: string;
  /** The same with the texts audited (`--texts`). */
  auditExample: string;
  /** Every outcome `verify` gives, in its order, with what it means in the page's language and whether it fails by default. */
  verifyOutcomes: { outcome: Outcome; meaning: string; fails: boolean }[];
  atExample: string;
  /** Verifying where the consents are: versions.csv, the commands that print the query or run it in DuckDB, and the portable query itself. */
  sql: {
    versionsCsvUrl: string;
    versionsMetadataUrl: string;
    printExample: string;
    engineExample: string;
    /** The command that prints the short query, for a table whose acceptedAt is a typed timestamp. */
    typedPrintExample: string;
    /** The short ANSI query (--typed) over the table `consents`, acceptedAt a timestamp with time zone, as of the build. */
    typedQuery: string;
    /** The ANSI query over the tables `consents` and `versions` (versions.csv loaded as text), as of the build. */
    portableQuery: string;
    /** The instant the query counts as now (the build's): later records are in-the-future until a fresh query is printed. */
    asOf: string;
  };
  /** The client kit's URL, its DOM-free part's, their declarations', and the feed base it reads. */
  kitUrl: string;
  kitReconsentUrl: string;
  kitTypesUrl: string;
  feedBaseUrl: string;
  /** The same two as site paths, for the live example (it then works wherever the site is served). */
  kitPath: string;
  feedBasePath: string;
  /** The live kit examples: one accepted version per answer (required, notify, none) that this site has. */
  reconsentExamples: { policy: string; locale: string; acceptedVersion: string; answer: ReconsentAnswer; json: string }[];
  kitSnippet: string;
  reconsentCliExample: string;
  /** The public log: where it is, its key, its current checkpoint, and the commands that check it. */
  log: {
    url: string;
    checkpointUrl: string;
    keyUrl: string;
    origin: string;
    verifierKey: string | null;
    size: number;
    signed: boolean;
    checkpoint: string;
    auditExample: string;
    verifyLogExample: string;
  };
}

/** What each outcome of `verify` means, in Russian; an outcome missing here is shown with its English meaning. */
const OUTCOME_MEANINGS_RU: Partial<Record<Outcome, string>> = {
  malformed: 'запись не читается или её поля противоречат друг другу',
  'engines-disagree': '--engine: DuckDB и потоковая проверка дали записи разные итоги (ошибка программы: названы оба; сообщите о ней)',
  'in-the-future': 'acceptedAt позже текущего момента (или --as-of)',
  'unknown-policy': 'такой документ не опубликован',
  'unknown-locale': 'у документа нет текста на этом языке',
  'unknown-version': 'такая редакция не опубликована',
  withdrawn: 'редакция отозвана до вступления в силу: она никогда не действовала',
  'no-translation': 'у действовавшей в момент acceptedAt редакции не было текста на языке записи (или он опубликован позже)',
  'ambiguous-instant': 'acceptedAt — дата без времени, а в этот день сменилась действующая редакция',
  'not-in-force': 'в момент acceptedAt эта редакция не действовала',
  backdated: 'согласие дано между датой вступления в силу задним числом и публикацией, когда текст никто не мог прочитать',
  'hash-mismatch': 'sha256 не совпадает ни с одним опубликованным текстом редакции',
  'text-not-yet-served': 'sha256 — текст исправления, внесённого в реестр после acceptedAt: тогда этот текст ещё не публиковался',
  'text-already-corrected': 'sha256 — текст, заменённый исправлением до acceptedAt: тогда публиковался уже исправленный текст',
  'log-checkpoint-malformed': '--log: checkpoint записи — не текст контрольной точки журнала',
  'log-checkpoint-foreign': '--log: контрольная точка другого журнала, не этого сайта',
  'log-checkpoint-unsigned': '--log: у контрольной точки нет подписи ключом журнала',
  'log-checkpoint-forged': '--log: подпись контрольной точки ключом журнала не сходится',
  'log-checkpoint-ahead': '--log: в контрольной точке больше записей, чем в журнале сегодня',
  'log-checkpoint-inconsistent': '--log: сегодняшний журнал не продолжает контрольную точку (история переписана)',
  'log-not-in-log': '--log: редакции с хешем из записи нет в журнале',
  'log-not-at-checkpoint': '--log: редакция попала в журнал позже контрольной точки записи: тогда она ещё не была публичной',
  'text-mismatch': '--texts: отдаваемый текст не даёт хеш из ленты или записи',
  'text-unavailable': '--texts: текст не удалось прочитать',
  'no-hash': 'нет sha256: запись не связать с текстом (с --allow-missing-hash не ошибка)',
  duplicate: 'байт в байт повторяет более раннюю строку (с --strict — ошибка)',
  ok: 'редакция действовала в момент acceptedAt, хеш — её текст',
};

/** Builds the examples for the developers page in `locale`. */
export function getDeveloperGuide(context: SiteContext, locale: string): DeveloperGuide {
  const { corpus, urls, now, settings } = context;
  const feeds: PolicyFeedLinks[] = corpus.policies.flatMap((policy) =>
    getPolicyLocales(corpus, policy).map((policyLocale) => {
      const timeline = getTimeline(corpus, policy, policyLocale);
      return {
        policy,
        locale: policyLocale,
        title: (timeline && getCurrentVersion(timeline, now)?.title) ?? policy,
        feedUrl: urls.absolute(urls.policyFeed(policy)),
        currentJsonUrl: urls.absolute(urls.currentJson(policy)),
        atomUrl: urls.absolute(urls.atom(policy, policyLocale)),
        jsonFeedUrl: urls.absolute(urls.jsonFeed(policy, policyLocale)),
        timemapUrl: urls.absolute(urls.timemap(policy, policyLocale)),
      };
    }),
  );
  // The examples use real versions of this site: the locale's own if it has any.
  const pick = (preferred: string) => {
    for (const policy of [preferred, ...corpus.policies]) {
      for (const candidate of [locale, settings.defaultLocale, ...corpus.locales]) {
        const timeline = getTimeline(corpus, policy, candidate);
        // A consent example names a text in force; a text shown for reference only is not one.
        const version = timeline && getCurrentVersion(timeline, now);
        if (version && getVersionStatus(version, now) !== 'superseded') return version;
      }
    }
    return undefined;
  };
  const main = pick('privacy');
  const consent = pick('consent') ?? main;
  const identity = (version: typeof main) =>
    version ? { policy: version.policy, locale: version.locale, version: version.version, sha256: version.sha256 } : { policy: 'privacy', locale, version: '2025-09-01', sha256: '…' };
  const acceptedAt = formatInstant(main ? Math.max(main.effectiveFrom, now - (now % 86_400_000)) : now);
  const currentJson = urls.absolute(urls.currentJson(consent?.policy ?? 'consent'));
  const consentUrl = consent ? urls.absolute(urls.version(consent.policy, consent.locale, consent.version)) : '';
  const consentIdentity = identity(consent);
  const { log } = context;
  const keyOption = log.verifierKey ? ` --key '${log.verifierKey}'` : '';
  return {
    indexUrl: urls.absolute(urls.feedIndex()),
    schemaUrl: urls.absolute(urls.feedSchema()),
    feeds,
    recordExample: JSON.stringify({ ...identity(main), acceptedAt, userId: 'u-123', checkpoint: log.checkpoint }, null, 2),
    multiRecordExample: JSON.stringify({ acceptedAt, userId: 'u-123', documents: [identity(main), identity(consent)] }, null, 2),
    formSnippet: [
      '<form method="post" action="/signup">',
      '  <!-- your fields -->',
      '  <label>',
      '    <input type="checkbox" name="consent" required>',
      `    <a href="${consentUrl}">${consent?.title ?? ''}</a>`,
      '  </label>',
      ...Object.entries(consentIdentity).map(([key, value]) => `  <input type="hidden" name="consent_${key}" value="${value}">`),
      '  <input type="hidden" name="consent_checkpoint" value="">',
      '  <button type="submit">OK</button>',
      '</form>',
    ].join('\n'),
    scriptSnippet: [
      '<script type="module">',
      `  // Keeps the hidden fields on the version in force, even between two builds of the policy site.`,
      `  const response = await fetch('${currentJson}');`,
      `  const { locales } = await response.json();`,
      `  const entry = locales['${consentIdentity.locale}'];`,
      `  const now = Date.now();`,
      `  const version = entry.next && Date.parse(entry.next.effectiveFrom) <= now ? entry.next : entry.inForce;`,
      `  const form = document.querySelector('form[action="/signup"]');`,
      `  for (const key of ['version', 'sha256']) form.elements['consent_' + key].value = version[key];`,
      `  form.querySelector('label a').href = version.url;`,
      `  // The log's checkpoint of this moment: later it proves the version was public when the user agreed.`,
      `  form.elements.consent_checkpoint.value = await (await fetch('${urls.absolute(urls.logCheckpoint())}')).text();`,
      '</script>',
    ].join('\n'),
    kitUrl: urls.absolute(urls.kit()),
    kitReconsentUrl: urls.absolute(urls.kit('reconsent.js')),
    kitTypesUrl: urls.absolute(urls.kit('policy-kit.d.ts')),
    feedBaseUrl: urls.absolute(urls.feedIndex()).replace(/index\.json$/, ''),
    kitPath: urls.kit(),
    feedBasePath: urls.feedIndex().replace(/index\.json$/, ''),
    reconsentExamples: getReconsentExamples(context, main?.policy ?? 'privacy', main?.locale ?? locale),
    kitSnippet: [
      `<script type="module" src="${urls.absolute(urls.kit())}"></script>`,
      '',
      `<policy-update-notice feed-url="${urls.absolute(urls.feedIndex()).replace(/index\.json$/, '')}"`,
      `  policy="${main?.policy ?? 'privacy'}" locale="${main?.locale ?? locale}" accepted-version="<the version the user accepted>"></policy-update-notice>`,
      '',
      '<script type="module">',
      `  document.addEventListener('policy-accept', (event) => {`,
      '    // event.detail: { policy, locale, version, sha256, checkpoint }: a consent; store it with the time of acceptance.',
      `    fetch('/api/consents', { method: 'POST', body: JSON.stringify(event.detail) });`,
      '  });',
      `  document.addEventListener('policy-acknowledge', (event) => {`,
      '    // The same identity: the user was told of editorial changes. Not a consent.',
      '  });',
      '',
      `  // Or decide in your own code, in the browser or on your server (Node, Deno):`,
      `  // import { checkReconsent } from '${urls.absolute(urls.kit('reconsent.js'))}';`,
      `  // const answer = await checkReconsent({ feedUrl, policy, locale, acceptedVersion });`,
      `  // answer.reconsent: 'required' | 'notify' | 'none' | 'unknown-version' (ask again, as for 'required')`,
      '</script>',
    ].join('\n'),
    reconsentCliExample: `npm run policy -- reconsent ${main?.policy ?? 'privacy'} <acceptedVersion> --locale ${main?.locale ?? locale}   # exit 0 none, 10 notify, 20 required, 1 error`,
    verifyExample: `npm run policy -- verify consents.jsonl --feed ${urls.absolute(urls.feedIndex())}`,
    auditExample: `npm run policy -- verify consents.csv --feed ${urls.absolute(urls.feedIndex())} --texts --json > report.jsonl`,
    verifyOutcomes: (Object.keys(OUTCOMES) as Outcome[]).map((outcome) => ({
      outcome,
      meaning: (locale === 'ru' ? OUTCOME_MEANINGS_RU[outcome] : undefined) ?? OUTCOMES[outcome].meaning,
      fails: outcomeFails(outcome, {}),
    })),
    log: {
      url: urls.absolute(urls.log()),
      checkpointUrl: urls.absolute(urls.logCheckpoint()),
      keyUrl: urls.absolute(urls.logKey()),
      origin: log.origin,
      verifierKey: log.verifierKey,
      size: log.tree.size,
      signed: log.signedBy !== null,
      checkpoint: log.checkpoint,
      auditExample: `npm run policy -- audit --site ${settings.siteUrl}${keyOption} --since saved-checkpoint.txt --save saved-checkpoint.txt`,
      verifyLogExample: `npm run policy -- verify consents.jsonl --feed ${urls.absolute(urls.feedIndex())} --log${keyOption}`,
    },
    atExample: `npm run policy -- at ${main?.policy ?? 'privacy'} ${acceptedAt} --locale ${main?.locale ?? locale} --json`,
    sql: {
      versionsCsvUrl: urls.absolute(urls.versionsTable()),
      versionsMetadataUrl: urls.absolute(urls.versionsTableMetadata()),
      printExample: `npm run policy -- verify --sql ansi --feed ${urls.absolute(urls.feedIndex())} --versions versions.csv --table consents --column acceptedAt=accepted_at > verify.sql`,
      engineExample: `npm run policy -- verify "exports/consents-*.parquet" --engine duckdb --feed ${urls.absolute(urls.feedIndex())}`,
      typedPrintExample: `npm run policy -- verify --sql postgres --typed --feed ${urls.absolute(urls.feedIndex())} --table consents --column acceptedAt=accepted_at > verify.sql`,
      typedQuery: `${createTypedClassifySql({
        dialect: 'ansi',
        consents: 'consents',
        index: createVersionIndex(corpus.policies.map((policy) => createPolicyFeed(context, policy))),
        timeZone: settings.timeZone,
        now,
      })};\n`,
      portableQuery: `${getVersionsLoadSql('ansi', 'versions.csv')}${createClassifySql({
        dialect: 'ansi',
        consents: 'consents',
        versions: { kind: 'table', name: 'versions', maxCorrections: Math.max(0, ...[...corpus.timelines.values()].flatMap((timeline) => timeline.versions.map((version) => version.published?.corrections.length ?? 0))) },
        timeZone: settings.timeZone,
        now,
      })};\n`,
      asOf: formatInstant(now),
    },
  };
}

/** For each answer the site can show (required, notify, none), the oldest accepted version that gives it. */
function getReconsentExamples(context: SiteContext, policy: string, locale: string): DeveloperGuide['reconsentExamples'] {
  const timeline = getTimeline(context.corpus, policy, locale);
  const examples: DeveloperGuide['reconsentExamples'] = [];
  const seen = new Set<string>();
  for (const version of timeline?.versions ?? []) {
    const answer = decideReconsent(getReconsentInput(context, policy, locale, version.version), context.now);
    if (seen.has(answer.reconsent) || version.effectiveFrom > context.now) continue;
    seen.add(answer.reconsent);
    examples.push({ policy, locale, acceptedVersion: version.version, answer, json: JSON.stringify(answer, null, 2) });
  }
  return examples;
}
