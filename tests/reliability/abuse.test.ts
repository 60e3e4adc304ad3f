// Abuse through real HTTP: depth, cost, alias and fragment bombs, batches, huge page sizes and caps, giant bodies,
// introspection when disabled, queries past the transaction timeout, and Cypher/Lucene injection strings in every
// string argument of every root field. Each abusive request is refused with a clear coded error (or answered
// harmlessly), the graph is unchanged, and the server keeps serving.
import {
  buildSchema,
  getNamedType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { TimeoutError } from '../../graph/errors';
import { GraphExecutor } from '../../graph/executor';
import { buildResolvers, loadTypeDefs } from '../../resolvers/index';
import { EDITOR_TOKEN, startTestServer, type GqlResponse, type TestServer } from '../helpers/api';
import { resetGraph, seed, snapshot, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  before = await snapshot(executor);
  server = await startTestServer(executor);
}, 120000);
afterAll(async () => {
  await server?.close();
  await executor?.close();
});

const codes = (r: GqlResponse) => (r.errors ?? []).map((e) => e.extensions?.code);

async function post(body: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(60000),
  });
  const text = await res.text();
  let json: GqlResponse | undefined;
  try {
    const parsed = JSON.parse(text) as Omit<GqlResponse, 'status'>;
    json = { status: res.status, data: parsed.data, errors: parsed.errors };
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, ms: Date.now() - started };
}

async function stillServing(s: TestServer = server): Promise<void> {
  const ok = await s.gql<{ person: { id: string } }>('{ person(name: "Ajay Bhalla") { id } }');
  expect(ok.errors).toBeUndefined();
  expect(ok.data?.person.id).toBe('person:ajay-bhalla');
}

