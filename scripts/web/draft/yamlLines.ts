// The line of every path in a YAML readout (`people[1].role`), located as the loader locates them: map entries at
// their key, list items where they start. The page uses it to put drafted values on their lines in the editor.
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** Lines of the paths in `text`, or null when the text is not well-formed YAML. */
export function yamlLines(text: string): Map<string, number> | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) return null;
  const lines = new Map<string, number>();
  const lineOf = (offset: number) => counter.linePos(offset).line;
  const walk = (node: unknown, path: string): void => {
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
  walk(doc.contents, '');
  return lines;
}

const LAST_SEGMENT = /(\.[^.[\]]+|\[\d+\])$/;

/** The line of `path`, or of its nearest ancestor that the text has. */
export function lineOfPath(lines: ReadonlyMap<string, number>, path: string): number | undefined {
  for (let p = path; p !== '';) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    const up = p.replace(LAST_SEGMENT, '');
    if (up === p) return undefined;
    p = up;
  }
  return undefined;
}
