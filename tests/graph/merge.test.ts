// Merging two entities found to be one, and splitting one found to be two. Both are changes to the readouts in
// force (pins written into the stored readouts), so the graph stays what a clean load of those readouts gives; the
// old id keeps resolving, and later revisions and retractions of the documents involved still work.
import { BadInputError, NotFoundError } from '../../graph/errors';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { mergeEntities, splitEntity } from '../../graph/readout/merge';
import { retractSources } from '../../graph/readout/retract';
import { resetGraph, snapshot, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
beforeAll(() => {
  executor = testExecutor();
});
afterAll(() => executor.close());
beforeEach(() => resetGraph(executor));

function readout(doc: string, org: string, person: string, title: string, extra = ''): string {
  return `format: readout/v1
source: { id: 'source:${doc}', title: Note ${doc}, publisher: Test, published: 2025-03-0${doc.length}, kind: news }
dialogue: { name: Meeting ${doc}, start: 2025-03-01, countries: [IN, EX] }
organizations:
  - { name: ${org}, country: IN, kind: ministry${extra} }
people:
  - { name: ${person}, country: IN, title: ${title}, organization: ${org}, role: delegate }
`;
}
const A = readout('a', 'Ministry of Home Affairs', 'Ajay Bhalla', 'Home Secretary');
const B = readout('b', 'Home Ministry', 'Govind Mohan', 'Special Secretary');
const load = (...texts: string[]) =>
  ingestReadouts(
    executor,
    texts.map((text, i) => ({ file: `r${i}.yaml`, text })),
  );

async function orgs(): Promise<{ id: string; name: string; aliases: string[]; people: string[] }[]> {
  const rows = await executor.read(`
    MATCH (o:Organization) OPTIONAL MATCH (p:Person)-[:HOLDS_POST]->(o)
    WITH o, p ORDER BY p.id
    RETURN o.id AS id, o.name AS name, o.aliases AS aliases, collect(p.id) AS people ORDER BY id`);
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    aliases: r.aliases as string[],
    people: r.people as string[],
  }));
}

test('a merge moves facts, names and documents to the survivor; the old id resolves to it', async () => {
  await load(A, B);
  const report = await mergeEntities(executor, 'org:in:home-ministry', 'org:in:ministry-of-home-affairs', {
    who: 'ed',
  });
  expect(report.readouts.map((r) => r.sourceId)).toEqual(['source:b']);
  // The survivor's id stays; its name follows the rule of documents (equally dated here: the smaller wins).
  expect(await orgs()).toEqual([
    {
      id: 'org:in:ministry-of-home-affairs',
      name: 'Home Ministry',
      aliases: ['Ministry of Home Affairs'],
      people: ['person:ajay-bhalla', 'person:govind-mohan'],
    },
  ]);
  const survivor = await executor.read(
    "MATCH (o:Organization {id: 'org:in:ministry-of-home-affairs'}) RETURN o.mergedIds AS merged",
  );
  expect(survivor).toEqual([{ merged: ['org:in:home-ministry'] }]);
  // A readout pinning the old id reaches the survivor.
  await load(readout('c', 'Home Ministry', 'Pinned Person', 'Joint Secretary', ', id: org:in:home-ministry'));
  expect((await orgs())[0]?.people).toContain('person:pinned-person');
  const history = await executor.read(
    "MATCH (c:Change {action: 'merge'}) RETURN c.who AS who, c.sourceTitle AS what",
  );
  expect(history).toEqual([
    { who: 'ed', what: 'org:in:home-ministry merged into org:in:ministry-of-home-affairs' },
  ]);
});

test('after a merge the graph is a clean load of the readouts in force, and the documents revise and retract', async () => {
  await load(A, B);
  await mergeEntities(executor, 'org:in:home-ministry', 'org:in:ministry-of-home-affairs');
  const stored = await executor.read('MATCH (s:Source) RETURN s.readout AS readout ORDER BY s.id');
  // The old id's redirect is bookkeeping beside the content, like the history: readouts do not carry it.
  await executor.write('MATCH (m:MergedId) DETACH DELETE m');
  const merged = await snapshot(executor);
  const inForce = stored.map((r) => String(r.readout));
  expect(inForce[1]).toContain('"id":"org:in:ministry-of-home-affairs"');
  await resetGraph(executor);
  await ingestReadouts(
    executor,
    inForce.map((text, i) => ({ file: `f${i}.json`, text, format: 'json' as const })),
  );
  const clean = await snapshot(executor);
  expect({ ...clean, checksum: '' }).toEqual({ ...merged, checksum: '' });

  // The original file of the merged document, corrected, still finds the survivor by its names.
  await resetGraph(executor);
  await load(A, B);
  await mergeEntities(executor, 'org:in:home-ministry', 'org:in:ministry-of-home-affairs');
  const report = await load(B.replace('Special Secretary', 'Additional Secretary'));
  expect(report.readouts[0]?.action).toBe('revised');
  expect((await orgs()).map((o) => o.id)).toEqual(['org:in:ministry-of-home-affairs']);
  await retractSources(executor, ['source:b']);
  expect(await orgs()).toEqual([
    {
      id: 'org:in:ministry-of-home-affairs',
      name: 'Ministry of Home Affairs',
      aliases: [],
      people: ['person:ajay-bhalla'],
    },
  ]);
});

test('a split gives the named documents’ entries an entity of their own (undoing a wrong merge)', async () => {
  await load(A, B);
  await mergeEntities(executor, 'org:in:home-ministry', 'org:in:ministry-of-home-affairs');
  const report = await splitEntity(executor, 'org:in:ministry-of-home-affairs', ['source:b'], { who: 'ed' });
  expect(report.entity.name).toBe('Home Ministry');
  const after = await orgs();
  expect(after).toHaveLength(2);
  expect(after.find((o) => o.name === 'Home Ministry')?.people).toEqual(['person:govind-mohan']);
  expect(after.find((o) => o.name === 'Ministry of Home Affairs')?.people).toEqual(['person:ajay-bhalla']);
  const kinds = await executor.read('MATCH (c:Change) RETURN c.action AS action ORDER BY c.seq');
  // Each document a merge or split re-pins is revised, then the merge or split itself is recorded.
  expect(kinds.map((k) => k.action)).toEqual(['load', 'load', 'revision', 'merge', 'revision', 'split']);
});

test('bad merges are clear errors and write nothing', async () => {
  await load(A, B);
  const before = await snapshot(executor);
  await expect(mergeEntities(executor, 'org:in:home-ministry', 'org:in:home-ministry')).rejects.toThrow(
    /into itself/,
  );
  await expect(mergeEntities(executor, 'org:in:nope', 'org:in:home-ministry')).rejects.toThrow(NotFoundError);
  await expect(mergeEntities(executor, 'person:ajay-bhalla', 'org:in:home-ministry')).rejects.toThrow(
    /is a Person and org:in:home-ministry a Organization/,
  );
  await expect(mergeEntities(executor, 'country:in', 'country:ex')).rejects.toThrow(BadInputError);
  const dry = await mergeEntities(executor, 'org:in:home-ministry', 'org:in:ministry-of-home-affairs', {
    dryRun: true,
  });
  expect(dry.readouts).toHaveLength(1);
  expect(await snapshot(executor)).toEqual(before);
});
