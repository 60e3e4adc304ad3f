// The bundled readouts load into the facts the seed documents state, with provenance, idempotently.
import type { GraphExecutor } from '../../graph/executor';
import { FACT_EDGE_TYPES } from '../../graph/model';
import { resetGraph, seed, snapshot, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
});
afterAll(() => executor.close());

test('Rajendra Kumar holds a post in India’s Ministry of Home Affairs, dated by the dialogue', async () => {
  const rows = await executor.read(`
    MATCH (p:Person {id: 'person:rajendra-kumar'})-[r:HOLDS_POST]->(o:Organization)-[:OF_COUNTRY]->(c:Country)
    RETURN o.id AS org, c.code AS country, r.title AS title, r.attestedFrom AS from, r.sources AS sources`);
  expect(rows).toEqual([
    expect.objectContaining({ org: 'org:in:ministry-of-home-affairs', country: 'IN', from: '2026-02-27' }),
  ]);
  expect(rows[0]?.title).toMatch(/Border Management/);
  expect((rows[0]?.sources as string[]).length).toBe(1);
});

test('Kristie Canegallo’s title is recorded as the source states it', async () => {
  const rows = await executor.read(`
    MATCH (:Person {id: 'person:kristie-canegallo'})-[r:HOLDS_POST]->(o:Organization) RETURN r.title AS title, o.id AS org`);
  expect(rows).toEqual([
    {
      title: 'Senior Official Performing the Duties of the Deputy Secretary',
      org: 'org:us:department-of-homeland-security',
    },
  ]);
});

test('the Memorandum of Cooperation has its two parties, date and dialogue', async () => {
  const rows = await executor.read(`
    MATCH (a:Agreement {kind: 'moc'})
    MATCH (a)-[:CONCLUDED_AT]->(d:Dialogue)
    MATCH (o:Organization)-[:PARTY_TO]->(a)
    RETURN a.signedOn AS signed, d.name AS dialogue, collect(o.id) AS parties`);
  expect(rows).toHaveLength(1);
  expect(rows[0]?.signed).toBe('2024-02-29');
  expect(rows[0]?.dialogue).toMatch(/Homeland Security Dialogue/);
  expect([...(rows[0]?.parties as string[])].sort()).toEqual([
    'org:in:national-police-academy',
    'org:us:federal-law-enforcement-training-centers',
  ]);
});

test('hierarchy: FLETC within DHS, the National Police Academy within the Ministry of Home Affairs', async () => {
  const rows = await executor.read(
    'MATCH (c:Organization)-[:PART_OF]->(p:Organization) RETURN c.id AS child, p.id AS parent ORDER BY child',
  );
  expect(rows).toEqual([
    { child: 'org:in:national-police-academy', parent: 'org:in:ministry-of-home-affairs' },
    {
      child: 'org:us:federal-law-enforcement-training-centers',
      parent: 'org:us:department-of-homeland-security',
    },
  ]);
});

test('the counternarcotics working group belongs to both countries and is linked to the dialogue', async () => {
  const rows = await executor.read(`
    MATCH (d:Dialogue)-[:WORKING_GROUP]->(w:Organization {kind: 'working_group'})-[:OF_COUNTRY]->(c:Country)
    RETURN w.name AS name, d.id AS dialogue, collect(c.code) AS countries`);
  expect(rows).toHaveLength(1);
  expect(rows[0]?.name).toMatch(/Counternarcotics Working Group/);
  expect([...(rows[0]?.countries as string[])].sort()).toEqual(['IN', 'US']);
});

test('every fact edge names at least one source document that exists', async () => {
  const rows = await executor.read(
    `MATCH ()-[r]->() WHERE type(r) IN $types
     RETURN type(r) AS type, r.sources AS sources,
       all(s IN coalesce(r.sources, []) WHERE EXISTS { MATCH (:Source {id: s}) }) AS resolved`,
    { types: FACT_EDGE_TYPES },
  );
  expect(rows.length).toBeGreaterThan(50);
  for (const r of rows) {
    expect(Array.isArray(r.sources) && (r.sources as unknown[]).length > 0).toBe(true);
    expect(r.resolved).toBe(true);
  }
});

test('every entity is linked to a document that mentions it', async () => {
  const rows = await executor.read(`
    MATCH (n) WHERE (n:Person OR n:Organization OR n:Dialogue OR n:Agreement OR n:Country OR n:DialogueSeries)
      AND NOT EXISTS { (n)<-[:MENTIONS]-(:Source) }
    RETURN n.id AS id`);
  expect(rows).toEqual([]);
});

test('loading the seed again creates nothing and changes no counts', async () => {
  const before = await snapshot(executor);
  const report = await seed(executor);
  expect(report.nodesCreated).toBe(0);
  expect(report.relationshipsCreated).toBe(0);
  expect(await snapshot(executor)).toEqual(before);
});
