// When Neo4j cannot be reached the API answers quickly with SERVICE_UNAVAILABLE and /readyz says 503, instead of
// hanging or leaking driver errors.
import net from 'node:net';
import { GraphExecutor } from '../../graph/executor';
import { startTestServer, type TestServer } from '../helpers/api';

let executor: GraphExecutor;
let server: TestServer;

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 1));
    });
  });
}

beforeAll(async () => {
  executor = new GraphExecutor({ uri: `bolt://127.0.0.1:${await closedPort()}`, queryTimeoutMs: 2000 });
  server = await startTestServer(executor);
});
afterAll(async () => {
  await server.close();
  await executor.close();
});

test('queries fail with SERVICE_UNAVAILABLE and no internals', async () => {
  const started = Date.now();
  const res = await server.gql(`{ person(name: "Ajay Bhalla") { id } }`);
  expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(JSON.stringify(res.errors)).not.toMatch(/bolt:|ECONNREFUSED|stack/i);
  expect(Date.now() - started).toBeLessThan(30000);
});

test('readiness is 503 while health stays 200', async () => {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ status: 'unavailable', neo4j: false });
});
