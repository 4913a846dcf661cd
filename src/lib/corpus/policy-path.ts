import { problemText, type ProblemMessage } from '#lib/messages/message-catalog.ts';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, VERSION_ID_PATTERN } from './policy-id-patterns.ts';

/**
 * The content layout contract: `<policy>/<locale>/<version>.md` under the
 * policies folder. Policy and version ids go into permanent URLs and consent
 * records, so the rules here are deliberately narrow and never loosened.
 */

/**
 * Names a version cannot take because the site uses them as sibling paths of
 * the versions (`/ru/privacy/history/`). Taken now, before any is published,
 * so no published URL ever has to move.
 */
const RESERVED_VERSION_IDS: ReadonlySet<string> = new Set(['history', 'diff', 'compare', 'current', 'latest', 'since', 'feed', 'raw', 'index']);

/**
 * Names a policy cannot take because the site uses them beside the policies:
 * `/<locale>/developers/`, `/feed/v1/index.json`, `/feed/v1/schema.json`.
 */
const RESERVED_POLICY_IDS: ReadonlySet<string> = new Set(['developers', 'search', 'feed', 'raw', 'kit', 'pagefind', 'index', 'schema', 'compare', 'history']);

/** Locale folders that would collide with the site's own top-level folders. */
const RESERVED_LOCALES: ReadonlySet<string> = new Set(['raw', 'kit', 'feed', 'blocks', 'pagefind']);

/** Where a version lives in the content layout. */
export interface PolicyVersionKey {
  policy: string;
  locale: string;
  version: string;
}

/** Result of {@link parsePolicyPath}: the key, or what is wrong and how to fix it. */
export type PolicyPathResult = { ok: true; key: PolicyVersionKey } | { ok: false; message: string; hint: string; text: ProblemMessage };

/**
 * Reads the policy, locale and version id from a path relative to the
 * policies folder (with `/` separators).
 */
export function parsePolicyPath(relativePath: string): PolicyPathResult {
  const segments = relativePath.split('/');
  if (segments.length !== 3) {
    return { ok: false, ...(segments.length === 1 ? problemText('pathTop') : problemText('pathDepth', { depth: segments.length - 1 })) };
  }
  const [policy = '', locale = '', fileName = ''] = segments;
  if (!fileName.endsWith('.md')) {
    const lower = fileName.toLowerCase();
    return {
      ok: false,
      ...(lower.endsWith('.md') || lower.endsWith('.markdown') ? problemText('notMarkdownName', { name: fileName, rename: fileName.replace(/\.(md|markdown)$/i, '.md') }) : problemText('notMarkdown', { name: fileName })),
    };
  }
  const version = fileName.slice(0, -'.md'.length);
  if (!POLICY_ID_PATTERN.test(policy)) {
    return { ok: false, ...problemText('policyId', { policy, suggestion: suggestSlug(policy) || 'privacy' }) };
  }
  if (RESERVED_POLICY_IDS.has(policy)) {
    return { ok: false, ...problemText('reservedPolicy', { policy, reserved: [...RESERVED_POLICY_IDS].join(', ') }) };
  }
  if (!LOCALE_PATTERN.test(locale)) {
    const lowercase = locale.toLowerCase() !== locale && LOCALE_PATTERN.test(locale.toLowerCase()) ? locale.toLowerCase() : '';
    return { ok: false, ...problemText('localeTag', { locale, lowercase }) };
  }
  if (RESERVED_LOCALES.has(locale)) {
    return { ok: false, ...problemText('reservedLocale', { locale, reserved: [...RESERVED_LOCALES].join(', ') }) };
  }
  if (!VERSION_ID_PATTERN.test(version)) {
    return { ok: false, ...problemText('versionId', { name: fileName, suggestion: suggestSlug(version) || '2025-09-01' }) };
  }
  if (RESERVED_VERSION_IDS.has(version)) {
    return { ok: false, ...problemText('reservedVersion', { version, reserved: [...RESERVED_VERSION_IDS].join(', ') }) };
  }
  return { ok: true, key: { policy, locale, version } };
}

function suggestSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
}

/** The id of a version in the content collection: `privacy/ru/2025-09-01`. */
export function getVersionId(key: PolicyVersionKey): string {
  return `${key.policy}/${key.locale}/${key.version}`;
}
