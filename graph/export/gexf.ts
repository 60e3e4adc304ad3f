// GEXF 1.3 (Gephi): declared attributes per class, nodes and edges with attvalues, and a colour per entity type
// so the graph opens readable in Gephi.
import type { SubgraphRow } from '../model';
import { attrValue, collectAttrs, edgeAttributes, nodeAttributes, type AttrDef } from './attributes';
import { attrs, xmlEscape } from './xml';

const TYPE: Record<AttrDef['type'], string> = { string: 'string', double: 'double', boolean: 'boolean' };

/** The same palette as the explorer, as RGB. */
export const TYPE_COLOURS: Record<string, [number, number, number]> = {
  Person: [31, 119, 180],
  Organization: [255, 127, 14],
  Country: [44, 160, 44],
  Dialogue: [214, 39, 40],
  DialogueSeries: [148, 103, 189],
  Theme: [140, 86, 75],
  Agreement: [227, 119, 194],
  Source: [127, 127, 127],
};

export function toGEXF(
  g: SubgraphRow,
  description = 'Subgraph exported from the bilateral security graph',
  date = new Date(),
): string {
  const nodeAttrs = g.nodes.map(nodeAttributes);
  const edgeAttrs = g.edges.map(edgeAttributes);
  const nodeDefs = collectAttrs(nodeAttrs);
  const edgeDefs = collectAttrs(edgeAttrs);
  const nodeIdx = new Map(nodeDefs.map((d, i) => [d.name, String(i)]));
  const edgeIdx = new Map(edgeDefs.map((d, i) => [d.name, String(i)]));
  const attvalues = (values: Record<string, unknown>, idx: Map<string, string>, indent: string): string[] => {
    const items = Object.entries(values).filter(([, v]) => v !== null && v !== undefined);
    if (items.length === 0) return [];
    return [
      `${indent}<attvalues>`,
      ...items.map(
        ([k, v]) => `${indent}  <attvalue${attrs({ for: idx.get(k) ?? '', value: attrValue(v) })}/>`,
      ),
      `${indent}</attvalues>`,
    ];
  };

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${attrs({ lastmodifieddate: date.toISOString().slice(0, 10) })}>`,
    '    <creator>bilateral-security-graph</creator>',
    `    <description>${xmlEscape(description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...nodeDefs.map(
      (d) =>
        `      <attribute${attrs({ id: nodeIdx.get(d.name) ?? '', title: d.name, type: TYPE[d.type] })}/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeDefs.map(
      (d) =>
        `      <attribute${attrs({ id: edgeIdx.get(d.name) ?? '', title: d.name, type: TYPE[d.type] })}/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ];
  g.nodes.forEach((n, i) => {
    const [r, gr, b] = TYPE_COLOURS[n.type] ?? [100, 100, 100];
    out.push(`      <node${attrs({ id: n.id, label: n.label })}>`);
    out.push(...attvalues(nodeAttrs[i] ?? {}, nodeIdx, '        '));
    out.push(`        <viz:color r="${r}" g="${gr}" b="${b}"/>`);
    out.push('      </node>');
  });
  out.push('    </nodes>', '    <edges>');
  g.edges.forEach((e, i) => {
    out.push(`      <edge${attrs({ id: String(i), source: e.source, target: e.target, label: e.type })}>`);
    out.push(...attvalues(edgeAttrs[i] ?? {}, edgeIdx, '        '));
    out.push('      </edge>');
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
