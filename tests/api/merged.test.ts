// Entities merged by the write path, read through the API: the survivor's relations leave out the redirect that
// keeps the old id (an internal MERGED_INTO link), and the history lists the merge with the other changes.
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { mergeEntities } from '../../graph/readout/merge';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../helpers/api';
import { resetGraph, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;
const auth = { authorization: `Bearer ${EDITOR_TOKEN}` };

const readout = (doc: string, org: string) => `format: readout/v1
source: { id: 'source:${doc}', title: Note ${doc}, publisher: Test, published: 2025-03-0${doc.length}, kind: news }
dialogue: { name: Meeting ${doc}, start: 2025-03-01, countries: [IN, EX] }
organizations:
  - { name: ${org}, country: IN, kind: ministry }
people:
  - { name: Ajay Bhalla, country: IN, title: Home Secretary, organization: ${org}, role: delegate }
`;

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await ingestReadouts(executor, [
    { file: 'a.yaml', text: readout('a', 'Ministry of Home Affairs') },
    { file: 'b.yaml', text: readout('b', 'Home Ministry') },
  ]);
  server = await startTestServer(executor);
}, 120000);
afterAll(async () => {
  await server?.close();
  await executor?.close();
});

test('after a merge: the survivor answers its relations without the redirect; the history shows the merge', async () => {
  const ids = await executor.read('MATCH (o:Organization) RETURN o.id AS id, o.name AS name ORDER BY o.name');
  const into = String(ids.find((r) => r.name === 'Ministry of Home Affairs')?.id);
  const from = String(ids.find((r) => r.name === 'Home Ministry')?.id);
  await mergeEntities(executor, from, into, { who: 'alice' });
  const redirect = await executor.read('MATCH (:MergedId {id: $from})-[r]->() RETURN type(r) AS t', { from });
  expect(redirect).toEqual([{ t: 'MERGED_INTO' }]);

  const r = await server.gql<{
    node: { relations: { type: string; node: { id: string } }[] };
    changes: { nodes: { action: string; who: string; sourceTitle: string }[] };
  }>(
    `query ($id: ID!) {
      node(id: $id) { ... on Organization { relations { type node { id } } } }
      changes { nodes { action who sourceTitle } }
    }`,
    { id: into },
  );
  expect(r.errors).toBeUndefined();
  const types = new Set(r.data?.node.relations.map((x) => x.type));
  expect(types.has('HOLDS_POST')).toBe(true);
  expect([...types]).not.toContain('MERGED_INTO');
  expect(r.data?.node.relations.some((x) => x.node.id === from)).toBe(false);
  const changes = r.data?.changes.nodes ?? [];
  // The document that listed the old entity is written again, pinned to the survivor: a revision, then the merge.
  expect(changes.map((c) => c.action)).toEqual(['load', 'load', 'revision', 'merge']);
  expect(changes[3]).toMatchObject({ who: 'alice', sourceTitle: `${from} merged into ${into}` });
});

test('the mutation merges behind the editor token; the old id resolves to the survivor, which lists it', async () => {
  await resetGraph(executor);
  await ingestReadouts(executor, [
    { file: 'a.yaml', text: readout('a', 'Ministry of Home Affairs') },
    { file: 'b.yaml', text: readout('b', 'Home Ministry') },
  ]);
  const MERGE = `mutation ($id: ID!, $into: ID!, $dry: Boolean) {
    mergeEntities(id: $id, into: $into, dryRun: $dry) { dryRun entityId otherId readouts { sourceId action } }
  }`;
  const vars = { id: 'org:in:home-ministry', into: 'org:in:ministry-of-home-affairs' };
  const anonymous = await server.gql(MERGE, vars);
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const bad = await server.gql(MERGE, { id: vars.id, into: 'person:ajay-bhalla' }, auth);
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const done = await server.gql<{ mergeEntities: { entityId: string; readouts: { action: string }[] } }>(
    MERGE,
    vars,
    auth,
  );
  expect(done.errors).toBeUndefined();
  expect(done.data?.mergeEntities).toMatchObject({ entityId: vars.into, readouts: [{ action: 'revised' }] });
  const r = await server.gql<{
    node: { id: string; mergedIds: string[] };
    organization: { id: string };
  }>(
    `query ($id: ID!) {
      node(id: $id) { id ... on Organization { mergedIds } }
      organization(id: $id) { id }
    }`,
    { id: vars.id },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data).toEqual({ node: { id: vars.into, mergedIds: [vars.id] }, organization: { id: vars.into } });
});
