/**
 * The search page's island: queries Pagefind's index (built offline with the
 * site) and lists the matching policies with an excerpt. Loaded only on the
 * search page.
 */

interface SearchData {
  bundle: string;
  basePath: string;
  locale: string;
  loading: string;
  failed: string;
  strings: { noResults: string; results: string[] };
}

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const plural = new Intl.PluralRules(document.documentElement.lang || 'en');

async function run(): Promise<void> {
  const dataElement = document.getElementById('search-data');
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-query');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!dataElement || !(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement) || !status || !list) return;
  const data = JSON.parse(dataElement.textContent ?? '{}') as SearchData;
  document.getElementById('search-needs-script')?.setAttribute('hidden', '');
  let pagefind: Pagefind | undefined;

  const search = async (query: string) => {
    list.replaceChildren();
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    status.textContent = data.loading;
    try {
      if (!pagefind) {
        pagefind = (await import(/* @vite-ignore */ data.bundle)) as Pagefind;
        // The index records paths from the site's root; under a base path, results must carry it.
        await pagefind.options({ baseUrl: data.basePath });
      }
      const { results } = await pagefind.search(query);
      const items = await Promise.all(results.slice(0, 20).map((result) => result.data()));
      // The three plural forms are given for 1, 2 and 5 (Russian needs all three).
      const form = { one: 0, few: 1 } as Record<string, number>;
      const template = items.length === 0 ? data.strings.noResults : (data.strings.results[form[plural.select(results.length)] ?? 2] ?? '');
      status.textContent = template.replace('{query}', query).replace(/\d+/, String(results.length));
      for (const item of items) {
        const entry = document.createElement('li');
        const link = document.createElement('a');
        link.href = item.url;
        link.textContent = item.meta.title ?? item.url;
        const excerpt = document.createElement('p');
        // Pagefind's excerpt is text with <mark> around the matches; keep only those marks.
        const template = document.createElement('template');
        template.innerHTML = item.excerpt;
        for (const node of [...template.content.childNodes]) {
          if (node.nodeType === Node.TEXT_NODE) excerpt.append(node.textContent ?? '');
          else if (node instanceof HTMLElement && node.tagName === 'MARK') {
            const mark = document.createElement('mark');
            mark.textContent = node.textContent;
            excerpt.append(mark);
          } else excerpt.append(node.textContent ?? '');
        }
        entry.append(link, excerpt);
        list.append(entry);
      }
    } catch {
      status.textContent = data.failed;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value;
    history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
    void search(query);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}

void run();
