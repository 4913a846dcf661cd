/**
 * "Did you mean …?" for a name a person typed: a misspelled front-matter key,
 * a policy, locale or version id given to the CLI. One rule for all of them,
 * so a typo is caught the same way wherever it is made.
 */

/** Edit distance between two strings. */
function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The known name closest to a misspelled one, if it is close enough to be a typo. */
export function suggestName(name: string, knownNames: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of knownNames) {
    const distance = levenshtein(name.toLowerCase(), known.toLowerCase());
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  // Two edits are a typo in a key, not in a two-letter locale ("de" is not a typo of "en").
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) && bestDistance < name.length ? best : undefined;
}

/** The known name a misspelled one is close to, or null when nothing is close (or it is the name itself): for a message of the catalogs to word. */
export function getSuggestion(name: string, knownNames: Iterable<string>): string | null {
  const suggestion = suggestName(name, knownNames);
  return suggestion === undefined || suggestion === name ? null : suggestion;
}

/** ` Did you mean "privacy"?` (with its leading space), or an empty string when nothing is close: for the commands that speak English only. */
export function didYouMean(name: string, knownNames: Iterable<string>): string {
  const suggestion = getSuggestion(name, knownNames);
  return suggestion === null ? '' : ` Did you mean "${suggestion}"?`;
}
