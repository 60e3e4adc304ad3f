// The side panel: the clicked node's or edge's properties and the source documents behind it.
import { lookOf } from './graphStyle';
import { h } from './h';
import type { GraphEdge, GraphNode, SourceDoc } from './queries';

/** Stored properties that only serve indexing and date arithmetic; analysts read the dates as given instead. */
const HIDDEN = new Set(['id', 'key', 'sortKey', 'startKey', 'endKey', 'signedKey', 'sources', 'summary']);

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function properties(props: Record<string, unknown>): HTMLElement {
  const rows = Object.entries(props)
    .filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return h('p', { class: 'muted' }, 'No further properties.');
  return h('dl', { class: 'props' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, show(v))]));
}

/** A summary is prose: shown under the sources rather than squeezed into the property table. */
function summary(props: Record<string, unknown>): HTMLElement | null {
  return typeof props.summary === 'string' && props.summary !== ''
    ? h('section', {}, h('h3', {}, 'Summary'), h('p', { class: 'summary' }, props.summary))
    : null;
}

function sourceItem(s: SourceDoc): HTMLElement {
  const title = s.url
    ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title)
    : h('span', {}, s.title);
  return h('li', { class: 'source' }, title, h('div', { class: 'muted' }, `${s.publisher} · ${s.published}`));
}

export class Panel {
  private shown = 0;

  constructor(private readonly root: HTMLElement) {
    this.hint();
  }

  hint(): void {
    this.shown++;
    this.root.replaceChildren(
      h('h2', {}, 'Details'),
      h(
        'p',
        { class: 'muted' },
        'Search for an entity to draw its neighbourhood. Click a node to see its properties and sources and to expand it; click an edge to see who asserts it.',
      ),
    );
  }

  showNode(node: GraphNode, sources: Promise<SourceDoc[] | null>): void {
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = lookOf(node.type).colour;
    this.render(
      [
        h('h2', {}, node.label),
        h('p', { class: 'kind' }, swatch, node.type, ' · ', h('code', {}, node.id)),
        properties(node.properties),
      ],
      sources,
      'The documents behind its facts are on its edges: click one.',
      summary(node.properties),
    );
  }

  showEdge(edge: GraphEdge, from: string, to: string, sources: Promise<SourceDoc[]>): void {
    this.render(
      [h('h2', {}, edge.type), h('p', { class: 'kind' }, `${from} → ${to}`), properties(edge.properties)],
      sources,
      '',
      null,
    );
  }

  /** Renders the heading part now and the sources when they arrive, unless something else was clicked since. */
  private render(
    head: HTMLElement[],
    sources: Promise<SourceDoc[] | null>,
    noSourcesField: string,
    tail: HTMLElement | null,
  ): void {
    const ticket = ++this.shown;
    const list = h('ul', { class: 'sources', 'aria-busy': 'true' }, h('li', { class: 'muted' }, 'Loading…'));
    this.root.replaceChildren(...head, h('h3', {}, 'Sources'), list, ...(tail ? [tail] : []));
    sources.then(
      (docs) => {
        if (ticket !== this.shown) return;
        list.removeAttribute('aria-busy');
        if (docs === null) list.replaceChildren(h('li', { class: 'muted' }, noSourcesField));
        else if (docs.length === 0)
          list.replaceChildren(h('li', { class: 'muted' }, 'No source document recorded.'));
        else list.replaceChildren(...docs.map(sourceItem));
      },
      (e: unknown) => {
        if (ticket !== this.shown) return;
        list.removeAttribute('aria-busy');
        list.replaceChildren(h('li', { class: 'error' }, `Could not load sources: ${String(e)}`));
      },
    );
  }
}
