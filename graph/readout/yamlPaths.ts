// The line of every path in a parsed YAML readout (`people[1].role`): map entries at their key (the line a reader
// looks for), list items where they start. Shared by the loader's issues and the Draft page's editor, so that both
// put a path on the same line; it depends on nothing but the yaml package, so the web bundle can import it.
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

export function pathLines(doc: Document, counter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  const lineOf = (offset: number) => counter.linePos(offset).line;
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || pair.key.range == null) continue;
        const p = path === '' ? String(pair.key.value) : `${path}.${String(pair.key.value)}`;
        lines.set(p, lineOf(pair.key.range[0]));
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = `${path}[${i}]`;
        if (isNode(item) && item.range) lines.set(p, lineOf(item.range[0]));
        walk(item, p);
      });
    }
  };
  if (isNode(doc.contents) && doc.contents.range) lines.set('', lineOf(doc.contents.range[0]));
  walk(doc.contents, '');
  return lines;
}
