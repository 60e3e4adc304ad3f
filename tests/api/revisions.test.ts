// Revisions and retractions through the API: ingestReadout's action and diff, the history they leave (who, counts,
// lines, hash) read through `changes` and Source.revisions, retractSource (dry run, for real, NOT_FOUND, refused
// without a token), and the write path's internal claims kept out of every raw edge property map.
import type { GraphExecutor } from '../../graph/executor';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../helpers/api';
import { fixture, resetGraph, snapshot, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;

const ALICE = 'alice-token-0123456789abcdef';
const BOB = 'bob-token-0123456789abcdef';
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

const EXAMPLE = fixture('example.yaml');
const SOURCE = 'source:joint-statement-on-the-3rd-example-sample-border-dialogue';
const CORRECTED = EXAMPLE.replace('title: Deputy Minister of Interior', 'title: Minister of Interior');
const OLD_POST = 'Jane Example — HOLDS_POST Deputy Minister of Interior — Ministry of Interior';
const NEW_POST = 'Jane Example — HOLDS_POST Minister of Interior — Ministry of Interior';

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  server = await startTestServer(executor, {
    editorTokens: [
      { label: 'alice', token: ALICE },
      { label: 'bob', token: BOB },
    ],
  });
}, 120000);
afterAll(async () => {
  await server?.close();
  await executor?.close();
});

interface Diff {
  added: string[];
  removed: string[];
  kept: string[];
}
interface Ingested {
  ingestReadout: {
    dryRun: boolean;
    readouts: { sourceId: string; action: string; diff: Diff | null; nodesCreated: number }[];
  };
}
const INGEST = `mutation ($r: String!, $dry: Boolean) { ingestReadout(readout: $r, dryRun: $dry) {
  dryRun readouts { sourceId action nodesCreated diff { added removed kept } } } }`;

async function ingest(readout: string, token: string, dryRun = false) {
  const r = await server.gql<Ingested>(INGEST, { r: readout, dry: dryRun }, auth(token));
  expect(r.errors).toBeUndefined();
  const first = r.data?.ingestReadout.readouts[0];
  if (first === undefined) throw new Error('no readout reported');
  return first;
}

interface ChangeRow {
  seq: number;
  who: string;
  action: string;
  sourceId: string;
  file: string | null;
  hash: string | null;
  added: number;
  removed: number;
  kept: number;
  lines: string[];
  source: { id: string } | null;
}
const CHANGE_FIELDS = 'seq who action sourceId file hash added removed kept lines source { id }';