describe('operation limits (resolvers/http/limits.ts: depth 12, 3000 fields, 50 aliases, 20 root fields)', () => {
  test('a depth bomb is refused before running', async () => {
    const deep = `{ themes { nodes { ${'narrower { '.repeat(20)}name${' }'.repeat(20)} } } }`;
    const r = await server.gql(deep);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.errors?.[0]?.message).toMatch(/12 levels/);
  });

  test('a nesting bomb the parser must survive (25,000 levels) is refused, not crashed on', async () => {
    const n = 25000;
    const r = await post(JSON.stringify({ query: `{ ${'a { '.repeat(n)}b${' }'.repeat(n)} }` }));
    // graphql-js parses recursively; today the stack overflow is caught and reported as a parse failure. A token
    // limit (Apollo's parseOptions.maxTokens, see docs/reliability.md) would refuse it before recursing that deep.
    expect(r.status).toBe(400);
    expect(r.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.text).not.toMatch(/stacktrace|\.ts:\d+/);
    await stillServing();
  });

  test('alias bombs: too many aliases, and one alias repeated on an expensive field', async () => {
    const many = `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: countries { code }`).join(' ')} }`;
    expect(codes(await server.gql(many))).toEqual(['QUERY_TOO_COMPLEX']);
    const typenames = `{ ${Array.from({ length: 5000 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect(codes(await server.gql(typenames))).toEqual(['QUERY_TOO_COMPLEX']);
    const roots = `{ ${Array.from({ length: 21 }, () => 'countries { code }').join(' ')} }`;
    expect(codes(await server.gql(roots))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('fragment bombs: exponential expansion and cycles', async () => {
    const levels = 12;
    const frags = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i + 1} on Theme { broader { ...F${i} } narrower { ...F${i} } a: broader { ...F${i} } b: narrower { ...F${i} } }`,
    );
    const bomb = `query { themes { nodes { ...F${levels} } } }\nfragment F0 on Theme { name id }\n${frags.join('\n')}`;
    const r = await server.gql(bomb);
    expect(codes(r)[0]).toBe('QUERY_TOO_COMPLEX');
    const cycle = `query { themes { nodes { ...A } } } fragment A on Theme { broader { ...B } } fragment B on Theme { narrower { ...A } }`;
    const c = await server.gql(cycle);
    expect(codes(c)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
    await stillServing();
  });

  test('a cost bomb within the limits (wide fan-out at depth 11) answers or is refused in bounded time', async () => {
    const q = `{ dialogues(first: 100) { nodes { participants { person { counterparts { person { dialogues {
      dialogue { participants { person { positions { organization { members { person { name } } } } } } } } } } } } } } }`;
    const started = Date.now();
    const r = await server.gql(q);
    expect(Date.now() - started).toBeLessThan(60000);
    for (const code of codes(r))
      expect(['QUERY_TOO_COMPLEX', 'QUERY_TIMEOUT', 'BAD_USER_INPUT']).toContain(code);
    await stillServing();
  });

  test('batched operations are refused', async () => {
    const r = await post(
      JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ countries { code } }' }))),
    );
    expect(r.status).toBe(400);
    await stillServing();
  });
});

describe('caps on page sizes, hops, depth and node counts', () => {
  const cases: [string, string][] = [
    ['people first 2^31-1', '{ people(first: 2147483647) { totalCount } }'],
    ['people first -1', '{ people(first: -1) { totalCount } }'],
    ['dialogues first 100000', '{ dialogues(first: 100000) { totalCount } }'],
    ['agreements first 100000', '{ agreements(first: 100000) { totalCount } }'],
    ['organizations first 100000', '{ organizations(first: 100000) { totalCount } }'],
    ['themes first 100000', '{ themes(first: 100000) { totalCount } }'],
    ['sources first 100000', '{ sources(first: 100000) { id } }'],
    ['search first 100000', '{ search(text: "home", first: 100000) { score } }'],
    ['search first 0', '{ search(text: "home", first: 0) { score } }'],
    [
      'paths maxHops 100',
      '{ paths(from: "person:simon-ridley", to: "person:kristie-canegallo", maxHops: 100) { length } }',
    ],
    [
      'paths first 1000',
      '{ paths(from: "person:simon-ridley", to: "person:kristie-canegallo", first: 1000) { length } }',
    ],
    [
      'paths maxHops 0',
      '{ paths(from: "person:simon-ridley", to: "person:kristie-canegallo", maxHops: 0) { length } }',
    ],
    ['subgraph depth 50', '{ subgraph(ids: ["country:in"], depth: 50) { truncated } }'],
    ['subgraph maxNodes 10^7', '{ subgraph(ids: ["country:in"], maxNodes: 10000000) { truncated } }'],
    ['subgraph maxNodes -5', '{ subgraph(ids: ["country:in"], maxNodes: -5) { truncated } }'],
  ];
  test.each(cases)('%s is refused with BAD_USER_INPUT', async (_name, query) => {
    const r = await server.gql(query);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(r.errors)).not.toMatch(/MATCH|stacktrace|neo4j/i);
  });

  test('an Int beyond 32 bits is a validation error', async () => {
    const r = await server.gql('{ people(first: 10000000000) { totalCount } }');
    expect(codes(r)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('thousands of ids are refused or answered, quickly', async () => {
    const ids = Array.from({ length: 20000 }, (_, i) => `person:nobody-${i}`);
    for (const q of [
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      'query($ids: [ID!]!) { subgraph(ids: $ids, depth: 3, maxNodes: 2000) { truncated } }',
      'query($ids: [ID!]!) { commonThemes(ids: $ids) { id } }',
    ]) {
      const started = Date.now();
      const r = await server.gql(q, { ids });
      expect(Date.now() - started).toBeLessThan(30000);
      for (const code of codes(r)) expect(code).toBe('BAD_USER_INPUT');
    }
    await stillServing();
  });
});

describe('request bodies', () => {
  test('a body over 2 MB is refused with 413 PAYLOAD_TOO_LARGE, even as a variable', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    for (const body of [
      JSON.stringify({ query: `{ countries { code } } # ${big}` }),
      JSON.stringify({ query: 'query($t: String!) { search(text: $t) { score } }', variables: { t: big } }),
    ]) {
      const r = await post(body);
      expect(r.status).toBe(413);
      expect(r.json?.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    }
    await stillServing();
  });

  test('a body just under the limit full of tokens is parsed or refused in bounded time', async () => {
    const tokens = `{ ${'__typename '.repeat(170000)}}`;
    const r = await post(JSON.stringify({ query: tokens }));
    expect(r.ms).toBeLessThan(30000);
    expect(r.status).toBeLessThan(500);
    // The parser's token cap (20,000) refuses it before validation would count its fields.
    expect(r.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.json?.errors?.[0]?.message).toMatch(/20000 tokens/);
    await stillServing();
  });

  test('malformed JSON and wrong content types get a clear 4xx', async () => {
    const bad = await post('{"query": "{ countries { code } }"');
    expect(bad.status).toBe(400);
    expect(bad.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const text = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ countries { code } }',
    });
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
  });
});

