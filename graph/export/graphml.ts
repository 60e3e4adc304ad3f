// GraphML 1.0/1.1 (graphml.graphdrawing.org): one <key> per attribute, nodes keyed by entity id, edges numbered
// (edge ids like "HOLDS_POST:a->b" are not XML NMTOKENs) with the stable edge id kept as data.
import type { SubgraphRow } from '../model';
import { attrValue, collectAttrs, edgeAttributes, nodeAttributes, type AttrDef } from './attributes';
import { attrs, xmlEscape } from './xml';

const TYPE: Record<AttrDef['type'], string> = { string: 'string', double: 'double', boolean: 'boolean' };
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

export function toGraphML(
  g: SubgraphRow,
  description = 'Subgraph exported from the bilateral security graph',
): string {
  const nodeAttrs = g.nodes.map(nodeAttributes);
  const edgeAttrs = g.edges.map(edgeAttributes);
  const nodeDefs = collectAttrs(nodeAttrs);
  const edgeDefs = collectAttrs(edgeAttrs);
  const nodeKey = new Map(nodeDefs.map((d, i) => [d.name, `n${i}`]));
  const edgeKey = new Map(edgeDefs.map((d, i) => [d.name, `e${i}`]));
  const nodeIndex = new Map(g.nodes.map((n, i) => [n.id, NMTOKEN.test(n.id) ? n.id : `node${i}`]));

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlEscape(description)}</desc>`,
    `  <key${attrs({ id: 'label', for: 'node', 'attr.name': 'label', 'attr.type': 'string' })}/>`,
    ...nodeDefs.map(
      (d) =>
        `  <key${attrs({ id: nodeKey.get(d.name) ?? '', for: 'node', 'attr.name': d.name, 'attr.type': TYPE[d.type] })}/>`,
    ),
    ...edgeDefs.map(
      (d) =>
        `  <key${attrs({ id: edgeKey.get(d.name) ?? '', for: 'edge', 'attr.name': d.name, 'attr.type': TYPE[d.type] })}/>`,
    ),
    `  <graph${attrs({ id: 'G', edgedefault: 'directed' })}>`,
  ];
  g.nodes.forEach((n, i) => {
    out.push(`    <node${attrs({ id: nodeIndex.get(n.id) ?? '' })}>`);
    out.push(`      <data key="label">${xmlEscape(n.label)}</data>`);
    for (const [k, v] of Object.entries(nodeAttrs[i] ?? {})) {
      if (v !== null && v !== undefined)
        out.push(`      <data key="${nodeKey.get(k)}">${xmlEscape(attrValue(v))}</data>`);
    }
    out.push('    </node>');
  });
  g.edges.forEach((e, i) => {
    out.push(
      `    <edge${attrs({ id: `edge${i}`, source: nodeIndex.get(e.source) ?? '', target: nodeIndex.get(e.target) ?? '' })}>`,
    );
    for (const [k, v] of Object.entries(edgeAttrs[i] ?? {})) {
      if (v !== null && v !== undefined)
        out.push(`      <data key="${edgeKey.get(k)}">${xmlEscape(attrValue(v))}</data>`);
    }
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
