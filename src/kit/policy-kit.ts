/**
 * The client kit, served as `/kit/v1/policy-kit.js`: a dependency-free ES
 * module for a product's own pages. `checkReconsent()` answers, with one
 * fetch of the feed, whether a user who accepted a version must accept again;
 * `<policy-update-notice>` shows that answer and dispatches `policy-accept`
 * with the new version's identity for the product to store, and the site's
 * log checkpoint of that moment. It makes no request but to the feed and the
 * log's checkpoint, and keeps no cookies or storage of its own.
 */
import { decideReconsent, type ReconsentAnswer, type ReconsentInput } from '#lib/consent/reconsent.ts';

/** The notice's words per language, injected at build time from the site's one table of strings. */
declare const KIT_STRINGS: Record<string, { updated: string; seeChanges: string; mustAccept: string; accept: string; acknowledge: string; label: string }>;

/** What `checkReconsent` needs. */
export interface CheckReconsentOptions {
  /** The feed: `https://example.com/feed/v1/` or its `index.json`. */
  feedUrl: string;
  policy: string;
  locale: string;
  acceptedVersion: string;
  /** The instant to answer for; default now. */
  at?: Date | number;
}

/** The answer, with the site's time zone for showing its dates. */
export type CheckReconsentResult = ReconsentAnswer & { timeZone: string | null };

/** The identity a product stores when the user accepts: the `detail` of `policy-accept`. */
export interface AcceptedIdentity {
  policy: string;
  locale: string;
  version: string;
  sha256: string;
  /** The site's log checkpoint (`/log/v1/checkpoint`, a signed note) when the notice was shown; null if it could not be read. */
  checkpoint: string | null;
}

const checkpoints = new Map<string, Promise<string | null>>();

/** The log checkpoint beside a feed (`…/feed/v1/` → `…/log/v1/checkpoint`), fetched once per page. */
function fetchCheckpoint(feedUrl: string): Promise<string | null> {
  const url = new URL('../../log/v1/checkpoint', new URL(feedUrl.replace(/index\.json$/, '').replace(/\/?$/, '/'), typeof location === 'undefined' ? undefined : location.href)).href;
  let pending = checkpoints.get(url);
  if (!pending) {
    pending = fetch(url, { credentials: 'omit' }).then((response) => (response.ok ? response.text() : null), () => null);
    checkpoints.set(url, pending);
  }
  return pending;
}

/**
 * Fetches `<policy>/<locale>/<version>/since.json` from the feed and decides.
 * A version the feed does not publish answers `unknown-version`.
 */
export async function checkReconsent(options: CheckReconsentOptions): Promise<CheckReconsentResult> {
  // A relative feed URL is resolved against the page, as a link would be.
  const base = new URL(options.feedUrl.replace(/index\.json$/, '').replace(/\/?$/, '/'), typeof location === 'undefined' ? undefined : location.href);
  const path = [options.policy, options.locale, options.acceptedVersion].map(encodeURIComponent).join('/');
  const at = options.at === undefined ? Date.now() : +options.at;
  const response = await fetch(new URL(`${path}/since.json`, base), { credentials: 'omit' });
  if (response.status === 404) {
    return { ...decideReconsent({ policy: options.policy, locale: options.locale, acceptedVersion: options.acceptedVersion, accepted: null, later: [] }, at), timeZone: null };
  }
  if (!response.ok) throw new Error(`policy-kit: ${response.status} for ${response.url}`);
  const since = (await response.json()) as ReconsentInput & { timeZone?: string };
  return { ...decideReconsent(since, at), timeZone: since.timeZone ?? null };
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
};

let counter = 0;

/**
 * `<policy-update-notice feed-url="…" policy="privacy" locale="ru" accepted-version="2025-09-01">`:
 * empty when nothing changed; otherwise a notice with a link to the redline
 * and a button that dispatches `policy-accept` (detail: {@link AcceptedIdentity}).
 * Its language is its `lang` attribute, else the locale.
 */
export class PolicyUpdateNotice extends HTMLElement {
  static observedAttributes = ['feed-url', 'policy', 'locale', 'accepted-version'];
  /** The last answer, for products that want more than the notice. */
  answer: CheckReconsentResult | null = null;

  connectedCallback(): void {
    void this.refresh();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) void this.refresh();
  }

  /** Asks the feed again and redraws. */
  async refresh(): Promise<void> {
    const [feedUrl, policy, locale, acceptedVersion] = ['feed-url', 'policy', 'locale', 'accepted-version'].map((name) => this.getAttribute(name) ?? '');
    if (!feedUrl || !policy || !locale || !acceptedVersion) return;
    const answer = await checkReconsent({ feedUrl, policy, locale, acceptedVersion });
    // Read before the button exists, so the event it dispatches carries it at once.
    const checkpoint = answer.reconsent === 'required' || answer.reconsent === 'notify' ? await fetchCheckpoint(feedUrl) : null;
    this.answer = answer;
    this.replaceChildren();
    this.dispatchEvent(new CustomEvent('policy-check', { detail: answer, bubbles: true, composed: true }));
    if ((answer.reconsent !== 'required' && answer.reconsent !== 'notify') || !answer.current) {
      this.hidden = true;
      return;
    }

    this.hidden = false;
    const language = this.getAttribute('lang') ?? locale;
    const strings = KIT_STRINGS[language] ?? KIT_STRINGS[language.split('-')[0] ?? ''] ?? KIT_STRINGS['en'];
    if (!strings) return;
    const current = answer.current;
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', ...(answer.timeZone ? { timeZone: answer.timeZone } : {}) }).format(Date.parse(current.effectiveFrom));
    const id = `policy-update-notice-${++counter}`;
    const section = element('section');
    section.className = `policy-update-notice policy-update-${answer.reconsent}`;
    section.setAttribute('aria-labelledby', id);
    section.setAttribute('lang', language);
    // «15 февраля 2026 г.» already ends its sentence: no second period.
    const title = element('p', strings.updated.replace('{title}', current.title).replace('{date}', date).replace(/\.\.$/, '.'));
    title.id = id;
    title.className = 'policy-update-title';
    section.append(title);
    if (answer.redlineUrl) {
      const link = element('a', strings.seeChanges);
      link.href = answer.redlineUrl;
      section.append(element('p'));
      section.lastElementChild?.append(link);
    }
    if (answer.reconsent === 'required') section.append(element('p', strings.mustAccept));
    const button = element('button', answer.reconsent === 'required' ? strings.accept : strings.acknowledge);
    button.type = 'button';
    button.addEventListener('click', () => {
      const detail: AcceptedIdentity = { policy: answer.policy, locale: answer.locale, version: current.version, sha256: current.sha256, checkpoint };
      this.dispatchEvent(new CustomEvent('policy-accept', { detail, bubbles: true, composed: true }));
      this.hidden = true;
    });
    section.append(button);
    this.append(section);
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('policy-update-notice')) {
  customElements.define('policy-update-notice', PolicyUpdateNotice);
}
