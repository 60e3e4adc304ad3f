// The search box: suggestions while typing (GraphQL `autocomplete`: names and aliases beginning with what is typed,
// one slip forgiven) and, on Enter, a full search (`search`: also near-misses and documents' text). Only the
// answer to the latest request is shown, so a slow suggestion never replaces the results of a later search.
import { gql } from './gql';
import { h } from './h';
import { AUTOCOMPLETE, SEARCH, type SearchHit } from './queries';

export interface Chosen {
  id: string;
  label: string;
}

/** Wait this long after the last key before asking for suggestions. */
const TYPING_PAUSE_MS = 150;
/** Suggestions start at this many letters: fewer match too much to help. */
const MIN_SUGGEST = 2;

export class SearchBox {
  private latest = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    form: HTMLFormElement,
    private readonly input: HTMLInputElement,
    private readonly results: HTMLElement,
    private readonly chosen: (hit: Chosen) => void,
  ) {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(this.timer);
      void this.search();
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.suggest(), TYPING_PAUSE_MS);
    });
  }

  close(): void {
    this.latest += 1;
    this.results.hidden = true;
    this.results.replaceChildren();
  }

  private show(...items: HTMLElement[]): void {
    this.results.replaceChildren(...items);
    this.results.hidden = false;
  }

  /** Runs one request; its answer is shown only if no later request started meanwhile. */
  private async ask(
    query: string,
    field: 'search' | 'autocomplete',
    text: string,
  ): Promise<SearchHit[] | null> {
    const mine = (this.latest += 1);
    const data = await gql<Record<string, SearchHit[]>>(query, { text });
    return mine === this.latest ? (data[field] ?? []) : null;
  }

  private async suggest(): Promise<void> {
    const text = this.input.value.trim();
    if (text.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_SUGGEST) return this.close();
    try {
      const hits = await this.ask(AUTOCOMPLETE, 'autocomplete', text);
      if (hits === null) return;
      if (hits.length === 0)
        return this.show(h('li', { class: 'muted' }, 'No name begins so; press Enter to search.'));
      this.show(...hits.map((hit) => this.item(hit)));
    } catch {
      // Suggestions are a convenience: a failure shows nothing, and Enter still searches (and reports errors).
    }
  }

  private async search(): Promise<void> {
    const text = this.input.value.trim();
    if (text === '') return this.close();
    this.show(h('li', { class: 'muted' }, 'Searching…'));
    try {
      const hits = await this.ask(SEARCH, 'search', text);
      if (hits === null) return;
      if (hits.length === 0) return this.show(h('li', { class: 'muted' }, `Nothing matches “${text}”.`));
      this.show(...hits.map((hit) => this.item(hit)));
      this.results.querySelector('button')?.focus();
    } catch (e) {
      this.show(h('li', { class: 'error' }, `Search failed: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  private item(hit: SearchHit): HTMLElement {
    const label = hit.node.name ?? hit.node.title ?? hit.node.id;
    // Say why it matched when it was not the name itself: an alias, or text of a document.
    const why =
      hit.matchedOn === 'NAME' ? '' : ` · ${hit.matchedOn === 'ALIAS' ? 'alias' : 'text'}: ${hit.matched}`;
    const button = h(
      'button',
      { type: 'button', title: `${label}${why}` },
      label,
      h('span', { class: 'muted' }, `${hit.node.__typename}${why}`),
    );
    button.addEventListener('click', () => {
      this.close();
      this.chosen({ id: hit.node.id, label });
    });
    return h('li', {}, button);
  }
}
