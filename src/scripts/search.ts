/**
 * The search page: a form that queries the Pagefind index written by `npm run build` (the index
 * lives in dist/pagefind/, so the library is imported from the built site at run time, not bundled).
 * Results update as the reader types; the down and up arrows move between the input and the results,
 * Escape returns to the input. Without JavaScript the form stays hidden and the page explains why.
 */
import { resultsStatus } from "@/lib/site/search-text.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  debouncedSearch(
    query: string,
    options?: Record<string, unknown>,
    delay?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/**
 * The search index is in shards, each a Pagefind bundle (scripts/lib/search-shards.ts): the library
 * comes from the first bundle, /pagefind/0/, and the list of all of them (that one first) from
 * shards.json. Variables, so the bundler leaves the import to the browser.
 */
const PAGEFIND_URL = "/pagefind/0/pagefind.js";
const SHARDS_URL = "/pagefind/shards.json";
/** Excerpt length in words: options apply to one bundle, so each merged one is given them too. */
const SEARCH_OPTIONS = { excerptLength: 24 };
/** How many results are shown at once. */
const MAX_RESULTS = 20;

/** The excerpt Pagefind returns, as nodes: its text, with only its `<mark>` highlights kept as elements. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.className = "rounded-sm bg-accent/20 px-0.5 text-ink";
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? "");
  });
}

class SiteSearch extends HTMLElement {
  private pagefind: Promise<PagefindApi> | undefined;
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private list!: HTMLOListElement;

  connectedCallback(): void {
    const form = this.querySelector("form");
    const input = this.querySelector("input");
    const status = this.querySelector<HTMLElement>("[data-search-status]");
    const list = this.querySelector<HTMLOListElement>("[data-search-results]");
    if (!form || !input || !status || !list) return;
    this.input = input;
    this.status = status;
    this.list = list;

    if (this.dataset.dev !== undefined) {
      status.textContent =
        "The development server has no search index: Pagefind builds it after the site. Run npm run build, then npm run preview, to try search.";
      return;
    }

    form.hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.search(input.value, 0);
    });
    input.addEventListener("input", () => void this.search(input.value));
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        this.links()[0]?.focus();
      }
    });
    list.addEventListener("keydown", (event) => this.moveFocus(event));

    const query = new URLSearchParams(location.search).get("q");
    if (query) {
      input.value = query;
      void this.search(query, 0);
    }
  }

  private links(): HTMLAnchorElement[] {
    return [...this.list.querySelectorAll<HTMLAnchorElement>("a")];
  }

  /** Arrow keys move between results; Escape (or up from the first) goes back to the input. */
  private moveFocus(event: KeyboardEvent): void {
    const links = this.links();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)]?.focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index === 0 ? this.input : links[index - 1])?.focus();
    } else if (event.key === "Escape") {
      this.input.focus();
    }
  }

  private load(): Promise<PagefindApi> {
    this.pagefind ??= Promise.all([
      import(/* @vite-ignore */ PAGEFIND_URL) as Promise<PagefindApi>,
      fetch(SHARDS_URL).then(async (response) => {
        if (!response.ok) throw new Error(`${SHARDS_URL}: HTTP ${response.status}`);
        return (await response.json()) as string[];
      }),
    ]).then(async ([api, bundles]) => {
      await api.options(SEARCH_OPTIONS);
      await api.init();
      // The first bundle is the one imported; the others share its WebAssembly, so each costs a reader
      // only its entry and metadata files.
      await Promise.all(bundles.slice(1).map((path) => api.mergeIndex(path, SEARCH_OPTIONS)));
      return api;
    });
    return this.pagefind;
  }

  private async search(raw: string, delay = 250): Promise<void> {
    const query = raw.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!query) {
      this.list.replaceChildren();
      this.status.textContent = "";
      return;
    }

    let api: PagefindApi;
    try {
      api = await this.load();
    } catch {
      this.pagefind = undefined;
      this.status.textContent = "Search could not load. Please try again, or browse the articles by topic.";
      return;
    }
    const found = await api.debouncedSearch(query, {}, delay);
    if (!found) return; // A newer query superseded this one.
    const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (this.input.value.trim() !== query) return;
    this.list.replaceChildren(...data.map((result) => this.item(result)));
    this.status.textContent = resultsStatus(query, found.results.length, data.length);
  }

  private item(result: PagefindResultData): HTMLLIElement {
    const item = document.createElement("li");
    item.className = "py-4";
    const link = document.createElement("a");
    link.href = result.url;
    link.className = "font-serif text-xl font-bold underline-offset-4 hover:underline";
    link.textContent = result.meta.title ?? result.url;
    item.append(link);
    if (result.meta.date) {
      const date = document.createElement("p");
      date.className = "text-sm text-muted";
      date.textContent = result.meta.date;
      item.append(date);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "mt-1 text-ink";
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(excerpt);
    return item;
  }
}

customElements.define("site-search", SiteSearch);
