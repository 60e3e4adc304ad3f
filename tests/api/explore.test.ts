// Graph exploration over real HTTP against the seeded graph: search, paths, subgraph, commonThemes, timeline.
import type { GraphExecutor } from '../../graph/executor';
import { useSeededServer, type GqlResponse, type TestServer } from '../helpers/api';
import { snapshot } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;

useSeededServer((e, s) => {
  executor = e;
  server = s;
});

const KRISTIE = 'person:kristie-canegallo';
const SIMON = 'person:simon-ridley';
const AJAY = 'person:ajay-bhalla';
const RAJENDRA = 'person:rajendra-kumar';
const UK_DIALOGUE = 'dialogue:6th-india-uk-home-affairs-dialogue';
const US_DIALOGUE = 'dialogue:2024-us-india-homeland-security-dialogue';
const MOC = 'agreement:memorandum-of-cooperation-between-the-federal-law-enforcement-training-centers';

/** The data of a response that must have succeeded. */
function ok<T>(res: GqlResponse<T>): T {
  expect(res.errors).toBeUndefined();
  expect(res.data).toBeTruthy();
  return res.data as T;
}

/** The single error of a response that must have failed with `code`. */
function failed(res: GqlResponse<unknown>, code: string): string {
  expect(res.errors).toHaveLength(1);
  expect(res.errors?.[0]?.extensions?.code).toBe(code);
  return res.errors?.[0]?.message ?? '';
}

