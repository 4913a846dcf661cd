/**
 * The outcomes `verify` gives a consent record, in one table: what each
 * means, whether it fails the run, and which wins when several apply. Every
 * record gets exactly one outcome, so the summary always adds up: records
 * read = ok + each failure kind + malformed. A new kind is one line here.
 */

/** The options that decide whether an outcome fails the run. */
export interface OutcomePolicy {
  /** `--allow-missing-hash`: a record without sha256 is counted as no-hash but does not fail. */
  allowMissingHash?: boolean;
  /** `--strict`: duplicates fail too. */
  strict?: boolean;
}

interface OutcomeKind {
  /** Said of a record with this outcome (docs/reference/verify-outcomes.md and `--help` say the same). */
  meaning: string;
  fails(policy: OutcomePolicy): boolean;
}

const always = () => true;
const never = () => false;

/**
 * Every outcome, most serious first. A record gets the first failing one
 * that applies, else the first that applies, else ok.
 */
export const OUTCOMES = {
  malformed: { meaning: 'cannot be read, or its fields contradict each other', fails: always },
  'engines-disagree': { meaning: '--engine: DuckDB and the streaming verifier give the record different outcomes (a bug: both are named; report it)', fails: always },
  'in-the-future': { meaning: 'acceptedAt is after now (or after --as-of)', fails: always },
  'unknown-policy': { meaning: 'no such policy is published', fails: always },
  'unknown-locale': { meaning: 'the policy has no text in that locale', fails: always },
  'unknown-version': { meaning: 'no such version is published', fails: always },
  withdrawn: { meaning: 'the version was withdrawn before it took effect: it was never in force', fails: always },
  'no-translation': { meaning: "at acceptedAt the version in force had no text in the record's language (or that text was published later)", fails: always },
  'ambiguous-instant': { meaning: 'acceptedAt is a bare date, on a day the version in force changed', fails: always },
  'not-in-force': { meaning: 'the version was not in force at acceptedAt', fails: always },
  backdated: { meaning: "accepted between a backdated version's effectiveFrom and its publishedAt, when nobody could read it", fails: always },
  'hash-mismatch': { meaning: 'sha256 is not the hash of any published text of the version', fails: always },
  'text-not-yet-served': { meaning: 'sha256 is the text of a correction recorded after acceptedAt: that text was not served yet', fails: always },
  'text-already-corrected': { meaning: 'sha256 is a text a correction had replaced before acceptedAt: the corrected text was served then', fails: always },
  'log-checkpoint-malformed': { meaning: "--log: the record's checkpoint is not the text of a checkpoint", fails: always },
  'log-checkpoint-foreign': { meaning: "--log: the checkpoint is of another log than this site's", fails: always },
  'log-checkpoint-unsigned': { meaning: "--log: the checkpoint has no signature by the log's key", fails: always },
  'log-checkpoint-forged': { meaning: "--log: the checkpoint's signature by the log's key does not verify", fails: always },
  'log-checkpoint-ahead': { meaning: "--log: the checkpoint has more entries than the log today (cut back, or not the site's)", fails: always },
  'log-checkpoint-inconsistent': { meaning: "--log: today's log does not extend the checkpoint (history rewritten)", fails: always },
  'log-not-in-log': { meaning: '--log: the version, with the hash the record kept, is not in the log', fails: always },
  'log-not-at-checkpoint': { meaning: "--log: the version entered the log after the record's checkpoint: not yet public then", fails: always },
  'text-mismatch': { meaning: '--texts: a served text does not hash to what the feed or the record says', fails: always },
  'text-unavailable': { meaning: '--texts: a text could not be read', fails: always },
  'no-hash': { meaning: 'no sha256, so it cannot be tied to a text (passes with --allow-missing-hash)', fails: (policy) => !policy.allowMissingHash },
  duplicate: { meaning: 'the same record, byte for byte, as an earlier line (fails with --strict)', fails: (policy) => policy.strict === true },
  ok: { meaning: 'the version was in force at acceptedAt and the hash is its text', fails: never },
} as const satisfies Record<string, OutcomeKind>;

/** The outcome of a record. */
export type Outcome = keyof typeof OUTCOMES;

const ORDER = Object.keys(OUTCOMES) as Outcome[];

/** Whether an outcome fails the run under the options. */
export function outcomeFails(outcome: Outcome, policy: OutcomePolicy): boolean {
  return OUTCOMES[outcome].fails(policy);
}

/** The one outcome of a record to which all of `found` apply. */
export function pickOutcome(found: ReadonlySet<Outcome>, policy: OutcomePolicy): Outcome {
  return ORDER.find((outcome) => found.has(outcome) && outcomeFails(outcome, policy)) ?? ORDER.find((outcome) => outcome !== 'ok' && found.has(outcome)) ?? 'ok';
}

/** Counts of outcomes over a run, and its summary. */
export class OutcomeTally {
  readonly counts = new Map<Outcome, number>();
  records = 0;
  /** Records with an ok outcome that carry a note (a bare date, a text before a correction). */
  noted = 0;

  private readonly policy: OutcomePolicy;
  constructor(policy: OutcomePolicy) {
    this.policy = policy;
  }

  add(outcome: Outcome, hasNote: boolean): void {
    this.records += 1;
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
    if (hasNote && outcome === 'ok') this.noted += 1;
  }

  /** Counts many records with one outcome and no note at once (the plain ok records an engine counted in SQL). */
  addMany(outcome: Outcome, count: number): void {
    this.records += count;
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + count);
  }

  /** True when some record fails the run. */
  get failed(): boolean {
    return ORDER.some((outcome) => (this.counts.get(outcome) ?? 0) > 0 && outcomeFails(outcome, this.policy));
  }

  /**
   * `4001 records: 2000 ok, 2000 failed (2000 not-in-force), 1 malformed.`,
   * with the non-failing kinds (duplicate, allowed no-hash) after ok.
   */
  summary(): string {
    const count = (outcome: Outcome) => this.counts.get(outcome) ?? 0;
    const kinds = ORDER.filter((outcome) => outcome !== 'ok' && outcome !== 'malformed' && count(outcome) > 0);
    const failing = kinds.filter((outcome) => outcomeFails(outcome, this.policy));
    const passing = kinds.filter((outcome) => !outcomeFails(outcome, this.policy));
    const failed = failing.reduce((sum, outcome) => sum + count(outcome), 0);
    const parts = [
      `${count('ok')} ok${this.noted > 0 ? ` (${this.noted} with a note)` : ''}`,
      ...passing.map((outcome) => `${count(outcome)} ${outcome}`),
      `${failed} failed${failing.length > 0 ? ` (${failing.map((outcome) => `${count(outcome)} ${outcome}`).join(', ')})` : ''}`,
      `${count('malformed')} malformed`,
    ];
    return `${this.records} ${this.records === 1 ? 'record' : 'records'}: ${parts.join(', ')}.`;
  }
}
