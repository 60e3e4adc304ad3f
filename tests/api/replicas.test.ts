// Stateless replicas: two API processes (`npm start`'s entry point) against one Neo4j serve at once, one with a
// direct bolt:// URI and one with a neo4j:// routing URI (the driver then asks the server for a routing table and
// sends reads and writes where it says, as it would on a cluster or Aura). A readout ingested through one replica
// is read through the other at once.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { GraphExecutor } from '../../graph/executor';
import { EDITOR_TOKEN } from '../helpers/api';
import { fixture, resetGraph, seed, testExecutor } from '../helpers/graph';
import { freePort, waitFor } from '../reliability/helpers';

const ROOT = path.resolve(__dirname, '..', '..');

interface Replica {
  url: string;
  child: ChildProcess;
  output: () => string;
}

let executor: GraphExecutor;
const replicas: Replica[] = [];

async function startReplica(uri: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      PORT: String(port),
      HOST: '127.0.0.1',
      GRAPH_EDITOR_TOKEN: EDITOR_TOKEN,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-5000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-5000)));
  const url = `http://127.0.0.1:${port}`;
  const ready = await waitFor(
    async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200,
    120000,
    250,
  );
  if (!ready) throw new Error(`replica on ${uri} did not become ready:\n${out}`);
  return { url, child, output: () => out };
}

async function gql<T>(r: Replica, query: string, variables: Record<string, unknown> = {}, token = false) {
  const res = await fetch(`${r.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${EDITOR_TOKEN}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string }[] };
}

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  const uri = process.env.NEO4J_URI ?? '';
  const routing = uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
  expect(routing).toMatch(/^neo4j/);
  // Started one after the other: both at once would only double the wait on a small machine.
  replicas.push(await startReplica(uri));
  replicas.push(await startReplica(routing));
}, 300000);

afterAll(async () => {
  for (const r of replicas) {
    const gone = new Promise<void>((resolve) => r.child.once('exit', () => resolve()));
    r.child.kill('SIGTERM');
    await gone;
  }
  await executor?.close();
}, 60000);

const [A, B] = [0, 1];

test('the embedded server answers routing requests with its own address for every role', async () => {
  const rows = await executor.read(
    "CALL dbms.routing.getRoutingTable({}, 'neo4j') YIELD servers UNWIND servers AS s RETURN s.role AS role, s.addresses AS addresses",
  );
  const port = new URL((process.env.NEO4J_URI ?? '').replace(/^[a-z+]+:/, 'http:')).port;
  const roles = Object.fromEntries(rows.map((r) => [String(r.role), r.addresses]));
  expect(Object.keys(roles).sort()).toEqual(['READ', 'ROUTE', 'WRITE']);
  for (const addresses of Object.values(roles)) expect(addresses).toEqual([`127.0.0.1:${port}`]);
});

test('both replicas serve at once, and a readout loaded through one is read through the other at once', async () => {
  const a = replicas[A];
  const b = replicas[B];
  if (!a || !b) throw new Error('replicas did not start');
  const PERSON = '{ person(name: "Ajay Bhalla") { id } }';
  // Concurrent reads on both.
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) => gql<{ person: { id: string } }>(i % 2 ? b : a, PERSON)),
  );
  for (const ans of answers) expect(ans).toEqual({ data: { person: { id: 'person:ajay-bhalla' } } });

  for (const [writer, reader] of [
    [a, b],
    [b, a],
  ] as const) {
    await resetGraph(executor);
    await seed(executor);
    const loaded = await gql<{ ingestReadout: { readouts: { dialogueId: string }[] } }>(
      writer,
      'mutation ($r: String!) { ingestReadout(readout: $r) { readouts { dialogueId } } }',
      { r: fixture('example.yaml') },
      true,
    );
    expect(loaded.errors).toBeUndefined();
    const id = loaded.data?.ingestReadout.readouts[0]?.dialogueId ?? '';
    expect(id).not.toBe('');
    const read = await gql<{ node: { id: string } | null }>(
      reader,
      'query ($id: ID!) { node(id: $id) { id } }',
      {
        id,
      },
    );
    expect(read).toEqual({ data: { node: { id } } });
  }
  // Neither replica logged an error.
  for (const r of replicas) expect(r.output()).not.toMatch(/"level":50|\berror\b/i);
});
