/**
 * Checking one consent record against the published versions: does the
 * version it names exist, was it the one in force at the moment of consent,
 * and is the hash the record kept the hash of that text? Pure: the caller
 * streams records through it, a million at a time if need be.
 */
import { parseInstant } from '#lib/time/effective-instant.ts';
import { formatInstant, formatZonedInstant } from '#lib/time/zoned-time.ts';
import { SHA256_PATTERN } from '#lib/corpus/policy-path.ts';
import { isInForceAt } from '#lib/time/interval.ts';
import { findEntry, findEntryAt, findVersion, formatDuration, type IndexedEntry, type IndexedVersion, type VersionIndex } from './version-index.ts';

/** One document a consent refers to. */
export interface ConsentDocument {
  policy: string;
  locale: string;
  version: string;
  sha256?: string;
}

/**
 * What went wrong with one document of a record. `backdated`: accepted
 * between a backdated version's effectiveFrom and publishedAt, when nobody
 * could read it; `withdrawn`: a version withdrawn before it took effect;
 * `no-translation`: at acceptedAt the version in force had no text in the
 * record's language (any text in it then was for reference only).
 */
export type DocumentStatus = 'ok' | 'unknown-policy' | 'unknown-locale' | 'unknown-version' | 'not-in-force' | 'hash-mismatch' | 'backdated' | 'withdrawn' | 'no-translation';

/** The verdict on one document of a record. */
export interface DocumentResult extends ConsentDocument {
  status: DocumentStatus;
  /** Why, in words; empty when ok. */
  message: string;
}

/** The verdict on one record. */
export type RecordResult =
  | { line: number; status: 'ok' | 'failed'; acceptedAt: string; documents: DocumentResult[]; record: Record<string, unknown> }
  | { line: number; status: 'malformed'; message: string; record: unknown };


/** Reads the documents of a record: one inline, or a `documents` list. */
function readDocuments(record: Record<string, unknown>): ConsentDocument[] | string {
  const raw = Array.isArray(record['documents']) ? (record['documents'] as unknown[]) : [record];
  if (raw.length === 0) return '"documents" is empty';
  const documents: ConsentDocument[] = [];
  for (const [index, item] of raw.entries()) {
    const where = Array.isArray(record['documents']) ? `documents[${index}].` : '';
    if (item === null || typeof item !== 'object') return `${where.slice(0, -1) || 'record'} is not an object`;
    const fields = item as Record<string, unknown>;
    for (const field of ['policy', 'locale', 'version'] as const) {
      if (typeof fields[field] !== 'string' || fields[field] === '') return `${where}${field} is missing or not text`;
    }
    const sha256 = fields['sha256'];
    if (sha256 !== undefined && sha256 !== null && sha256 !== '' && (typeof sha256 !== 'string' || !SHA256_PATTERN.test(sha256.toLowerCase()))) {
      return `${where}sha256 is not 64 hexadecimal characters`;
    }
    documents.push({
      policy: fields['policy'] as string,
      locale: fields['locale'] as string,
      version: fields['version'] as string,
      ...(typeof sha256 === 'string' && sha256 !== '' ? { sha256: sha256.toLowerCase() } : {}),
    });
  }
  return documents;
}

/** A record naming a version withdrawn before it took effect. */
function checkWithdrawn(index: VersionIndex, document: ConsentDocument, inForce: IndexedEntry | undefined, when: (instant: number | string) => string): DocumentResult | null {
  const withdrawn = index.withdrawn.get(`${document.policy}/${document.locale}/${document.version}`);
  if (!withdrawn) return null;
  return {
    ...document,
    status: 'withdrawn',
    message: `${document.policy}/${document.locale}/${document.version} was withdrawn at ${when(withdrawn.withdrawnAt)} before it took effect (${withdrawn.reason}): it was never in force; ${inForce ? `${inForce.version} was in force at acceptedAt` : 'no version was in force at acceptedAt'}`,
  };
}

function describeTexts(entry: IndexedEntry): string {
  return `it exists in ${entry.locales.join(', ')}`;
}

/** A record naming a version with no text in its language, or given while the version in force had none. */
function checkTranslation(index: VersionIndex, document: ConsentDocument, version: IndexedVersion | undefined, inForce: IndexedEntry | undefined, acceptedAt: number, when: (instant: number | string) => string): DocumentResult | null {
  if (!version) {
    const elsewhere = findEntry(index, document.policy, document.locale, document.version);
    if (!elsewhere) return null;
    return { ...document, status: 'no-translation', message: `${document.policy} ${document.version} has no ${document.locale} text (${describeTexts(elsewhere)}): nobody read it in ${document.locale}` };
  }
  if (inForce && !inForce.texts.has(document.locale)) {
    const shown = acceptedAt < version.from ? `had not taken effect (it does at ${when(version.from)})` : `had not been in force since ${when(version.until ?? acceptedAt)}`;
    return {
      ...document,
      status: 'no-translation',
      message: `at acceptedAt (${when(acceptedAt)}) ${inForce.version} was in force, and it has no ${document.locale} text (${describeTexts(inForce)}); ${document.policy}/${document.locale}/${document.version} ${shown}: any ${document.locale} text shown then was for reference only`,
    };
  }
  return null;
}

