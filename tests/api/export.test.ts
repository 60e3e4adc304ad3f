// Subgraph exports (GraphML, GEXF, Cytoscape.js JSON) over HTTP and the CLI: well-formed XML that real parsers
// read back with the same node and edge counts as the GraphQL `subgraph`, and structurally valid per format.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Graph from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { useSeededServer, type TestServer } from '../helpers/api';

let server: TestServer;
const ID = 'person:ajay-bhalla';

type Xml = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attvalue', 'attributes'].includes(name),
});
const arr = (v: unknown): Xml[] => (Array.isArray(v) ? (v as Xml[]) : v === undefined ? [] : [v as Xml]);

useSeededServer((_e, s) => {
  server = s;
});

async function subgraphCounts(depth: number, maxNodes = 200) {
  const res = await server.gql<{ subgraph: { nodes: { id: string }[]; edges: { id: string }[] } }>(
    `query ($ids: [ID!]!, $d: Int, $m: Int) { subgraph(ids: $ids, depth: $d, maxNodes: $m) { nodes { id } edges { id } } }`,
    { ids: [ID], d: depth, m: maxNodes },
  );
  expect(res.errors).toBeUndefined();
  return { nodes: res.data?.subgraph.nodes.length ?? -1, edges: res.data?.subgraph.edges.length ?? -1 };
}

async function download(format: string, depth = 2) {
  const res = await fetch(
    `${server.url}/export?ids=${encodeURIComponent(ID)}&depth=${depth}&format=${format}`,
  );
  return { res, body: await res.text() };
}

test('GraphML: well-formed, every data key declared for its element, edges between known nodes, counts match', async () => {
  const expected = await subgraphCounts(2);
  const { res, body } = await download('graphml');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/graphml\+xml/);
  expect(XMLValidator.validate(body)).toBe(true);
  const doc = parser.parse(body) as { graphml: Xml };
  const root = doc.graphml;
  expect(root['@xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
  const keys = new Map(arr(root.key).map((k) => [String(k['@id']), String(k['@for'])]));
  const g = root.graph as Xml;
  expect(g['@edgedefault']).toBe('directed');
  const nodes = arr(g.node);
  const edges = arr(g.edge);
  expect({ nodes: nodes.length, edges: edges.length }).toEqual(expected);
  const ids = new Set(nodes.map((n) => String(n['@id'])));
  expect(ids.size).toBe(nodes.length);
  for (const n of nodes) for (const d of arr(n.data)) expect(keys.get(String(d['@key']))).toBe('node');
  for (const e of edges) {
    expect(ids.has(String(e['@source'])) && ids.has(String(e['@target']))).toBe(true);
    for (const d of arr(e.data)) expect(keys.get(String(d['@key']))).toBe('edge');
  }
  // A real GraphML consumer reads it back.
  const read = graphml.parse(Graph, body);
  expect({ nodes: read.order, edges: read.size }).toEqual(expected);
});

test('GEXF 1.3: well-formed, attributes declared per class with typed values, counts match', async () => {
  const expected = await subgraphCounts(2);
  const { res, body } = await download('gexf');
  expect(res.status).toBe(200);
  expect(XMLValidator.validate(body)).toBe(true);
  const root = (parser.parse(body) as { gexf: Xml }).gexf;
  expect(root['@version']).toBe('1.3');
  expect(root['@xmlns']).toBe('http://gexf.net/1.3');
  const g = root.graph as Xml;
  const declared = new Map<string, Map<string, string>>();
  for (const a of arr(g.attributes)) {
    declared.set(
      String(a['@class']),
      new Map(arr(a.attribute).map((x) => [String(x['@id']), String(x['@type'])])),
    );
  }
  const nodes = arr((g.nodes as Xml).node);
  const edges = arr((g.edges as Xml).edge);
  expect({ nodes: nodes.length, edges: edges.length }).toEqual(expected);
  const ids = new Set(nodes.map((n) => String(n['@id'])));
  const checkValues = (el: Xml, cls: string) => {
    for (const v of arr((el.attvalues as Xml | undefined)?.attvalue)) {
      const type = declared.get(cls)?.get(String(v['@for']));
      expect(type).toBeDefined();
      if (type === 'double') expect(Number.isFinite(Number(v['@value']))).toBe(true);
      if (type === 'boolean') expect(['true', 'false']).toContain(v['@value']);
    }
  };
  for (const n of nodes) checkValues(n, 'node');
  for (const e of edges) {
    expect(ids.has(String(e['@source'])) && ids.has(String(e['@target']))).toBe(true);
    checkValues(e, 'edge');
  }
  const read = gexf.parse(Graph, body);
  expect({ nodes: read.order, edges: read.size }).toEqual(expected);
  expect(read.getNodeAttribute(ID, 'label')).toBe('Ajay Bhalla');
});

test('Cytoscape.js JSON: elements match the subgraph', async () => {
  const expected = await subgraphCounts(1);
  const { res, body } = await download('cyjs', 1);
  expect(res.status).toBe(200);
  const json = JSON.parse(body) as {
    elements: { nodes: { data: { id: string } }[]; edges: { data: { source: string; target: string } }[] };
  };
  expect({ nodes: json.elements.nodes.length, edges: json.elements.edges.length }).toEqual(expected);
  const ids = new Set(json.elements.nodes.map((n) => n.data.id));
  expect(json.elements.edges.every((e) => ids.has(e.data.source) && ids.has(e.data.target))).toBe(true);
});

test('the same caps and clear errors as the API', async () => {
  const bad = await fetch(`${server.url}/export?ids=${ID}&format=pdf`);
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
    /format: expected one of cyjs, graphml, gexf/,
  );
  const deep = await fetch(`${server.url}/export?ids=${ID}&depth=9`);
  expect(deep.status).toBe(400);
  const unknown = await fetch(`${server.url}/export?ids=person:nobody-at-all`);
  expect(unknown.status).toBe(404);
  const capped = await fetch(`${server.url}/export?ids=${ID}&depth=2&maxNodes=3&format=cyjs`);
  expect(capped.headers.get('x-subgraph-truncated')).toBe('true');
  expect(
    (JSON.parse(await capped.text()) as { elements: { nodes: unknown[] } }).elements.nodes.length,
  ).toBeLessThanOrEqual(3);
});

test('the CLI writes the same export to stdout', () => {
  const root = path.resolve(__dirname, '..', '..');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/export.ts', '--id', ID, '--depth', '2', '--format', 'gexf'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60000,
    },
  );
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/\d+ nodes, \d+ edges/);
  const read = gexf.parse(Graph, r.stdout);
  expect(read.hasNode(ID)).toBe(true);
  const usage = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts', '--format', 'gexf'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60000,
  });
  expect(usage.status).toBe(2);
  expect(usage.stderr).toMatch(/ids: give at least one entity id/);
});
