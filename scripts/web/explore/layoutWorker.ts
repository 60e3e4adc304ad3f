// Runs the fCoSE force-directed layout off the main thread: a 1,000-node view takes seconds to lay out on a
// modest machine, and the page must stay usable meanwhile. Positions in, positions out.
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import { FORCES, type LayoutRequest, type LayoutResult } from './layoutProtocol';

cytoscape.use(fcose);

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { job, nodes, edges, randomize } = e.data;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: FORCES.nodeSize, height: FORCES.nodeSize } }],
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id }, position: { ...n.position } })),
      ...edges.map((x, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: x.source, target: x.target },
      })),
    ],
  });
  const fixed = nodes.filter((n) => n.fixed).map((n) => ({ nodeId: n.id, position: n.position }));
  const run = (quality: 'draft' | 'default', fromScratch: boolean) => {
    const options: FcoseLayoutOptions = {
      name: 'fcose',
      quality,
      randomize: fromScratch,
      animate: false,
      fit: false,
      idealEdgeLength: () => FORCES.idealEdgeLength,
      nodeRepulsion: () => FORCES.nodeRepulsion,
      nodeSeparation: FORCES.nodeSeparation,
      fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
    };
    cy.layout(options).run();
  };
  const send = (final: boolean) => {
    const positions = Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const result: LayoutResult = { job, final, positions };
    self.postMessage(result);
  };
  // A big fresh view: the spectral draft takes a fraction of the time and already shows the graph's shape.
  if (randomize && nodes.length > FORCES.draftFirstAbove) {
    run('draft', true);
    send(false);
    run('default', false);
  } else {
    run('default', randomize);
  }
  send(true);
};
