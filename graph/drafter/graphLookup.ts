// What the drafter asks the graph, in one read transaction: which of the draft's names (organisations, people,
// the dialogue and its series) the graph already holds, with each organisation's countries, kind and parents;
// and, for people whose organisation the text leaves open, the ministries and departments of their country.
import { z } from 'zod';
import type { GraphExecutor } from '../executor';

const LOOKUP = `
UNWIND $names AS q
MATCH (nm:Name {norm: q.norm}) WHERE nm.label = q.label
MATCH (nm)-[:NAMES]->(e)
OPTIONAL MATCH (e)-[:OF_COUNTRY]->(c:Country)
OPTIONAL MATCH (e)-[:PART_OF]->(p:Organization)
RETURN q.norm AS norm, q.label AS label, e.id AS id, e.name AS name, e.kind AS kind,
       collect(DISTINCT c.key) AS countries, collect(DISTINCT p.name) AS parents`;

const BODIES_OF = `
UNWIND $codes AS code
CALL (code) {
  MATCH (:Country {key: code})<-[:OF_COUNTRY]-(o:Organization)
  WHERE o.kind IN ['ministry', 'department']
  RETURN o.id AS id, o.name AS name
  ORDER BY o.sortKey
  LIMIT 200
}
RETURN code, id, name`;

const MatchRow = z.object({
  norm: z.string(),
  label: z.string(),
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  countries: z.array(z.string()),
  parents: z.array(z.string()),
});
const BodyRow = z.object({ code: z.string(), id: z.string(), name: z.string() });

export type GraphMatch = z.infer<typeof MatchRow>;
export type GraphBody = z.infer<typeof BodyRow>;

export interface GraphAnswers {
  /** `${label}|${norm}` → the entities of that label answering to that normalised name. */
  byName: Map<string, GraphMatch[]>;
  /** Country code → its ministries and departments in the graph. */
  bodies: Map<string, GraphBody[]>;
}

export interface NameQuery {
  label: 'Organization' | 'Person' | 'Dialogue' | 'DialogueSeries';
  norm: string;
}

export const NO_GRAPH: GraphAnswers = { byName: new Map(), bodies: new Map() };

/** Asks the graph about the draft's names and countries; only reads. */
export async function askGraph(
  executor: GraphExecutor,
  names: NameQuery[],
  codes: string[],
): Promise<GraphAnswers> {
  return executor.withRead(async (run) => {
    const byName = new Map<string, GraphMatch[]>();
    for (const row of await run(LOOKUP, { names })) {
      const m = MatchRow.parse(row);
      const key = `${m.label}|${m.norm}`;
      byName.set(key, [...(byName.get(key) ?? []), m]);
    }
    const bodies = new Map<string, GraphBody[]>();
    if (codes.length > 0) {
      for (const row of await run(BODIES_OF, { codes })) {
        const b = BodyRow.parse(row);
        bodies.set(b.code, [...(bodies.get(b.code) ?? []), b]);
      }
    }
    return { byName, bodies };
  });
}
