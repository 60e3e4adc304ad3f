// Analyst questions through real HTTP against the seeded graph: counterparts, agreements, aliases, posts at a
// date, lookups by name, pagination and provenance.
import { useSeededServer, type TestServer } from '../helpers/api';

let server: TestServer;

useSeededServer((_e, s) => {
  server = s;
});

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await server.gql<T>(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

type Counterparts = {
  person: {
    counterparts: { person: { name: string }; dialogues: { name: string }[]; sources: { id: string }[] }[];
  };
};
const COUNTERPARTS = `query ($name: String!) { person(name: $name) {
  counterparts { person { name } dialogues { name } sources { id } } } }`;

test('Rajendra Kumar’s counterparts include Simon Ridley and not Kristie Canegallo', async () => {
  const d = await data<Counterparts>(COUNTERPARTS, { name: 'Rajendra Kumar' });
  const names = d.person.counterparts.map((c) => c.person.name);
  expect(names).toContain('Simon Ridley');
  expect(names).not.toContain('Kristie Canegallo');
  expect(d.person.counterparts[0]?.dialogues[0]?.name).toMatch(/India–UK Home Affairs Dialogue/);
  expect(d.person.counterparts[0]?.sources.length).toBeGreaterThan(0);
});

test('Ajay Bhalla’s counterparts include Kristie Canegallo (honorific ignored)', async () => {
  const d = await data<Counterparts>(COUNTERPARTS, { name: 'Shri Ajay Bhalla' });
  expect(d.person.counterparts.map((c) => c.person.name)).toEqual(['Kristie Canegallo']);
});

test('the Memorandum of Cooperation: parties, date, dialogue, provenance', async () => {
  const d = await data<{
    agreements: {
      nodes: {
        kind: string;
        signedOn: string;
        parties: { organization: { name: string }; sources: { title: string }[] }[];
        dialogue: { name: string; aliases: string[] };
      }[];
    };
  }>(
    `{ agreements(kind: moc) { nodes { kind signedOn parties { organization { name } sources { title } } dialogue { name aliases } } } }`,
  );
  const [moc] = d.agreements.nodes;
  expect(moc?.signedOn).toBe('2024-02-29');
  expect(moc?.parties.map((p) => p.organization.name).sort()).toEqual([
    'Federal Law Enforcement Training Centers',
    'National Police Academy',
  ]);
  expect(moc?.parties.every((p) => p.sources.length > 0)).toBe(true);
  expect([moc?.dialogue.name, ...(moc?.dialogue.aliases ?? [])].join(' ')).toMatch(
    /U\.S\.–India Homeland Security Dialogue/,
  );
});

test('organization(name: "MHA") finds India’s Ministry of Home Affairs, with its hierarchy and members', async () => {
  const d = await data<{
    organization: {
      id: string;
      name: string;
      country: { code: string };
      children: { name: string }[];
      members: { person: { name: string }; title: string }[];
    };
  }>(
    `{ organization(name: "MHA") { id name country { code } children { name } members { person { name } title } } }`,
  );
  expect(d.organization).toMatchObject({
    id: 'org:in:ministry-of-home-affairs',
    name: 'Ministry of Home Affairs',
    country: { code: 'IN' },
  });
  expect(d.organization.children.map((c) => c.name)).toContain('National Police Academy');
  expect(d.organization.members.map((m) => m.person.name).sort()).toEqual(['Ajay Bhalla', 'Rajendra Kumar']);
});

test('FLETC resolves within the US and sits under DHS; agreements follow parties', async () => {
  const d = await data<{
    organization: {
      name: string;
      parent: { aliases: string[] };
      ancestors: { id: string }[];
      agreements: { kind: string }[];
    };
  }>(`{ organization(name: "fletc") { name parent { aliases } ancestors { id } agreements { kind } } }`);
  expect(d.organization.name).toBe('Federal Law Enforcement Training Centers');
  expect(d.organization.parent.aliases).toContain('DHS');
  expect(d.organization.ancestors.map((a) => a.id)).toEqual(['org:us:department-of-homeland-security']);
  expect(d.organization.agreements).toEqual([{ kind: 'moc' }]);
});

test('positions(at:) keeps only posts known to be held at that date', async () => {
  const q = `query ($at: Date) { person(id: "person:kristie-canegallo") { positions(at: $at) { title attestedFrom attestedTo } } }`;
  const during = await data<{
    person: { positions: { title: string; attestedFrom: string; attestedTo: string }[] };
  }>(q, { at: '2024-02-28' });
  expect(during.person.positions).toEqual([
    {
      title: 'Senior Official Performing the Duties of the Deputy Secretary',
      attestedFrom: '2024-02-27',
      attestedTo: '2024-02-29',
    },
  ]);
  expect(
    (await data<{ person: { positions: unknown[] } }>(q, { at: '2024-02' })).person.positions,
  ).toHaveLength(1);
  expect((await data<{ person: { positions: unknown[] } }>(q, { at: '2019' })).person.positions).toHaveLength(
    0,
  );
  const bad = await server.gql(q, { at: '2024-02-30' });
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('a dialogue lists participants with role, title, delegation and sources', async () => {
  const d = await data<{
    dialogue: {
      city: string;
      host: { code: string };
      countries: { code: string }[];
      series: { name: string };
      participants: {
        person: { name: string };
        role: string;
        country: { code: string };
        onBehalfOf: { name: string };
        sources: { id: string }[];
      }[];
    };
  }>(
    `{ dialogue(name: "6th India-UK Home Affairs Dialogue") { city host { code } countries { code } series { name }
       participants { person { name } role country { code } onBehalfOf { name } sources { id } } } }`,
  );
  expect(d.dialogue.city).toBe('New Delhi');
  expect(d.dialogue.host.code).toBe('IN');
  expect(d.dialogue.countries.map((c) => c.code).sort()).toEqual(['GB', 'IN']);
  expect(d.dialogue.participants.map((p) => [p.person.name, p.role, p.country.code]).sort()).toEqual([
    ['Rajendra Kumar', 'head_of_delegation', 'IN'],
    ['Simon Ridley', 'head_of_delegation', 'GB'],
  ]);
  expect(d.dialogue.participants.every((p) => p.sources.length === 1 && p.onBehalfOf.name.length > 0)).toBe(
    true,
  );
});

test('lists paginate with cursors and count across pages', async () => {
  const q = `query ($after: String) { people(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`;
  type Page = {
    people: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      nodes: { name: string }[];
    };
  };
  const first = await data<Page>(q);
  expect(first.people.totalCount).toBe(4);
  expect(first.people.nodes.map((n) => n.name)).toEqual([
    'Ajay Bhalla',
    'Kristie Canegallo',
    'Rajendra Kumar',
  ]);
  expect(first.people.pageInfo.hasNextPage).toBe(true);
  const second = await data<Page>(q, { after: first.people.pageInfo.endCursor });
  expect(second.people.nodes.map((n) => n.name)).toEqual(['Simon Ridley']);
  expect(second.people.pageInfo.hasNextPage).toBe(false);
  const bad = await server.gql(q, { after: 'not-a-cursor' });
  expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  expect(bad.errors?.[0]?.message).toMatch(/after/);
});

test('dialogues filter by countries, theme (narrower included) and dates', async () => {
  type Page = { dialogues: { totalCount: number; nodes: { id: string }[] } };
  const q = `query ($c: [String!], $t: ID, $from: Date, $to: Date) { dialogues(countries: $c, theme: $t, from: $from, to: $to) { totalCount nodes { id } } }`;
  expect((await data<Page>(q, { c: ['in'] })).dialogues.totalCount).toBe(2);
  expect((await data<Page>(q, { c: ['IN', 'US'] })).dialogues.totalCount).toBe(1);
  expect((await data<Page>(q, { t: 'theme:illicit-drugs' })).dialogues.totalCount).toBe(2);
  expect((await data<Page>(q, { from: '2025' })).dialogues.totalCount).toBe(1);
  expect((await data<Page>(q, { from: '2024-02-29', to: '2024-03' })).dialogues.totalCount).toBe(1);
});

test('relations expose every edge of an entity with its sources', async () => {
  const d = await data<{
    node: {
      relations: { type: string; direction: string; node: { id: string }; sources: { id: string }[] }[];
    };
  }>(
    `{ node(id: "person:simon-ridley") { ... on Person { relations { type direction node { id } sources { id } } } } }`,
  );
  const types = d.node.relations.map((r) => r.type).sort();
  expect(types).toEqual(['ATTENDED', 'HOLDS_POST', 'MENTIONS', 'OF_COUNTRY']);
  for (const r of d.node.relations.filter((x) => x.type !== 'MENTIONS'))
    expect(r.sources.length).toBeGreaterThan(0);
});

test('source documents list what they mention', async () => {
  const d = await data<{ sources: { title: string; kind: string; mentions: { __typename: string }[] }[] }>(
    `{ sources { title kind mentions(types: [PERSON]) { __typename } } }`,
  );
  expect(d.sources).toHaveLength(2);
  for (const s of d.sources) {
    expect(s.kind).toBe('news');
    expect(s.mentions.length).toBe(2);
    expect(s.mentions.every((m) => m.__typename === 'Person')).toBe(true);
  }
});

test('themes carry the vocabulary hierarchy', async () => {
  const d = await data<{
    theme: { name: string; broader: { name: string }[]; dialogues: { id: string }[] };
    broad: { narrower: { name: string }[]; dialogues: { id: string }[] };
  }>(
    `{ theme(name: "counternarcotics") { name broader { name } dialogues { id } }
       broad: theme(id: "theme:illicit-drugs") { narrower { name } dialogues(includeNarrower: true) { id } } }`,
  );
  expect(d.theme.name).toBe('counter-narcotics');
  expect(d.theme.broader.map((b) => b.name)).toContain('illicit drugs');
  expect(d.theme.dialogues).toHaveLength(1);
  expect(d.broad.narrower.map((n) => n.name)).toEqual(
    expect.arrayContaining(['counter-narcotics', 'drug trafficking']),
  );
  expect(d.broad.dialogues).toHaveLength(2);
});

test('the theme list filters by top level and by use in the graph', async () => {
  type Page = { totalCount: number; nodes: { id: string; broader: { id: string }[] }[] };
  const d = await data<{ all: Page; top: Page; used: Page; unused: Page }>(
    `{ all: themes(first: 200) { totalCount nodes { id broader { id } } }
       top: themes(topLevel: true, first: 200) { totalCount nodes { id broader { id } } }
       used: themes(used: true, first: 200) { totalCount nodes { id broader { id } } }
       unused: themes(used: false, first: 1) { totalCount nodes { id broader { id } } } }`,
  );
  expect(d.all.totalCount).toBe(d.used.totalCount + d.unused.totalCount);
  expect(d.top.nodes.length).toBeGreaterThan(0);
  expect(d.top.nodes.every((t) => t.broader.length === 0)).toBe(true);
  expect(d.top.totalCount).toBe(d.all.nodes.filter((t) => t.broader.length === 0).length);
  // The seed dialogues discussed counter-narcotics, among others.
  expect(d.used.nodes.map((t) => t.id)).toContain('theme:counter-narcotics');
});

test('lookups: unknown names give null; id and name together are refused', async () => {
  expect((await data<{ person: null }>(`{ person(name: "Nobody Known") { id } }`)).person).toBeNull();
  expect((await data<{ country: { name: string } }>(`{ country(code: "gb") { name } }`)).country.name).toBe(
    'United Kingdom',
  );
  const both = await server.gql(`{ person(id: "person:x", name: "y") { id } }`);
  expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
