// The graph canvas: Cytoscape.js. Each answer is added in one batch and laid out once, off the main thread and
// with the nodes already placed held fixed (layouter.ts), so expanding a node never reshuffles the view and a
// 1,000-node subgraph costs one layout, not one per node.
import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
  type Position,
} from 'cytoscape';
import { graphStyle } from './graphStyle';
import { Layouter } from './layouter';
import type { GraphEdge, GraphNode, Subgraph } from './queries';

/** Views bigger than this get the cheaper edge style. */
const BIG_VIEW = 300;

export interface GraphViewEvents {
  nodeTapped(id: string): void;
  edgeTapped(id: string): void;
  backgroundTapped(): void;
  /** A layout finished: the nodes it placed are where they will stay. */
  layoutSettled(): void;
}

export class GraphView {
  readonly cy: Core;
  private readonly layouter: Layouter;
  private straightEdges = false;

  constructor(container: HTMLElement, events: GraphViewEvents) {
    this.cy = cytoscape({
      container,
      style: graphStyle,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // While panning or zooming, move a snapshot of the canvas and redraw once the gesture ends: big views
      // would otherwise redraw every element on every frame.
      textureOnViewport: true,
    });
    this.layouter = new Layouter(this.cy, () => events.layoutSettled());
    this.cy.on('tap', 'node', (e) => events.nodeTapped((e.target as NodeSingular).id()));
    this.cy.on('tap', 'edge', (e) => events.edgeTapped((e.target as EdgeSingular).id()));
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) events.backgroundTapped();
    });
  }

  clear(): void {
    this.cy.elements().remove();
    this.layouter.reset();
  }

  /** True while a layout is under way (new nodes still sit where they were added). */
  get arranging(): boolean {
    return this.layouter.arranging;
  }

  /** Adds what `g` has that the view lacks, placed around `anchorId`; returns how many nodes were added. */
  merge(g: Subgraph, anchorId?: string): number {
    const cy = this.cy;
    const empty = cy.nodes().empty();
    const fresh = g.nodes.filter((n) => !cy.hasElementWithId(n.id));
    const anchor = anchorId === undefined ? undefined : cy.getElementById(anchorId);
    const centre = anchor?.nonempty() ? anchor.position() : { x: 0, y: 0 };
    cy.batch(() => {
      cy.add(fresh.map((n, i) => nodeElement(n, ring(centre, i, fresh.length))));
      cy.add(g.edges.filter((e) => !cy.hasElementWithId(e.id)).map(edgeElement));
    });
    this.fitEdgeStyle();
    // A new view shows its starting ring whole while it is arranged (at that zoom labels are not even drawn).
    if (empty) cy.fit(undefined, 30);
    this.layouter.update();
    return fresh.length;
  }

  /** Shows exactly `g` (after a filter change): keeps what stays where it is, lays out only what is new. */
  replace(g: Subgraph): number {
    const keep = new Set<string>([...g.nodes.map((n) => n.id), ...g.edges.map((e) => e.id)]);
    this.cy.batch(() => {
      this.cy
        .elements()
        .filter((el) => !keep.has(el.id()))
        .remove();
    });
    return this.merge(g);
  }

  /** Bezier edges keep parallel edges apart; on big views straight ones (still with arrows) draw much faster. */
  private fitEdgeStyle(): void {
    const straight = this.cy.nodes().length > BIG_VIEW;
    if (straight === this.straightEdges) return;
    this.straightEdges = straight;
    this.cy
      .style()
      .selector('edge')
      .style({ 'curve-style': straight ? 'straight' : 'bezier' })
      .update();
  }

  markExpanded(id: string): void {
    this.cy.getElementById(id).addClass('expanded');
  }

  select(id: string): void {
    this.cy.elements(':selected').unselect();
    this.cy.getElementById(id).select();
  }

  node(id: string): GraphNode | undefined {
    const n = this.cy.getElementById(id);
    return n.nonempty() && n.isNode() ? (n.data('entity') as GraphNode) : undefined;
  }

  edge(id: string): GraphEdge | undefined {
    const e = this.cy.getElementById(id);
    return e.nonempty() && e.isEdge() ? (e.data('relation') as GraphEdge) : undefined;
  }

  labelOf(id: string): string {
    return this.node(id)?.label ?? id;
  }

  counts(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }
}

/** Labels are cut here rather than by Cytoscape's text-wrap: ellipsis, which measures text glyph by glyph. */
const LABEL_MAX = 36;

function nodeElement(n: GraphNode, position: Position): ElementDefinition {
  const label = n.label.length > LABEL_MAX ? `${n.label.slice(0, LABEL_MAX - 1).trimEnd()}…` : n.label;
  return { group: 'nodes', data: { id: n.id, label, type: n.type, entity: n }, position };
}

function edgeElement(e: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { id: e.id, source: e.source, target: e.target, type: e.type, relation: e },
  };
}

/** Starting places for new nodes: a ring around the node they were expanded from. */
function ring(centre: Position, i: number, count: number): Position {
  const radius = 80 + 14 * Math.sqrt(count);
  const angle = (2 * Math.PI * i) / Math.max(count, 1);
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}
