/**
 * The lint severities (`POLICY_LINT`) the benchmark, the digests script and
 * the tests build the corpora of the repository with, where the default
 * settings would refuse them for what is true of their texts.
 */

/**
 * GitHub's real history (test/fixtures/github-site-policy): its links are
 * written for docs.github.com, its stated dates are GitHub's while
 * `effective` is the commit time, and some versions repeat their
 * predecessor's text (see the fixture's README). Printed, not refused, so the
 * history builds as a company adopting the tool would first build it.
 */
export const GITHUB_CORPUS_LINT = 'stated-date=warning,site-link=warning,empty-version=warning';

/** Synthetic corpora (scripts/generate-corpus.ts): each locale is a random text of its own, not a translation. */
export const SYNTHETIC_CORPUS_LINT = 'translation-parity=off';
