/**
 * The client kit, served as `/kit/v1/policy-kit.js`: a dependency-free ES
 * module for a product's own pages. `checkReconsent()` (src/kit/reconsent.ts,
 * also served alone without the DOM) answers whether a user who accepted a
 * version must accept again; `<policy-update-notice>` shows that answer, one
 * check per element however its attributes arrive, and dispatches
 * `policy-accept` (the user accepted a version: a consent) or
 * `policy-acknowledge` (the user was told of editorial changes: not a
 * consent), each with the version's identity for the product to store and
 * the site's log checkpoint the feed gave with it. While a version is
 * announced and not yet in force, it tells the user before the change takes
 * effect, in the site's own words («С 15 января 2027 г. действует новая
 * редакция…»), and where the site allows it (`notice.acceptEarly`) offers to
 * accept it now (`policy-accept-early`). A feed that does not
 * answer within `timeout-ms` (default 5000) is treated as unreachable, and
 * the element also dispatches `policy-timeout`. It makes no request but to
 * the feed, and keeps no cookies or storage of its own.
 * Importing it where there is no DOM (Node) defines nothing and throws nothing.
 */
import type { KitWords } from './kit-words.ts';
import { getLanguageName } from '#lib/site/language-name.ts';
import { formatDayWords } from '#lib/time/day-words.ts';
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
    /** The user accepted a version announced and not yet in force (the site allows it: `notice.acceptEarly`): a consent that applies from `effectiveFrom`. */
    'policy-accept-early': CustomEvent<EarlyAcceptance>;
    /** Every answer the notice received, whatever it shows. */
    'policy-check': CustomEvent<CheckReconsentResult>;
    /** The feed did not answer in time (`timeout-ms`): the notice says it could not check, as for an unreachable feed. */
    'policy-timeout': CustomEvent<CheckReconsentResult>;
  }
}

/**
 * The `detail` of `policy-accept-early`: the identity of a version accepted
 * before it takes effect, and the instant it does. Until then the version in
 * force still applies; `verify` counts a consent whose `acceptedAt` is before
 * `effectiveFrom` as `not-in-force`.
 */
export interface EarlyAcceptance extends AcceptedIdentity {
  effectiveFrom: string;
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
 * `policy-acknowledge`. Both carry {@link AcceptedIdentity}. A version
 * announced and not yet in force (the answer's `upcoming`, when the site
 * announces it with a banner) is told too, with a link to what will change:
 * alone when nothing else changed ("upcoming", saying consent will be asked
 * again for a material one, with «Принять новую редакцию сейчас» and
 * `policy-accept-early` where the site allows it), else after the notice of
 * the version in force. Every answer is
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
    const key = this.#key();
    this.#checked = key;
    const [feedUrl, policy, locale, acceptedVersion, timeout] = JSON.parse(key) as (string | null)[];
    this.#abort?.abort();
    if (!feedUrl || !policy || !locale || typeof acceptedVersion !== 'string') return;
    const abort = new AbortController();
    this.#abort = abort;
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
    // A version announced and not yet in force, told as the site tells it: a banner (material, or editorial where the site says so).
    const upcoming = answer.upcoming?.banner ? answer.upcoming : null;
    const quiet = reconsent === 'none';
    this.hidden = quiet && !upcoming;
    if (this.hidden) return;
    const language = this.getAttribute('lang') ?? locale;
    // The language the words are in, English when the table has neither the tag nor its base language; the dates are written in it too.
    const lang = [language, language.split('-')[0] as string].find((name) => KIT_STRINGS[name]) ?? 'en';
    const [updated, seeChanges, mustAccept, accept, acknowledge, review, read, unavailable, acceptEarly, bannerMaterial, bannerEditorial, inOtherLanguages, whatWillChange, consentAgain] = KIT_STRINGS[lang] as KitWords;
    // "unknown-version" asks as "required" does: fail closed.
    const notify = reconsent === 'notify';
    const unknown = reconsent === 'unknown-version';
    const section = this.appendChild(element('section'));
    section.className = `policy-update-notice policy-update-${quiet ? 'upcoming' : notify ? 'notify' : 'required'}`;
    section.lang = lang;
    const paragraph = (text: string, link?: string | null) => {
      const node = section.appendChild(element('p', link ? '' : text));
      if (link) node.append(Object.assign(element('a', text), { href: link }));
      return node;
    };
    const button = (text: string, type: keyof GlobalEventHandlersEventMap, detail: AcceptedIdentity | EarlyAcceptance) => {
      const node = section.appendChild(element('button', text));
      node.type = 'button';
      node.onclick = () => {
        this.#dispatch(type, detail);
        this.hidden = true;
      };
    };
    // The words' {title} and {date}, the date as the site writes it; «15 февраля 2026 г.» already ends its sentence: no second period.
    const fill = (text: string, version: { title: string; effectiveFrom: string }) =>
      text
        .replace('{title}', () => version.title)
        .replace('{date}', () => formatDayWords(Date.parse(version.effectiveFrom), lang, answer.timeZone ?? undefined))
        .replace(/\.\.$/, '.');
    // A version with no text in this language is announced as the site announces it here: with the languages it exists in, each in its own name.
    const elsewhere = upcoming && (upcoming.locale ?? locale) !== locale;
    const announce =
      upcoming &&
      (elsewhere
        ? `${fill(inOtherLanguages, upcoming)} ${(upcoming.locales ?? [upcoming.locale as string]).map(getLanguageName).join(', ')}.`
        : fill(upcoming.changeType === 'editorial' ? bannerEditorial : bannerMaterial, upcoming));
    const title = paragraph(quiet ? (announce as string) : current ? fill(unknown ? review : updated, current) : unavailable);
    title.className = 'policy-update-title';
    counter += 1;
    title.id = `policy-update-notice-${counter}`;
    section.setAttribute('aria-labelledby', title.id);
    const identity = (version: { version: string; sha256: string }) => ({ policy, locale, version: version.version, sha256: version.sha256, checkpoint: answer.checkpoint });
    if (!quiet) {
      // Without a version in force there is nothing the user could accept.
      if (!current) return;
      if (unknown) paragraph(read, current.url);
      else if (answer.redlineUrl) paragraph(seeChanges, answer.redlineUrl);
      if (reconsent === 'required') paragraph(mustAccept);
      button(notify ? acknowledge : accept, notify ? 'policy-acknowledge' : 'policy-accept', identity(current));
      // The version after it is told below, without a second button: the one in force comes first.
      if (announce) paragraph(announce);
    }
    if (!upcoming) return;
    paragraph(whatWillChange, upcoming.redlineUrl);
    if (!quiet) return;
    if (upcoming.changeType !== 'editorial') paragraph(fill(consentAgain, upcoming));
    if (upcoming.acceptEarly) button(acceptEarly, 'policy-accept-early', { ...identity(upcoming), effectiveFrom: upcoming.effectiveFrom } satisfies EarlyAcceptance);
  }

  #dispatch(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('policy-update-notice')) {
  customElements.define('policy-update-notice', PolicyUpdateNotice);
}
