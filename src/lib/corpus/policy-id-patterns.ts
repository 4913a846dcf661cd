/**
 * The grammar of the ids that go into permanent URLs, consent records and the
 * feed: policy, locale, version and a text's hash. A module of its own, with
 * no imports, so the client kit can check ids with the same patterns as the
 * build without bundling the commands' message catalogs.
 */

/** A policy slug: `privacy`, `terms`, `cookie-policy`. */
export const POLICY_ID_PATTERN = /^[a-z0-9-]+$/;
/** A lowercase BCP 47 tag: `ru`, `en`, `pt-br`, `zh-hant`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;
/** A version id: `2024-03-01`, `v3`, `3.1`. */
export const VERSION_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** A text's hash as the feed, the ledger and consent records write it: 64 lowercase hexadecimal characters. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
