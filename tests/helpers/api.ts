// Test helpers for the API: a real HTTP server on a free port over the test Neo4j, and a small GraphQL client.
import { loadConfig, type Config } from '../../graph/config';
import type { GraphExecutor } from '../../graph/executor';
import { createLogger, type Logger } from '../../graph/logger';
import { startHttpServer, type RunningServer } from '../../resolvers/http/http';
import { resetGraph, seed, testExecutor } from './graph';

export const EDITOR_TOKEN = 'test-editor-token-0123456789';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
}

export interface TestServer extends RunningServer {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
}

export async function startTestServer(
  executor: GraphExecutor,
  overrides: Partial<Config> = {},
  log: Logger = createLogger('error'),
): Promise<TestServer> {
  const config: Config = { ...loadConfig(), editorToken: EDITOR_TOKEN, ...overrides };
  const server = await startHttpServer({
    executor,
    config,
    log,
    port: 0,
    host: '127.0.0.1',
  });
  return {
    ...server,
    async gql(query, variables = {}, headers = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: GqlResponse['errors'] };
      return { status: res.status, data: body.data as never, errors: body.errors };
    },
  };
}

/**
 * Registers the usual hooks of an API test file: before all, an emptied graph with the seed readouts and a
 * server over it (handed to `ready`); after all, both closed.
 */
export function useSeededServer(ready: (executor: GraphExecutor, server: TestServer) => void): void {
  let executor: GraphExecutor | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    executor = testExecutor();
    await resetGraph(executor);
    await seed(executor);
    server = await startTestServer(executor);
    ready(executor, server);
  });
  afterAll(async () => {
    await server?.close();
    await executor?.close();
  });
}
