// Test helpers for the graph layer: an executor on the test Neo4j, a reset to an empty graph (schema and theme
// vocabulary kept), and loading readouts from text or from data/readouts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../graph/config';
import { GraphExecutor } from '../../graph/executor';
import { findReadoutFiles, readReadoutFiles, SEED_DIR } from '../../graph/readout/files';
import { ingestReadouts, type IngestReport } from '../../graph/readout/ingest';
import { syncVocabulary } from '../../graph/themes';

export function testExecutor(): GraphExecutor {
  const config = loadConfig();
  if (config.neo4j.uri === undefined)
    throw new Error('NEO4J_URI is not set: run the tests through jest (global setup).');
  return new GraphExecutor({ ...config.neo4j, uri: config.neo4j.uri });
}

const WIPE =
  'MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS';

export async function resetGraph(executor: GraphExecutor): Promise<void> {
  await executor.runSchema(WIPE);
  await syncVocabulary(executor);
}

export function seedInputs() {
  return readReadoutFiles(findReadoutFiles([SEED_DIR]));
}

export function seed(executor: GraphExecutor): Promise<IngestReport> {
  return ingestReadouts(executor, seedInputs());
}

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * Counts and a checksum of every node's and relationship's properties: equal graphs give equal snapshots.
 * `adjust` may rewrite the node rows ({labels, props}) first, to compare graphs modulo something.
 */
export async function snapshot(
  executor: GraphExecutor,
  adjust?: (nodes: Record<string, unknown>[]) => void,
): Promise<{ nodes: number; relationships: number; checksum: string }> {
  const nodes = await executor.read(
    // The history (Change nodes and their counter) records when and by whom, not what the graph holds.
    'MATCH (n) WHERE NOT (n:SchemaMigration OR n:Change OR n:ChangeCounter) RETURN labels(n) AS labels, properties(n) AS props',
  );
  adjust?.(nodes);
  const rels = await executor.read(
    'MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.id) AS a, type(r) AS type, coalesce(b.key, b.id) AS b, properties(r) AS props',
  );
  const canon = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x !== null && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(
            Object.entries(x as Record<string, unknown>).sort(([p], [q]) => p.localeCompare(q)),
          )
        : x,
    );
  const lines = [...nodes.map(canon), ...rels.map(canon)].sort();
  const checksum = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
  return { nodes: nodes.length, relationships: rels.length, checksum };
}

/** Entities sharing an identity key, and Names denoting more than one entity: both must never happen. */
export async function duplicateIdentities(executor: GraphExecutor): Promise<string[]> {
  const rows = await executor.read(`
    CALL () {
      MATCH (n) WHERE n:Person OR n:Organization OR n:Dialogue OR n:DialogueSeries OR n:Country OR n:Agreement OR n:Source
      WITH labels(n)[0] AS label, n.key AS key, count(*) AS n WHERE n > 1
      RETURN label + ' ' + key AS what
      UNION ALL
      MATCH (nm:Name)-[:NAMES]->(e) WHERE nm.label IN ['Person', 'Organization', 'Dialogue', 'DialogueSeries']
      WITH nm, count(e) AS n WHERE n > 1
      RETURN 'Name ' + nm.key AS what
    }
    RETURN what`);
  return rows.map((r) => String(r.what));
}
