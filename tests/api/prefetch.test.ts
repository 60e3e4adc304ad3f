// The one-statement prefetch of nested selections (graph/prefetch.ts) gives exactly the answers the per-level
// DataLoaders give, in the same order, on the seed readouts plus a generated world; and it does so in one or two
// statements where the loaders need one per level.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphExecutor } from '../../graph/executor';
import { findReadoutFiles, readReadoutFiles } from '../../graph/readout/files';
import { ingestReadouts } from '../../graph/readout/ingest';
import { generateReadouts } from '../../scripts/generate/generateReadouts';
import { startTestServer, type TestServer } from '../helpers/api';
import { resetGraph, seed, testExecutor } from '../helpers/graph';

jest.setTimeout(180_000);

let executor: GraphExecutor;
let withPrefetch: TestServer;
let loadersOnly: TestServer;
const ids: Record<'people' | 'organizations' | 'dialogues' | 'agreements' | 'themes', string[]> = {
  people: [],
  organizations: [],
  dialogues: [],
  agreements: [],
  themes: [],
};

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prefetch-readouts-'));
  try {
    generateReadouts({ readouts: 150, seed: '7', out: dir });
    await ingestReadouts(executor, readReadoutFiles(findReadoutFiles([dir])));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  withPrefetch = await startTestServer(executor, { prefetch: true });
  loadersOnly = await startTestServer(executor, { prefetch: false });
  const lists = await withPrefetch.gql<Record<string, { nodes: { id: string }[] }>>(`{
    people(first: 12) { nodes { id } } organizations(first: 12) { nodes { id } }
    dialogues(first: 12) { nodes { id } } agreements(first: 8) { nodes { id } } themes(used: true, first: 8) { nodes { id } }
  }`);
  for (const k of Object.keys(ids) as (keyof typeof ids)[])
    ids[k] = lists.data?.[k]?.nodes.map((n) => n.id) ?? [];
});
afterAll(async () => {
  await withPrefetch?.close();
  await loadersOnly?.close();
  await executor?.close();
});

/** The same request to both servers: equal answers, and the statements each needed. */
async function both(query: string, variables: Record<string, unknown>) {
  let before = executor.statementCount;
  const a = await withPrefetch.gql(query, variables);
  const prefetched = executor.statementCount - before;
  before = executor.statementCount;
  const b = await loadersOnly.gql(query, variables);
  const loaded = executor.statementCount - before;
  expect(a.errors).toBeUndefined();
  expect(b.errors).toBeUndefined();
  expect(a.data).toEqual(b.data);
  return { data: a.data, prefetched, loaded };
}

const PERSON = `query ($id: ID!) {
  person(id: $id) {
    id name country { code }
    positions { title from to organization { id name kind dialogues { id name themes { notes theme { id name } sources { id } } } } sources { id } }
    dialogues { role title dialogue { id startDate } onBehalfOf { id name } sources { id } }
    counterparts { person { id name } dialogues { id } sources { id } }
    sources { id title }
    ...more
  }
}
fragment more on Person { alias: positions(at: "2015") { title organization { id parent { id } } } }`;

const ORGANIZATION = `query ($id: ID!) {
  organization(id: $id) {
    id name parent { id name } children { id } ancestors { id }
    members { title validFrom: from person { id name counterparts { person { id } } } }
    dialogues { id participants { role person { id } onBehalfOf { id } } series { id editions { id } } }
    agreements { id parties { organization { id } sources { id } } themes { id broader { id } } dialogue { id } }
    sources { id }
  }
}`;

const DIALOGUE = `query ($id: ID!) {
  dialogue(id: $id) {
    id name host { code } countries { code }
    series { id name editions { id startDate } }
    participants { role title person { id name positions { title organization { id } } } onBehalfOf { id } }
    themes { notes theme { id name narrower { id } broader { id } } }
    agreements { id kind parties { organization { id name } } }
    workingGroups { id } sources { id publisher }
    ... on Node { id }
  }
}`;

const AGREEMENT = `query ($id: ID!) {
  agreement(id: $id) { id name signedOn parties { organization { id members { person { id } } } } dialogue { id participants { person { id } } } themes { id agreements { id } } sources { id } }
}`;

const THEME = `query ($id: ID!) { theme(id: $id) { id name broader { id } narrower { id narrower { id } } agreements { id parties { organization { id } } } } }`;

test('people: nested posts, attendance, counterparts and sources are answered the same, in 1 statement', async () => {
  expect(ids.people.length).toBeGreaterThanOrEqual(10);
  for (const id of ids.people) {
    const r = await both(PERSON, { id });
    expect(r.prefetched).toBe(1);
    expect(r.loaded).toBeGreaterThan(r.prefetched);
  }
});

