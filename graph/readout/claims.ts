// What each document claims about an entity or a fact edge, and the one rule that turns several documents' claims
// into the values the graph shows. Claims are stored beside the graph (a node's on its document's MENTIONS link,
// an edge's in its `claims` list as "<source id>\t<json>"), so the values can be derived again whenever a document
// is revised or withdrawn, and the result never depends on the order documents were loaded in.
//
// The rule, per value: the value most documents give; among equals, the one from the most recently published
// document; among equals, the smallest (JSON text order). Documents that leave a value out do not vote. Some values
// are unions instead: a dialogue's countries, a discussion's notes, a post's attested dates (earliest to latest).
import { normalizePersonName, normalizeText } from '../normalize';
import type { EdgeKind, NodeLabel } from './rows';

/** One document's claim about an entity: the names it uses and the values it gives. */
export interface NodeClaim {
  published: string;
  name: string;
  /** The name and aliases as the document spells them. */
  names: string[];
  /** Keys of the Name nodes the document's names make (label|scope|normalised name). */
  nameKeys: string[];
  props: Record<string, unknown>;
}

/** One document's claim about a fact edge's values. */
export interface EdgeClaim {
  published: string;
  props: Record<string, unknown>;
}

/** Labels whose values come from claims (countries are the shipped table's, sources their own readout's). */
export type ClaimedLabel = Exclude<NodeLabel, 'Source' | 'Country'>;
export const CLAIMED_LABELS: readonly ClaimedLabel[] = [
  'Organization',
  'Person',
  'Dialogue',
  'DialogueSeries',
  'Agreement',
];
export const isClaimedLabel = (l: string): l is ClaimedLabel =>
  (CLAIMED_LABELS as readonly string[]).includes(l);

/** Edge kinds with values of their own; the rest are facts without properties. */
export const CLAIMED_EDGES = ['HOLDS_POST', 'ATTENDED', 'EDITION_OF', 'DISCUSSED'] as const;
export type ClaimedEdge = (typeof CLAIMED_EDGES)[number];
export const isClaimedEdge = (k: string): k is ClaimedEdge =>
  (CLAIMED_EDGES as readonly string[]).includes(k);

/** Values chosen together (a dialogue's dates), so that one document's start never pairs with another's end. */
const NODE_GROUPS: Record<ClaimedLabel, string[][]> = {
  Organization: [['kind'], ['countries']],
  Person: [['country']],
  Dialogue: [['edition'], ['startDate', 'endDate', 'startKey', 'endKey'], ['city'], ['host'], ['summary']],
  DialogueSeries: [],
  Agreement: [['kind'], ['signedOn', 'signedKey'], ['summary']],
};

const EDGE_GROUPS: Record<ClaimedEdge, string[][]> = {
  HOLDS_POST: [['title'], ['from', 'fromKey'], ['to', 'toKey']],
  ATTENDED: [['role'], ['title'], ['onBehalfOf'], ['country']],
  EDITION_OF: [['edition'] /* one edition per series */],
  DISCUSSED: [],
};

const jsonOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rule: most documents, then most recent, then smallest. `undefined` when no document gives a value. */
export function choose<T>(votes: { value: T; published: string }[]): T | undefined {
  const tally = new Map<string, { value: T; count: number; latest: string }>();
  for (const v of votes) {
    const k = JSON.stringify(v.value);
    const t = tally.get(k);
    if (t === undefined) tally.set(k, { value: v.value, count: 1, latest: v.published });
    else {
      t.count += 1;
      if (v.published > t.latest) t.latest = v.published;
    }
  }
  const ranked = [...tally.entries()].sort(
    ([ka, a], [kb, b]) => b.count - a.count || jsonOrder(b.latest, a.latest) || jsonOrder(ka, kb),
  );
  return ranked[0]?.[1].value;
}

const given = (v: unknown) => v !== null && v !== undefined;

/** Chooses each group of values by the rule; a group counts when a document gives any value of it. */
function chooseGroups(
  groups: string[][],
  claims: { published: string; props: Record<string, unknown> }[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const group of groups) {
    const votes = claims
      .filter((c) => group.some((p) => given(c.props[p])))
      .map((c) => ({ value: group.map((p) => c.props[p] ?? null), published: c.published }));
    const won = choose(votes);
    group.forEach((p, i) => (out[p] = won?.[i] ?? null));
  }
  return out;
}

const sortedUnique = (xs: string[]) => [...new Set(xs)].sort(jsonOrder);

const NORM: Record<ClaimedLabel, (s: string) => string> = {
  Organization: normalizeText,
  Person: normalizePersonName,
  Dialogue: normalizeText,
  DialogueSeries: normalizeText,
  Agreement: normalizeText,
};

/** The entity's values from every document's claim: name, aliases, properties and what derives from them. */
export function nodeValues(label: ClaimedLabel, claims: NodeClaim[]): Record<string, unknown> {
  const norm = NORM[label];
  const name = choose(claims.map((c) => ({ value: c.name, published: c.published }))) ?? '';
  // One spelling per normalised name, the smallest, so the aliases do not depend on which document came first.
  const spelling = new Map<string, string>();
  for (const n of claims.flatMap((c) => c.names)) {
    const k = norm(n);
    const had = spelling.get(k);
    if (had === undefined || n < had) spelling.set(k, n);
  }
  spelling.delete(norm(name));
  const aliases = sortedUnique([...spelling.values()]);
  const values: Record<string, unknown> = {
    ...chooseGroups(NODE_GROUPS[label], claims),
    name,
    aliases,
    aliasText: aliases.join(' | '),
    sortKey: norm(name),
  };
  if (label === 'Dialogue') {
    // The winning list first, in its order; countries only other documents name follow, sorted.
    const first = choose(
      claims.map((c) => ({ value: (c.props.countries as string[]) ?? [], published: c.published })),
    );
    const rest = sortedUnique(claims.flatMap((c) => (c.props.countries as string[]) ?? []));
    values.countries = [...(first ?? []), ...rest.filter((c) => !(first ?? []).includes(c))];
  }
  return values;
}

