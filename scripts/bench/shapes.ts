// The analyst queries the benchmark runs, each as our API, @neo4j/graphql (where it can express it) and raw Cypher
// ask it. Every call returns a comparable projection of its answer, so that the three can be checked against each
// other, and throws on a GraphQL error or an empty answer, so that the load runs count errors.
import type { GraphExecutor } from '../../graph/executor';
import { rawCounterparts, rawEntity, rawMembers, rawPath, rawSubgraph, type Json } from './rawQueries';
import type { Targets } from './targets';
import { luceneQuery, searchEntities, searchWords } from '../../graph/queries/search';
import type { GraphqlClient, GraphqlResponse } from './graphqlClient';

export type System = 'ours' | 'neo4jGraphql' | 'raw';
export const SYSTEMS: readonly System[] = ['ours', 'neo4jGraphql', 'raw'];

export interface ShapeContext {
  targets: Targets;
  ours: GraphqlClient;
  neo4jGraphql: GraphqlClient;
  executor: GraphExecutor;
}

type Call = (ctx: ShapeContext, i: number) => Promise<unknown>;

export interface Shape {
  name: string;
  title: string;
  /** How many different targets it cycles through. */
  targets: (t: Targets) => number;
  calls: Partial<Record<System, Call>>;
  /** Systems that answer a nearby question instead of ours (timed, not cross-checked); why, beside the shape. */
  unchecked?: readonly System[];
}

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const ids = (v: unknown): string[] => list(v).map((x) => String(x.id));
const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

/** The data of a response, or an error naming what went wrong (GraphQL errors, HTTP status, a null answer). */
function dataOf(res: GraphqlResponse, field: string): unknown {
  if (res.errors !== undefined && res.errors.length > 0)
    throw new Error(res.errors[0]?.message ?? 'GraphQL error');
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  const value = res.data?.[field];
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
    throw new Error(`empty answer for ${field}`);
  return value;
}

export const OURS_ENTITY = `query Entity($name: String!) {
  person(name: $name) { id name positions { title organization { id name dialogues { id name themes { theme { id name } } } } } }
}`;
const NEO_ENTITY = `query Entity($name: String!) {
  people(where: { name: { eq: $name } }) {
    id name postsConnection { edges { properties { title } node { id name dialogues { id name themes { id name } } } } }
  }
}`;

/** Posts as (title, organisation, dialogues with theme ids), whichever system produced them. */
const entityProjection = (id: unknown, positions: { title: unknown; org: Json }[]) => ({
  id,
  positions: positions.map((p) => ({
    title: p.title,
    organization: p.org.id,
    dialogues: list(p.org.dialogues).map((d) => ({
      id: d.id,
      themes: list(d.themes).map((t) => String(obj(t.theme ?? t).id)),
    })),
  })),
});

const entity: Shape = {
  name: 'entity',
  title: 'Person by name → posts → organisation → dialogues → themes',
  targets: (t) => t.people.length,
  calls: {
    ours: async (ctx, i) => {
      const p = obj(
        dataOf(await ctx.ours.post(OURS_ENTITY, { name: at(ctx.targets.people, i).name }), 'person'),
      );
      return entityProjection(
        p.id,
        list(p.positions).map((x) => ({ title: x.title, org: obj(x.organization) })),
      );
    },
    neo4jGraphql: async (ctx, i) => {
      const res = await ctx.neo4jGraphql.post(NEO_ENTITY, { name: at(ctx.targets.people, i).name });
      const p = obj(list(dataOf(res, 'people'))[0]);
      return entityProjection(
        p.id,
        list(obj(p.postsConnection).edges).map((e) => ({ title: obj(e.properties).title, org: obj(e.node) })),
      );
    },
    raw: async (ctx, i) => {
      const [p] = await rawEntity(ctx.executor, at(ctx.targets.people, i).norm);
      if (p === undefined) throw new Error('no person');
      return entityProjection(
        p.id,
        list(p.positions).map((x) => ({ title: x.title, org: obj(x.organization) })),
      );
    },
  },
};