test('organisations, dialogues, agreements and themes: the same answers, in 1 statement', async () => {
  const cases: [string, string[]][] = [
    [ORGANIZATION, ids.organizations],
    [DIALOGUE, ids.dialogues],
    [AGREEMENT, ids.agreements],
    [THEME, ids.themes],
  ];
  for (const [query, list] of cases) {
    expect(list.length).toBeGreaterThan(0);
    for (const id of list) {
      const r = await both(query, { id });
      expect(r.data).not.toBeNull();
      expect(r.prefetched).toBe(1);
    }
  }
});

test('members at a date: filtered in the graph, the same answers with and without the prefetch', async () => {
  const query = `query ($id: ID!, $at: Date!) { organization(id: $id) {
    now: members(at: $at) { title from to person { id name } }
    all: members { title person { id } }
  } }`;
  const sameAt = `query ($id: ID!, $at: Date!) { organization(id: $id) { members(at: $at) { title person { id } } } }`;
  let compared = 0;
  for (const id of ids.organizations) {
    const all = await both(`query ($id: ID!) { organization(id: $id) { members { from to } } }`, { id });
    const posts = (all.data as { organization: { members: { from: string | null }[] } }).organization.members;
    const at = posts.find((p) => p.from !== null)?.from;
    if (!at) continue;
    for (const date of [at, at.slice(0, 4)]) {
      // Two different `at`s under one name (aliases) are left to the loaders; one `at` is prefetched.
      await both(query, { id, at: date });
      const r = await both(sameAt, { id, at: date });
      expect(r.prefetched).toBe(1);
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(0);
});

test('by name: the lookup, then one statement for everything below it', async () => {
  const { data } = await both(`{ person(id: "${ids.people[0] ?? ''}") { name } }`, {});
  const name = (data as { person: { name: string } }).person.name;
  const r = await both(
    `query ($name: String!) { person(name: $name) { id positions { organization { dialogues { themes { theme { id } } } } } } }`,
    { name },
  );
  expect(r.prefetched).toBe(2);
  expect(r.loaded).toBe(6);
});

test('a selection wider than the prefetch cap: the rest falls back to the loaders, answers unchanged', async () => {
  const query = `query ($id: ID!) { organization(id: $id) {
    id country { code } countries { code } parent { id } children { id } ancestors { id } sources { id }
    members { title person { id country { code } positions { title } dialogues { role } counterparts { person { id } } sources { id } } organization { id } sources { id } }
    dialogues { id host { code } countries { code } series { id editions { id } }
      participants { role person { id } onBehalfOf { id } dialogue { id } country { code } sources { id } }
      themes { theme { id broader { id } narrower { id } } sources { id } }
      agreements { id parties { organization { id } } themes { id } } workingGroups { id } sources { id } }
    agreements { id parties { organization { id } sources { id } } dialogue { id } themes { id } sources { id } }
  } }`;
  for (const id of ids.organizations) {
    const r = await both(query, { id });
    // More levels than one statement takes: the prefetch takes the first MAX_PREFETCH_STEPS, loaders the rest.
    expect(r.prefetched).toBeGreaterThan(1);
    expect(r.prefetched).toBeLessThan(r.loaded);
  }
});

test('list pages: the page, then one statement for everything below its entities', async () => {
  const lists: [string, string][] = [
    [
      'people',
      `people(first: 15) { totalCount edges { cursor node { id positions { title organization { id name } } } }
        nodes { id country { code } dialogues { role dialogue { id } } counterparts { person { id } } } }`,
    ],
    [
      'organizations',
      `organizations(first: 15) { nodes { id parent { id } members { title person { id } } dialogues { id } } }`,
    ],
    [
      'dialogues',
      `dialogues(first: 15) { nodes { id themes { theme { id } } participants { person { id } } } }`,
    ],
    ['themes', `themes(used: true, first: 10) { nodes { id broader { id } agreements { id } } }`],
  ];
  for (const [field, selection] of lists) {
    const r = await both(`{ ${selection} }`, {});
    expect((r.data as Record<string, unknown>)[field]).toBeDefined();
    // The page itself (and its count), then the prefetch; the loaders need one statement per level and type.
    expect(r.prefetched).toBeLessThanOrEqual(3);
    expect(r.loaded).toBeGreaterThan(r.prefetched);
  }
});

test('an unknown id or a lookup that finds nothing: null, as without the prefetch', async () => {
  const r = await both(PERSON, { id: 'person:no-such-person' });
  expect(r.data).toEqual({ person: null });
  const s = await both(`{ organization(name: "No Such Ministry Anywhere") { id members { title } } }`, {});
  expect(s.data).toEqual({ organization: null });
});