/** The Name keys every claim's names make: the entity keeps exactly these. */
export const nameKeysOf = (claims: NodeClaim[]): string[] => sortedUnique(claims.flatMap((c) => c.nameKeys));

const earliest = (xs: unknown[]) =>
  xs.filter((x): x is string => typeof x === 'string').sort(jsonOrder)[0] ?? null;
const latest = (xs: unknown[]) =>
  xs
    .filter((x): x is string => typeof x === 'string')
    .sort(jsonOrder)
    .at(-1) ?? null;

/** A fact edge's values from every document's claim. */
export function edgeValues(kind: ClaimedEdge, claims: EdgeClaim[]): Record<string, unknown> {
  const values = chooseGroups(EDGE_GROUPS[kind], claims);
  if (kind === 'HOLDS_POST') {
    // A post is known to be held from the earliest to the latest date any document places the person in it.
    values.attestedFrom = earliest(claims.map((c) => c.props.attestedFrom));
    values.attestedTo = latest(claims.map((c) => c.props.attestedTo));
    values.validFrom = values.fromKey ?? values.attestedFrom;
    values.validTo = values.toKey ?? values.attestedTo;
  }
  if (kind === 'DISCUSSED') {
    values.notes = sortedUnique(
      claims.flatMap((c) => (typeof c.props.note === 'string' ? [c.props.note] : [])),
    );
  }
  return values;
}

/** An edge claim as stored in the edge's `claims` list: sorted by document, replaced per document. */
export const edgeClaimText = (sourceId: string, claim: EdgeClaim) => `${sourceId}\t${JSON.stringify(claim)}`;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function parseNodeClaim(text: string): NodeClaim {
  const c: unknown = JSON.parse(text);
  if (typeof c !== 'object' || c === null)
    throw new Error(`internal: a MENTIONS claim is not an object: ${text}`);
  const o = c as Record<string, unknown>;
  return {
    published: str(o.published),
    name: str(o.name),
    names: strings(o.names),
    nameKeys: strings(o.nameKeys),
    props: typeof o.props === 'object' && o.props !== null ? (o.props as Record<string, unknown>) : {},
  };
}

export function parseEdgeClaim(text: string): { sourceId: string; claim: EdgeClaim } {
  const tab = text.indexOf('\t');
  const c: unknown = JSON.parse(text.slice(tab + 1));
  const o = typeof c === 'object' && c !== null ? (c as Record<string, unknown>) : {};
  return {
    sourceId: text.slice(0, tab),
    claim: {
      published: str(o.published),
      props: typeof o.props === 'object' && o.props !== null ? (o.props as Record<string, unknown>) : {},
    },
  };
}

/** Cypher projecting what `agrees` compares of a node (`v` is the node's variable). */
export const nodeProjection = (label: ClaimedLabel, v: string) =>
  `${v}{.name, .aliases${NODE_GROUPS[label]
    .flat()
    .map((p) => `, .${p}`)
    .join('')}${label === 'Dialogue' ? ', .countries' : ''}}`;

/** Cypher projecting what `edgeAgrees` compares of an edge. */
export const edgeProjection = (kind: ClaimedEdge, v: string) =>
  `${v}{${EDGE_GROUPS[kind]
    .flat()
    .map((p) => `.${p}`)
    .join(', ')}}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether the claims all give one value per group (so one of them stands for all). */
const uniform = (claims: { props: Record<string, unknown> }[], groups: string[][]) =>
  claims.every((c) => groups.flat().every((p) => same(c.props[p], claims[0]?.props[p])));

/**
 * Whether adding these claims to an existing node cannot change its values: they agree with one another and with
 * every value the node shows (a vote for the winner keeps it the winner), and bring no new spelling. Then the
 * node's values need not be derived again from all its claims, which keeps a large load linear.
 */
export function agrees(label: ClaimedLabel, claims: NodeClaim[], now: Record<string, unknown>): boolean {
  const first = claims[0];
  if (first === undefined) return true;
  if (!uniform(claims, NODE_GROUPS[label]) || claims.some((c) => c.name !== first.name)) return false;
  if (first.name !== now.name) return false;
  for (const p of NODE_GROUPS[label].flat())
    if (given(first.props[p]) && !same(first.props[p], now[p])) return false;
  if (label === 'Dialogue' && claims.some((c) => !same(c.props.countries, now.countries))) return false;
  const norm = NORM[label];
  const aliases = strings(now.aliases);
  const nameNorm = norm(str(now.name));
  for (const n of claims.flatMap((c) => c.names)) {
    if (norm(n) === nameNorm) continue;
    const had = aliases.find((a) => norm(a) === norm(n));
    if (had === undefined || n < had) return false;
  }
  return true;
}

/** The same for an edge: the claims agree with one another and with the edge's chosen values. */
export function edgeAgrees(kind: ClaimedEdge, claims: EdgeClaim[], now: Record<string, unknown>): boolean {
  const first = claims[0];
  if (first === undefined) return true;
  if (!uniform(claims, EDGE_GROUPS[kind])) return false;
  return EDGE_GROUPS[kind].flat().every((p) => !given(first.props[p]) || same(first.props[p], now[p]));
}

export type { EdgeKind };
