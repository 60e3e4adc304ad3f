// Serving: compression of large answers only when the client accepts it, Prometheus metrics that move with the
// traffic, and one JSON log line per request with its request id and operation but never a variable's value.
import http from 'node:http';
import zlib from 'node:zlib';
import type { GraphExecutor } from '../../graph/executor';
import { createLogger } from '../../graph/logger';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../helpers/api';
import { fixture, resetGraph, seed, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;
const lines: string[] = [];

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  server = await startTestServer(executor, {}, createLogger('info', { write: (l) => lines.push(l) }));
});
afterAll(async () => {
  await server?.close();
  await executor?.close();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with exactly the headers given (fetch would add its own Accept-Encoding and decode the body). */
function raw(path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const gqlBody = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });

/** A large GraphQL answer: the full introspection of the schema (tens of kilobytes). */
const BIG = gqlBody(
  'query Introspect { __schema { types { name description fields { name description args { name description } } } } }',
);
const EXPORT = '/export?ids=person:ajay-bhalla&depth=2&format=graphml';

describe('compression', () => {
  test('a large GraphQL answer is gzip-encoded when asked and plain when not', async () => {
    const zipped = await raw('/graphql', { 'accept-encoding': 'gzip' }, BIG);
    const plain = await raw('/graphql', { 'accept-encoding': 'identity' }, BIG);
    expect([zipped.status, plain.status]).toEqual([200, 200]);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const unzipped = zlib.gunzipSync(zipped.body);
    expect(unzipped.toString()).toBe(plain.body.toString());
    expect(plain.body.length).toBeGreaterThan(10000);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
  });

  test('a large export is gzip-encoded when asked and plain when not', async () => {
    const zipped = await raw(EXPORT, { 'accept-encoding': 'gzip, deflate' });
    const plain = await raw(EXPORT, {});
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(plain.body.toString());
    expect(plain.body.toString()).toMatch(/^<\?xml/);
  });

  test('a small answer is not compressed even when the client accepts gzip', async () => {
    const small = await raw('/graphql', { 'accept-encoding': 'gzip' }, gqlBody('{ __typename }'));
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ data: { __typename: 'Query' } });
  });
});

/** `name{labels} value` lines of a scrape, as a map from the series to its value. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const series = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m?.[1] && m[2]) series.set(m[1], Number(m[2]));
  }
  return series;
}
const at = (s: Map<string, number>, key: string) => s.get(key) ?? 0;

describe('metrics', () => {
  test('requests by operation and outcome, latency, statements, loader runs and process metrics move', async () => {
    const before = await scrape();
    const person = 'query PersonCard($name: String!) { person(name: $name) { id name } }';
    for (let i = 0; i < 3; i++)
      expect((await server.gql(person, { name: 'Ajay Bhalla' })).errors).toBeUndefined();
    // A client mistake: counted under its operation with the error code as outcome.
    const bad = await server.gql('query Broken { person(name: 1) { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await fetch(`${server.url}${EXPORT}`)).status).toBe(200);
    const ingest = await server.gql(
      'mutation Load($r: String!, $dry: Boolean) { ingestReadout(readout: $r, dryRun: $dry) { dryRun } }',
      { r: fixture('example.yaml'), dry: false },
      { authorization: `Bearer ${EDITOR_TOKEN}` },
    );
    expect(ingest.errors).toBeUndefined();
    const after = await scrape();

    const delta = (key: string) => at(after, key) - at(before, key);
    expect(delta('graph_requests_total{operation="PersonCard",outcome="ok"}')).toBe(3);
    expect(delta('graph_requests_total{operation="Broken",outcome="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(delta('graph_requests_total{operation="export",outcome="ok"}')).toBe(1);
    expect(delta('graph_requests_total{operation="Load",outcome="ok"}')).toBe(1);
    expect(delta('graph_request_duration_seconds_count{operation="PersonCard"}')).toBe(3);
    expect(delta('graph_request_duration_seconds_bucket{le="+Inf",operation="PersonCard"}')).toBe(3);
    expect(delta('graph_neo4j_statements_total')).toBeGreaterThanOrEqual(5);
    expect(delta('graph_loader_runs_total{mode="write"}')).toBe(1);
    expect(delta('graph_readouts_written_total')).toBe(1);
    expect(at(after, 'graph_neo4j_circuit_open')).toBe(0);
    expect(at(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(after.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });

  test('two servers in one process keep separate registries', async () => {
    const other = await startTestServer(executor);
    try {
      const name = 'query OnlyOnTheOther { __typename }';
      expect((await other.gql(name)).errors).toBeUndefined();
      const text = await (await fetch(`${other.url}/metrics`)).text();
      expect(text).toMatch(/graph_requests_total\{operation="OnlyOnTheOther",outcome="ok"\} 1/);
      expect(at(await scrape(), 'graph_requests_total{operation="OnlyOnTheOther",outcome="ok"}')).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('request logs', () => {
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  /** The line is written when the server finishes the response, which may be just after the client has it. */
  const linesOf = async (id: string) => {
    for (let i = 0; i < 100 && !parsed().some((l) => l.requestId === id); i++)
      await new Promise((r) => setTimeout(r, 20));
    return parsed().filter((l) => l.requestId === id);
  };

  test('one JSON line per request with the request id and operation name, never a variable value', async () => {
    const secret = 'Zanzibar-Quokka-4417';
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc.123' },
      body: gqlBody('query FindPerson($name: String!) { person(name: $name) { id } }', { name: secret }),
    });
    expect(res.status).toBe(200);
    await res.text();
    expect(res.headers.get('x-request-id')).toBe('trace-abc.123');
    const mine = await linesOf('trace-abc.123');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'FindPerson',
      outcome: 'ok',
    });
    expect(typeof mine[0]?.durationMs).toBe('number');
    expect(lines.join('\n')).not.toContain(secret);
  });

  test('an export is logged without its query string; an insane incoming id is replaced by a fresh one', async () => {
    const res = await fetch(`${server.url}${EXPORT}`, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(res.status).toBe(200);
    await res.text();
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await linesOf(id);
    expect(mine).toEqual([expect.objectContaining({ path: '/export', operation: 'export', outcome: 'ok' })]);
    expect(lines.join('\n')).not.toContain('ajay-bhalla');
  });
});