describe('search', () => {
  const SEARCH = `query ($text: String!, $types: [EntityType!], $first: Int) {
    search(text: $text, types: $types, first: $first) { score node { __typename id } }
  }`;
  type Hits = { search: { score: number; node: { __typename: string; id: string } }[] };
  const search = (variables: Record<string, unknown>) => server.gql<Hits>(SEARCH, variables);

  test('a misspelt surname finds Kristie Canegallo first', async () => {
    const hits = ok(await search({ text: 'canegalo' })).search;
    expect(hits[0]?.node).toEqual({ __typename: 'Person', id: KRISTIE });
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  test('accents and case do not matter, and exact names rank above near-misses', async () => {
    expect(ok(await search({ text: 'CANÉGALLO' })).search[0]?.node.id).toBe(KRISTIE);
    const hits = ok(await search({ text: 'home office' })).search;
    expect(hits[0]?.node.id).toBe('org:gb:home-office');
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test('types keeps only entities of those types; first caps the number of hits', async () => {
    const orgs = ok(await search({ text: 'home', types: ['ORGANIZATION'] })).search;
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((h) => h.node.__typename === 'Organization')).toBe(true);
    expect(orgs.map((h) => h.node.id)).toContain('org:gb:home-office');

    const dialogues = ok(await search({ text: 'dialogue', types: ['DIALOGUE', 'DIALOGUE_SERIES'] })).search;
    expect(new Set(dialogues.map((h) => h.node.__typename))).toEqual(new Set(['Dialogue', 'DialogueSeries']));
    expect(dialogues.map((h) => h.node.id)).toEqual(expect.arrayContaining([UK_DIALOGUE, US_DIALOGUE]));

    expect(ok(await search({ text: 'dialogue', first: 1 })).search).toHaveLength(1);
  });

  test('Lucene syntax and injection-looking text are harmless and change nothing', async () => {
    const before = await snapshot(executor);
    const attempts = [
      '"foo) OR name:*',
      "' MATCH (n) DETACH DELETE n //",
      '*:*',
      'name:Canegallo~ AND NOT id:[a TO z]',
      '\\',
      '&& || ! ( ) { } [ ] ^ " ~ * ? : \\ /',
      '"}) RETURN 1 UNION MATCH (n) RETURN n //',
      'AND OR NOT',
    ];
    for (const text of attempts) {
      const res = await search({ text });
      if (res.errors !== undefined) {
        failed(res, 'BAD_USER_INPUT');
      } else {
        // Whatever matched, it is an entity found through its words, never the whole graph or an internal node.
        const hits = res.data?.search ?? [];
        expect(hits.length).toBeLessThanOrEqual(10);
        for (const h of hits)
          expect(h.node.id).toMatch(/^(person|org|country|dialogue|series|theme|agreement|source):/);
      }
    }
    expect(await snapshot(executor)).toEqual(before);
  });

  test('blank, too long or out-of-range arguments are refused with the argument named', async () => {
    expect(failed(await search({ text: '   ' }), 'BAD_USER_INPUT')).toMatch(/^text:/);
    expect(failed(await search({ text: '' }), 'BAD_USER_INPUT')).toMatch(/^text:/);
    expect(failed(await search({ text: 'x'.repeat(201) }), 'BAD_USER_INPUT')).toMatch(/^text:.*200/);
    expect(failed(await search({ text: 'india', first: 0 }), 'BAD_USER_INPUT')).toMatch(/^first:.*1.*100/);
    expect(failed(await search({ text: 'india', first: 101 }), 'BAD_USER_INPUT')).toMatch(/^first:.*1.*100/);
  });
});

describe('paths', () => {
  const PATHS = `query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
    paths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
      length
      nodes { __typename id }
      edges { type source target properties sources { id } }
    }
  }`;
  type Paths = {
    paths: {
      length: number;
      nodes: { __typename: string; id: string }[];
      edges: {
        type: string;
        source: string;
        target: string;
        properties: Record<string, unknown>;
        sources: { id: string }[];
      }[];
    }[];
  };
  const paths = (variables: Record<string, unknown>) => server.gql<Paths>(PATHS, variables);

  test('Simon Ridley to Kristie Canegallo: every hop is a stored, sourced edge between consecutive nodes', async () => {
    const found = ok(await paths({ from: SIMON, to: KRISTIE })).paths;
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    for (const p of found) {
      expect(p.length).toBe(p.edges.length);
      expect(p.nodes).toHaveLength(p.length + 1);
      expect(p.nodes[0]?.id).toBe(SIMON);
      expect(p.nodes[p.length]?.id).toBe(KRISTIE);
      expect(new Set(p.nodes.map((n) => n.id)).size).toBe(p.nodes.length);
      for (const [i, e] of p.edges.entries()) {
        const ends = [p.nodes[i]?.id, p.nodes[i + 1]?.id];
        expect([e.source, e.target].sort()).toEqual([...ends].sort());
        expect(['MENTIONS', 'NAMES']).not.toContain(e.type);
        expect(e.properties).not.toHaveProperty('sources');
        expect(e.sources.length).toBeGreaterThan(0);
        const stored = await executor.read(
          'MATCH (a {id: $source})-[r]->(b {id: $target}) WHERE type(r) = $type RETURN r.sources AS sources',
          e,
        );
        expect(stored.length).toBeGreaterThan(0);
        expect(stored.flatMap((r) => r.sources as string[])).toEqual(
          expect.arrayContaining(e.sources.map((s) => s.id)),
        );
      }
    }
    // Both attended a dialogue that shares a theme (or India) with the other's: four hops at most.
    expect(found[0]?.length).toBe(4);
  });

  test('maxHops bounds the length; first bounds the count', async () => {
    expect(ok(await paths({ from: SIMON, to: KRISTIE, maxHops: 3 })).paths).toEqual([]);
    expect(ok(await paths({ from: SIMON, to: KRISTIE, first: 1 })).paths).toHaveLength(1);
    const direct = ok(await paths({ from: AJAY, to: US_DIALOGUE, maxHops: 1 })).paths;
    expect(direct).toHaveLength(1);
    expect(direct[0]?.edges[0]).toMatchObject({ type: 'ATTENDED', source: AJAY, target: US_DIALOGUE });
    expect(direct[0]?.edges[0]?.properties).toMatchObject({ role: 'co_chair' });
  });

  test('out-of-range caps, equal ends and unknown ids are refused clearly', async () => {
    expect(failed(await paths({ from: SIMON, to: KRISTIE, maxHops: 0 }), 'BAD_USER_INPUT')).toMatch(
      /^maxHops:.*1.*8/,
    );
    expect(failed(await paths({ from: SIMON, to: KRISTIE, maxHops: 9 }), 'BAD_USER_INPUT')).toMatch(
      /^maxHops:.*1.*8/,
    );
    expect(failed(await paths({ from: SIMON, to: KRISTIE, first: 0 }), 'BAD_USER_INPUT')).toMatch(
      /^first:.*1.*10/,
    );
    expect(failed(await paths({ from: SIMON, to: KRISTIE, first: 11 }), 'BAD_USER_INPUT')).toMatch(
      /^first:.*1.*10/,
    );
    expect(failed(await paths({ from: SIMON, to: SIMON }), 'BAD_USER_INPUT')).toMatch(/different/);
    expect(failed(await paths({ from: 'person:nobody', to: KRISTIE }), 'NOT_FOUND')).toMatch(/person:nobody/);
    expect(failed(await paths({ from: SIMON, to: 'nonsense' }), 'NOT_FOUND')).toMatch(/^to:.*nonsense/);
    expect(failed(await paths({ from: SIMON, to: 'org:nowhere' }), 'NOT_FOUND')).toMatch(/^to:.*org:nowhere/);
    expect(failed(await paths({ from: 'theme:none', to: 'org:nowhere' }), 'NOT_FOUND')).toMatch(/^from:/);
  });
});

describe('subgraph', () => {
  const SUBGRAPH = `query ($ids: [ID!]!, $depth: Int, $maxNodes: Int, $types: [EdgeType!], $at: Date) {
    subgraph(ids: $ids, depth: $depth, maxNodes: $maxNodes, types: $types, at: $at) {
      truncated
      nodes { id type label properties }
      edges { id type source target properties }
    }
  }`;
  type Graph = {
    subgraph: {
      truncated: boolean;
      nodes: { id: string; type: string; label: string; properties: Record<string, unknown> }[];
      edges: {
        id: string;
        type: string;
        source: string;
        target: string;
        properties: Record<string, unknown>;
      }[];
    };
  };
  const subgraph = async (variables: Record<string, unknown>) =>
    ok(await server.gql<Graph>(SUBGRAPH, variables)).subgraph;

  function expectConsistent(g: Graph['subgraph']): void {
    const ids = g.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    for (const e of g.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
      expect(e.type).not.toBe('NAMES');
    }
    for (const n of g.nodes)
      expect(n.id).toMatch(/^(person|org|country|dialogue|series|theme|agreement|source):/);
  }

  test('two hops around Ajay Bhalla: consistent, with labels, properties and provenance', async () => {
    const g = await subgraph({ ids: [AJAY], depth: 2 });
    expectConsistent(g);
    expect(g.truncated).toBe(false);
    expect(g.nodes[0]).toMatchObject({ id: AJAY, type: 'Person', label: 'Ajay Bhalla' });
    expect(g.nodes[0]?.properties).toMatchObject({ id: AJAY, name: 'Ajay Bhalla', country: 'IN' });
    expect(g.nodes[0]?.properties).not.toHaveProperty('key');
    const ids = g.nodes.map((n) => n.id);
    // Two hops: through the dialogue to his counterpart and the agreement concluded there.
    expect(ids).toEqual(
      expect.arrayContaining([US_DIALOGUE, KRISTIE, MOC, 'country:in', 'theme:counter-terrorism']),
    );
    const attended = g.edges.find((e) => e.type === 'ATTENDED' && e.source === AJAY);
    expect(attended).toMatchObject({ id: `ATTENDED:${AJAY}->${US_DIALOGUE}`, target: US_DIALOGUE });
    expect(attended?.properties).toMatchObject({ role: 'co_chair' });
    expect((attended?.properties.sources as string[]).length).toBe(1);
    const post = g.edges.find((e) => e.type === 'HOLDS_POST' && e.source === AJAY);
    expect(post?.id).toBe(`HOLDS_POST:${AJAY}->org:in:ministry-of-home-affairs:home secretary`);
    expect(post?.properties).not.toHaveProperty('titleKey');
    // Every stored edge among the returned nodes is there.
    const [{ count } = { count: -1 }] = await executor.read(
      `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids AND type(r) <> 'NAMES' RETURN count(r) AS count`,
      { ids },
    );
    expect(g.edges).toHaveLength(count as number);
  });

  test('maxNodes cuts the neighbourhood short and says so', async () => {
    const g = await subgraph({ ids: [AJAY], depth: 2, maxNodes: 5 });
    expectConsistent(g);
    expect(g.truncated).toBe(true);
    expect(g.nodes.length).toBeLessThanOrEqual(5);
    expect(g.nodes[0]?.id).toBe(AJAY);
    // The same question gives the same answer.
    expect(await subgraph({ ids: [AJAY], depth: 2, maxNodes: 5 })).toEqual(g);
  });

  test('types follows only those edges', async () => {
    const g = await subgraph({ ids: [AJAY], depth: 2, types: ['ATTENDED'] });
    expectConsistent(g);
    expect(g.nodes.map((n) => n.id).sort()).toEqual([AJAY, US_DIALOGUE, KRISTIE].sort());
    expect(g.edges.every((e) => e.type === 'ATTENDED')).toBe(true);
    expect(g.edges).toHaveLength(2);
  });

  test('at drops posts not held on that date', async () => {
    const held = await subgraph({ ids: [RAJENDRA], depth: 1, types: ['HOLDS_POST'], at: '2026-02' });
    expect(held.nodes.map((n) => n.id)).toEqual([RAJENDRA, 'org:in:ministry-of-home-affairs']);
    expect(held.edges).toHaveLength(1);
    const before = await subgraph({
      ids: [RAJENDRA],
      depth: 1,
      types: ['HOLDS_POST', 'ATTENDED'],
      at: '2020',
    });
    expect(before.nodes.map((n) => n.id)).toEqual([RAJENDRA, UK_DIALOGUE]);
    expect(before.edges.map((e) => e.type)).toEqual(['ATTENDED']);
  });

  test('depth 0 is the given entities and the edges between them', async () => {
    const g = await subgraph({ ids: [AJAY, US_DIALOGUE, AJAY], depth: 0 });
    expect(g.nodes.map((n) => n.id)).toEqual([AJAY, US_DIALOGUE]);
    expect(g.edges.map((e) => e.type)).toEqual(['ATTENDED']);
  });

  test('properties are read only when selected; the nodes, labels and edges are the same either way', async () => {
    const LEAN = `query ($ids: [ID!]!, $depth: Int, $maxNodes: Int) {
      subgraph(ids: $ids, depth: $depth, maxNodes: $maxNodes) {
        truncated nodes { id type label } edges { id type source target }
      }
    }`;
    // Properties asked for through a fragment and an alias still count as selected.
    const FRAGMENT = `query ($ids: [ID!]!) {
      g: subgraph(ids: $ids, depth: 1) { nodes { id ...P } edges { ... on GraphEdge { props: properties } } }
    }
    fragment P on GraphNode { properties }`;
    for (const variables of [
      { ids: [AJAY], depth: 2 },
      { ids: [AJAY], depth: 2, maxNodes: 5 },
      { ids: [US_DIALOGUE, 'country:gb'], depth: 1 },
    ]) {
      const full = await subgraph(variables);
      const lean = ok(await server.gql<{ subgraph: Graph['subgraph'] }>(LEAN, variables)).subgraph;
      expect(full.nodes.some((n) => n.type === 'Source')).toBe(true);
      expect(lean).toEqual({
        truncated: full.truncated,
        nodes: full.nodes.map(({ id, type, label }) => ({ id, type, label })),
        edges: full.edges.map(({ id, type, source, target }) => ({ id, type, source, target })),
      });
    }
    type Fragmented = { g: { nodes: { properties: { id: string } }[]; edges: { props: object }[] } };
    const viaFragment = ok(await server.gql<Fragmented>(FRAGMENT, { ids: [AJAY] })).g;
    expect(viaFragment.nodes[0]?.properties).toMatchObject({ id: AJAY, name: 'Ajay Bhalla' });
    expect(viaFragment.edges.every((e) => Object.keys(e.props).includes('sources'))).toBe(true);
  });

  test('out-of-range arguments and unknown ids are refused clearly', async () => {
    const bad = async (variables: Record<string, unknown>, code: string) =>
      failed(await server.gql(SUBGRAPH, variables), code);
    expect(await bad({ ids: [AJAY], depth: 4 }, 'BAD_USER_INPUT')).toMatch(/^depth:.*0.*3/);
    expect(await bad({ ids: [AJAY], depth: -1 }, 'BAD_USER_INPUT')).toMatch(/^depth:/);
    expect(await bad({ ids: [AJAY], maxNodes: 0 }, 'BAD_USER_INPUT')).toMatch(/^maxNodes:.*1.*2000/);
    expect(await bad({ ids: [AJAY], maxNodes: 2001 }, 'BAD_USER_INPUT')).toMatch(/^maxNodes:/);
    expect(await bad({ ids: [] }, 'BAD_USER_INPUT')).toMatch(/^ids:.*1.*100/);
    const many = Array.from({ length: 101 }, (_, i) => `person:p${i}`);
    expect(await bad({ ids: many }, 'BAD_USER_INPUT')).toMatch(/^ids:.*1.*100/);
    expect(await bad({ ids: [AJAY], at: '2024-02-30' }, 'BAD_USER_INPUT')).toMatch(/Date/);
    expect(await bad({ ids: [AJAY, 'person:nobody', 'x:y'] }, 'NOT_FOUND')).toMatch(/person:nobody, x:y/);
  });
});

describe('commonThemes', () => {
  const COMMON = 'query ($ids: [ID!]!) { commonThemes(ids: $ids) { id name } }';
  type Common = { commonThemes: { id: string; name: string }[] };
  const common = async (ids: string[]) => ok(await server.gql<Common>(COMMON, { ids })).commonThemes;

  test('the two dialogues share counter-terrorism, illicit drugs and migration, in name order', async () => {
    const themes = await common([UK_DIALOGUE, US_DIALOGUE]);
    const ids = themes.map((t) => t.id);
    // Illicit drugs: drug trafficking (UK) and counter-narcotics (US) share it as a broader theme.
    expect(ids).toEqual(
      expect.arrayContaining(['theme:counter-terrorism', 'theme:illicit-drugs', 'theme:migration']),
    );
    expect(ids).not.toContain('theme:diplomatic-security');
    const names = themes.map((t) => t.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
  });

  test('people share the themes of the dialogues they attended', async () => {
    const ids = (await common([RAJENDRA, AJAY])).map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining(['theme:counter-terrorism', 'theme:illicit-drugs', 'theme:migration']),
    );
    expect(await common([RAJENDRA, UK_DIALOGUE])).toEqual(await common([UK_DIALOGUE, SIMON]));
  });

  test('countries, organisations, agreements and themes count too', async () => {
    // FLETC is party to the MoC on law enforcement cooperation, which the UK dialogue also discussed.
    const ids = (await common(['country:gb', 'org:us:federal-law-enforcement-training-centers'])).map(
      (t) => t.id,
    );
    expect(ids).toContain('theme:law-enforcement-cooperation');
    expect(ids).not.toContain('theme:counter-terrorism');
    // A theme stands for itself and its broader themes (police training → law enforcement cooperation).
    const withTheme = (await common([MOC, 'theme:police-training'])).map((t) => t.id);
    expect(withTheme).toEqual(
      expect.arrayContaining(['theme:police-training', 'theme:law-enforcement-cooperation']),
    );
    expect(await common([MOC, 'theme:counter-terrorism'])).toEqual([]);
  });

  test('too few or too many ids, sources and unknown ids are refused', async () => {
    const bad = async (ids: string[], code: string) => failed(await server.gql(COMMON, { ids }), code);
    expect(await bad([AJAY], 'BAD_USER_INPUT')).toMatch(/^ids:.*2.*20/);
    expect(await bad([AJAY, AJAY], 'BAD_USER_INPUT')).toMatch(/^ids:.*2.*20/);
    expect(
      await bad(
        Array.from({ length: 21 }, (_, i) => `person:p${i}`),
        'BAD_USER_INPUT',
      ),
    ).toMatch(/^ids:/);
    expect(await bad([AJAY, 'person:nobody'], 'NOT_FOUND')).toMatch(/person:nobody/);
  });
});

describe('timeline', () => {
  const TIMELINE = `query ($countries: [String!], $from: Date, $to: Date) {
    timeline(countries: $countries, from: $from, to: $to) { date kind label node { __typename id } }
  }`;
  type Timeline = {
    timeline: { date: string; kind: string; label: string; node: { __typename: string; id: string } }[];
  };
  const timeline = async (variables: Record<string, unknown>) =>
    ok(await server.gql<Timeline>(TIMELINE, variables)).timeline;

  test('dialogues and agreements in date order, with readable labels', async () => {
    const entries = await timeline({});
    expect(entries).toEqual([
      {
        date: '2024-02-27',
        kind: 'DIALOGUE',
        label: '2024-02-27 · U.S.–India Homeland Security Dialogue (New Delhi)',
        node: { __typename: 'Dialogue', id: US_DIALOGUE },
      },
      {
        date: '2024-02-29',
        kind: 'AGREEMENT',
        label:
          '2024-02-29 · Memorandum of Cooperation between the Federal Law Enforcement Training Centers and the National Police Academy',
        node: { __typename: 'Agreement', id: MOC },
      },
      {
        date: '2026-02-27',
        kind: 'DIALOGUE',
        label: '2026-02-27 · 6th India–UK Home Affairs Dialogue (New Delhi)',
        node: { __typename: 'Dialogue', id: UK_DIALOGUE },
      },
    ]);
  });

  test('countries keeps what all of them took part in, in any case', async () => {
    expect((await timeline({ countries: ['gb'] })).map((e) => e.node.id)).toEqual([UK_DIALOGUE]);
    expect((await timeline({ countries: ['US', 'in'] })).map((e) => e.node.id)).toEqual([US_DIALOGUE, MOC]);
    expect((await timeline({ countries: ['IN'] })).map((e) => e.node.id)).toEqual([
      US_DIALOGUE,
      MOC,
      UK_DIALOGUE,
    ]);
    expect(await timeline({ countries: ['GB', 'US'] })).toEqual([]);
  });

  test('from and to keep what overlaps the period', async () => {
    expect((await timeline({ from: '2025' })).map((e) => e.node.id)).toEqual([UK_DIALOGUE]);
    expect((await timeline({ to: '2024-02-28' })).map((e) => e.node.id)).toEqual([US_DIALOGUE]);
    // The dialogue ran 2024-02-27..29, so it overlaps a period starting on the 28th.
    expect((await timeline({ from: '2024-02-28', to: '2024-12' })).map((e) => e.node.id)).toEqual([
      US_DIALOGUE,
      MOC,
    ]);
  });

  test('unknown country codes and inverted periods are refused', async () => {
    const bad = async (variables: Record<string, unknown>) =>
      failed(await server.gql(TIMELINE, variables), 'BAD_USER_INPUT');
    expect(await bad({ countries: ['XX'] })).toMatch(/^countries:.*"XX"/);
    expect(await bad({ from: '2025', to: '2024' })).toMatch(/^from, to:/);
  });
});
