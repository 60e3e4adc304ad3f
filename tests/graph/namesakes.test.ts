// Namesakes: a readout can pin an entry to an entity of the graph by id, or declare it a different entity that
// shares a name with one in the graph; a name that then denotes two people is refused until the readout says
// which. Pins and namesakes survive revisions of the documents that made them.
import { InvalidReadoutError } from '../../graph/errors';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { retractSources } from '../../graph/readout/retract';
import { resetGraph, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
beforeAll(() => {
  executor = testExecutor();
});
afterAll(() => executor.close());
beforeEach(() => resetGraph(executor));

/** A small readout with one Indian official at a meeting; `extra` goes into the person entry. */
function readout(doc: string, title: string, org: string, extra = ''): string {
  return `format: readout/v1
source: { id: 'source:${doc}', title: Note ${doc}, publisher: Test, published: 2025-03-01, kind: news }
dialogue: { name: Meeting ${doc}, start: 2025-03-01, countries: [IN, EX] }
organizations:
  - { name: ${org}, country: IN, kind: ministry }
people:
  - { name: Rajendra Kumar, country: IN, title: ${title}, organization: ${org}, role: delegate${extra} }
`;
}
const load = (...texts: string[]) =>
  ingestReadouts(
    executor,
    texts.map((text, i) => ({ file: `r${i}.yaml`, text })),
  );

async function people(): Promise<{ id: string; titles: string[] }[]> {
  const rows = await executor.read(`
    MATCH (p:Person) OPTIONAL MATCH (p)-[h:HOLDS_POST]->()
    WITH p, h ORDER BY h.title
    RETURN p.id AS id, collect(h.title) AS titles ORDER BY id`);
  return rows.map((r) => ({ id: String(r.id), titles: r.titles as string[] }));
}

const FIRST = readout('a', 'Joint Secretary', 'Ministry of Home Affairs');
const NAMESAKE = readout('b', 'Director of Fisheries', 'Ministry of Fisheries', ', distinct: true');

test('a declared namesake is a second person; a plain mention of the name is then refused, listing both', async () => {
  await load(FIRST);
  await load(NAMESAKE);
  expect(await people()).toEqual([
    { id: 'person:rajendra-kumar', titles: ['Joint Secretary'] },
    { id: 'person:rajendra-kumar-in', titles: ['Director of Fisheries'] },
  ]);
  const plain = readout('c', 'Joint Secretary', 'Ministry of Home Affairs');
  const refused = await load(plain).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(InvalidReadoutError);
  expect((refused as InvalidReadoutError).message).toMatch(
    /people\[0\].*match 2 different people.*person:rajendra-kumar\b.*person:rajendra-kumar-in.*give the id/s,
  );
});

test('a pinned entry joins the entity with that id, and keeps it through revisions and retractions', async () => {
  await load(FIRST, NAMESAKE);
  const pinned = readout(
    'c',
    'Fisheries Director',
    'Ministry of Fisheries',
    ', id: person:rajendra-kumar-in',
  );
  await load(pinned);
  expect(await people()).toEqual([
    { id: 'person:rajendra-kumar', titles: ['Joint Secretary'] },
    { id: 'person:rajendra-kumar-in', titles: ['Director of Fisheries', 'Fisheries Director'] },
  ]);
  // The declaring document corrected: its namesake is the same entity, with the same id.
  const report = await load(NAMESAKE.replace('Director of Fisheries', 'Additional Director of Fisheries'));
  expect(report.readouts[0]?.action).toBe('revised');
  expect(await people()).toEqual([
    { id: 'person:rajendra-kumar', titles: ['Joint Secretary'] },
    { id: 'person:rajendra-kumar-in', titles: ['Additional Director of Fisheries', 'Fisheries Director'] },
  ]);
  // Withdrawn, the declaring document leaves the namesake to the document that pinned it.
  await retractSources(executor, ['source:b']);
  expect(await people()).toEqual([
    { id: 'person:rajendra-kumar', titles: ['Joint Secretary'] },
    { id: 'person:rajendra-kumar-in', titles: ['Fisheries Director'] },
  ]);
});

test('a pin to no such entity, or with distinct as well, is an error at its path; nothing is written', async () => {
  await load(FIRST);
  const missing = readout('c', 'Joint Secretary', 'Ministry of Home Affairs', ', id: person:nobody');
  await expect(load(missing)).rejects.toThrow(/people\[0\]\.id.*no person with id "person:nobody"/);
  const both = readout(
    'd',
    'Joint Secretary',
    'Ministry of Home Affairs',
    ', id: person:rajendra-kumar, distinct: true',
  );
  await expect(load(both)).rejects.toThrow(/people\[0\]\.distinct.*not both/);
  expect(await people()).toEqual([{ id: 'person:rajendra-kumar', titles: ['Joint Secretary'] }]);
});
