// The edit history over HTTP: Query.changes (keyset pages on seq, oldest first, `since`, totalCount, cursors for an
// incremental sync), Change.source, Source.revisions and Source.hash. The Change rows are written here with the
// history's own functions (graph/history.ts), so these tests do not depend on what the loader records.
import type { GraphExecutor } from '../../graph/executor';
import { lockHistory, recordChanges, type ChangeEntry } from '../../graph/history';
import { startTestServer, type TestServer } from '../helpers/api';
import { resetGraph, seed, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;
let sourceIds: string[];

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  server = await startTestServer(executor);
  const rows = await executor.read('MATCH (s:Source) RETURN s.id AS id ORDER BY s.id');
  sourceIds = rows.map((r) => String(r.id));
}, 120000);
afterAll(async () => {
  await server?.close();
  await executor?.close();
});

/** An empty history (whatever the loader recorded), so numbering starts at 1. */
const clearHistory = () => executor.withWrite((run) => run('MATCH (c:Change|ChangeCounter) DETACH DELETE c'));

const entry = (i: number, sourceId: string, over: Partial<ChangeEntry> = {}): ChangeEntry => ({
  action: i === 0 ? 'load' : 'revision',
  sourceId,
  sourceTitle: `Title ${i}`,
  file: `file-${i}.yaml`,
  hash: `${i}`.padStart(64, '0'),
  added: i,
  removed: i % 2,
  kept: 10 - i,
  lines: [`+ fact ${i}`, `- old fact ${i}`],
  ...over,
});

const record = (who: string, entries: ChangeEntry[]) =>
  executor.withWrite(async (run) => {
    await lockHistory(run);
    await recordChanges(run, who, entries);
  });

