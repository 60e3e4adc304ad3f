// npm run neo4j: the local embedded Neo4j alone, in the foreground, with the LOCAL_NEO4J_* settings. Point the
// API, the loader or the tests at it with NEO4J_URI=bolt://127.0.0.1:<LOCAL_NEO4J_PORT>.
import { closeOnSignals } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { startLocalNeo4j } from '../graph/localNeo4j';
import { createLogger } from '../graph/logger';
import { newCommand, parseCommand } from './cli';

const program = newCommand(
  'npm run neo4j --',
  'Run the local embedded Neo4j alone, in the foreground (settings: LOCAL_NEO4J_DIR, LOCAL_NEO4J_PORT, LOCAL_NEO4J_PAGECACHE_MB, LOCAL_NEO4J_HEAP_MB).',
);

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const neo4j = await startLocalNeo4j(config.local, log);
  log.info(`Neo4j is ready at ${neo4j.uri} (data in ${config.local.dir}).`);
  log.info(`Use it from another shell with NEO4J_URI=${neo4j.uri}. Press Ctrl-C to stop.`);
  closeOnSignals(() => neo4j.stop(), log);
  void neo4j.unexpectedExit.then((how) => {
    log.error(`Neo4j exited (${how}).`);
    process.exit(1);
  });
}

if (parseCommand(program))
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
