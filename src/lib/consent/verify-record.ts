/**
 * Checking one consent record against the published versions: does the
 * version it names exist, was it the one in force at the moment of consent,
 * and is the hash the record kept the hash of that text? Pure: the caller
 * streams records through it, a million at a time if need be.
 */
import { parseInstant } from '#lib/time/effective-instant.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { SHA256_PATTERN } from '#lib/corpus/policy-path.ts';
import { isInForceAt } from '#lib/time/interval.ts';
import { findVersion, findVersionAt, formatDuration, type VersionIndex } from './version-index.ts';
import { didYouMean } from '#lib/corpus/did-you-mean.ts';

/** One document a consent refers to. */
export interface ConsentDocument {
  policy: string;
  locale: string;
  version: string;
  sha256?: string;
}

/** What went wrong with one document of a record. */
export type DocumentStatus = 'ok' | 'unknown-policy' | 'unknown-locale' | 'unknown-version' | 'not-in-force' | 'hash-mismatch';

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

function checkDocument(index: VersionIndex, document: ConsentDocument, acceptedAt: number): DocumentResult {
  const locales = index.policies.get(document.policy);
  if (!locales) return { ...document, status: 'unknown-policy', message: `no policy "${document.policy}" is published${didYouMean(document.policy, index.policies.keys())}` };
  if (!locales.has(document.locale)) {
    return { ...document, status: 'unknown-locale', message: `${document.policy} has no "${document.locale}" text (it has ${[...locales].sort().join(', ')})` };
  }
  const version = findVersion(index, document.policy, document.locale, document.version);
  const inForce = findVersionAt(index, document.policy, document.locale, acceptedAt);
  const id = `${document.policy}/${document.locale}/${document.version}`;
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
        ? `${id} took effect ${formatDuration(version.from - acceptedAt)} after acceptedAt (at ${formatInstant(version.from)}); ${which}`
        : `${id} had been superseded ${formatDuration(acceptedAt - (version.until ?? acceptedAt))} before acceptedAt (at ${formatInstant(version.until ?? acceptedAt)}); ${which}`;
    return { ...document, status: 'not-in-force', message };
  }
  if (document.sha256 !== undefined && document.sha256 !== version.sha256) {
    // A consent given before a correction was given to the text of that time: still valid, and said so.
    const corrections = version.corrections ?? [];
    const correction = corrections.find((candidate) => candidate.previousSha256 === document.sha256);
    if (correction) {
      return { ...document, status: 'ok', message: `agreed to the text before the correction of ${correction.date} (${correction.reason})` };
    }
    return { ...document, status: 'hash-mismatch', message: `sha256 ${document.sha256} is not the hash of any published text of ${id} (now ${version.sha256})` };
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
  const results = documents.map((document) => checkDocument(index, document, acceptedAt));
  return { line, status: results.every((result) => result.status === 'ok') ? 'ok' : 'failed', acceptedAt: formatInstant(acceptedAt), documents: results, record: fields };
}
