// The visual explorer: search an entity, draw its neighbourhood (GraphQL `subgraph`, depth 1), click nodes to
// expand them and read their sources, filter by edge type and date, export the view.
import '../shared/base.css';
import './explore.css';
import type { Core } from 'cytoscape';
import { cytoscapeJson, downloadJson, serverExportUrl } from './exportView';
import { Filters } from './filters';
import { gql } from './gql';
import { GraphView } from './graphView';
import { renderLegend } from './legend';
import { Panel } from './panel';
import { SUBGRAPH, type Subgraph } from './queries';
import { SearchBox } from './searchBox';
import { edgeSources, nodeSources } from './sources';

declare global {
  interface Window {
    /** The Cytoscape instance, for the browser console and for automation (tests click nodes by position). */
    explorer?: { cy: Core };
  }
}

/** Nodes fetched per expanded entity, and at most in one view (the API's own cap is 2,000). */
const PER_ENTITY = 200;
const MAX_NODES = 2000;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

const status = byId('status');
const panel = new Panel(byId('panel'));
const exportLinks = {
  graphml: byId<HTMLAnchorElement>('export-graphml'),
  gexf: byId<HTMLAnchorElement>('export-gexf'),
};
const exportJson = byId<HTMLButtonElement>('export-cyjs');

/** Entities whose neighbourhoods make up the view, in the order they were opened. */
const expanded: string[] = [];
let truncated = false;
/** Bumped by every operation that redraws the whole view, so answers to older requests are dropped. */
let epoch = 0;

const view = new GraphView(byId('graph'), {
  nodeTapped: (id) => selectNode(id, true),
  edgeTapped: (id) => selectEdge(id),
  backgroundTapped: () => panel.hint(),
  layoutSettled: () => report(),
});
window.explorer = { cy: view.cy };
const filters = new Filters(byId('edge-types'), byId<HTMLInputElement>('at'), () => guard(refresh()));
new SearchBox(
  byId<HTMLFormElement>('search-form'),
  byId<HTMLInputElement>('search'),
  byId('search-results'),
  (hit) => guard(open(hit.id, hit.label)),
);
renderLegend(byId('legend'));
exportJson.addEventListener('click', () => downloadJson('explorer-view.cyjs', cytoscapeJson(view.cy)));

/** The status line; `data-state` tells busy, arranging (layout under way), ready or error (tests wait on it). */
function say(text: string, state: 'busy' | 'arranging' | 'ready' | 'error'): void {
  status.textContent = text;
  status.classList.toggle('error', state === 'error');
  status.dataset.state = state;
}

function guard(work: Promise<void>): void {
  work.catch((e: unknown) => say(`Error: ${e instanceof Error ? e.message : String(e)}`, 'error'));
}

function report(): void {
  const { nodes, edges } = view.counts();
  say(
    `${nodes} nodes, ${edges} edges` +
      (truncated ? ' — cut at the node limit: filter by edge type or date to see the rest.' : '') +
      (view.arranging ? ' — arranging…' : ''),
    view.arranging ? 'arranging' : 'ready',
  );
  exportJson.disabled = nodes === 0;
  for (const [format, a] of Object.entries(exportLinks)) {
    if (nodes === 0) a.removeAttribute('href');
    else
      a.href = serverExportUrl(
        expanded,
        format === 'gexf' ? 'gexf' : 'graphml',
        filters.values(),
        viewCap(expanded),
      );
  }
}

function viewCap(ids: readonly string[]): number {
  return Math.min(MAX_NODES, PER_ENTITY * ids.length);
}

async function fetchView(ids: string[]): Promise<Subgraph> {
  const { types, at } = filters.values();
  const maxNodes = viewCap(ids);
  return (await gql<{ subgraph: Subgraph }>(SUBGRAPH, { ids, maxNodes, types, at })).subgraph;
}

async function open(id: string, label: string): Promise<void> {
  const mine = ++epoch;
  say(`Loading the neighbourhood of ${label}…`, 'busy');
  const g = await fetchView([id]);
  if (mine !== epoch) return;
  expanded.splice(0, expanded.length, id);
  truncated = g.truncated;
  view.clear();
  view.merge(g);
  view.markExpanded(id);
  selectNode(id, false);
  report();
}

async function expand(id: string): Promise<void> {
  if (expanded.includes(id)) return;
  const mine = epoch;
  expanded.push(id);
  view.markExpanded(id);
  say(`Expanding ${view.labelOf(id)}…`, 'busy');
  const g = await fetchView([id]);
  if (mine !== epoch) return;
  truncated ||= g.truncated;
  view.merge(g, id);
  report();
}

/** After a filter change: the same expanded entities, fetched again with the new filters. */
async function refresh(): Promise<void> {
  if (expanded.length === 0) return;
  const mine = ++epoch;
  say('Applying filters…', 'busy');
  const g = await fetchView(expanded);
  if (mine !== epoch) return;
  truncated = g.truncated;
  view.replace(g);
  for (const id of expanded) view.markExpanded(id);
  report();
}

function selectNode(id: string, expandIt: boolean): void {
  const node = view.node(id);
  if (!node) return;
  view.select(id);
  panel.showNode(node, nodeSources(id));
  if (expandIt) guard(expand(id));
}

function selectEdge(id: string): void {
  const edge = view.edge(id);
  if (!edge) return;
  view.select(id);
  panel.showEdge(edge, view.labelOf(edge.source), view.labelOf(edge.target), edgeSources(edge.properties));
}
