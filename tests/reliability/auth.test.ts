// Auth and exposure: the editor tokens (missing, wrong of the same or another length, mutations off without a
// token), their constant-time comparison and labels, Bolt bound to loopback only, the CORS allow-list, and
// security headers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphExecutor } from '../../graph/executor';
import { matchEditor, tokenMatches } from '../../resolvers/http/http';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../helpers/api';
import { fixture, resetGraph, seed, snapshot, testExecutor } from '../helpers/graph';
import { portOpen, ROOT } from './helpers';

let executor: GraphExecutor;
let server: TestServer;

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  server = await startTestServer(executor);
}, 120000);
afterAll(async () => {
  await server?.close();
  await executor?.close();
});

const INGEST = `mutation($r: String!) { ingestReadout(readout: $r, format: YAML) { readouts { source { id } } } }`;

describe('tokenMatches (resolvers/http/http.ts)', () => {
  test('accepts exactly the configured bearer token', () => {
    expect(tokenMatches(`Bearer ${EDITOR_TOKEN}`, EDITOR_TOKEN)).toBe(true);
    expect(tokenMatches(`bearer   ${EDITOR_TOKEN}  `, EDITOR_TOKEN)).toBe(true);
  });

  test('refuses everything else, whatever its length', () => {
    const sameLength = EDITOR_TOKEN.slice(0, -1) + (EDITOR_TOKEN.endsWith('9') ? '8' : '9');
    expect(sameLength).toHaveLength(EDITOR_TOKEN.length);
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      EDITOR_TOKEN,
      `Basic ${EDITOR_TOKEN}`,
      `Bearer ${sameLength}`,
      `Bearer ${EDITOR_TOKEN.slice(0, 8)}`,
      `Bearer ${EDITOR_TOKEN}x`,
      `Bearer ${EDITOR_TOKEN.repeat(1000)}`,
      `Bearer ${EDITOR_TOKEN.toUpperCase()}`,
      `Bearer ${EDITOR_TOKEN}\u0000`,
    ]) {
      expect([header, tokenMatches(header, EDITOR_TOKEN)]).toEqual([header, false]);
    }
    // No token configured: nothing matches, not even an empty one.
    expect(tokenMatches('Bearer ', undefined)).toBe(false);
    expect(tokenMatches(`Bearer ${EDITOR_TOKEN}`, undefined)).toBe(false);
  });

  test('compares in constant time: SHA-256 of both sides, then timingSafeEqual (code review, pinned)', () => {
    const src = fs.readFileSync(path.join(ROOT, 'resolvers', 'http', 'http.ts'), 'utf8');
    const body = /export function tokenMatches[\s\S]*?\n}/.exec(src)?.[0] ?? '';
    expect(body).toMatch(/createHash\('sha256'\)\.update\(m\[1\]\)\.digest\(\)/);
    expect(body).toMatch(/createHash\('sha256'\)\.update\(token\)\.digest\(\)/);
    expect(body).toMatch(/timingSafeEqual\(a, b\)/);
    // No early exit comparing the secrets themselves.
    expect(body).not.toMatch(
      /m\[1\]\s*[!=]==|[!=]==\s*m\[1\]|[!=]==\s*token\b|token\s*[!=]==(?!\s*undefined)|\.length/,
    );
  });
});

describe('matchEditor (resolvers/http/http.ts): which labelled token a request carries', () => {
  const tokens = [
    { label: 'editor', token: EDITOR_TOKEN },
    { label: 'alice', token: 'alice-token-0123456789abcdef' },
    { label: 'bob', token: 'bob-token-0123456789abcdef' },
  ];

  test('the label of the token sent, undefined for anything else or when none is configured', () => {
    expect(matchEditor(`Bearer ${EDITOR_TOKEN}`, tokens)).toBe('editor');
    expect(matchEditor('Bearer bob-token-0123456789abcdef', tokens)).toBe('bob');
    expect(matchEditor('bearer  alice-token-0123456789abcdef ', tokens)).toBe('alice');
    for (const header of [
      undefined,
      '',
      'Bearer ',
      'alice-token-0123456789abcdef',
      'Bearer alice',
      'Bearer bob',
    ])
      expect([header, matchEditor(header, tokens)]).toEqual([header, undefined]);
    expect(matchEditor(`Bearer ${EDITOR_TOKEN}`, [])).toBeUndefined();
  });

  test('compares every token with no early exit (code review, pinned)', () => {
    const src = fs.readFileSync(path.join(ROOT, 'resolvers', 'http', 'http.ts'), 'utf8');
    const body = /export function matchEditor[\s\S]*?\n}/.exec(src)?.[0] ?? '';
    const loop = /for \(const t of tokens\) \{([\s\S]*?)\n {2}\}/.exec(body)?.[1] ?? '';
    expect(loop).toMatch(/tokenMatches\(header, t\.token\)/);
    expect(loop).not.toMatch(/\b(break|return|continue)\b|\?\.|&&\s*tokenMatches|\|\|\s*tokenMatches/);
  });
});