/** A consent given before the text it names was published: backdated, or a translation published later. */
function checkPublication(document: ConsentDocument, version: IndexedVersion, acceptedAt: number, when: (instant: number | string) => string): DocumentResult | null {
  const publication = version.publication;
  if (!publication || version.publishedAt === null || acceptedAt >= Date.parse(version.publishedAt)) return null;
  const id = `${document.policy}/${document.locale}/${document.version}`;
  if (publication.kind === 'backdated') {
    return {
      ...document,
      status: 'backdated',
      message: `${id} was published at ${when(version.publishedAt)} with effect from ${when(version.from)} (backdated: ${publication.reason ?? 'no reason was recorded'}); at acceptedAt (${when(acceptedAt)}) nobody could read it`,
    };
  }
  if (publication.kind === 'late-translation') {
    return {
      ...document,
      status: 'no-translation',
      message: `the ${document.locale} text of ${document.policy} ${document.version} was published at ${when(version.publishedAt)}; at acceptedAt (${when(acceptedAt)}) the version in force had no ${document.locale} text yet`,
    };
  }
  return null;
}

function checkDocument(index: VersionIndex, document: ConsentDocument, acceptedAt: number, timeZone: string): DocumentResult {
  const when = (instant: number | string) => formatZonedInstant(typeof instant === 'number' ? instant : Date.parse(instant), timeZone);
  const locales = index.policies.get(document.policy);
  if (!locales) return { ...document, status: 'unknown-policy', message: `no policy "${document.policy}" is published` };
  if (!locales.has(document.locale)) {
    return { ...document, status: 'unknown-locale', message: `${document.policy} has no "${document.locale}" text (it has ${[...locales].sort().join(', ')})` };
  }
  const version = findVersion(index, document.policy, document.locale, document.version);
  const inForceEntry = findEntryAt(index, document.policy, document.locale, acceptedAt);
  const inForce = inForceEntry?.texts.get(document.locale) ?? inForceEntry;
  const id = `${document.policy}/${document.locale}/${document.version}`;
  const withdrawn = version ? null : checkWithdrawn(index, document, inForceEntry, when);
  if (withdrawn) return withdrawn;
  const translation = checkTranslation(index, document, version, inForceEntry, acceptedAt, when);
  if (translation) return translation;
  if (!version) {
    return {
      ...document,
      status: 'unknown-version',
      message: `no version "${document.version}" of ${document.policy} (${document.locale}) is published${inForce ? `; at acceptedAt ${inForce.version} was in force` : ''}`,
    };
  }
  if (!isInForceAt(version, acceptedAt)) {
    const which = inForce ? `${inForce.version} was in force then` : 'no version was in force then';
    const message =
      acceptedAt < version.from
        ? `${id} took effect ${formatDuration(version.from - acceptedAt)} after acceptedAt (at ${when(version.from)}); ${which}`
        : `${id} had been superseded ${formatDuration(acceptedAt - (version.until ?? acceptedAt))} before acceptedAt (at ${when(version.until ?? acceptedAt)}); ${which}`;
    return { ...document, status: 'not-in-force', message };
  }
  const publication = checkPublication(document, version, acceptedAt, when);
  if (publication) return publication;
  if (document.sha256 !== undefined && document.sha256 !== version.sha256) {
    // A consent given before a correction was given to the text of that time: still valid, and said so.
    const corrections = version.corrections ?? [];
    const correction = corrections.find((candidate) => candidate.previousSha256 === document.sha256);
    if (correction) {
      return { ...document, status: 'ok', message: `agreed to the text before the correction of ${correction.date} (${correction.reason})` };
    }
    return { ...document, status: 'hash-mismatch', message: `sha256 ${document.sha256} is not the hash of any published text of ${id} (now ${version.sha256})` };
  }
  if (version.publication?.kind === 'imported' && version.publishedAt !== null && acceptedAt < Date.parse(version.publishedAt)) {
    return { ...document, status: 'ok', message: `imported history: the ledger attests this text from ${when(version.publishedAt)}, when it was created` };
  }
  return { ...document, status: 'ok', message: '' };
}

/**
 * Verifies one record: `policy`, `locale`, `version`, `acceptedAt` and an
 * optional `sha256`, or `acceptedAt` and a `documents` list of such objects.
 * Other fields are kept as they are.
 * @param timeZone where a bare date in acceptedAt starts
 */
export function verifyConsentRecord(record: unknown, line: number, index: VersionIndex, timeZone: string): RecordResult {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { line, status: 'malformed', message: 'the record is not an object', record };
  }
  const fields = record as Record<string, unknown>;
  const acceptedAtText = fields['acceptedAt'];
  if (typeof acceptedAtText !== 'string' || acceptedAtText === '') return { line, status: 'malformed', message: 'acceptedAt is missing', record };
  const acceptedAt = parseInstant(acceptedAtText, timeZone);
  if (acceptedAt === null) {
    return { line, status: 'malformed', message: `acceptedAt "${acceptedAtText}" is not an ISO 8601 instant with an offset (or a date)`, record };
  }
  const documents = readDocuments(fields);
  if (typeof documents === 'string') return { line, status: 'malformed', message: documents, record };
  const results = documents.map((document) => checkDocument(index, document, acceptedAt, timeZone));
  return { line, status: results.every((result) => result.status === 'ok') ? 'ok' : 'failed', acceptedAt: formatInstant(acceptedAt), documents: results, record: fields };
}
