// A made-up 1,000-node subgraph in the API's shape, for measuring the explorer on a big view: a random tree (so
// it is connected) plus extra random edges, from a fixed seed so every run draws the same graph.
const TYPES = [
  'Person',
  'Organization',
  'Dialogue',
  'Theme',
  'Agreement',
  'Country',
  'DialogueSeries',
  'Source',
];
const EDGE_TYPES = ['HOLDS_POST', 'ATTENDED', 'PART_OF', 'DISCUSSED', 'PARTY_TO', 'OF_COUNTRY', 'COVERS'];

export interface SyntheticSubgraph {
  truncated: boolean;
  nodes: { id: string; type: string; label: string; properties: Record<string, unknown> }[];
  edges: { id: string; type: string; source: string; target: string; properties: Record<string, unknown> }[];
}

export function syntheticSubgraph(rootId: string, nodeCount: number, extraEdges: number): SyntheticSubgraph {
  let state = 42;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % n; // the low bits of this generator cycle quickly
  };
  const nodes = Array.from({ length: nodeCount }, (_, i) => {
    const type = i === 0 ? 'Person' : (TYPES[random(TYPES.length)] ?? 'Theme');
    const id = i === 0 ? rootId : `synthetic:${type.toLowerCase()}-${i}`;
    return {
      id,
      type,
      label: i === 0 ? 'Ajay Bhalla' : `${type} number ${i}`,
      properties: { name: `${type} ${i}` },
    };
  });
  const edges: SyntheticSubgraph['edges'] = [];
  const seen = new Set<string>();
  const link = (a: number, b: number) => {
    const source = nodes[a]?.id ?? rootId;
    const target = nodes[b]?.id ?? rootId;
    const type = EDGE_TYPES[random(EDGE_TYPES.length)] ?? 'PART_OF';
    const id = `${type}:${source}->${target}`;
    if (a === b || seen.has(id)) return;
    seen.add(id);
    edges.push({ id, type, source, target, properties: { sources: [] } });
  };
  for (let i = 1; i < nodeCount; i++) link(random(i), i);
  for (let k = 0; k < extraEdges; k++) link(random(nodeCount), random(nodeCount));
  return { truncated: false, nodes, edges };
}
