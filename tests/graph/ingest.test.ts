// The ingest path end to end on the real Neo4j: the documented example loads as written and idempotently, names
// and aliases resolve to existing entities, provenance accumulates, and dry runs and JSON behave like the real thing.
import type { GraphExecutor } from '../../graph/executor';
import { FACT_EDGE_TYPES } from '../../graph/model';
import { ingestReadouts, type IngestReport, type ReadoutInput } from '../../graph/readout/ingest';
import { fixture, resetGraph, seed, seedInputs, snapshot, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;

beforeAll(() => {
  executor = testExecutor();
});
afterAll(() => executor.close());

const input = (name: string, text = fixture(name)): ReadoutInput => ({
  file: `tests/fixtures/${name}`,
  text,
});
const load = (...inputs: ReadoutInput[]) => ingestReadouts(executor, inputs);
const EXAMPLE = fixture('example.yaml');

/** Nodes and relationships a reader sees: what the report's created counts must add up to on an empty graph. */
async function visibleCounts(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await executor.read(`
    CALL () { MATCH (n) WHERE NOT (n:Name OR n:Theme OR n:SchemaMigration OR n:Change OR n:ChangeCounter) RETURN count(n) AS nodes }
    CALL () { MATCH ()-[r]->() WHERE NOT type(r) IN ['NAMES', 'BROADER'] RETURN count(r) AS relationships }
    RETURN nodes, relationships`);
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

const created = (r: IngestReport) => ({ nodes: r.nodesCreated, relationships: r.relationshipsCreated });

describe('the documented example', () => {
  let report: IngestReport;
  beforeAll(async () => {
    await resetGraph(executor);
    report = await load(input('example.yaml'));
  });

  test('creates exactly the entities it describes, with readable ids', async () => {
    const orgs = await executor.read(`
      MATCH (o:Organization) OPTIONAL MATCH (o)-[:OF_COUNTRY]->(c:Country)
      WITH o, c ORDER BY c.code
      RETURN o.id AS id, o.name AS name, o.kind AS kind, o.aliases AS aliases, collect(c.code) AS countries ORDER BY id`);
    expect(orgs).toEqual([
      {
        id: 'org:ex-sm:example-sample-joint-working-group-on-smuggling',
        name: 'Example–Sample Joint Working Group on Smuggling',
        kind: 'working_group',
        aliases: [],
        countries: ['EX', 'SM'],
      },
      {
        id: 'org:ex:ministry-of-interior',
        name: 'Ministry of Interior',
        kind: 'ministry',
        aliases: ['MoI'],
        countries: ['EX'],
      },
      {
        id: 'org:sm:border-guard-academy',
        name: 'Border Guard Academy',
        kind: 'academy',
        aliases: [],
        countries: ['SM'],
      },
      {
        id: 'org:sm:ministry-of-public-security',
        name: 'Ministry of Public Security',
        kind: 'ministry',
        aliases: [],
        countries: ['SM'],
      },
    ]);
    const people = await executor.read(`
      MATCH (p:Person)-[h:HOLDS_POST]->(o:Organization), (p)-[:OF_COUNTRY]->(c:Country), (p)-[a:ATTENDED]->(d:Dialogue)
      RETURN p.id AS id, c.code AS country, h.title AS title, o.id AS org, a.role AS role, d.id AS dialogue ORDER BY id`);
    const dialogue = 'dialogue:3rd-example-sample-border-dialogue';
    expect(people).toEqual([
      {
        id: 'person:jane-example',
        country: 'EX',
        title: 'Deputy Minister of Interior',
        org: 'org:ex:ministry-of-interior',
        role: 'co_chair',
        dialogue,
      },
      {
        id: 'person:sam-sample',
        country: 'SM',
        title: 'Acting Director General',
        org: 'org:sm:ministry-of-public-security',
        role: 'co_chair',
        dialogue,
      },
    ]);
  });

  test('the academy is part of the ministry; the working group belongs to both countries and to the dialogue', async () => {
    expect(await executor.read('MATCH (a)-[:PART_OF]->(b) RETURN a.id AS child, b.id AS parent')).toEqual([
      { child: 'org:sm:border-guard-academy', parent: 'org:sm:ministry-of-public-security' },
    ]);
    expect(
      await executor.read('MATCH (d:Dialogue)-[:WORKING_GROUP]->(w) RETURN d.id AS d, w.id AS w'),
    ).toEqual([
      {
        d: 'dialogue:3rd-example-sample-border-dialogue',
        w: 'org:ex-sm:example-sample-joint-working-group-on-smuggling',
      },
    ]);
  });

  test('the dialogue has its dates, place, countries, host and series', async () => {
    const [d] = await executor.read(`
      MATCH (d:Dialogue)-[e:EDITION_OF]->(s:DialogueSeries), (d)-[:HOSTED_BY]->(h:Country)
      MATCH (d)-[:BETWEEN]->(c:Country) WITH d, e, s, h, c ORDER BY c.code
      RETURN d.id AS id, d.startDate AS start, d.endDate AS end, d.city AS city, d.edition AS edition, h.code AS host,
             s.id AS series, e.edition AS seriesEdition, collect(c.code) AS countries`);
    expect(d).toEqual({
      id: 'dialogue:3rd-example-sample-border-dialogue',
      start: '2025-05-12',
      end: '2025-05-13',
      city: 'Sampleton',
      edition: 3,
      host: 'SM',
      series: 'series:example-sample-border-dialogue',
      seriesEdition: 3,
      countries: ['EX', 'SM'],
    });
  });

  test('the agreement has its two parties, date, dialogue and theme', async () => {
    const rows = await executor.read(`
      MATCH (a:Agreement)-[:CONCLUDED_AT]->(d:Dialogue), (a)-[:COVERS]->(t:Theme), (o:Organization)-[:PARTY_TO]->(a)
      WITH a, d, t, o ORDER BY o.id
      RETURN a.id AS id, a.kind AS kind, a.signedOn AS signed, a.summary AS summary, d.id AS dialogue,
             collect(DISTINCT t.id) AS themes, collect(o.id) AS parties`);
    expect(rows).toEqual([
      {
        id: 'agreement:memorandum-of-understanding-on-border-guard-training',
        kind: 'mou',
        signed: '2025-05-13',
        summary: 'training exchanges for border guards',
        dialogue: 'dialogue:3rd-example-sample-border-dialogue',
        themes: ['theme:border-management'],
        parties: ['org:ex:ministry-of-interior', 'org:sm:border-guard-academy'],
      },
    ]);
  });

  test('themes are discussed, with the note where one was given', async () => {
    const rows = await executor.read(
      'MATCH (:Dialogue)-[e:DISCUSSED]->(t:Theme) RETURN t.id AS theme, e.notes AS notes ORDER BY theme',
    );
    expect(rows).toEqual([
      { theme: 'theme:border-management', notes: [] },
      { theme: 'theme:cybercrime', notes: ['agreed to share threat indicators'] },
    ]);
  });

  test('the source document mentions everything and is the source of every fact', async () => {
    const sourceId = 'source:joint-statement-on-the-3rd-example-sample-border-dialogue';
    expect(report.readouts.map((r) => r.sourceId)).toEqual([sourceId]);
    const unmentioned = await executor.read(
      `
      MATCH (n) WHERE (n:Person OR n:Organization OR n:Country OR n:Dialogue OR n:DialogueSeries OR n:Agreement)
        AND NOT EXISTS { (:Source {id: $sourceId})-[:MENTIONS]->(n) }
      RETURN n.id AS id`,
      { sourceId },
    );
    expect(unmentioned).toEqual([]);
    const themes = await executor.read(
      'MATCH (:Source)-[:MENTIONS]->(t:Theme) RETURN t.id AS id ORDER BY id',
    );
    expect(themes.map((t) => t.id)).toEqual(['theme:border-management', 'theme:cybercrime']);
    const facts = await executor.read(
      'MATCH ()-[r]->() WHERE type(r) IN $types RETURN DISTINCT r.sources AS sources',
      {
        types: FACT_EDGE_TYPES,
      },
    );
    expect(facts).toEqual([{ sources: [sourceId] }]);
  });

  test('the report counts exactly what was created', async () => {
    expect(created(report)).toEqual(await visibleCounts());
    expect(report.nodesMatched).toBe(0);
    expect(report.readouts[0]?.byLabel.Organization).toEqual({ created: 4, matched: 0 });
    // 2 countries, 4 organisations, 2 people, the dialogue, its series, the agreement and 2 themes.
    expect(report.readouts[0]?.byLabel.MENTIONS).toEqual({ created: 13, matched: 0 });
  });

  test('loading it again creates nothing and changes nothing', async () => {
    const before = await snapshot(executor);
    const again = await load(input('example.yaml'));
    expect(created(again)).toEqual({ nodes: 0, relationships: 0 });
    expect(again.nodesMatched).toBe(report.nodesCreated);
    expect(again.relationshipsMatched).toBe(report.relationshipsCreated);
    expect(await snapshot(executor)).toEqual(before);
  });
});

test('the JSON form of the example loads exactly like the YAML', async () => {
  await resetGraph(executor);
  const yaml = await load(input('example.yaml'));
  const fromYaml = await snapshot(executor);
  await resetGraph(executor);
  const json = await load(input('example.json'));
  expect(await snapshot(executor)).toEqual(fromYaml);
  expect(created(json)).toEqual(created(yaml));
});

test('a bare year is a date: start: 2025 loads as the year', async () => {
  await resetGraph(executor);
  await load(
    input(
      'year.yaml',
      EXAMPLE.replace('start: 2025-05-12', 'start: 2025').replace('  end: 2025-05-13\n', ''),
    ),
  );
  const rows = await executor.read(
    'MATCH (d:Dialogue) RETURN d.startDate AS start, d.startKey AS from, d.endKey AS to',
  );
  expect(rows).toEqual([{ start: '2025', from: '2025-01-01', to: '2025-12-31' }]);
});

test('a dry run reports what a real load creates and leaves the graph as it was', async () => {
  await resetGraph(executor);
  // A batch where later readouts build on earlier ones: the seed, then documents that refer to its entities.
  const batch = [
    ...seedInputs(),
    input('example.yaml'),
    input('us-india-2024-second-report.yaml'),
    input('india-uk-7-mha-entry.yaml'),
  ];
  const before = await snapshot(executor);
  const dry = await ingestReadouts(executor, batch, { dryRun: true });
  expect(dry.dryRun).toBe(true);
  expect(await snapshot(executor)).toEqual(before);
  const real = await ingestReadouts(executor, batch);
  const counts = (r: IngestReport) =>
    r.readouts.map(({ file, sourceId, dialogueId, byLabel }) => ({ file, sourceId, dialogueId, byLabel }));
  expect(counts(dry)).toEqual(counts(real));
  expect(created(dry)).toEqual(created(real));
  expect(created(real)).toEqual(await visibleCounts());
});

describe('after the seed', () => {
  beforeEach(async () => {
    await resetGraph(executor);
    await seed(executor);
  });

  const one = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await executor.read(cypher, params))[0];

  test('"MHA" and "Shri Ajay Bhalla" resolve to the seeded ministry and person; the facts gain a second source', async () => {
    const report = await load(input('us-india-2024-second-report.yaml'));
    const sourceId = report.readouts[0]?.sourceId ?? '';
    expect(report.readouts[0]?.dialogueId).toBe('dialogue:2024-us-india-homeland-security-dialogue');
    // No new organisation, person or dialogue: only the document itself is new.
    expect(report.readouts[0]?.byLabel.Source).toEqual({ created: 1, matched: 0 });
    expect(report.nodesCreated).toBe(1);
    expect(
      await one(
        "MATCH (o:Organization {kind: 'ministry'})-[:OF_COUNTRY]->(:Country {code: 'IN'}) RETURN collect(o.id) AS ids",
      ),
    ).toEqual({
      ids: ['org:in:ministry-of-home-affairs'],
    });
    expect(
      await one("MATCH (p:Person {sortKey: 'ajay bhalla'}) RETURN count(p) AS n, p.aliases AS aliases"),
    ).toEqual({ n: 1, aliases: [] });
    const post = await executor.read(`
      MATCH (:Person {id: 'person:ajay-bhalla'})-[h:HOLDS_POST]->(o:Organization) RETURN o.id AS org, h.sources AS sources`);
    expect(post).toHaveLength(1);
    expect(post[0]?.org).toBe('org:in:ministry-of-home-affairs');
    expect(post[0]?.sources).toHaveLength(2);
    expect(post[0]?.sources).toContain(sourceId);
    const attended = await executor.read(
      "MATCH (:Person {id: 'person:ajay-bhalla'})-[a:ATTENDED]->() RETURN a.sources AS sources",
    );
    expect(attended).toHaveLength(1);
    expect(attended[0]?.sources).toHaveLength(2);
    const mentioned = await executor.read(
      'MATCH (:Source {id: $sourceId})-[:MENTIONS]->(n) RETURN n.id AS id ORDER BY id',
      { sourceId },
    );
    expect(mentioned.map((m) => m.id)).toEqual([
      'country:in',
      'country:us',
      'dialogue:2024-us-india-homeland-security-dialogue',
      'org:in:ministry-of-home-affairs',
      'person:ajay-bhalla',
      'theme:counter-terrorism',
    ]);
    const notes = await one(`
      MATCH (:Dialogue {id: 'dialogue:2024-us-india-homeland-security-dialogue'})-[e:DISCUSSED]->(:Theme {id: 'theme:counter-terrorism'})
      RETURN e.notes AS notes, e.sources AS sources`);
    expect(notes?.notes).toHaveLength(2);
    expect(notes?.sources).toHaveLength(2);
  });

  test('an organizations entry named only "MHA" is the seeded ministry, and its new alias is added to it', async () => {
    const report = await load(input('india-uk-7-mha-entry.yaml'));
    expect(report.readouts[0]?.byLabel.Organization).toEqual({ created: 0, matched: 2 });
    expect(report.readouts[0]?.byLabel.DialogueSeries).toEqual({ created: 0, matched: 1 });
    expect(
      await one(
        "MATCH (o:Organization {id: 'org:in:ministry-of-home-affairs'}) RETURN o.name AS name, o.aliases AS aliases, o.aliasText AS text",
      ),
    ).toEqual({
      name: 'Ministry of Home Affairs',
      aliases: ['Home Ministry', 'MHA'],
      text: 'Home Ministry | MHA',
    });
    expect(
      await one(
        "MATCH (:Name {key: 'Organization|in|home ministry'})-[:NAMES]->(o) RETURN collect(o.id) AS ids",
      ),
    ).toEqual({
      ids: ['org:in:ministry-of-home-affairs'],
    });
    // Rajendra Kumar's post was referred to by the new alias: still one post, now with two sources.
    const post = await executor.read(
      "MATCH (:Person {id: 'person:rajendra-kumar'})-[h:HOLDS_POST]->(o) RETURN o.id AS org, size(h.sources) AS n",
    );
    expect(post).toEqual([{ org: 'org:in:ministry-of-home-affairs', n: 2 }]);
    expect(
      await one(
        'MATCH (d:Dialogue)-[:EDITION_OF]->(s:DialogueSeries) RETURN count(DISTINCT s) AS series, count(d) AS editions',
      ),
    ).toEqual({
      series: 2,
      editions: 3,
    });
  });
});

test('the graph does not depend on load order: sources and aliases are kept sorted', async () => {
  const seedFile = (part: string) => {
    const found = seedInputs().find((i) => i.file.includes(part));
    if (found === undefined) throw new Error(`no seed readout ${part}`);
    return found;
  };
  const [indiaUk6, usIndia] = [seedFile('india-uk'), seedFile('us-india')];
  await resetGraph(executor);
  await load(
    indiaUk6,
    usIndia,
    input('india-uk-7-mha-entry.yaml'),
    input('us-india-2024-second-report.yaml'),
  );
  const forwards = await snapshot(executor);
  await resetGraph(executor);
  await load(
    usIndia,
    input('us-india-2024-second-report.yaml'),
    input('india-uk-7-mha-entry.yaml'),
    indiaUk6,
  );
  expect(await snapshot(executor)).toEqual(forwards);
});

test('people of the same name in different countries get distinct readable ids', async () => {
  await resetGraph(executor);
  const twoJanes = EXAMPLE.replace(
    '  - name: Sam Sample\n',
    '  - name: Jane Example\n    country: SM\n    title: Adviser\n    organization: Ministry of Public Security\n    role: delegate\n  - name: Sam Sample\n',
  );
  await load(input('two-janes.yaml', twoJanes));
  const rows = await executor.read('MATCH (p:Person) RETURN p.id AS id, p.country AS country ORDER BY id');
  expect(rows).toEqual([
    { id: 'person:jane-example', country: 'EX' },
    { id: 'person:jane-example-sm', country: 'SM' },
    { id: 'person:sam-sample', country: 'SM' },
  ]);
});

test('a readout may refer to an organisation that an earlier readout of the same batch introduces', async () => {
  await resetGraph(executor);
  // The second report names "MHA", which only the seed files (earlier in the batch) define.
  const report = await load(...seedInputs(), input('us-india-2024-second-report.yaml'));
  expect(report.readouts).toHaveLength(3);
  const post = await executor.read(
    "MATCH (:Person {id: 'person:ajay-bhalla'})-[h:HOLDS_POST]->() RETURN size(h.sources) AS n",
  );
  expect(post).toEqual([{ n: 2 }]);
});

test('an agreement is one node for every document naming it with the same parties, whether in the graph or in the same load', async () => {
  const copy = (n: number, parties?: string) => {
    const text = EXAMPLE.replace(
      'https://example.org/statements/3rd-border-dialogue',
      `https://example.org/statements/copy-${n}`,
    );
    const changed =
      parties === undefined
        ? text
        : text.replace('parties: [Ministry of Interior, Border Guard Academy]', `parties: [${parties}]`);
    expect(changed).not.toBe(EXAMPLE);
    return input(`copy-${n}.yaml`, changed);
  };
  const otherParties = copy(2, 'Ministry of Interior, Ministry of Public Security');
  const agreements = () =>
    executor.read(`
      MATCH (a:Agreement)
      OPTIONAL MATCH (s:Source)-[:MENTIONS]->(a)
      WITH a, s ORDER BY s.url
      WITH a, collect(s.url) AS urls, COUNT { (:Organization)-[:PARTY_TO]->(a) } AS parties
      RETURN a.id AS id, parties, urls ORDER BY id`);
  const expected = [
    {
      id: 'agreement:memorandum-of-understanding-on-border-guard-training',
      parties: 2,
      urls: ['https://example.org/statements/3rd-border-dialogue', 'https://example.org/statements/copy-1'],
    },
    {
      id: 'agreement:memorandum-of-understanding-on-border-guard-training-2025-05-13',
      parties: 2,
      urls: ['https://example.org/statements/copy-2'],
    },
  ];
  // The first document in the graph already, the others found through their chunk's lookup.
  await resetGraph(executor);
  await load(input('example.yaml'));
  await load(copy(1), otherParties);
  expect(await agreements()).toEqual(expected);
  // All three in one load: the later ones find the agreement among what the earlier ones stage.
  await resetGraph(executor);
  await load(input('example.yaml'), copy(1), otherParties);
  expect(await agreements()).toEqual(expected);
});
