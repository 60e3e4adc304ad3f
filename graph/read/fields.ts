// The field table: for every GraphQL object type the read path serves, each field that is not read straight off
// the object's own variables is described once here — the Cypher it follows, how its arguments become parameters,
// its order. The compiler (compile.ts) builds one statement per root field from it; the resolvers only read maps.
//
// Templates: `@x` is variable x of the object the field belongs to, `%x` a variable of this field's own body (made
// unique per use, so nested bodies never capture each other's names; the child object sees it as `@x`), `$a` the
// parameter `a` the field's `params` returns. Node types bind `n`; edge-row types bind the relationship `r` and
// what else they need. Orders always end on an id, so every answer is deterministic.
import { CONNECTION_OBJECTS } from './connections';
import { EDGE_OBJECTS } from './edgeObjects';
import { EXPLORE_OBJECTS } from './exploreObjects';
import { HISTORY_OBJECTS } from './history';
import { CLAIMED, countriesBy, countryBy, hop, MENTIONED, named, RELATIONS } from './links';
import { entityLabelsOf, periodParams } from './params';

/** A field read off the object's own variables: a Cypher expression, and how its value is decoded if not by type. */
export interface Prop {
  expr: string;
  /**
   * `cursor`: the [order key, id] pair the expression gives, encoded as this API's opaque cursor;
   * `withoutSources`: an edge's property map less its provenance: the list of documents, which has a field of its
   * own, and the write path's internal `claims` (per-document claims) and `claim` (on MENTIONS);
   * `claimName`, `claimNames`, `claimValues`: one part of a document's claim as the write path stores it (JSON).
   */
  decode?: 'cursor' | 'withoutSources' | 'claimName' | 'claimNames' | 'claimValues';
}

/** A field that follows the graph: a body of reading clauses binding `%` variables, then its order. */
export interface Link {
  body: string;
  order?: string;
  /** Cypher after the order: how many rows at most (e.g. `$first`). */
  limit?: string;
  /**
   * The field's arguments (already coerced by GraphQL) as named parameters; throws BadInputError on bad input.
   * `extra` is what a root resolver computed itself (e.g. ranked search hits), passed through.
   */
  params?: (args: Record<string, unknown>, extra: Record<string, unknown>) => Record<string, unknown>;
  /** Rows one parent typically reaches (a generous guess, not the worst case): the compiler multiplies these
   * along each path and refuses a selection whose sum passes MAX_ESTIMATED_ROWS (compile.ts). */
  fanOut: number;
}

export interface ObjectSpec {
  props: Record<string, string | Prop>;
  links: Record<string, Link>;
}

const ROLE_RANK = `CASE %r.role WHEN 'co_chair' THEN 0 WHEN 'head_of_delegation' THEN 1 WHEN 'delegate' THEN 2 ELSE 3 END`;
const HELD = '($from IS NULL OR (%r.validFrom <= $to AND %r.validTo >= $from))';

