// A document's assertions as lines an analyst can read, one per fact edge and per value it gives an entity, for
// diffs ("Ajay Bhalla — HOLDS_POST Home Secretary — Ministry of Home Affairs"). Lines use the entities' names as
// the graph shows them, and the document's own claim for an edge's values.
import { parseEdgeClaim, parseNodeClaim } from './claims';
import type { Run } from './write';

const FACTS = `
UNWIND $sids AS sid
MATCH (s:Source {id: sid})
CALL (s, sid) {
  MATCH (s)-[:MENTIONS]->(a)-[e]->(b)
  WHERE sid IN coalesce(e.sources, [])
  RETURN collect([a.name, type(e), b.name, [c IN coalesce(e.claims, []) WHERE c STARTS WITH sid + '\\t'][0]]) AS edges
}
CALL (s) {
  MATCH (s)-[m:MENTIONS]->(n)
  RETURN collect([labels(n)[0], n.name, m.claim]) AS mentions
}
RETURN sid, edges, mentions`;

const text = (v: unknown) =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);

/** The part of an edge's line after its type: the values this document gives it. */
function edgeDetail(type: string, claimText: unknown): string {
  if (typeof claimText !== 'string') return '';
  const p = parseEdgeClaim(claimText).claim.props;
  const parts: string[] = [];
  if (type === 'HOLDS_POST') {
    parts.push(text(p.title));
    if (p.from) parts.push(`from ${text(p.from)}`);
    if (p.to) parts.push(`to ${text(p.to)}`);
  } else if (type === 'ATTENDED') parts.push(`as ${text(p.role)}, ${text(p.title)}`);
  else if (type === 'EDITION_OF' && p.edition !== null && p.edition !== undefined)
    parts.push(`edition ${text(p.edition)}`);
  else if (type === 'DISCUSSED' && typeof p.note === 'string') parts.push(`(${p.note})`);
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

/** The lines of one entity the document lists: its names and the values it gives. */
function mentionLines(label: string, name: string, claimText: unknown): string[] {
  if (typeof claimText !== 'string') return [`mentions ${label} ${name}`];
  const c = parseNodeClaim(claimText);
  const lines = [`${label} ${name}: named "${c.name}"`];
  for (const alias of c.names.slice(1)) lines.push(`${label} ${name}: also called "${alias}"`);
  for (const [k, v] of Object.entries(c.props)) {
    if (v === null || v === undefined || k.endsWith('Key')) continue;
    lines.push(`${label} ${name}: ${k} ${text(v)}`);
  }
  return lines;
}

/** Each document's lines, sorted; a document not in the graph has none. */
export async function factLines(sids: string[], run: Run): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(sids.map((s) => [s, []]));
  if (sids.length === 0) return out;
  for (const r of await run(FACTS, { sids })) {
    const lines: string[] = [];
    for (const e of Array.isArray(r.edges) ? r.edges : []) {
      const [a, type, b, claim] = Array.isArray(e) ? (e as unknown[]) : [];
      lines.push(`${text(a)} — ${text(type)}${edgeDetail(text(type), claim)} — ${text(b)}`);
    }
    for (const m of Array.isArray(r.mentions) ? r.mentions : []) {
      const [label, name, claim] = Array.isArray(m) ? (m as unknown[]) : [];
      lines.push(...mentionLines(text(label), text(name), claim));
    }
    out.set(String(r.sid), [...new Set(lines)].sort());
  }
  return out;
}
