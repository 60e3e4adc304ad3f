// Opens the graph: the configured Neo4j when NEO4J_URI is set, otherwise the embedded local one (started here and
// stopped by `close`). Callers get one executor and one close function, whatever is behind it.
import type { Config } from './config';
import { GraphExecutor } from './executor';
import { startLocalNeo4j, type LocalNeo4j } from './localNeo4j';
import type { Logger } from './logger';

export interface GraphConnection {
  executor: GraphExecutor;
  /** The embedded Neo4j this process started, if any. */
  local: LocalNeo4j | undefined;
  uri: string;
  close(): Promise<void>;
}

export async function waitForNeo4j(executor: GraphExecutor, uri: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  while (!(await executor.ping())) {
    if (Date.now() > deadline) {
      throw new Error(
        `Could not reach Neo4j at ${uri} within ${Math.round(timeoutMs / 1000)} s. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, and that the server is running.`,
      );
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 2000);
  }
}

export async function openGraph(config: Config, log: Logger): Promise<GraphConnection> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    local = await startLocalNeo4j(config.local, log);
    uri = local.uri;
  } else {
    log.info(`Using Neo4j at ${uri}`);
  }
  const executor = new GraphExecutor({
    uri,
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
  });
  try {
    await waitForNeo4j(executor, uri, local ? 30000 : 60000);
  } catch (e) {
    await executor.close();
    await local?.stop();
    throw e;
  }
  const localRef = local;
  return {
    executor,
    local,
    uri,
    async close() {
      await executor.close();
      await localRef?.stop();
    },
  };
}
