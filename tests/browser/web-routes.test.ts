// How the server serves the front-ends over plain HTTP: pages with a strict Content-Security-Policy, /graphql as
// the IDE for a browser only (GraphQL clients are unaffected), long-cached assets.
import type { GraphExecutor } from '../../graph/executor';
import { WEB_CSP } from '../../resolvers/http/web';
import { startTestServer, type TestServer } from '../helpers/api';
import { testExecutor } from '../helpers/graph';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let executor: GraphExecutor;
let server: TestServer;

beforeAll(async () => {
  executor = testExecutor();
  server = await startTestServer(executor);
});
afterAll(async () => {
  await server.close();
  await executor.close();
});

test.each(['/ide', '/explore', '/draft'])(
  '%s is an HTML page under a CSP allowing this server only',
  async (route) => {
    const res = await fetch(`${server.url}${route}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(WEB_CSP);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing from elsewhere
    expect(html).toMatch(/<script type="module" crossorigin src="\/web\/assets\/[\w-]+\.js">/);
  },
);

test('the CSP names no other host and allows no eval', () => {
  expect(WEB_CSP).toMatch(/default-src 'none'/);
  expect(WEB_CSP).not.toMatch(/https?:|\*|unsafe-eval/);
});

test('a browser opening /graphql gets the IDE; GraphQL clients still get GraphQL', async () => {
  const page = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await page.text()).toContain('GraphQL IDE');

  const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
    headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
  });
  expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  const curl = await fetch(`${server.url}/graphql`, { headers: { accept: '*/*' } });
  expect(curl.headers.get('content-type')).not.toMatch(/^text\/html/);
  const post = await server.gql('{ __typename }');
  expect(post.data).toEqual({ __typename: 'Query' });
});

test('assets are served with a long cache and the same CSP (it also governs the Monaco workers)', async () => {
  const html = await (await fetch(`${server.url}/ide`)).text();
  const src = /src="(\/web\/assets\/[\w-]+\.js)"/.exec(html)?.[1];
  const res = await fetch(`${server.url}${src}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
  expect(res.headers.get('content-security-policy')).toBe(WEB_CSP);
  expect((await fetch(`${server.url}/web/assets/nothing-here.js`)).status).toBe(404);
});
