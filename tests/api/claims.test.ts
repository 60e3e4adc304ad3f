// Every value's sources: `claims` on entities and on posts and attendances give each document's own word, so an
// analyst can see who says what where documents disagree, and why the graph shows the value it shows.
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { startTestServer, type TestServer } from '../helpers/api';
import { fixture, resetGraph, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;

const EXAMPLE = fixture('example.yaml');
const FIRST = 'source:joint-statement-on-the-3rd-example-sample-border-dialogue';
const SECOND = 'source:sample-ministry-note-on-the-border-dialogue';

/** A later document on the same dialogue that calls the ministry an agency and gives Jane Example another role. */
function secondDocument(): string {
  const edits: [string, string][] = [
    [
      'title: Joint statement on the 3rd Example–Sample Border Dialogue',
      'title: Sample ministry note on the border dialogue',
    ],
    [
      'url: https://example.org/statements/3rd-border-dialogue',
      'url: https://example.org/notes/border-dialogue',
    ],
    ['published: 2025-05-14', 'published: 2025-06-02'],
    [
      '  - name: Ministry of Public Security\n    country: SM\n    kind: ministry',
      '  - name: Ministry of Public Security\n    country: SM\n    kind: agency\n    aliases: [MPS]',
    ],
    [
      '    organization: Ministry of Interior\n    role: co_chair',
      '    organization: Ministry of Interior\n    role: head_of_delegation',
    ],
  ];
  let text = EXAMPLE;
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await ingestReadouts(executor, [
    { file: 'example.yaml', text: EXAMPLE },
    { file: 'second.yaml', text: secondDocument() },
  ]);
  server = await startTestServer(executor);
}, 120000);
afterAll(async () => {
  await server?.close();
  await executor?.close();
});

const CLAIM = 'claims { source { id } name names values }';

test("an organisation lists each document's name, spellings and values; the shown kind is the later one of a tie", async () => {
  const r = await server.gql<{ organization: { kind: string; aliases: string[]; claims: unknown[] } }>(
    `{ organization(id: "org:sm:ministry-of-public-security") { kind aliases ${CLAIM} } }`,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data?.organization).toEqual({
    // One document each: the tie goes to the most recently published (docs/readout-format.md).
    kind: 'agency',
    aliases: ['MPS'],
    claims: [
      {
        source: { id: SECOND },
        name: 'Ministry of Public Security',
        names: ['Ministry of Public Security', 'MPS'],
        values: { kind: 'agency', countries: ['SM'] },
      },
      {
        source: { id: FIRST },
        name: 'Ministry of Public Security',
        names: ['Ministry of Public Security'],
        values: { kind: 'ministry', countries: ['SM'] },
      },
    ],
  });
});

test("an attendance lists each document's values, newest document first, and no name", async () => {
  const r = await server.gql<{ person: { dialogues: unknown[] } }>(
    `{ person(id: "person:jane-example") { dialogues { role claims { source { id } name names values } } } }`,
  );
  expect(r.errors).toBeUndefined();
  const [attendance] = r.data?.person.dialogues ?? [];
  expect(attendance).toMatchObject({
    role: 'head_of_delegation',
    claims: [
      { source: { id: SECOND }, name: null, names: [], values: { role: 'head_of_delegation' } },
      { source: { id: FIRST }, name: null, names: [], values: { role: 'co_chair' } },
    ],
  });
});

test("claims never show the write path's own keys, and every entity type has them", async () => {
  const r = await server.gql<Record<string, { claims: { values: Record<string, unknown> }[] } | null>>(
    `{ agreement(id: "agreement:memorandum-of-understanding-on-border-guard-training") { ${CLAIM} }
       dialogue(id: "dialogue:3rd-example-sample-border-dialogue") { ${CLAIM} } }`,
  );
  expect(r.errors).toBeUndefined();
  for (const key of ['agreement', 'dialogue']) {
    const claims = r.data?.[key]?.claims ?? [];
    expect(claims.map((c) => c.values)).toHaveLength(2);
    for (const c of claims) for (const k of Object.keys(c.values)) expect(k).not.toMatch(/Key$/);
  }
  expect(r.data?.agreement?.claims[0]?.values).toMatchObject({ kind: 'mou', signedOn: '2025-05-13' });
});
