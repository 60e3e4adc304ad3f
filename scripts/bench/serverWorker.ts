// Child process of the query benchmark: serves our API (startHttpServer, real HTTP) and @neo4j/graphql (its own
// ApolloServer) over the same Neo4j, on two free loopback ports, and prints their URLs as one JSON line. Runs
// until its stdin closes, so it never outlives the benchmark. A process of its own so that the load generator
// does not compete with the servers for one event loop.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../graph/config';
import { GraphExecutor } from '../../graph/executor';
import { createLogger } from '../../graph/logger';
import { startHttpServer } from '../../resolvers/http/http';
import { startNeo4jGraphqlServer } from './neo4jGraphqlServer';

export interface ServerUrls {
  ours: string;
  neo4jGraphql: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { uri: { type: 'string' } } });
  if (values.uri === undefined) throw new Error('usage: --uri bolt://…');
  const config = loadConfig();
  const neo4jConfig = { ...config.neo4j, uri: values.uri };
  const executor = new GraphExecutor(neo4jConfig);
  const ours = await startHttpServer({
    executor,
    config: { ...config, neo4j: neo4jConfig },
    log: createLogger('error'),
    port: 0,
    host: '127.0.0.1',
  });
  const neo = await startNeo4jGraphqlServer(neo4jConfig);
  const urls: ServerUrls = { ours: `${ours.url}/graphql`, neo4jGraphql: `${neo.url}/graphql` };
  process.stdout.write(`${JSON.stringify(urls)}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => {
    void Promise.allSettled([ours.close(), neo.close()])
      .then(() => executor.close())
      .finally(() => process.exit(0));
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