async function history(): Promise<{ totalCount: number; nodes: ChangeRow[] }> {
  const r = await server.gql<{ changes: { totalCount: number; nodes: ChangeRow[] } }>(
    `{ changes(first: 200) { totalCount nodes { ${CHANGE_FIELDS} } } }`,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.changes ?? { totalCount: -1, nodes: [] };
}

describe('revisions', () => {
  let revision: Diff;

  test('a first load is added, with no diff; its history entry says who and how many facts', async () => {
    const added = await ingest(EXAMPLE, ALICE);
    expect(added).toMatchObject({ sourceId: SOURCE, action: 'added', diff: null });
    const h = await history();
    expect(h.totalCount).toBe(1);
    expect(h.nodes[0]).toMatchObject({ seq: 1, who: 'alice', action: 'load', sourceId: SOURCE, removed: 0 });
    expect(h.nodes[0]?.added).toBeGreaterThan(10);
    expect(h.nodes[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(h.nodes[0]?.source).toEqual({ id: SOURCE });
  });

  test('a changed readout of the same document is revised: the diff names the post withdrawn and added', async () => {
    const revised = await ingest(CORRECTED, BOB);
    expect(revised.action).toBe('revised');
    revision = revised.diff ?? { added: [], removed: [], kept: [] };
    expect(revision.removed).toContain(OLD_POST);
    expect(revision.added).toContain(NEW_POST);
    expect(revision.kept.length).toBeGreaterThan(10);
    const post = await server.gql<{ person: { positions: { title: string }[] } }>(
      '{ person(name: "Jane Example") { positions { title } } }',
    );
    expect(post.data?.person.positions).toEqual([{ title: 'Minister of Interior' }]);
  });

  test('the same readout again is unchanged and records nothing; a dry run reports a diff and records nothing', async () => {
    const again = await ingest(CORRECTED, EDITOR_TOKEN);
    expect(again).toMatchObject({ action: 'unchanged', nodesCreated: 0 });
    const before = await snapshot(executor);
    const dry = await ingest(EXAMPLE, ALICE, true);
    expect(dry.action).toBe('revised');
    expect(dry.diff?.added).toContain(OLD_POST);
    expect(dry.diff?.removed).toContain(NEW_POST);
    expect(await snapshot(executor)).toEqual(before);
    expect((await history()).totalCount).toBe(2);
  });

  test('changes: the load and the revision, oldest first, with counts and lines matching the diff', async () => {
    const h = await history();
    expect(h.nodes.map((c) => [c.seq, c.who, c.action])).toEqual([
      [1, 'alice', 'load'],
      [2, 'bob', 'revision'],
    ]);
    const [load, rev] = h.nodes;
    expect(rev).toMatchObject({
      sourceId: SOURCE,
      file: 'readout',
      added: revision.added.length,
      removed: revision.removed.length,
      kept: revision.kept.length,
    });
    expect(rev?.lines).toEqual(expect.arrayContaining([`- ${OLD_POST}`, `+ ${NEW_POST}`]));
    expect(rev?.lines).toHaveLength(revision.added.length + revision.removed.length);
    expect(rev?.hash).not.toBe(load?.hash);
    const src = await server.gql<{ source: { hash: string; revisions: { seq: number; action: string }[] } }>(
      `query ($id: ID!) { source(id: $id) { hash revisions { seq action } } }`,
      { id: SOURCE },
    );
    expect(src.data?.source.hash).toBe(rev?.hash);
    expect(src.data?.source.revisions).toEqual([
      { seq: 1, action: 'load' },
      { seq: 2, action: 'revision' },
    ]);
  });

  test("raw edge properties never show the write path's claims (relations, paths, subgraph)", async () => {
    const stored = await executor.read(
      `MATCH (:Person {name: 'Jane Example'})-[p:HOLDS_POST]->() MATCH (:Source)-[m:MENTIONS]->(:Person {name: 'Jane Example'})
       RETURN p.claims AS claims, m.claim AS claim`,
    );
    // The graph does keep them, so the checks below are not vacuous.
    expect(Array.isArray(stored[0]?.claims)).toBe(true);
    expect(typeof stored[0]?.claim).toBe('string');
    const r = await server.gql<{
      person: {
        id: string;
        relations: { type: string; properties: Record<string, unknown>; node: { id: string } }[];
      };
      source: { relations: { properties: Record<string, unknown> }[] };
    }>(
      `query ($s: ID!) {
        person(name: "Jane Example") { id relations { type properties node { id } } }
        source(id: $s) { relations { properties } }
      }`,
      { s: SOURCE },
    );
    expect(r.errors).toBeUndefined();
    const person = r.data?.person;
    const all = [...(person?.relations ?? []), ...(r.data?.source.relations ?? [])];
    const post = person?.relations.find((x) => x.type === 'HOLDS_POST');
    expect(post?.properties).toMatchObject({ title: 'Minister of Interior' });
    for (const rel of all) {
      expect(rel.properties).not.toHaveProperty('claims');
      expect(rel.properties).not.toHaveProperty('claim');
    }
    const g = await server.gql<{
      subgraph: { edges: { properties: Record<string, unknown> }[] };
      paths: { edges: { properties: Record<string, unknown> }[] }[];
    }>(
      `query ($ids: [ID!]!, $from: ID!, $to: ID!) {
        subgraph(ids: $ids, depth: 2) { edges { properties } }
        paths(from: $from, to: $to) { edges { properties } }
      }`,
      { ids: [person?.id], from: person?.id, to: post?.node.id },
    );
    expect(g.errors).toBeUndefined();
    const edges = [...(g.data?.subgraph.edges ?? []), ...(g.data?.paths ?? []).flatMap((p) => p.edges)];
    expect(edges.length).toBeGreaterThan(3);
    for (const e of edges) {
      expect(e.properties).not.toHaveProperty('claims');
      expect(e.properties).not.toHaveProperty('claim');
    }
  });
});

describe('retractSource', () => {
  const RETRACT = `mutation ($id: ID!, $dry: Boolean) { retractSource(id: $id, dryRun: $dry) {
    dryRun durationMs sources { sourceId title nodesRemoved relationshipsRemoved diff { added removed kept } } } }`;
  type Retracted = {
    retractSource: {
      dryRun: boolean;
      durationMs: number;
      sources: { sourceId: string; title: string; nodesRemoved: number; diff: Diff }[];
    };
  };

  test('refused without a token or with a wrong one, FORBIDDEN on a server without tokens; nothing changes', async () => {
    const before = await snapshot(executor);
    const none = await server.gql(RETRACT, { id: SOURCE });
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await server.gql(RETRACT, { id: SOURCE }, auth('x'.repeat(ALICE.length)));
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const closed = await startTestServer(executor, { editorToken: undefined, editorTokens: [] });
    try {
      const r = await closed.gql(RETRACT, { id: SOURCE }, auth(ALICE));
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await closed.close();
    }
    expect(await snapshot(executor)).toEqual(before);
  });

  test('an unknown id is NOT_FOUND', async () => {
    const r = await server.gql(RETRACT, { id: 'source:no-such-document' }, auth(ALICE));
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  test('a dry run reports every fact withdrawn and writes nothing', async () => {
    const before = await snapshot(executor);
    const r = await server.gql<Retracted>(RETRACT, { id: SOURCE, dry: true }, auth(ALICE));
    expect(r.errors).toBeUndefined();
    const out = r.data?.retractSource;
    expect(out?.dryRun).toBe(true);
    expect(out?.sources).toHaveLength(1);
    expect(out?.sources[0]).toMatchObject({ sourceId: SOURCE, diff: { added: [], kept: [] } });
    expect(out?.sources[0]?.title).toMatch(/Border Dialogue/);
    expect(out?.sources[0]?.diff.removed).toContain(NEW_POST);
    expect(out?.sources[0]?.nodesRemoved).toBeGreaterThan(1);
    expect(await snapshot(executor)).toEqual(before);
    expect((await history()).totalCount).toBe(2);
  });

  test('for real: the document leaves the graph and the history records the retraction by its label', async () => {
    const r = await server.gql<Retracted>(RETRACT, { id: SOURCE }, auth(BOB));
    expect(r.errors).toBeUndefined();
    const removed = r.data?.retractSource.sources[0]?.diff.removed ?? [];
    expect(r.data?.retractSource.dryRun).toBe(false);
    expect(removed).toContain(NEW_POST);
    const gone = await server.gql<{ source: null; person: null }>(
      `query ($id: ID!) { source(id: $id) { id } person(name: "Jane Example") { id } }`,
      { id: SOURCE },
    );
    expect(gone.data).toEqual({ source: null, person: null });
    const h = await history();
    expect(h.nodes.map((c) => c.action)).toEqual(['load', 'revision', 'retraction']);
    expect(h.nodes[2]).toMatchObject({
      who: 'bob',
      sourceId: SOURCE,
      file: null,
      hash: null,
      added: 0,
      removed: removed.length,
      kept: 0,
      source: null,
    });
    expect(h.nodes[2]?.lines).toEqual(removed.map((l) => `- ${l}`));
    expect(h.nodes.every((c) => c.source === null)).toBe(true);
    const again = await server.gql(RETRACT, { id: SOURCE }, auth(BOB));
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
