// Loaders running at the same time on overlapping readouts: no duplicate entities, no Name denoting two entities,
// and the same graph as loading one after the other. The races are also forced deterministically: a transaction
// holds the winner's writes uncommitted while the other loader plans and writes.
import type { GraphExecutor } from '../../graph/executor';
import {
  draftReadouts,
  ingestReadouts,
  type IngestReport,
  type ReadoutInput,
} from '../../graph/readout/ingest';
import { Overlay } from '../../graph/readout/overlay';
import { planReadout } from '../../graph/readout/plan';
import { writePlan } from '../../graph/readout/write';
import {
  duplicateIdentities,
  fixture,
  resetGraph,
  seedInputs,
  snapshot,
  testExecutor,
} from '../helpers/graph';

let executor: GraphExecutor;
let other: GraphExecutor;

beforeAll(() => {
  executor = testExecutor();
  other = testExecutor();
});
afterAll(async () => {
  await executor.close();
  await other.close();
});

const input = (name: string): ReadoutInput => ({ file: `tests/fixtures/${name}`, text: fixture(name) });
const loaderA = () => [...seedInputs(), input('example.yaml')];
const loaderB = () => [input('concurrent/consular-1.yaml'), input('concurrent/consular-2.yaml')];

const duplicates = () => duplicateIdentities(executor);

async function count(label: 'Person' | 'Organization', key: string): Promise<number> {
  const rows = await executor.read(`MATCH (n:${label} {key: $key}) RETURN count(n) AS n`, { key });
  return Number(rows[0]?.n);
}

describe('two loaders at once on overlapping readouts', () => {
  let sequential: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    await resetGraph(executor);
    await ingestReadouts(executor, loaderA());
    await ingestReadouts(executor, loaderB());
    sequential = await snapshot(executor);
  });

  test('the other order gives the same graph (the baseline does not depend on order)', async () => {
    await resetGraph(executor);
    await ingestReadouts(executor, loaderB());
    await ingestReadouts(executor, loaderA());
    expect(await snapshot(executor)).toEqual(sequential);
  });

  test.each([1, 2, 3])('round %i: no duplicates, and the graph of a sequential load', async () => {
    await resetGraph(executor);
    const [a, b] = await Promise.all([ingestReadouts(executor, loaderA()), ingestReadouts(other, loaderB())]);
    expect(a.readouts).toHaveLength(3);
    expect(b.readouts).toHaveLength(2);
    expect(await duplicates()).toEqual([]);
    expect(await count('Organization', 'in|ministry of home affairs')).toBe(1);
    expect(await count('Organization', 'ex|ministry of interior')).toBe(1);
    expect(await count('Person', 'in|ajay bhalla')).toBe(1);
    expect(await count('Person', 'ex|jane example')).toBe(1);
    expect(await snapshot(executor)).toEqual(sequential);
  });
});

test('two loaders loading the same files at once give the graph of loading them once', async () => {
  await resetGraph(executor);
  await ingestReadouts(executor, loaderA());
  const once = await snapshot(executor);
  await resetGraph(executor);
  const [a, b] = await Promise.all([ingestReadouts(executor, loaderA()), ingestReadouts(other, loaderA())]);
  // Whichever wrote a readout first created it; the other matched everything.
  expect(a.nodesCreated + b.nodesCreated).toBe(once.nodes - (await themeAndNameCount()));
  expect(await duplicates()).toEqual([]);
  expect(await snapshot(executor)).toEqual(once);
});

async function themeAndNameCount(): Promise<number> {
  const rows = await executor.read('MATCH (n) WHERE n:Theme OR n:Name RETURN count(n) AS n');
  return Number(rows[0]?.n);
}

/** Writes `first` in a transaction kept open while `second` runs on the other executor; returns its report. */
async function race(first: ReadoutInput, second: ReadoutInput[]): Promise<IngestReport> {
  const [draft] = draftReadouts([first]);
  if (draft === undefined) throw new Error('no draft');
  let loser: Promise<IngestReport> | undefined;
  await executor.withWrite(async (run) => {
    const planned = await planReadout(draft, run, new Overlay());
    if (!planned.ok) throw new Error('the first readout does not plan');
    await writePlan(planned.plan, run);
    // The second loader validates and plans without seeing these writes, then waits on their locks.
    loser = ingestReadouts(other, second);
    await new Promise((resolve) => setTimeout(resolve, 1500));
  });
  if (loser === undefined) throw new Error('the second loader did not start');
  return loser;
}

test('a loader that loses a race for a name (under another key) plans again and joins the winner', async () => {
  await resetGraph(executor);
  // "MEA" (aliases: Ministry of External Affairs) against "Ministry of External Affairs" (aliases: MEA): two keys.
  const report = await race(input('race/short-names.yaml'), [input('race/long-names.yaml')]);
  expect(report.readouts[0]?.byLabel.Organization).toEqual({ created: 1, matched: 1 });
  expect(await duplicates()).toEqual([]);
  const orgs = await executor.read(`
    MATCH (nm:Name)-[:NAMES]->(o:Organization) WHERE nm.key IN ['Organization|in|mea', 'Organization|in|ministry of external affairs']
    RETURN DISTINCT o.id AS id, o.name AS name, o.aliases AS aliases`);
  // The winner's id stays; the name is the later document's (one document each: the more recent one wins).
  expect(orgs).toEqual([{ id: 'org:in:mea', name: 'Ministry of External Affairs', aliases: ['MEA'] }]);
  const people = await executor.read('MATCH (p:Person) RETURN p.id AS id, p.country AS country ORDER BY id');
  expect(people).toEqual([
    { id: 'person:jane-example', country: 'EX' },
    { id: 'person:sam-sample', country: 'SM' },
  ]);
});

test('a loader that loses a race for a readable id takes the next one', async () => {
  await resetGraph(executor);
  const janeOfSanMarino = `format: readout/v1
source: { title: Race test for ids (invented), publisher: Example Wire, published: 2025-10-03, kind: news }
dialogue: { name: Race Test Dialogue Three, start: 2025-10-03, countries: [SM, IT] }
organizations:
  - { name: Ministry of Public Security, country: SM, kind: ministry }
people:
  - { name: Jane Example, country: SM, title: Director of Public Security, organization: Ministry of Public Security, role: co_chair }
`;
  // Both plan person:jane-example; the unique id constraint fails the second, which retries with a fresh plan.
  const report = await race(input('race/short-names.yaml'), [
    { file: 'jane-sm.yaml', text: janeOfSanMarino },
  ]);
  expect(report.readouts[0]?.byLabel.Person).toEqual({ created: 1, matched: 0 });
  const people = await executor.read('MATCH (p:Person) RETURN p.id AS id, p.country AS country ORDER BY id');
  expect(people).toEqual([
    { id: 'person:jane-example', country: 'EX' },
    { id: 'person:jane-example-sm', country: 'SM' },
  ]);
  expect(await duplicates()).toEqual([]);
});