const ENTITY_OBJECTS: Record<string, ObjectSpec> = {
  Person: {
    props: { ...named, mergedIds: 'coalesce(@n.mergedIds, [])' },
    links: {
      country: countryBy('@n.country'),
      positions: {
        body: `MATCH (@n)-[%r:HOLDS_POST]->(%o:Organization) WHERE ${HELD}`,
        order: '%r.validTo DESC, %r.title, %o.id',
        params: periodParams,
        fanOut: 5,
      },
      dialogues: hop('(@n)-[%r:ATTENDED]->(%d:Dialogue)', '%d.startKey DESC, %d.id', 20),
      counterparts: {
        // People on another national delegation at a dialogue both attended. Grouped with DISTINCT and
        // subqueries, not aggregations: Neo4j 5 refuses an aggregation nested two subqueries below a projection.
        body: `MATCH (@n)-[%a:ATTENDED]->(:Dialogue)<-[%b:ATTENDED]-(%q:Person)
          WHERE %q <> @n AND coalesce(%b.country, %q.country) <> coalesce(%a.country, @n.country)
          WITH DISTINCT %q
          WITH %q, @n AS %me, COLLECT {
            MATCH (@n)-[%a2:ATTENDED]->(%d:Dialogue)<-[%b2:ATTENDED]-(%q)
            WHERE coalesce(%b2.country, %q.country) <> coalesce(%a2.country, @n.country)
            RETURN DISTINCT %d
          } AS %ds`,
        order: 'size(%ds) DESC, %q.sortKey, %q.id',
        fanOut: 20,
      },
      sources: MENTIONED,
      claims: CLAIMED,
      relations: RELATIONS,
    },
  },
  Organization: {
    props: { ...named, kind: '@n.kind', mergedIds: 'coalesce(@n.mergedIds, [])' },
    links: {
      country: {
        body: `MATCH (%n:Country {id: 'country:' + toLower(@n.countries[0])}) WHERE size(@n.countries) = 1`,
        fanOut: 1,
      },
      countries: countriesBy('@n.countries'),
      parent: hop('(@n)-[:PART_OF]->(%n:Organization)', '%n.sortKey, %n.id', 1),
      children: hop('(@n)<-[:PART_OF]-(%n:Organization)', undefined, 10),
      ancestors: {
        body: `MATCH (@n)-[:PART_OF*1..20]->(%n:Organization) WITH DISTINCT %n
          WITH %n, head(COLLECT { MATCH %p = (@n)-[:PART_OF*1..20]->(%n) RETURN length(%p) AS %len ORDER BY %len LIMIT 1 }) AS %d`,
        order: '%d, %n.sortKey, %n.id',
        fanOut: 5,
      },
      members: {
        body: `MATCH (%p:Person)-[%r:HOLDS_POST]->(@n) WHERE ${HELD} WITH %r, %p, @n AS %o`,
        order: '%p.sortKey, %r.title, %p.id',
        params: periodParams,
        fanOut: 50,
      },
      dialogues: {
        body: `CALL (@n) {
            MATCH (:Person)-[%a:ATTENDED]->(%m:Dialogue) WHERE %a.onBehalfOf = @n.id RETURN %m
            UNION MATCH (%m:Dialogue)-[:WORKING_GROUP]->(@n) RETURN %m
          } WITH %m AS %n`,
        order: '%n.startKey DESC, %n.id',
        fanOut: 20,
      },
      agreements: hop('(@n)-[:PARTY_TO]->(%n:Agreement)', '%n.signedKey DESC, %n.id'),
      sources: MENTIONED,
      claims: CLAIMED,
      relations: RELATIONS,
    },
  },
  Country: {
    props: { id: '@n.id', code: '@n.code', name: '@n.name' },
    links: {
      organizations: hop('(@n)<-[:OF_COUNTRY]-(%n:Organization)', undefined, 200),
      people: hop('(@n)<-[:OF_COUNTRY]-(%n:Person)', undefined, 500),
      dialogues: hop('(@n)<-[:BETWEEN]-(%n:Dialogue)', '%n.startKey DESC, %n.id', 200),
      relations: RELATIONS,
    },
  },
  Dialogue: {
    props: {
      ...named,
      edition: '@n.edition',
      startDate: '@n.startDate',
      endDate: '@n.endDate',
      city: '@n.city',
      summary: '@n.summary',
    },
    links: {
      series: hop('(@n)-[:EDITION_OF]->(%n:DialogueSeries)', '%n.id', 1),
      host: countryBy('@n.host'),
      countries: countriesBy('@n.countries'),
      participants: {
        body: 'MATCH (%p:Person)-[%r:ATTENDED]->(@n)',
        order: `${ROLE_RANK}, %r.country, %p.sortKey, %p.id`,
        fanOut: 20,
      },
      themes: hop('(@n)-[%r:DISCUSSED]->(%t:Theme)', '%t.sortKey, %t.id', 10),
      agreements: hop('(@n)<-[:CONCLUDED_AT]-(%n:Agreement)', undefined, 5),
      workingGroups: hop('(@n)-[:WORKING_GROUP]->(%n:Organization)', undefined, 3),
      sources: MENTIONED,
      claims: CLAIMED,
      relations: RELATIONS,
    },
  },
  DialogueSeries: {
    props: named,
    links: {
      editions: hop('(@n)<-[:EDITION_OF]-(%n:Dialogue)', '%n.startKey, %n.id', 20),
      claims: CLAIMED,
      relations: RELATIONS,
    },
  },
  Theme: {
    props: { ...named, description: '@n.description' },
    links: {
      broader: hop('(@n)-[:BROADER]->(%n:Theme)', undefined, 2),
      narrower: hop('(@n)<-[:BROADER]-(%n:Theme)', undefined, 5),
      dialogues: {
        // Narrower themes count only when asked; the vocabulary is at most a few levels deep.
        body: `CALL (@n) {
            MATCH (@n)<-[:BROADER*0..10]-(%u:Theme)<-[:DISCUSSED]-(%m:Dialogue)
            WHERE $deep OR %u = @n RETURN DISTINCT %m AS %n
          }`,
        order: '%n.startKey DESC, %n.id',
        params: (args) => ({ deep: args.includeNarrower === true }),
        fanOut: 100,
      },
      agreements: hop('(@n)<-[:COVERS]-(%n:Agreement)', '%n.signedKey DESC, %n.id', 50),
      relations: RELATIONS,
    },
  },
  Agreement: {
    props: { ...named, kind: '@n.kind', signedOn: '@n.signedOn', summary: '@n.summary' },
    links: {
      parties: hop('(%o:Organization)-[%r:PARTY_TO]->(@n)', '%o.sortKey, %o.id', 3),
      dialogue: hop('(@n)-[:CONCLUDED_AT]->(%n:Dialogue)', '%n.id', 1),
      themes: hop('(@n)-[:COVERS]->(%n:Theme)', undefined, 5),
      sources: MENTIONED,
      claims: CLAIMED,
      relations: RELATIONS,
    },
  },
  Source: {
    props: {
      id: '@n.id',
      title: '@n.title',
      publisher: '@n.publisher',
      url: '@n.url',
      published: '@n.published',
      kind: '@n.kind',
      hash: '@n.hash',
    },
    links: {
      revisions: { body: 'MATCH (%n:Change {sourceId: @n.id})', order: '%n.seq', fanOut: 5 },
      mentions: {
        body: 'MATCH (@n)-[:MENTIONS]->(%n) WHERE $labels IS NULL OR any(l IN labels(%n) WHERE l IN $labels)',
        order: '%n.sortKey, %n.id',
        params: (args) => ({ labels: entityLabelsOf(args.types) }),
        fanOut: 20,
      },
      relations: RELATIONS,
    },
  },
};

/** Every object type the read path projects, by GraphQL type name. */
export const OBJECTS: Record<string, ObjectSpec> = {
  ...ENTITY_OBJECTS,
  ...EDGE_OBJECTS,
  ...CONNECTION_OBJECTS,
  ...EXPLORE_OBJECTS,
  ...HISTORY_OBJECTS,
};

/**
 * Object types whose values are computed in TypeScript and read by field name (drafts, ingest reports, the
 * subgraph export's plain nodes and edges); fields of theirs that reach the graph resolve through readOne.
 */
export const VALUE_TYPES: readonly string[] = [
  'ReadoutIssue',
  'DraftEvidence',
  'DraftMatch',
  'ReadoutDraft',
  'IngestedReadout',
  'IngestResult',
  'FactDiff',
  'RetractResult',
  'RetractedSource',
  'EntityChangeResult',
  'Subgraph',
  'GraphNode',
  'GraphEdge',
];
