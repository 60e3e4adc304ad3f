// No N+1, and no level-by-level fetching either: a nested selection over many people is one Cypher statement,
// as over a few (the executor counts every statement it runs).
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { startTestServer, type TestServer } from '../helpers/api';
import { resetGraph, seed, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;

/** A readout with `n` delegates spread over a few organisations on both sides. */
function bigReadout(n: number): string {
  const orgs = [0, 1, 2].flatMap((i) => [
    { name: `Example Directorate ${i}`, country: 'EX', kind: 'department' },
    { name: `Sample Agency ${i}`, country: 'SM', kind: 'agency' },
  ]);
  const people = Array.from({ length: n }, (_, i) => {
    const side = i % 2 === 0 ? 'EX' : 'SM';
    return {
      name: `Delegate ${String(i).padStart(3, '0')} ${side === 'EX' ? 'Exampleson' : 'Samplesen'}`,
      country: side,
      title: `Officer grade ${i % 5}`,
      organization: side === 'EX' ? `Example Directorate ${i % 3}` : `Sample Agency ${i % 3}`,
      role: i < 2 ? 'co_chair' : 'delegate',
    };
  });
  return JSON.stringify({
    format: 'readout/v1',
    source: {
      title: 'Synthetic record of a large delegation meeting',
      publisher: 'Test suite',
      published: '2025-01-20',
      kind: 'readout',
    },
    dialogue: { name: 'Example–Sample Large Delegation Talks', start: '2025-01-20', countries: ['EX', 'SM'] },
    organizations: orgs,
    people,
    themes: ['border management', 'cybercrime', 'counter-terrorism'],
  });
}

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  await ingestReadouts(executor, [{ file: 'big.json', text: bigReadout(60), format: 'json' }]);
  server = await startTestServer(executor);
});
afterAll(async () => {
  await server.close();
  await executor.close();
});

const NESTED = `query ($first: Int) { people(first: $first) { nodes {
  name country { code }
  positions { title organization { name parent { name } dialogues { name themes { theme { name broader { name } } } } } sources { id } }
  dialogues { role dialogue { name } }
  counterparts { person { name } }
} } }`;

async function statementsFor(first: number): Promise<{ statements: number; people: number }> {
  const before = executor.statementCount;
  const res = await server.gql<{
    people: { nodes: { positions: { organization: { dialogues: unknown[] } }[] }[] };
  }>(NESTED, { first });
  expect(res.errors).toBeUndefined();
  const people = res.data?.people.nodes ?? [];
  // Every nested level really resolved.
  expect(
    people.every((p) => p.positions.length === 1 && p.positions[0]!.organization.dialogues.length >= 1),
  ).toBe(true);
  return { statements: executor.statementCount - before, people: people.length };
}

test('a nested selection is one statement, whatever the number of people', async () => {
  const few = await statementsFor(5);
  const many = await statementsFor(64);
  expect(few.people).toBe(5);
  expect(many.people).toBe(64);
  expect(few.statements).toBe(1);
  expect(many.statements).toBe(1);
});

test('each root field of a document is one statement', async () => {
  const before = executor.statementCount;
  const res = await server.gql(`{
    a: person(id: "person:ajay-bhalla") { name positions { organization { name } } }
    b: organization(name: "MHA") { name members { person { name } } }
    c: dialogues(first: 5) { totalCount nodes { name participants { person { name } } } }
    d: nodes(ids: ["person:ajay-bhalla", "country:in", "nope:x"]) { id }
  }`);
  expect(res.errors).toBeUndefined();
  expect(executor.statementCount - before).toBe(4);
});
