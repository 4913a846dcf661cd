/**
 * The client kit, served as `/kit/v1/policy-kit.js`: a dependency-free ES
 * module for a product's own pages. `checkReconsent()` (src/kit/reconsent.ts,
 * also served alone without the DOM) answers whether a user who accepted a
 * version must accept again; `<policy-update-notice>` shows that answer, one
 * check per element however its attributes arrive, and dispatches
 * `policy-accept` (the user accepted a version: a consent) or
 * `policy-acknowledge` (the user was told of editorial changes: not a
 * consent), each with the version's identity for the product to store and
 * the site's log checkpoint the feed gave with it. A feed that does not
 * answer within `timeout-ms` (default 5000) is treated as unreachable, and
 * the element also dispatches `policy-timeout`. It makes no request but to
 * the feed, and keeps no cookies or storage of its own.
 * Importing it where there is no DOM (Node) defines nothing and throws nothing.
 */
import type { KitWords } from './kit-words.ts';
import { checkReconsent, type AcceptedIdentity, type CheckReconsentResult } from './reconsent.ts';

export * from './reconsent.ts';

/** The notice's words per language, injected at build time from the site's one table of strings (see KIT_WORDS for the order). */
declare const KIT_STRINGS: Record<string, KitWords>;

declare global {
  interface HTMLElementTagNameMap {
    'policy-update-notice': PolicyUpdateNotice;
  }
  interface GlobalEventHandlersEventMap {
    /** The user accepted the version in force (a required update, or a version the feed did not know): store it as a consent. */
    'policy-accept': CustomEvent<AcceptedIdentity>;
    /** The user was told of editorial changes: not a consent. */
    'policy-acknowledge': CustomEvent<AcceptedIdentity>;
    /** Every answer the notice received, whatever it shows. */
    'policy-check': CustomEvent<CheckReconsentResult>;
    /** The feed did not answer in time (`timeout-ms`): the notice says it could not check, as for an unreachable feed. */
    'policy-timeout': CustomEvent<CheckReconsentResult>;
  }
}

const ATTRIBUTES = ['feed-url', 'policy', 'locale', 'accepted-version', 'timeout-ms'];

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.textContent = text ?? '';
  return node;
};

let counter = 0;

// Without a DOM the class still exists, so the module imports anywhere; it is only defined as an element where there are elements.
const Base = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

/**
 * `<policy-update-notice feed-url="…" policy="privacy" locale="ru" accepted-version="2025-09-01">`:
 * empty when nothing changed; otherwise a notice with a link to the redline
 * and a button. "required" (a material change) and "unknown-version" (the feed
 * does not know the accepted version: fail closed) ask the user to accept and
 * dispatch `policy-accept`; "notify" (editorial changes only) dispatches
 * `policy-acknowledge`. Both carry {@link AcceptedIdentity}. Every answer is
 * also dispatched as `policy-check`. Its language is its `lang` attribute, else
 * the locale. Without `accepted-version` it waits; `accepted-version=""` (no
 * consent on record) asks for the version in force. `timeout-ms` bounds each
 * request to the feed (default 5000); a check that a newer one replaces, or
 * an element removed from the page, aborts its requests.
 */
export class PolicyUpdateNotice extends Base {
  static observedAttributes = ATTRIBUTES;
  /** The last answer, for products that want more than the notice. */
  answer: CheckReconsentResult | null = null;
  /** The attributes of the last check, to check once for each set of them. */
  #checked: string | null = null;
  #scheduled = false;
  /** Aborts the requests of the check under way. */
  #abort: AbortController | null = null;

  connectedCallback(): void {
    this.#schedule();
  }

  disconnectedCallback(): void {
    this.#abort?.abort();
    // Put back on the page, it checks again.
    this.#checked = null;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#schedule();
  }

  // Upgrading calls attributeChangedCallback once per attribute, then connectedCallback: all of them make one check.
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected && this.#key() !== this.#checked) void this.refresh();
    });
  }

  #key(): string {
    return JSON.stringify(ATTRIBUTES.map((name) => this.getAttribute(name)));
  }

  /** Asks the feed again and redraws. */
  async refresh(): Promise<void> {
    const key = (this.#checked = this.#key());
    const [feedUrl, policy, locale, acceptedVersion, timeout] = JSON.parse(key) as (string | null)[];
    this.#abort?.abort();
    if (!feedUrl || !policy || !locale || typeof acceptedVersion !== 'string') return;
    const abort = (this.#abort = new AbortController());
    // A timeout-ms that is not a number of milliseconds above 0 keeps the default.
    const timeoutMs = Number(timeout) > 0 ? Number(timeout) : undefined;
    let answer: CheckReconsentResult;
    try {
      answer = await checkReconsent({ feedUrl, policy, locale, acceptedVersion, signal: abort.signal, ...(timeoutMs ? { timeoutMs } : {}) });
    } catch (error) {
      // Aborted: a newer check draws, or the element left the page.
      if (abort.signal.aborted) return;
      throw error;
    }
    // The attributes changed while this check ran: the newer check draws.
    if (key !== this.#checked) return;
    this.answer = answer;
    this.replaceChildren();
    this.#dispatch('policy-check', answer);
    if (answer.problem === 'timeout') this.#dispatch('policy-timeout', answer);
    const { reconsent, current } = answer;
    if ((this.hidden = reconsent === 'none')) return;
    const language = this.getAttribute('lang') ?? locale;
    // English is always in the table.
    const [updated, seeChanges, mustAccept, accept, acknowledge, review, read, unavailable] = KIT_STRINGS[language] ?? KIT_STRINGS[language.split('-')[0] as string] ?? (KIT_STRINGS['en'] as KitWords);
    // "unknown-version" asks as "required" does: fail closed.
    const notify = reconsent === 'notify';
    const unknown = reconsent === 'unknown-version';
    const section = this.appendChild(element('section'));
    section.className = `policy-update-notice policy-update-${notify ? 'notify' : 'required'}`;
    section.lang = language;
    const paragraph = (text: string, link?: string | null) => {
      const node = section.appendChild(element('p', link ? '' : text));
      if (link) node.append(Object.assign(element('a', text), { href: link }));
      return node;
    };
    const date = current ? new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: answer.timeZone ?? undefined } as Intl.DateTimeFormatOptions).format(Date.parse(current.effectiveFrom)) : '';
    // «15 февраля 2026 г.» already ends its sentence: no second period.
    const title = paragraph(current ? (unknown ? review : updated).replace('{title}', current.title).replace('{date}', date).replace(/\.\.$/, '.') : unavailable);
    title.className = 'policy-update-title';
    section.setAttribute('aria-labelledby', (title.id = `policy-update-notice-${++counter}`));
    // Without a version in force there is nothing the user could accept.
    if (!current) return;
    if (unknown) paragraph(read, current.url);
    else if (answer.redlineUrl) paragraph(seeChanges, answer.redlineUrl);
    if (reconsent === 'required') paragraph(mustAccept);
    const button = section.appendChild(element('button', notify ? acknowledge : accept));
    button.type = 'button';
    button.onclick = () => {
      this.#dispatch(notify ? 'policy-acknowledge' : 'policy-accept', { policy, locale, version: current.version, sha256: current.sha256, checkpoint: answer.checkpoint } satisfies AcceptedIdentity);
      this.hidden = true;
    };
  }

  #dispatch(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('policy-update-notice')) {
  customElements.define('policy-update-notice', PolicyUpdateNotice);
}
