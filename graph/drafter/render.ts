// The draft as YAML: the bundled readouts' `$schema` line first, each value followed by a comment giving where in
// the release it was read (line:column), the words it was read from and the drafter's confidence, and `# check:`
// comments before the entries whose values a person must supply or confirm.
import { Document, isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import type { Check, Evidence } from './evidence';

export const SCHEMA_LINE = ' yaml-language-server: $schema=../../docs/readout.schema.json';

/** ['people', 1, 'role'] from `people[1].role`. */
export function pathParts(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''),
  );
}

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);

function describe(e: Evidence): string {
  return ` ${e.line}:${e.column} ${quote(e.text)} (${e.confidence.toFixed(2)})${e.remark ? `; ${e.remark}` : ''}`;
}

/** The node at a path, or its nearest ancestor that exists. */
function nearest(doc: Document, parts: (string | number)[]): { node: Node | null; exact: boolean } {
  for (let n = parts.length; n > 0; n--) {
    const node = doc.getIn(parts.slice(0, n), true);
    if (isNode(node)) return { node, exact: n === parts.length };
  }
  return { node: null, exact: false };
}

/** Short lists of names and codes are written in flow style, as the bundled readouts have them. */
function flowLists(node: unknown): void {
  if (isMap(node)) for (const p of node.items) flowLists(p.value);
  else if (isSeq(node)) {
    if (node.items.every((i) => isScalar(i))) node.flow = true;
    else node.items.forEach(flowLists);
  }
}

export function renderYaml(
  readout: Record<string, unknown>,
  evidence: Evidence[],
  checks: Check[],
  header: string[],
): string {
  const doc = new Document(readout);
  flowLists(doc.contents);
  const comments = new Map<Node, string[]>();
  const add = (node: Node, text: string) => comments.set(node, [...(comments.get(node) ?? []), text]);
  for (const e of evidence) {
    const parts = pathParts(e.path);
    const { node, exact } = nearest(doc, parts);
    if (node === null) continue;
    // A value inside a flow list: the comment goes on the list, naming the item.
    const parent = exact ? doc.getIn(parts.slice(0, -1), true) : undefined;
    if (isSeq(parent) && parent.flow) add(parent, `${String(e.value)} ←${describe(e)}`);
    else add(node, describe(e).trim());
  }
  for (const [node, list] of comments)
    node.comment = list.length === 1 ? ` ${list[0] ?? ''}` : ` ${list.join(' | ')}`;
  for (const c of checks) {
    const parts = pathParts(c.path);
    const last = parts[parts.length - 1];
    const parent = nearest(doc, parts.slice(0, Math.max(1, parts.length - 1))).node;
    // Before the key when the field is there (an empty summary), else before the entry it is missing from.
    const pair = isMap(parent)
      ? parent.items.find((p) => isScalar(p.key) && p.key.value === last)
      : undefined;
    const top =
      parts.length === 1 && isMap(doc.contents)
        ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === last)
        : undefined;
    const key = (top ?? pair)?.key;
    const holder = isScalar(key) ? key : parent;
    if (holder === null) continue;
    const text = ` check: ${c.message}`;
    holder.commentBefore = holder.commentBefore ? `${holder.commentBefore}\n${text}` : text;
  }
  doc.commentBefore = [SCHEMA_LINE, ...header.map((h) => ` ${h}`)].join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
