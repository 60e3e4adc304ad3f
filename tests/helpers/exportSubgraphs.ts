// Synthetic subgraphs for export validation: every kind of property value an export must survive (dates, lists,
// numbers, booleans, empty values, unicode, XML-special and XML-forbidden characters), awkward ids and keys, and
// one key holding different kinds on different nodes.
import neo4j from 'neo4j-driver';
import {
  EDGE_TYPES,
  ENTITY_LABELS,
  type EdgeType,
  type EntityLabel,
  type SubgraphRow,
} from '../../graph/model';
import { syntheticSubgraph } from '../browser/syntheticSubgraph';

const SPECIAL = `<tag attr="x" other='y'> & ]]> --> <!-- &amp; \u0001\u0008\u000b bell`;
const UNICODE = 'Ñandú · 北京 · مرحبا · हिन्दी · 🛡️🤝 · e\u0301 · \u200b';

/** Every value kind once, as node and edge properties. */
const KINDS: Record<string, unknown> = {
  partialYear: '2024',
  partialMonth: '2024-06',
  isoDate: '2024-06-03',
  jsDate: new Date(Date.UTC(2024, 5, 3, 12, 30)),
  driverDate: new neo4j.types.Date(2024, 6, 3),
  driverDateTime: new neo4j.types.DateTime(2024, 6, 3, 12, 30, 0, 0, 0),
  strings: ['a', 'b <c>', UNICODE],
  numbers: [1, 2.5, -3],
  emptyList: [],
  emptyString: '',
  nothing: null,
  missing: undefined,
  integer: 42,
  float: -0.125,
  big: 1e300,
  notANumber: NaN,
  infinite: Infinity,
  negativeInfinite: -Infinity,
  yes: true,
  no: false,
  special: SPECIAL,
  unicode: UNICODE,
  nested: { a: [1, { b: 'c & d' }], when: new Date(0), day: new neo4j.types.Date(2024, 6, 3) },
  'key with spaces & <specials>': 'odd key',
  ключ: 'unicode key',
  '1starts-with-digit': 1,
  parent: 'not a compound parent',
};

/** A small graph with every value kind, awkward ids (spaces, unicode, colons) and a key of mixed kinds. */
export function everyKindSubgraph(): SubgraphRow {
  const node = (id: string, type: EntityLabel, label: string, properties: Record<string, unknown>) => ({
    id,
    type,
    label,
    properties: { id, ...properties },
  });
  const nodes = [
    node('person:ajay-bhalla', 'Person', 'Ajay Bhalla', { ...KINDS, mixed: 1 }),
    node('org:in:ministry of home affairs', 'Organization', `Ministry ${SPECIAL}`, { mixed: 'text' }),
    node('country:IN', 'Country', UNICODE, { mixed: true, code: 'IN' }),
    node('theme:🛡️', 'Theme', '', {}),
    node('dialogue:x', 'Dialogue', 'Dialogue "quoted" & <b>', { mixed: ['a'] }),
  ];
  const edge = (type: EdgeType, source: string, target: string, properties: Record<string, unknown>) => ({
    id: `${type}:${source}->${target}`,
    type,
    source,
    target,
    properties,
    sources: ['source:one', `source:${UNICODE}`],
  });
  const edges = [
    edge('HOLDS_POST', 'person:ajay-bhalla', 'org:in:ministry of home affairs', KINDS),
    edge('OF_COUNTRY', 'org:in:ministry of home affairs', 'country:IN', {}),
    edge('ATTENDED', 'person:ajay-bhalla', 'dialogue:x', { role: SPECIAL, validFrom: '2024-06' }),
    edge('DISCUSSED', 'dialogue:x', 'theme:🛡️', { notes: [] }),
  ];
  return { nodes, edges, truncated: false };
}

/** An empty subgraph, and one with nodes but no edges. */
export function edgeCases(): Record<string, SubgraphRow> {
  const lone = everyKindSubgraph().nodes.slice(0, 2);
  return {
    empty: { nodes: [], edges: [], truncated: false },
    noEdges: { nodes: lone, edges: [], truncated: true },
  };
}

/** The explorer's 1,000-node synthetic view, with a few property kinds on it. */
export function largeSubgraph(nodes = 1000): SubgraphRow {
  const g = syntheticSubgraph('person:ajay-bhalla', nodes, nodes / 2);
  return {
    truncated: false,
    nodes: g.nodes.map((n, i) => ({
      id: n.id,
      type: ENTITY_LABELS.find((l) => l === n.type) ?? 'Theme',
      label: n.label,
      properties: { ...n.properties, rank: i, aliases: [`alias ${i}`], since: `20${10 + (i % 15)}` },
    })),
    edges: g.edges.map((e) => ({
      id: e.id,
      type: EDGE_TYPES.find((t) => t === e.type) ?? 'PART_OF',
      source: e.source,
      target: e.target,
      properties: { validFrom: '2020-01' },
      sources: [],
    })),
  };
}
