// Errors carry codes, never stack traces or Cypher; abusive operations are refused before running.
import type { GraphExecutor } from '../../graph/executor';
import { useSeededServer, type TestServer } from '../helpers/api';

let executor: GraphExecutor;
let server: TestServer;

useSeededServer((e, s) => {
  executor = e;
  server = s;
});

test('health and readiness', async () => {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', neo4j: true, migrated: true });
});

test('an ambiguous name is an error listing the candidates', async () => {
  // A second "Ajay Bhalla", from another country, makes the bare name ambiguous.
  const { ingestReadouts } = await import('../../graph/readout/ingest');
  await ingestReadouts(executor, [
    {
      file: 'namesake.json',
      format: 'json',
      text: JSON.stringify({
        format: 'readout/v1',
        source: {
          title: 'Namesake test record',
          publisher: 'Test suite',
          published: '2025',
          kind: 'readout',
        },
        dialogue: { name: 'Namesake talks', start: '2025', countries: ['GB', 'EX'] },
        organizations: [{ name: 'Example Office', country: 'EX', kind: 'agency' }],
        people: [
          {
            name: 'Ajay Bhalla',
            country: 'EX',
            title: 'Clerk',
            organization: 'Example Office',
            role: 'participant',
          },
        ],
      }),
    },
  ]);
  const res = await server.gql(`{ person(name: "ajay bhalla") { id } }`);
  const err = res.errors?.[0];
  expect(err?.extensions?.code).toBe('AMBIGUOUS_NAME');
  expect((err?.extensions?.candidates as { id: string }[]).map((c) => c.id).sort()).toEqual([
    'person:ajay-bhalla',
    'person:ajay-bhalla-ex',
  ]);
  expect(err?.message).toMatch(/person:ajay-bhalla-ex/);
});

test('errors never carry stack traces or Cypher', async () => {
  const res = await server.gql(`{ people(first: 100000) { totalCount } }`);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|MATCH|at .*\.ts/);
});

test('depth, field-count (fragment bomb) and alias limits refuse the operation', async () => {
  const deep = `{ person(name: "Simon Ridley") { positions { organization { ${'children { '.repeat(12)}name${' }'.repeat(12)} } } } }`;
  const d = await server.gql(deep);
  expect(d.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

  const bomb = `query { themes { nodes { ...F4 } } }
    fragment F0 on Theme { name aliases id description }
    fragment F1 on Theme { broader { ...F0 } narrower { ...F0 } a: broader { ...F0 } b: narrower { ...F0 } }
    fragment F2 on Theme { broader { ...F1 } narrower { ...F1 } a: broader { ...F1 } b: narrower { ...F1 } }
    fragment F3 on Theme { broader { ...F2 } narrower { ...F2 } a: broader { ...F2 } b: narrower { ...F2 } }
    fragment F4 on Theme { broader { ...F3 } narrower { ...F3 } a: broader { ...F3 } b: narrower { ...F3 } }`;
  const b = await server.gql(bomb);
  expect(b.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

  const aliases = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: countries { code }`).join(' ')} }`;
  const a = await server.gql(aliases);
  expect(a.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

  // The server still serves ordinary requests.
  const ok = await server.gql(`{ countries { code } }`);
  expect(ok.errors).toBeUndefined();
});

test('batched operations and oversized bodies are refused with a clear error', async () => {
  const batch = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ query: '{ countries { code } }' }, { query: '{ countries { code } }' }]),
  });
  expect(batch.status).toBe(400);
  const huge = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ countries { code } } # ${'x'.repeat(3 * 1024 * 1024)}` }),
  });
  expect(huge.status).toBe(413);
  expect(
    ((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
  ).toBe('PAYLOAD_TOO_LARGE');
});

test('GET without a CSRF-safe header is refused (CSRF prevention)', async () => {
  const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ countries { code } }')}`);
  expect(res.status).toBe(400);
  const ok = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ countries { code } }')}`, {
    headers: { 'apollo-require-preflight': 'true' },
  });
  expect(ok.status).toBe(200);
});

test('the standard introspection query that IDEs send is not refused by the limits', async () => {
  const { getIntrospectionQuery } = await import('graphql');
  const res = await server.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
  expect(res.errors).toBeUndefined();
  expect(res.data?.__schema.types.length).toBeGreaterThan(20);
});