describe('introspection', () => {
  test('with introspection disabled, __schema and __type are refused', async () => {
    const closed = await startTestServer(executor, { introspection: false });
    try {
      for (const q of ['{ __schema { types { name } } }', '{ __type(name: "Query") { fields { name } } }']) {
        const r = await closed.gql(q);
        expect(r.data ?? null).toBeNull();
        expect(codes(r)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(r.errors?.[0]?.message).toMatch(/introspection/i);
      }
      await stillServing(closed);
    } finally {
      await closed.close();
    }
  });

  test('with introspection enabled (the default), it answers', async () => {
    const r = await server.gql<{ __schema: { queryType: { name: string } } }>(
      '{ __schema { queryType { name } } }',
    );
    expect(r.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('transaction timeout', () => {
  test('a query past the Neo4j transaction timeout fails with QUERY_TIMEOUT; the server keeps serving', async () => {
    const uri = process.env.NEO4J_URI ?? '';
    const hasty = new GraphExecutor({ uri, queryTimeoutMs: 1 });
    const slow = await startTestServer(hasty);
    // A layered maze: 9 layers of 12 organisations, each linked to every one of the next layer (12^8 paths).
    await executor.write(
      `UNWIND range(0, 8) AS l UNWIND range(0, 11) AS i
       CREATE (:Organization {id: 'org:zz:' + l + '-' + i, key: 'zz|maze ' + l + '-' + i, name: 'Maze ' + l + '-' + i, kind: 'other', layer: l})`,
    );
    await executor.write(
      `MATCH (a:Organization), (b:Organization) WHERE a.key STARTS WITH 'zz|maze' AND b.key STARTS WITH 'zz|maze' AND a.layer + 1 = b.layer
       CREATE (a)-[:PART_OF {sources: []}]->(b)`,
    );
    try {
      // Enumerating every path of the maze takes seconds: Neo4j stops it and the executor says QUERY_TIMEOUT.
      const err: unknown = await hasty
        .read(
          "MATCH (a:Organization {id: 'org:zz:0-0'}) MATCH p = (a)-[:PART_OF*..8]-() RETURN count(p) AS n",
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(TimeoutError);
      expect((err as TimeoutError).code).toBe('QUERY_TIMEOUT');
      // The API's own queries are bounded (LIMITs, lazy shortest paths), so over HTTP a 1 ms budget may or may not
      // be hit; whenever it is, the answer is QUERY_TIMEOUT, and the server goes on serving.
      const heavy = `{
        a: paths(from: "org:zz:0-0", to: "org:zz:8-0", maxHops: 8, first: 10) { length }
        b: subgraph(ids: ["org:zz:0-0", "country:in", "country:gb"], depth: 3, maxNodes: 2000) { nodes { id } edges { id } }
      }`;
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const r = await slow.gql(heavy);
        expect(Date.now() - started).toBeLessThan(30000);
        for (const c of codes(r)) seen.add(String(c));
      }
      for (const code of seen) expect(code).toBe('QUERY_TIMEOUT');
      const health = await fetch(`${slow.url}/healthz`);
      expect(health.status).toBe(200);
      // The same server still answers: a cheap query either succeeds or (on a busy machine, within 1 ms of
      // budget) times out cleanly; the normal server answers everything.
      const cheap = await slow.gql<{ countries: unknown[] }>('{ countries { code } }');
      for (const code of codes(cheap)) expect(code).toBe('QUERY_TIMEOUT');
      await stillServing();
    } finally {
      await executor.write("MATCH (n:Organization) WHERE n.key STARTS WITH 'zz|maze' DETACH DELETE n");
      await slow.close();
      await hasty.close();
    }
  });
});

// --- Injection: every string-like argument of every root field.
const PAYLOADS = [
  '"}) MATCH (n) DETACH DELETE n //',
  "' OR 1=1 --",
  "person:ajay-bhalla' }) MATCH (n) DETACH DELETE n RETURN 1 //",
  '`) DETACH DELETE n //',
  '\\" OR \\"1\\"=\\"1',
  '\u0000',
  'a\u0000b',
  '$where',
  '${x}',
  '{"$ne": null}',
  '.*',
  '(?s).*',
  '*:* OR name:*',
  '"unbalanced',
  'a~999 AND /re.*/ OR (',
  '\\',
  '../../../etc/passwd',
  '\u202eevil\u200f',
  'ａｊａｙ ｂｈａｌｌａ',
  '<script>alert(1)</script>',
  'x'.repeat(100000),
];

const SAFE_DEFAULTS: Record<string, unknown> = {
  id: 'person:ajay-bhalla',
  ids: ['dialogue:6th-india-uk-home-affairs-dialogue', 'dialogue:2024-us-india-homeland-security-dialogue'],
  text: 'homeland',
  from: 'person:simon-ridley',
  to: 'person:kristie-canegallo',
  code: 'IN',
  readout: 'format: readout/v1',
};

function valueFor(type: GraphQLInputType, payload: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) ? [payload] : payload;
}

const STRINGY = new Set(['String', 'ID', 'Date']);

interface Case {
  field: string;
  arg: string;
  operation: 'query' | 'mutation';
  document: string;
  variables: Record<string, unknown>;
}

function injectionCases(): Case[] {
  const schema = buildSchema(loadTypeDefs());
  const out: Case[] = [];
  const roots: ['query' | 'mutation', Record<string, GraphQLField<unknown, unknown>>][] = [
    ['query', schema.getQueryType()?.getFields() ?? {}],
    ['mutation', schema.getMutationType()?.getFields() ?? {}],
  ];
  for (const [operation, fields] of roots) {
    for (const field of Object.values(fields)) {
      const targets = field.args.filter((a) => STRINGY.has(getNamedType(a.type).name));
      for (const target of targets) {
        for (const payload of PAYLOADS) {
          const used: GraphQLArgument[] = field.args.filter((a) => a === target || isNonNullType(a.type));
          const variables: Record<string, unknown> = {};
          for (const a of used) {
            variables[a.name] = a === target ? valueFor(a.type, payload) : SAFE_DEFAULTS[a.name];
          }
          const decl = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
          const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
          out.push({
            field: field.name,
            arg: target.name,
            operation,
            document: `${operation} Injection(${decl}) { ${field.name}(${call}) { __typename } }`,
            variables,
          });
        }
      }
    }
  }
  return out;
}

describe('injection strings in every string argument of every root field', () => {
  const cases = injectionCases();
  const covered = [...new Set(cases.map((c) => `${c.field}(${c.arg})`))];

  test('the cases cover every root field that takes a string-like argument', () => {
    // Resolvers exist for every root field; a new root field with a string argument is covered automatically.
    expect(Object.keys(buildResolvers())).toEqual(expect.arrayContaining(['Query', 'Mutation']));
    expect(covered.length).toBeGreaterThanOrEqual(30);
    expect(covered).toEqual(
      expect.arrayContaining(['search(text)', 'person(name)', 'ingestReadout(readout)']),
    );
  });

  test(`${cases.length} requests: data or a coded client error; the graph is unchanged; the server serves`, async () => {
    const allowed = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'AMBIGUOUS_NAME', 'INVALID_READOUT']);
    const problems: string[] = [];
    const seen = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < cases.length; i = next++) {
        const c = cases[i];
        if (c === undefined) continue;
        const headers: Record<string, string> =
          c.operation === 'mutation' ? { authorization: `Bearer ${EDITOR_TOKEN}` } : {};
        const r = await post(JSON.stringify({ query: c.document, variables: c.variables }), headers);
        const got = r.json?.errors?.map((e) => String(e.extensions?.code)) ?? [];
        for (const code of got) seen.set(code, (seen.get(code) ?? 0) + 1);
        const bad = got.filter((code) => !allowed.has(code));
        if (r.status >= 500 || r.json === undefined || bad.length > 0) {
          problems.push(
            `${c.field}(${c.arg}) ${JSON.stringify(c.variables).slice(0, 80)}: HTTP ${r.status} ${r.text.slice(0, 300)}`,
          );
        }
        // Messages may echo the input; they must not carry driver codes, stack frames or connection details.
        if (
          JSON.stringify(r.json?.errors ?? []).match(
            /Neo\.(Client|Transient|Database)Error|stacktrace|\.ts:\d+|bolt:\/\//,
          )
        ) {
          problems.push(`${c.field}(${c.arg}): error leaks internals: ${r.text.slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    process.stderr.write(
      `\ninjection: ${cases.length} requests over ${covered.length} arguments; codes ${JSON.stringify(Object.fromEntries(seen))}\n`,
    );
    expect(problems).toEqual([]);
    expect(await snapshot(executor)).toEqual(before);
    await stillServing();
  }, 300000);

  test('the export route takes the same strings harmlessly', async () => {
    for (const payload of PAYLOADS.slice(0, 12)) {
      for (const q of [
        `ids=${encodeURIComponent(payload)}`,
        `ids=country:in&at=${encodeURIComponent(payload)}`,
        `ids=country:in&types=${encodeURIComponent(payload)}`,
      ]) {
        const res = await fetch(`${server.url}/export?${q}&format=graphml`);
        expect(res.status).toBeLessThan(500);
      }
    }
    expect(await snapshot(executor)).toEqual(before);
  });
});
