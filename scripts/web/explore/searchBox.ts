// The search box: fulltext search (typo-tolerant, through GraphQL `search`) with a list of hits to choose from.
import { gql } from './gql';
import { h } from './h';
import { SEARCH, type SearchHit } from './queries';

export interface Chosen {
  id: string;
  label: string;
}

export class SearchBox {
  constructor(
    form: HTMLFormElement,
    private readonly input: HTMLInputElement,
    private readonly results: HTMLElement,
    private readonly chosen: (hit: Chosen) => void,
  ) {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.search();
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
  }

  close(): void {
    this.results.hidden = true;
    this.results.replaceChildren();
  }

  private show(...items: HTMLElement[]): void {
    this.results.replaceChildren(...items);
    this.results.hidden = false;
  }

  private async search(): Promise<void> {
    const text = this.input.value.trim();
    if (text === '') return this.close();
    this.show(h('li', { class: 'muted' }, 'Searching…'));
    try {
      const { search } = await gql<{ search: SearchHit[] }>(SEARCH, { text });
      if (search.length === 0) return this.show(h('li', { class: 'muted' }, `Nothing matches “${text}”.`));
      this.show(...search.map((hit) => this.item(hit)));
      this.results.querySelector('button')?.focus();
    } catch (e) {
      this.show(h('li', { class: 'error' }, `Search failed: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  private item(hit: SearchHit): HTMLElement {
    const label = hit.node.name ?? hit.node.title ?? hit.node.id;
    const button = h('button', { type: 'button' }, label, h('span', { class: 'muted' }, hit.node.__typename));
    button.addEventListener('click', () => {
      this.close();
      this.chosen({ id: hit.node.id, label });
    });
    return h('li', {}, button);
  }
}