describe('ingestReadout over HTTP', () => {
  const readout = fixture('example.yaml');
  const sameLength = 'x'.repeat(EDITOR_TOKEN.length);

  test.each<[string, Record<string, string>]>([
    ['no Authorization header', {}],
    ['a wrong token of the same length', { authorization: `Bearer ${sameLength}` }],
    ['a wrong token of another length', { authorization: 'Bearer short-token' }],
    ['the token without the Bearer scheme', { authorization: EDITOR_TOKEN }],
  ])('%s: UNAUTHENTICATED, nothing written', async (_name, headers) => {
    const before = await snapshot(executor);
    const r = await server.gql(INGEST, { r: readout }, headers);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0]?.message).not.toContain(EDITOR_TOKEN);
    expect(await snapshot(executor)).toEqual(before);
  });

  test('with no token configured, mutations are disabled (FORBIDDEN), whatever is sent', async () => {
    const closed = await startTestServer(executor, { editorToken: undefined, editorTokens: [] });
    try {
      const before = await snapshot(executor);
      const attempts: Record<string, string>[] = [
        {},
        { authorization: `Bearer ${EDITOR_TOKEN}` },
        { authorization: 'Bearer ' },
      ];
      for (const headers of attempts) {
        const r = await closed.gql(INGEST, { r: readout }, headers);
        expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await snapshot(executor)).toEqual(before);
    } finally {
      await closed.close();
    }
  });

  test('the right token writes (so the refusals above were about the token)', async () => {
    const r = await server.gql<{ ingestReadout: { readouts: { source: { id: string } }[] } }>(
      INGEST,
      { r: readout },
      { authorization: `Bearer ${EDITOR_TOKEN}` },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.ingestReadout.readouts).toHaveLength(1);
  });
});

describe('Bolt listens on loopback only', () => {
  const uri = process.env.NEO4J_URI ?? '';
  const m = /^bolt:\/\/127\.0\.0\.1:(\d+)$/.exec(uri);
  const port = Number(m?.[1] ?? 0);
  const local = m !== null;

  (local ? test : test.skip)('ss shows the test Neo4j bound to 127.0.0.1, not a wildcard address', () => {
    const ss = spawnSync('ss', ['-Hltn'], { encoding: 'utf8' });
    if (ss.status !== 0) return; // no ss on this machine: the connection test below still runs
    const bound = ss.stdout
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[3] ?? '')
      .filter((addr) => addr.endsWith(`:${port}`));
    // Java binds an IPv6 socket to the IPv4-mapped loopback address: loopback all the same.
    expect(bound.length).toBeGreaterThan(0);
    for (const addr of bound) expect([`127.0.0.1:${port}`, `[::ffff:127.0.0.1]:${port}`]).toContain(addr);
  });

  (local ? test : test.skip)(
    'connecting through a non-loopback address of this machine is refused',
    async () => {
      expect(await portOpen(port, '127.0.0.1')).toBe(true);
      const addresses = Object.values(os.networkInterfaces())
        .flat()
        .filter((i) => i !== undefined && !i.internal && i.family === 'IPv4')
        .map((i) => i?.address ?? '');
      for (const address of addresses)
        expect([address, await portOpen(port, address)]).toEqual([address, false]);
    },
  );
});

describe('CORS allow-list and security headers', () => {
  test('preflight: the allowed origin is echoed, another origin gets no CORS headers', async () => {
    const cors = await startTestServer(executor, { corsOrigins: ['http://allowed.example'] });
    try {
      const preflight = (origin: string) =>
        fetch(`${cors.url}/graphql`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, authorization',
          },
        });
      const ok = await preflight('http://allowed.example');
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
      expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
      expect(ok.headers.get('vary')).toMatch(/origin/i);
      const evil = await preflight('http://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      const post = await fetch(`${cors.url}/graphql`, {
        method: 'POST',
        headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ countries { code } }' }),
      });
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await cors.close();
    }
  });

  test('without CORS_ORIGINS no origin is allowed', async () => {
    const r = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://allowed.example', 'access-control-request-method': 'POST' },
    });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('security headers on every kind of response', async () => {
    const responses = [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/readyz`),
      await fetch(`${server.url}/no-such-path`),
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ countries { code } }' }),
      }),
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{ not json',
      }),
    ];
    for (const r of responses) {
      expect([r.url, r.headers.get('x-content-type-options')]).toEqual([r.url, 'nosniff']);
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-powered-by')).toBeNull();
    }
  });
});
