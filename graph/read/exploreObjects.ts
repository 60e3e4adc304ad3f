// Objects whose rows an algorithm computed in TypeScript (search hits, paths, timeline entries) and passed in as
// parameters: their own fields are read off those maps, their entities projected like any other.
import { entityById } from './entityById';
import type { ObjectSpec } from './fields';

const NODE = { body: entityById('%id', '%id'), fanOut: 1 };

/** The entity a computed row names by `id`, projected from the graph. */
const nodeOf = (row: string) => ({ body: `WITH ${row}.id AS %id ${NODE.body}`, fanOut: 1 });

export const EXPLORE_OBJECTS: Record<string, ObjectSpec> = {
  SearchHit: {
    props: { score: '@h.score', matchedOn: '@h.matchedOn', matched: '@h.matched' },
    links: { node: nodeOf('@h') },
  },
  TimelineEntry: {
    props: { date: '@t.date', kind: '@t.kind', label: '@t.label' },
    links: { node: nodeOf('@t') },
  },
  Path: {
    props: { length: 'size(@p.edges)' },
    links: {
      nodes: {
        body: `UNWIND range(0, size(@p.nodeIds) - 1) AS %i WITH %i, @p.nodeIds[%i] AS %id ${NODE.body}`,
        order: '%i',
        fanOut: 10,
      },
      edges: {
        body: 'UNWIND range(0, size(@p.edges) - 1) AS %i WITH %i, @p.edges[%i] AS %e',
        order: '%i',
        fanOut: 10,
      },
    },
  },
  Edge: {
    props: { type: '@e.type', source: '@e.source', target: '@e.target', properties: '@e.properties' },
    links: {
      sources: {
        body: 'UNWIND coalesce(@e.sources, []) AS %sid MATCH (%n:Source {id: %sid})',
        order: '%n.published DESC, %n.id',
        fanOut: 20,
      },
    },
  },
};