const OURS_COUNTERPARTS = `query Counterparts($id: ID!) {
  person(id: $id) { id counterparts { person { id name } dialogues { id name } } }
}`;
const NEO_COUNTERPARTS = `query Counterparts($id: ID!, $country: String!) {
  people(where: { id: { eq: $id } }) {
    id attended { id name participants(where: { NOT: { country: { eq: $country } } }) { id name } }
  }
}`;

/** Counterpart id → the dialogues shared with them: the same facts whether grouped by person or by dialogue. */
function counterpartMap(pairs: [string, string][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [person, dialogue] of pairs) (out[person] ??= []).push(dialogue);
  return out;
}

const counterparts: Shape = {
  name: 'counterparts',
  title: "A person's counterparts and the dialogues they shared",
  targets: (t) => t.counterparts.length,
  calls: {
    ours: async (ctx, i) => {
      const res = await ctx.ours.post(OURS_COUNTERPARTS, { id: at(ctx.targets.counterparts, i).id });
      const p = obj(dataOf(res, 'person'));
      return counterpartMap(
        list(p.counterparts).flatMap((c) =>
          ids(c.dialogues).map((d): [string, string] => [String(obj(c.person).id), d]),
        ),
      );
    },
    neo4jGraphql: async (ctx, i) => {
      const t = at(ctx.targets.counterparts, i);
      const p = obj(
        list(
          dataOf(await ctx.neo4jGraphql.post(NEO_COUNTERPARTS, { id: t.id, country: t.country }), 'people'),
        )[0],
      );
      return counterpartMap(
        list(p.attended).flatMap((d) => ids(d.participants).map((q): [string, string] => [q, String(d.id)])),
      );
    },
    raw: async (ctx, i) => {
      const rows = await rawCounterparts(ctx.executor, at(ctx.targets.counterparts, i).id);
      return counterpartMap(
        rows.flatMap((c) => ids(c.dialogues).map((d): [string, string] => [String(obj(c.person).id), d])),
      );
    },
  },
};

const SEARCH_FIRST = 10;
const OURS_SEARCH = `query Search($text: String!) { search(text: $text, first: ${SEARCH_FIRST}) { score node { id } } }`;
const NEO_SEARCH = `query Search($query: String!) {
  search(query: $query, first: ${SEARCH_FIRST}) {
    ... on Person { id } ... on Organization { id } ... on Country { id } ... on Dialogue { id }
    ... on DialogueSeries { id } ... on Theme { id } ... on Agreement { id } ... on Source { id }
  }
}`;

/** A name as an analyst might mistype it: one letter of its longest word dropped. */
export function misspell(name: string): string {
  const words = name.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  return words.map((w) => (w === longest && w.length > 4 ? w.slice(0, 2) + w.slice(3) : w)).join(' ');
}

const searchText = (ctx: ShapeContext, i: number) => misspell(at(ctx.targets.searchNames, i));

/**
 * Our search ranks in bands over two statements (names, then documents' text; graph/queries/searchRank.ts). The
 * raw floor runs those statements and that ranking without GraphQL; @neo4j/graphql cannot express the ranking, so
 * it runs the nearest single statement (one Lucene query over `entity_names`): timed, its answers not compared.
 */
const search: Shape = {
  name: 'search',
  title: 'Fulltext search, typo-tolerant, top 10',
  targets: (t) => t.searchNames.length,
  unchecked: ['neo4jGraphql'],
  calls: {
    ours: async (ctx, i) =>
      list(dataOf(await ctx.ours.post(OURS_SEARCH, { text: searchText(ctx, i) }), 'search')).map((h) =>
        String(obj(h.node).id),
      ),
    neo4jGraphql: async (ctx, i) => {
      const query = luceneQuery(searchWords(searchText(ctx, i)));
      return ids(dataOf(await ctx.neo4jGraphql.post(NEO_SEARCH, { query }), 'search'));
    },
    raw: async (ctx, i) => {
      const run = (cypher: string, params?: Record<string, unknown>) => ctx.executor.read(cypher, params);
      const hits = await searchEntities(run, searchText(ctx, i), null, SEARCH_FIRST);
      if (hits.length === 0) throw new Error('no hits');
      return hits.map((h) => h.hit.id);
    },
  },
};

