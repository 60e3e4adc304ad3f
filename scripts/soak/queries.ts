// The analyst query mix for load tests: counterparts, a person by name with nested posts, search, a depth-2
// subgraph, paths, common themes and lists, with arguments sampled (deterministically) from the loaded graph.
import type { GraphExecutor } from '../../graph/executor';

export type QueryKind =
  | 'counterparts'
  | 'personPosts'
  | 'search'
  | 'subgraph'
  | 'paths'
  | 'commonThemes'
  | 'dialogues'
  | 'agreements'
  | 'organizations'
  | 'timeline';

export interface QuerySpec {
  kind: QueryKind;
  query: string;
  variables: Record<string, unknown>;
}

export const QUERIES: Record<QueryKind, string> = {
  counterparts: `query Counterparts($name: String!) {
    person(name: $name) {
      id
      counterparts { person { name country { name } } dialogues { name startDate city } }
    }
  }`,
  personPosts: `query PersonPosts($name: String!) {
    person(name: $name) {
      id name aliases country { code name }
      positions {
        title from to attestedFrom attestedTo
        organization { name aliases parent { name } }
        sources { title publisher published }
      }
      dialogues { role title dialogue { name startDate } onBehalfOf { name } }
    }
  }`,
  search: `query Search($text: String!) {
    search(text: $text, first: 10) {
      score
      node { id __typename ... on Person { name } ... on Organization { name } ... on Dialogue { name } }
    }
  }`,
  subgraph: `query Subgraph($ids: [ID!]!) {
    subgraph(ids: $ids, depth: 2, maxNodes: 200) {
      truncated
      nodes { id type label }
      edges { id type source target }
    }
  }`,
  paths: `query Paths($from: ID!, $to: ID!) {
    paths(from: $from, to: $to, maxHops: 6, first: 3) {
      length
      nodes { id __typename }
      edges { type source target }
    }
  }`,
  commonThemes: `query CommonThemes($ids: [ID!]!) {
    commonThemes(ids: $ids) { id name narrower { name } }
  }`,
  dialogues: `query Dialogues($countries: [String!]) {
    dialogues(countries: $countries, first: 20) {
      totalCount
      nodes { name startDate participants { person { name } role country { code } } }
    }
  }`,
  agreements: `query Agreements {
    agreements(first: 20) {
      totalCount
      nodes { name kind signedOn parties { organization { name country { code } } } dialogue { name } }
    }
  }`,
  organizations: `query Organizations($country: String) {
    organizations(country: $country, first: 20) {
      totalCount
      nodes { id name kind parent { name } }
    }
  }`,
  timeline: `query Timeline($countries: [String!]) {
    timeline(countries: $countries) { date kind label node { id } }
  }`,
};

/** A small seeded PRNG (mulberry32): the same seed always gives the same mix. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function shuffle<T>(rand: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Drops one letter: "homeland securty" is how analysts type. */
function typo(rand: () => number, s: string): string {
  if (s.length < 6) return s;
  const i = 1 + Math.floor(rand() * (s.length - 2));
  return s.slice(0, i) + s.slice(i + 1);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));

/**
 * Builds `perKind` requests of each kind from what the graph holds (the seed readouts always add their own
 * well-known people). Names are taken from people who attended a dialogue, so counterparts are non-empty.
 */
export async function buildQueryMix(
  executor: GraphExecutor,
  opts: { perKind: number; seed: number },
): Promise<QuerySpec[]> {
  const rand = rng(opts.seed);
  const people = await executor.read(
    `MATCH (p:Person)-[:ATTENDED]->(:Dialogue)
     WITH DISTINCT p RETURN p.id AS id, p.name AS name ORDER BY p.id`,
  );
  const dialogues = await executor.read(
    'MATCH (d:Dialogue) RETURN d.id AS id, d.countries AS countries ORDER BY d.id',
  );
  const orgs = await executor.read('MATCH (o:Organization) RETURN o.id AS id, o.name AS name ORDER BY o.id');
  if (people.length < 2 || dialogues.length < 2 || orgs.length < 1)
    throw new Error('buildQueryMix: load some readouts first');
  const specs: QuerySpec[] = [];
  const add = (kind: QueryKind, variables: Record<string, unknown>) =>
    specs.push({ kind, query: QUERIES[kind], variables });
  for (let i = 0; i < opts.perKind; i++) {
    const p = pick(rand, people);
    const q = pick(rand, people);
    const d = pick(rand, dialogues);
    // Two different dialogues (commonThemes wants distinct ids).
    const e =
      dialogues[
        (dialogues.indexOf(d) + 1 + Math.floor(rand() * (dialogues.length - 1))) % dialogues.length
      ] ?? d;
    const o = pick(rand, orgs);
    const countries = Array.isArray(d.countries) ? d.countries.map(str).slice(0, 2) : [];
    add('counterparts', { name: str(p.name) });
    add('personPosts', { name: str(q.name) });
    add('search', { text: typo(rand, str(rand() < 0.5 ? o.name : p.name)) });
    add('subgraph', { ids: [rand() < 0.5 ? str(o.id) : str(p.id)] });
    add('paths', { from: str(p.id), to: str(q.id) });
    add('commonThemes', { ids: [str(d.id), str(e.id)] });
    add('dialogues', { countries });
    add('agreements', {});
    add('organizations', { country: countries[0] });
    add('timeline', { countries });
  }
  return shuffle(rand, specs);
}