interface Page {
  totalCount: number;
  nodes: { seq: number; at: string; who: string; action: string; sourceTitle: string }[];
  edges: { cursor: string; node: { seq: number } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CHANGES = `query ($first: Int, $after: String, $since: DateTime) {
  changes(first: $first, after: $after, since: $since) {
    totalCount
    nodes { seq at who action sourceTitle }
    edges { cursor node { seq } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function page(vars: Record<string, unknown>): Promise<Page> {
  const r = await server.gql<{ changes: Page }>(CHANGES, vars);
  expect(r.errors).toBeUndefined();
  if (!r.data) throw new Error('no data');
  return r.data.changes;
}

describe('changes', () => {
  beforeAll(async () => {
    await clearHistory();
    // Two commits, a little apart, so that `since` can fall between them.
    await record(
      'alice',
      [0, 1, 2, 3].map((i) => entry(i, sourceIds[0] ?? '')),
    );
    await new Promise((r) => setTimeout(r, 50));
    await record(
      'bob',
      [4, 5, 6].map((i) => entry(i, sourceIds[1] ?? '')),
    );
  });

  test('pages of 3 through all 7, oldest first, each cursor resuming after the last', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    const shapes: [number, boolean][] = [];
    for (let i = 0; i < 5; i += 1) {
      const p = await page({ first: 3, after });
      expect(p.totalCount).toBe(7);
      expect(p.edges.map((e) => e.node.seq)).toEqual(p.nodes.map((n) => n.seq));
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
      shapes.push([p.nodes.length, p.pageInfo.hasNextPage]);
      seen.push(...p.nodes.map((n) => n.seq));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(shapes).toEqual([
      [3, true],
      [3, true],
      [1, false],
    ]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const all = await page({});
    expect(all.nodes.map((n) => [n.seq, n.who, n.action, n.sourceTitle])).toEqual([
      [1, 'alice', 'load', 'Title 0'],
      [2, 'alice', 'revision', 'Title 1'],
      [3, 'alice', 'revision', 'Title 2'],
      [4, 'alice', 'revision', 'Title 3'],
      [5, 'bob', 'revision', 'Title 4'],
      [6, 'bob', 'revision', 'Title 5'],
      [7, 'bob', 'revision', 'Title 6'],
    ]);
    expect(all.pageInfo.hasNextPage).toBe(false);
  });

  test('an incremental sync: after the last cursor, nothing until new changes, then exactly those', async () => {
    const last = (await page({})).pageInfo.endCursor;
    const empty = await page({ after: last });
    expect(empty.nodes).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(empty.totalCount).toBe(7);
    await record('carol', [entry(7, sourceIds[0] ?? ''), entry(8, sourceIds[0] ?? '')]);
    try {
      const next = await page({ after: last });
      expect(next.nodes.map((n) => [n.seq, n.who])).toEqual([
        [8, 'carol'],
        [9, 'carol'],
      ]);
      expect(next.totalCount).toBe(9);
    } finally {
      await executor.withWrite((run) => run('MATCH (c:Change) WHERE c.seq > 7 DELETE c'));
    }
  });

  test('since keeps the changes written at or after an instant, whatever offset it is given in', async () => {
    const all = await page({});
    const fifth = all.nodes[4];
    if (fifth === undefined) throw new Error('no fifth change');
    expect(new Date(fifth.at).getTime()).toBeGreaterThan(new Date(all.nodes[3]?.at ?? '').getTime());
    const since = await page({ since: fifth.at, first: 2 });
    expect(since.totalCount).toBe(3);
    expect(since.nodes.map((n) => n.seq)).toEqual([5, 6]);
    const rest = await page({ since: fifth.at, after: since.pageInfo.endCursor });
    expect(rest.nodes.map((n) => n.seq)).toEqual([7]);
    // The same instant, a millisecond earlier, at +05:30: still the last three.
    const ms = new Date(fifth.at).getTime() - 1;
    const shifted = new Date(ms + 330 * 60000).toISOString().replace('Z', '+05:30');
    expect((await page({ since: shifted })).nodes.map((n) => n.seq)).toEqual([5, 6, 7]);
    expect((await page({ since: '2000-01-01T00:00:00Z' })).totalCount).toBe(7);
    expect((await page({ since: '2999-01-01T00:00Z' })).totalCount).toBe(0);
  });

  test('every field of a Change, and its source (null when the document is not in the graph)', async () => {
    await record('dave', [
      entry(2, 'source:withdrawn-long-ago', { action: 'retraction', file: null, hash: null, lines: [] }),
    ]);
    try {
      const r = await server.gql<{
        changes: { nodes: Record<string, unknown>[] };
      }>(`{ changes(first: 200) { nodes {
        seq at who action sourceId sourceTitle file hash added removed kept lines source { id title }
      } } }`);
      expect(r.errors).toBeUndefined();
      const nodes = r.data?.changes.nodes ?? [];
      expect(nodes[0]).toMatchObject({
        seq: 1,
        who: 'alice',
        action: 'load',
        sourceId: sourceIds[0],
        sourceTitle: 'Title 0',
        file: 'file-0.yaml',
        hash: '0'.repeat(64),
        added: 0,
        removed: 0,
        kept: 10,
        lines: ['+ fact 0', '- old fact 0'],
        source: { id: sourceIds[0] },
      });
      expect(String(nodes[0]?.at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(nodes.at(-1)).toMatchObject({
        action: 'retraction',
        sourceId: 'source:withdrawn-long-ago',
        file: null,
        hash: null,
        lines: [],
        source: null,
      });
    } finally {
      await executor.withWrite((run) => run('MATCH (c:Change) WHERE c.seq > 7 DELETE c'));
    }
  });

  test('limits and bad input: first at most 200, cursors of this API only, a real DateTime', async () => {
    const code = async (q: string) => (await server.gql(q)).errors?.[0]?.extensions?.code;
    expect(await code('{ changes(first: 201) { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ changes(first: -1) { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ changes(after: "not-a-cursor") { totalCount } }')).toBe('BAD_USER_INPUT');
    // As variables, bad instants are the client's mistake; as literals, GraphQL refuses them at validation.
    const sinceCode = async (since: string) =>
      (await server.gql(CHANGES, { since })).errors?.[0]?.extensions?.code;
    for (const since of ['2024-02-30T00:00:00Z', '2024-01-01', '2024-01-01T10:00:00', 'yesterday'])
      expect([since, await sinceCode(since)]).toEqual([since, 'BAD_USER_INPUT']);
    expect(await code('{ changes(since: "2024-01-01") { totalCount } }')).toBe('GRAPHQL_VALIDATION_FAILED');
    const empty = await page({ first: 0 });
    expect(empty).toMatchObject({ totalCount: 7, nodes: [], pageInfo: { hasNextPage: true } });
  });

  test('an action the history does not know is a data error, not passed on', async () => {
    await executor.withWrite((run) =>
      run(`CREATE (:Change {seq: 100, at: toString(datetime()), who: 'x', action: 'rename', sourceId: 's',
        sourceTitle: 't', added: 0, removed: 0, kept: 0, lines: []})`),
    );
    try {
      const r = await server.gql('{ changes(first: 200) { nodes { action } } }');
      expect(r.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(r.errors?.[0]?.message).not.toContain('rename');
    } finally {
      await executor.withWrite((run) => run('MATCH (c:Change {seq: 100}) DELETE c'));
    }
  });
});

describe('Source.revisions and Source.hash', () => {
  test("a source's changes, oldest first; none for a source without history", async () => {
    const q = `query ($id: ID!) { source(id: $id) { id hash revisions { seq action who added } } }`;
    type R = { source: { hash: string | null; revisions: { seq: number; who: string }[] } };
    const first = await server.gql<R>(q, { id: sourceIds[0] });
    expect(first.errors).toBeUndefined();
    expect(first.data?.source.revisions.map((c) => [c.seq, c.who])).toEqual([
      [1, 'alice'],
      [2, 'alice'],
      [3, 'alice'],
      [4, 'alice'],
    ]);
    const second = await server.gql<R>(q, { id: sourceIds[1] });
    expect(second.data?.source.revisions.map((c) => c.seq)).toEqual([5, 6, 7]);
    const other = sourceIds[2];
    if (other !== undefined) {
      const none = await server.gql<R>(q, { id: other });
      expect(none.data?.source.revisions).toEqual([]);
    }
  });

  test('hash is the stored sha256 of the readout in force', async () => {
    const id = sourceIds[0] ?? '';
    const before = await executor.read('MATCH (s:Source {id: $id}) RETURN s.hash AS hash', { id });
    await executor.withWrite((run) =>
      run('MATCH (s:Source {id: $id}) SET s.hash = $h', { id, h: 'ab'.repeat(32) }),
    );
    try {
      const r = await server.gql<{ source: { hash: string } }>(
        `query ($id: ID!) { source(id: $id) { hash } }`,
        {
          id,
        },
      );
      expect(r.data?.source.hash).toBe('ab'.repeat(32));
    } finally {
      await executor.withWrite((run) =>
        run('MATCH (s:Source {id: $id}) SET s.hash = $h', { id, h: before[0]?.hash ?? null }),
      );
    }
  });
});