const OURS_MEMBERS = `query Members($id: ID!, $at: Date!) {
  organization(id: $id) { id name members(at: $at) { person { id name } title from to } }
}`;
const NEO_MEMBERS = `query Members($id: ID!, $at: String!) {
  organizations(where: { id: { eq: $id } }) {
    id name
    membersConnection(where: { edge: { validFrom: { lte: $at }, validTo: { gte: $at } } }) {
      edges { properties { title from to } node { id name } }
    }
  }
}`;

const memberProjection = (rows: Json[]) =>
  rows.map((m) => ({ person: m.person, title: m.title, from: m.from ?? null, to: m.to ?? null }));

const members: Shape = {
  name: 'members',
  title: 'Organisation members at a date (post title and dates)',
  targets: (t) => t.members.length,
  calls: {
    ours: async (ctx, i) => {
      const o = obj(dataOf(await ctx.ours.post(OURS_MEMBERS, at(ctx.targets.members, i)), 'organization'));
      return memberProjection(list(o.members).map((m) => ({ ...m, person: obj(m.person).id })));
    },
    neo4jGraphql: async (ctx, i) => {
      const o = obj(
        list(
          dataOf(await ctx.neo4jGraphql.post(NEO_MEMBERS, at(ctx.targets.members, i)), 'organizations'),
        )[0],
      );
      return memberProjection(
        list(obj(o.membersConnection).edges).map((e) => ({ ...obj(e.properties), person: obj(e.node).id })),
      );
    },
    raw: async (ctx, i) => {
      const t = at(ctx.targets.members, i);
      const [o] = await rawMembers(ctx.executor, t.id, t.at);
      return memberProjection(list(o?.members).map((m) => ({ ...m, person: obj(m.person).id })));
    },
  },
};

const OURS_SUBGRAPH = `query Subgraph($id: ID!) {
  subgraph(ids: [$id], depth: 2, maxNodes: 200) { truncated nodes { id type label } edges { id type source target } }
}`;

const subgraph: Shape = {
  name: 'subgraph',
  title: 'Depth-2 neighbourhood of a hub, capped at 200 nodes',
  targets: (t) => t.hubs.length,
  calls: {
    ours: async (ctx, i) => {
      const g = obj(dataOf(await ctx.ours.post(OURS_SUBGRAPH, { id: at(ctx.targets.hubs, i) }), 'subgraph'));
      return { truncated: g.truncated, nodes: ids(g.nodes).sort(), edges: ids(g.edges).sort() };
    },
    raw: async (ctx, i) => {
      const g = await rawSubgraph(ctx.executor, at(ctx.targets.hubs, i), 2, 200);
      if (g.nodes.length === 0) throw new Error('no such hub');
      return { truncated: g.truncated, nodes: ids(g.nodes).sort(), edges: ids(g.edges).sort() };
    },
  },
};

const OURS_PATH = `query Path($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 6, first: 1) { length nodes { id } edges { type source target } }
}`;

const path: Shape = {
  name: 'path',
  title: 'Shortest path between two people 4–6 hops apart',
  targets: (t) => t.paths.length,
  calls: {
    ours: async (ctx, i) => {
      const t = at(ctx.targets.paths, i);
      const [p] = list(dataOf(await ctx.ours.post(OURS_PATH, { from: t.from, to: t.to }), 'paths'));
      return { length: p?.length };
    },
    raw: async (ctx, i) => {
      const t = at(ctx.targets.paths, i);
      const [p] = await rawPath(ctx.executor, t.from, t.to);
      if (p === undefined) throw new Error('no path');
      return { length: list(p.edges).length };
    },
  },
};

export const SHAPES: readonly Shape[] = [entity, counterparts, search, members, subgraph, path];
