// The API alone in its own process, for the soak: its memory (RSS) is then the API's, not the load generator's.
// Needs NEO4J_URI; listens on 127.0.0.1 on a free port and prints `SOAK_API_URL <url>` once it serves.
import { loadConfig } from '../../graph/config';
import { GraphExecutor } from '../../graph/executor';
import { createLogger } from '../../graph/logger';
import { startHttpServer } from '../../resolvers/http/http';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (config.neo4j.uri === undefined) throw new Error('scripts/soak/api.ts needs NEO4J_URI');
  const executor = new GraphExecutor({ ...config.neo4j, uri: config.neo4j.uri });
  const server = await startHttpServer({ executor, config, log, port: 0, host: '127.0.0.1' });
  process.stdout.write(`SOAK_API_URL ${server.url}\n`);
  const stop = () => {
    void server
      .close()
      .then(() => executor.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Never outlive the parent: it holds our stdin.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
