// Mutation.ingestReadout: token required, disabled without one, bad readouts refused with nothing written.
import type { GraphExecutor } from '../../graph/executor';
import { EDITOR_TOKEN, startTestServer, useSeededServer, type TestServer } from '../helpers/api';
import { snapshot } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;

const READOUT = `format: readout/v1
source:
  title: Readout of a follow-up call on police training
  publisher: Test suite
  published: 2024-06-03
  kind: readout
dialogue:
  name: India–US police training follow-up call
  start: 2024-06-03
  countries: [IN, US]
people:
  - name: Shri Ajay Bhalla
    country: IN
    title: Home Secretary
    organization: MHA
    role: co_chair
themes: [police training]
`;

const INGEST = `mutation ($r: String!, $dry: Boolean) { ingestReadout(readout: $r, dryRun: $dry) {
  dryRun nodesCreated relationshipsCreated readouts { sourceId dialogueId action diff { added } dialogue { name } } } }`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

useSeededServer((e, s) => {
  executor = e;
  server = s;
});

test('without a token, or with a wrong one, the mutation is refused and nothing is written', async () => {
  const before = await snapshot(executor);
  const none = await server.gql(INGEST, { r: READOUT });
  expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const wrong = await server.gql(INGEST, { r: READOUT }, auth('not-the-token-at-all'));
  expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(await snapshot(executor)).toEqual(before);
});

test('a bad readout is refused with issues naming path and line; the graph is unchanged', async () => {
  const before = await snapshot(executor);
  const bad = READOUT.replace('role: co_chair', 'role: chairman').replace(
    'organization: MHA',
    'organization: Ministry of Magic',
  );
  const res = await server.gql(INGEST, { r: bad }, auth(EDITOR_TOKEN));
  const err = res.errors?.[0];
  expect(err?.extensions?.code).toBe('INVALID_READOUT');
  const issues = err?.extensions?.issues as { path: string; line?: number; message: string }[];
  const role = issues.find((i) => i.path === 'people[0].role');
  expect(role?.line).toBe(16);
  expect(role?.message).toContain('co_chair');
  expect(await snapshot(executor)).toEqual(before);
  const unresolved = await server.gql(
    INGEST,
    { r: READOUT.replace('organization: MHA', 'organization: Ministry of Magic') },
    auth(EDITOR_TOKEN),
  );
  expect(unresolved.errors?.[0]?.message).toMatch(/people\[0\]\.organization.*Ministry of Magic/s);
  expect(await snapshot(executor)).toEqual(before);
});

test('a dry run reports what would be created and writes nothing', async () => {
  const before = await snapshot(executor);
  const res = await server.gql<{
    ingestReadout: { dryRun: boolean; nodesCreated: number; readouts: { dialogue: null }[] };
  }>(INGEST, { r: READOUT, dry: true }, auth(EDITOR_TOKEN));
  expect(res.errors).toBeUndefined();
  expect(res.data?.ingestReadout.dryRun).toBe(true);
  expect(res.data?.ingestReadout.nodesCreated).toBe(2); // the source and the dialogue; person, ministry, theme exist
  expect(res.data?.ingestReadout.readouts[0]?.dialogue).toBeNull();
  expect(res.data?.ingestReadout.readouts[0]).toMatchObject({ action: 'added' });
  expect(await snapshot(executor)).toEqual(before);
});

test('a good readout loads, links to existing entities by alias and honorific, and is idempotent', async () => {
  const res = await server.gql<{
    ingestReadout: {
      nodesCreated: number;
      readouts: { dialogueId: string; action: string; diff: null; dialogue: { name: string } }[];
    };
  }>(INGEST, { r: READOUT }, auth(EDITOR_TOKEN));
  expect(res.errors).toBeUndefined();
  expect(res.data?.ingestReadout.nodesCreated).toBe(2);
  expect(res.data?.ingestReadout.readouts[0]).toMatchObject({ action: 'added', diff: null });
  expect(res.data?.ingestReadout.readouts[0]?.dialogue.name).toBe('India–US police training follow-up call');
  const ajay = await server.gql<{
    person: { id: string; dialogues: unknown[]; positions: { sources: unknown[] }[] };
  }>(`{ person(name: "Ajay Bhalla") { id dialogues { role } positions { sources { id } } } }`);
  expect(ajay.data?.person.id).toBe('person:ajay-bhalla');
  expect(ajay.data?.person.dialogues).toHaveLength(2);
  expect(ajay.data?.person.positions).toHaveLength(1);
  expect(ajay.data?.person.positions[0]?.sources).toHaveLength(2); // one post, asserted by two documents
  const again = await server.gql<{
    ingestReadout: { nodesCreated: number; relationshipsCreated: number; readouts: { action: string }[] };
  }>(INGEST, { r: READOUT }, auth(EDITOR_TOKEN));
  expect(again.data?.ingestReadout).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
  expect(again.data?.ingestReadout.readouts[0]?.action).toBe('unchanged');
});

test('with no editor token configured, mutations are disabled', async () => {
  const closed = await startTestServer(executor, { editorToken: undefined, editorTokens: [] });
  try {
    const res = await closed.gql(INGEST, { r: READOUT }, auth(EDITOR_TOKEN));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  } finally {
    await closed.close();
  }
});
