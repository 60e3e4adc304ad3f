// Bench-only housekeeping on the benchmark's own database: empty it between loads, measure it, name the server.
import type { GraphExecutor } from '../../graph/executor';
import { syncVocabulary } from '../../graph/themes';

/** Everything but the migration records, in batches so that a large graph does not need one huge transaction. */
const WIPE_GRAPH =
  'MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';
const COUNT_NODES = 'MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS n';
const COUNT_SOURCES = 'MATCH (n:Source) RETURN count(n) AS n';
const COUNT_RELATIONSHIPS = 'MATCH ()-[r]->() RETURN count(r) AS n';
const COUNT_BY_TYPE = 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY n DESC';
const SERVER_VERSION = `CALL dbms.components() YIELD name, versions, edition
RETURN name + ' ' + versions[0] + ' ' + edition AS version`;

/**
 * @neo4j/graphql looks people up by the `name` property, which the API never does (it resolves names through
 * Name nodes), so the graph has no index on it. The comparison adds one so that it measures the library, not a
 * missing index.
 */
const COMPARISON_INDEXES = ['CREATE INDEX bench_person_name IF NOT EXISTS FOR (n:Person) ON (n.name)'];
const DROP_COMPARISON_INDEXES = ['DROP INDEX bench_person_name IF EXISTS'];

export async function wipeGraph(executor: GraphExecutor): Promise<void> {
  await executor.runSchema(WIPE_GRAPH);
  await syncVocabulary(executor);
}

export interface GraphSize {
  nodes: number;
  relationships: number;
  byType: Record<string, number>;
}

export async function graphSize(executor: GraphExecutor): Promise<GraphSize> {
  const [nodes] = await executor.read(COUNT_NODES);
  const [rels] = await executor.read(COUNT_RELATIONSHIPS);
  const byType = await executor.read(COUNT_BY_TYPE);
  return {
    nodes: Number(nodes?.n ?? 0),
    relationships: Number(rels?.n ?? 0),
    byType: Object.fromEntries(byType.map((r) => [String(r.type), Number(r.n)])),
  };
}

/** Source documents in the graph: one per readout loaded. */
export async function sourceCount(executor: GraphExecutor): Promise<number> {
  const [row] = await executor.read(COUNT_SOURCES);
  return Number(row?.n ?? 0);
}

export async function serverVersion(executor: GraphExecutor): Promise<string> {
  const [row] = await executor.read(SERVER_VERSION);
  return typeof row?.version === 'string' ? row.version : 'unknown';
}

export async function createComparisonIndexes(executor: GraphExecutor): Promise<void> {
  for (const statement of COMPARISON_INDEXES) await executor.runSchema(statement);
  await executor.runSchema('CALL db.awaitIndexes(300)');
}

/** Leaves the database with the project's own schema only (the test database is shared with other suites). */
export async function dropComparisonIndexes(executor: GraphExecutor): Promise<void> {
  for (const statement of DROP_COMPARISON_INDEXES) await executor.runSchema(statement);
}
