// npm start: Neo4j (local unless NEO4J_URI), migrations, the bundled readouts if the graph holds no document yet,
// then the API. SIGINT or SIGTERM stops the API, then the child Neo4j; the data stay in LOCAL_NEO4J_DIR. If that
// Neo4j stops on its own, the API stops too rather than answer every request with an error.
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { createLogger } from '../graph/logger';
import { findReadoutFiles, readReadoutFiles, SEED_DIR } from '../graph/readout/files';
import { ingestReadouts } from '../graph/readout/ingest';
import { graphCounts } from '../graph/stats';
import { startHttpServer } from '../resolvers/http/http';
import { newCommand, parseCommand } from './cli';

const program = newCommand(
  'npm start --',
  'Serve the GraphQL API, the IDE, the explorer and the Draft page: starts the local Neo4j unless NEO4J_URI is set, applies migrations and loads the bundled readouts into an empty graph. Settings come from the environment (see README).',
);

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const graph = await prepareGraph(config, log);
  const closing: { server?: () => Promise<void> } = {};
  const shutdown = closeOnSignals(async () => {
    await closing.server?.();
    await graph.close();
  }, log);
  void graph.local?.unexpectedExit.then((how) => shutdown(`Local Neo4j stopped (${how})`, 1));

  if ((await graphCounts(graph.executor)).sources === 0) {
    const report = await ingestReadouts(graph.executor, readReadoutFiles(findReadoutFiles([SEED_DIR])));
    log.info(
      `Empty graph: loaded ${report.readouts.length} bundled readouts (${report.nodesCreated} nodes, ${report.relationshipsCreated} relationships).`,
    );
  }
  const server = await startHttpServer({ executor: graph.executor, config, log });
  closing.server = () => server.close();
  log.info(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  log.info(`  GraphQL endpoint  ${server.url}/graphql`);
  log.info(`  GraphQL IDE       ${server.url}/ide`);
  log.info(`  Visual explorer   ${server.url}/explore`);
  log.info(`  Draft a readout   ${server.url}/draft`);
  log.info(`  Health            ${server.url}/healthz   Readiness ${server.url}/readyz`);
  log.info(
    `  Mutations         ${config.editorToken ? 'enabled (Authorization: Bearer <GRAPH_EDITOR_TOKEN>)' : 'disabled (set GRAPH_EDITOR_TOKEN to enable)'}`,
  );
  log.info('Press Ctrl-C to stop.');
}

if (parseCommand(program))
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
