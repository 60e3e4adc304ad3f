// Several editors, each with a labelled token (EDITOR_TOKENS) beside GRAPH_EDITOR_TOKEN (the label `editor`): each
// token works and the history records its label; an unknown token, or one taken out of the configuration, is
// UNAUTHENTICATED; with no token at all, mutations are disabled.
import type { EditorToken } from '../../graph/config';
import type { GraphExecutor } from '../../graph/executor';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../helpers/api';
import { fixture, resetGraph, snapshot, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;

const ALICE: EditorToken = { label: 'alice', token: 'alice-token-0123456789abcdef' };
const BOB: EditorToken = { label: 'bob', token: 'bob-token-0123456789abcdef' };
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

const EXAMPLE = fixture('example.yaml');
/** Three versions of one document, so each load is a change the history records. */
const version = (title: string) => EXAMPLE.replace('title: Deputy Minister of Interior', `title: ${title}`);

const INGEST = `mutation ($r: String!) { ingestReadout(readout: $r) { readouts { action } } }`;

async function withServer(
  tokens: Parameters<typeof startTestServer>[1],
  work: (s: TestServer) => Promise<void>,
) {
  const s = await startTestServer(executor, tokens);
  try {
    await work(s);
  } finally {
    await s.close();
  }
}

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
}, 120000);
afterAll(() => executor?.close());

test('two labelled tokens and GRAPH_EDITOR_TOKEN all work, and each change records its label', async () => {
  await withServer({ editorTokens: [ALICE, BOB] }, async (s) => {
    const steps: [string, string][] = [
      [ALICE.token, 'Deputy Minister of Interior'],
      [BOB.token, 'Minister of Interior'],
      [EDITOR_TOKEN, 'Minister of the Interior'],
    ];
    for (const [token, title] of steps) {
      const r = await s.gql(INGEST, { r: version(title) }, auth(token));
      expect(r.errors).toBeUndefined();
    }
    const h = await s.gql<{ changes: { nodes: { who: string; action: string }[] } }>(
      '{ changes { nodes { who action } } }',
    );
    expect(h.data?.changes.nodes).toEqual([
      { who: 'alice', action: 'load' },
      { who: 'bob', action: 'revision' },
      { who: 'editor', action: 'revision' },
    ]);
  });
});

test('EDITOR_TOKENS alone enable mutations, without GRAPH_EDITOR_TOKEN', async () => {
  await withServer({ editorToken: undefined, editorTokens: [ALICE] }, async (s) => {
    const r = await s.gql(INGEST, { r: version('Interior Minister') }, auth(ALICE.token));
    expect(r.errors).toBeUndefined();
    const legacy = await s.gql(INGEST, { r: EXAMPLE }, auth(EDITOR_TOKEN));
    expect(legacy.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

test('an unknown token, or a token taken out of the configuration, is UNAUTHENTICATED; nothing is written', async () => {
  const before = await snapshot(executor);
  const count = async (s: TestServer) =>
    (await s.gql<{ changes: { totalCount: number } }>('{ changes { totalCount } }')).data?.changes.totalCount;
  await withServer({ editorTokens: [ALICE, BOB] }, async (s) => {
    const unknown = await s.gql(INGEST, { r: EXAMPLE }, auth('carol-token-0123456789abcdef'));
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).not.toMatch(/alice|bob|token-0123/);
  });
  // Bob's token removed from the configuration (the server restarted without it): revoked.
  await withServer({ editorTokens: [ALICE] }, async (s) => {
    const revoked = await s.gql(INGEST, { r: EXAMPLE }, auth(BOB.token));
    expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const retract = await s.gql(
      'mutation ($id: ID!) { retractSource(id: $id) { dryRun } }',
      { id: 'source:joint-statement-on-the-3rd-example-sample-border-dialogue' },
      auth(BOB.token),
    );
    expect(retract.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count(s)).toBe(4);
  });
  expect(await snapshot(executor)).toEqual(before);
});

test('with no token configured at all, mutations are FORBIDDEN whatever is sent', async () => {
  await withServer({ editorToken: undefined, editorTokens: [] }, async (s) => {
    for (const token of [ALICE.token, EDITOR_TOKEN, '']) {
      const r = await s.gql(INGEST, { r: EXAMPLE }, auth(token));
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
