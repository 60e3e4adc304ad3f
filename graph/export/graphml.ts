// GraphML 1.0/1.1 (graphml.graphdrawing.org): one <key> per attribute, nodes keyed by entity id, edges numbered
// (edge ids like "HOLDS_POST:a->b" are not XML NMTOKENs) with the stable edge id kept as data. The schema wants
// NMTOKENs for node ids and attribute names too: others are replaced, the original name kept in the key's <desc>.
import type { SubgraphRow } from '../model';
import { attrValue, collectAttrs, edgeAttributes, nodeAttributes, type AttrDef } from './attributes';
import { attrs, isNmtoken, toNmtoken, xmlEscape } from './xml';

const TYPE: Record<AttrDef['type'], string> = { string: 'string', double: 'double', boolean: 'boolean' };

/** Unique NMTOKEN attribute names for the definitions (a replaced name never takes another's place). */
function attrNames(defs: AttrDef[]): Map<string, string> {
  const taken = new Set(defs.map((d) => d.name).filter(isNmtoken));
  const out = new Map<string, string>();
  for (const d of defs) {
    if (isNmtoken(d.name)) {
      out.set(d.name, d.name);
      continue;
    }
    const base = toNmtoken(d.name);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    out.set(d.name, name);
  }
  return out;
}

function keyLine(id: string, domain: 'node' | 'edge', d: AttrDef, name: string): string {
  const open = `  <key${attrs({ id, for: domain, 'attr.name': name, 'attr.type': TYPE[d.type] })}`;
  return name === d.name ? `${open}/>` : `${open}><desc>${xmlEscape(d.name)}</desc></key>`;
}

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
  const nodeIndex = new Map(g.nodes.map((n, i) => [n.id, isNmtoken(n.id) ? n.id : `node${i}`]));
  const nodeNames = attrNames(nodeDefs);
  const edgeNames = attrNames(edgeDefs);

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlEscape(description)}</desc>`,
    `  <key${attrs({ id: 'label', for: 'node', 'attr.name': 'label', 'attr.type': 'string' })}/>`,
    ...nodeDefs.map((d) => keyLine(nodeKey.get(d.name) ?? '', 'node', d, nodeNames.get(d.name) ?? d.name)),
    ...edgeDefs.map((d) => keyLine(edgeKey.get(d.name) ?? '', 'edge', d, edgeNames.get(d.name) ?? d.name)),
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
