// The graph follows its sources: a changed readout of a known document replaces that document's assertions, a
// retraction withdraws them, values disputed between documents do not depend on load order, and every change is
// in the history. Each case compares with a clean load of the readouts in force, the definition of correct.
import { ConflictError, NotFoundError } from '../../graph/errors';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts, type ReadoutInput } from '../../graph/readout/ingest';
import { retractSources } from '../../graph/readout/retract';
import { fixture, resetGraph, seedInputs, snapshot, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
beforeAll(() => {
  executor = testExecutor();
});
afterAll(() => executor.close());

const EXAMPLE = fixture('example.yaml');
const SOURCE = 'source:joint-statement-on-the-3rd-example-sample-border-dialogue';

/** example.yaml with edits, each checked so that a fixture change cannot silently turn a case into a no-op. */
function edit(text: string, ...pairs: [string, string][]): string {
  return pairs.reduce((t, [find, replace]) => {
    if (!t.includes(find)) throw new Error(`test bug: "${find}" is not in the readout`);
    return t.replace(find, replace);
  }, text);
}

const input = (text: string, file = 'example.yaml'): ReadoutInput => ({ file, text });
const load = (...texts: string[]) =>
  ingestReadouts(
    executor,
    texts.map((t, i) => input(t, `r${i}.yaml`)),
  );

/** The graph a clean load of exactly these readouts gives. */
async function cleanLoad(...texts: string[]) {
  await resetGraph(executor);
  if (texts.length > 0) await load(...texts);
  return snapshot(executor);
}

// The same dialogue told by a second, independent document: it shares the people, posts and agreement.
const SECOND = edit(
  EXAMPLE,
  ['url: https://example.org/statements/3rd-border-dialogue', 'url: https://example.org/wire/border-talks'],
  ['publisher: Example Ministry of Interior', 'publisher: Example Wire'],
  ['published: 2025-05-14', 'published: 2025-05-15'],
  ['  - name: cybercrime\n    note: agreed to share threat indicators\n', ''],
);
const CORRECTED = edit(EXAMPLE, ['title: Deputy Minister of Interior', 'title: Minister of Interior']);

async function posts(): Promise<{ title: string; sources: string[] }[]> {
  const rows = await executor.read(
    `MATCH (:Person {key: 'ex|jane example'})-[e:HOLDS_POST]->() RETURN e.title AS title, e.sources AS sources ORDER BY title`,
  );
  return rows.map((r) => ({ title: String(r.title), sources: r.sources as string[] }));
}

describe('a revision', () => {
  beforeEach(() => resetGraph(executor));

  test('replaces what only this document asserted and gives the graph of a clean load of the new version', async () => {
    await load(EXAMPLE);
    const report = await load(CORRECTED);
    expect(report.readouts[0]).toMatchObject({ action: 'revised', sourceId: SOURCE });
    expect(report.readouts[0]?.diff?.removed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Jane Example — HOLDS_POST Deputy Minister of Interior — Ministry of Interior$/,
        ),
      ]),
    );
    expect(report.readouts[0]?.diff?.added).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Jane Example — HOLDS_POST Minister of Interior — Ministry of Interior$/),
      ]),
    );
    expect(report.readouts[0]?.diff?.kept.length).toBeGreaterThan(10);
    expect(await posts()).toEqual([{ title: 'Minister of Interior', sources: [SOURCE] }]);
    const revised = await snapshot(executor);
    expect(revised).toEqual(await cleanLoad(CORRECTED));
  });

  test('takes only its own document from facts another document also asserts', async () => {
    await load(EXAMPLE, SECOND);
    await load(CORRECTED);
    expect(await posts()).toEqual([
      {
        title: 'Deputy Minister of Interior',
        sources: ['source:joint-statement-on-the-3rd-example-sample-border-dialogue-2025-05-15'],
      },
      { title: 'Minister of Interior', sources: [SOURCE] },
    ]);
    // Ids of the second document depend on which came first: compare content with the same first document.
    expect(await snapshot(executor)).toEqual(await cleanLoad(CORRECTED, SECOND));
  });

  test('removes entities and names no document supports any more', async () => {
    await load(EXAMPLE);
    const dropped = edit(
      EXAMPLE,
      ['    aliases: [MoI]\n', ''],
      [
        '  - name: Border Guard Academy\n    country: SM\n    kind: academy\n    partOf: Ministry of Public Security\n',
        '',
      ],
      [
        'parties: [Ministry of Interior, Border Guard Academy]',
        'parties: [Ministry of Interior, Ministry of Public Security]',
      ],
    );
    await load(dropped);
    const left = await executor.read(
      `MATCH (n) WHERE n.key IN ['sm|border guard academy'] OR (n:Name AND n.norm = 'moi') RETURN count(n) AS n`,
    );
    expect(Number(left[0]?.n)).toBe(0);
    expect(await snapshot(executor)).toEqual(await cleanLoad(dropped));
  });

  test('the same content again changes nothing and records nothing', async () => {
    await load(EXAMPLE);
    const before = await snapshot(executor);
    const again = await load(EXAMPLE);
    expect(again.readouts[0]?.action).toBe('unchanged');
    expect(await snapshot(executor)).toEqual(before);
    const changes = await executor.read('MATCH (c:Change) RETURN c.action AS action ORDER BY c.seq');
    expect(changes.map((c) => c.action)).toEqual(['load']);
  });

  test('a dry run reports the diff and leaves the graph as it was', async () => {
    await load(EXAMPLE);
    const before = await snapshot(executor);
    const dry = await ingestReadouts(executor, [input(CORRECTED)], { dryRun: true });
    expect(dry.readouts[0]?.action).toBe('revised');
    expect(dry.readouts[0]?.diff?.added.some((l) => l.includes('HOLDS_POST Minister of Interior'))).toBe(
      true,
    );
    expect(await snapshot(executor)).toEqual(before);
  });

  test('two versions of one document in one load are refused', async () => {
    await expect(load(EXAMPLE, CORRECTED)).rejects.toThrow(/same document as in r0.yaml/);
  });

  test('every change is in the history, numbered in order, with who made it', async () => {
    await ingestReadouts(executor, [input(EXAMPLE)], { who: 'alice' });
    await ingestReadouts(executor, [input(CORRECTED)], { who: 'bob' });
    await retractSources(executor, [SOURCE], { who: 'carol' });
    const rows = await executor.read(
      'MATCH (c:Change) RETURN c.seq AS seq, c.action AS action, c.who AS who, c.sourceId AS sid, c.lines AS lines ORDER BY c.seq',
    );
    expect(rows.map((r) => [r.action, r.who, r.sid])).toEqual([
      ['load', 'alice', SOURCE],
      ['revision', 'bob', SOURCE],
      ['retraction', 'carol', SOURCE],
    ]);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs[1]! - seqs[0]!).toBe(1);
    expect(rows[1]?.lines).toEqual(
      expect.arrayContaining(['+ Jane Example — HOLDS_POST Minister of Interior — Ministry of Interior']),
    );
  });
});

describe('values documents dispute', () => {
  const ACADEMY_AS_AGENCY = edit(
    SECOND,
    ['kind: academy', 'kind: agency'],
    ['city: Sampleton', 'city: Sample City'],
  );

  test('do not depend on the order the documents were loaded in', async () => {
    const ab = await cleanLoad(EXAMPLE, ACADEMY_AS_AGENCY);
    await resetGraph(executor);
    await load(ACADEMY_AS_AGENCY);
    await load(EXAMPLE);
    const rows = await executor.read(
      `MATCH (o:Organization {key: 'sm|border guard academy'}) MATCH (d:Dialogue) RETURN o.kind AS kind, d.city AS city`,
    );
    // One document each: the more recently published one (the wire report, a day later) gives the values.
    expect(rows).toEqual([{ kind: 'agency', city: 'Sample City' }]);
    const ids = (s: typeof ab) => ({ ...s, checksum: '' });
    expect(ids(await snapshot(executor))).toEqual(ids(ab));
  });

  test('follow the documents when one is withdrawn', async () => {
    await resetGraph(executor);
    await load(EXAMPLE, ACADEMY_AS_AGENCY);
    await retractSources(executor, [
      'source:joint-statement-on-the-3rd-example-sample-border-dialogue-2025-05-15',
    ]);
    const rows = await executor.read(
      `MATCH (o:Organization {key: 'sm|border guard academy'}) RETURN o.kind AS kind`,
    );
    expect(rows).toEqual([{ kind: 'academy' }]);
    expect(await snapshot(executor)).toEqual(await cleanLoad(EXAMPLE));
  });
});

describe('a retraction', () => {
  test('withdraws the document and all only it asserted: the graph of a clean load of the others', async () => {
    const seeds = seedInputs().map((i) => i.text);
    await resetGraph(executor);
    await load(...seeds, EXAMPLE);
    const report = await retractSources(executor, [SOURCE]);
    expect(report.sources[0]?.diff.removed.length).toBeGreaterThan(20);
    expect(report.sources[0]?.nodesRemoved).toBeGreaterThan(5);
    expect(await snapshot(executor)).toEqual(await cleanLoad(...seeds));
  });

  test('of the seed documents one by one leaves an empty graph but for the vocabulary', async () => {
    await cleanLoad(...seedInputs().map((i) => i.text));
    const empty = await cleanLoad();
    await load(...seedInputs().map((i) => i.text));
    const ids = await executor.read('MATCH (s:Source) RETURN s.id AS id ORDER BY id');
    await retractSources(
      executor,
      ids.map((r) => String(r.id)),
    );
    expect(await snapshot(executor)).toEqual(empty);
  });

  test('dry run changes nothing; an unknown id is NOT_FOUND before anything is written', async () => {
    await cleanLoad(EXAMPLE);
    const before = await snapshot(executor);
    const dry = await retractSources(executor, [SOURCE], { dryRun: true });
    expect(dry.sources[0]?.diff.removed.length).toBeGreaterThan(20);
    expect(await snapshot(executor)).toEqual(before);
    await expect(retractSources(executor, [SOURCE, 'source:nope'])).rejects.toThrow(NotFoundError);
    expect(await snapshot(executor)).toEqual(before);
  });

  test('that would strand another document’s reference by name is a CONFLICT and writes nothing', async () => {
    const referring = `format: readout/v1
source: { title: A later note, publisher: Test, published: 2025-06-01, kind: news }
dialogue: { name: A follow-up meeting, start: 2025-06-01, countries: [EX, SM] }
people:
  - { name: Jane Example, country: EX, title: Deputy Minister of Interior, organization: Ministry of Interior, role: co_chair }
`;
    await cleanLoad(EXAMPLE, referring);
    const before = await snapshot(executor);
    await expect(retractSources(executor, [SOURCE])).rejects.toThrow(ConflictError);
    expect(await snapshot(executor)).toEqual(before);
  });

  test('a revision that would take away a name another document refers by is a CONFLICT and writes nothing', async () => {
    const byAlias = `format: readout/v1
source: { title: A later note, publisher: Test, published: 2025-06-01, kind: news }
dialogue: { name: A follow-up meeting, start: 2025-06-01, countries: [EX, SM] }
people:
  - { name: Jane Example, country: EX, title: Deputy Minister of Interior, organization: MoI, role: co_chair }
`;
    const withoutAlias = edit(EXAMPLE, ['    aliases: [MoI]\n', '']);
    await cleanLoad(EXAMPLE, byAlias);
    const before = await snapshot(executor);
    const refused = load(withoutAlias);
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow(/would lose the name\(s\) "moi".*source:a-later-note.*by "moi"/);
    expect(await snapshot(executor)).toEqual(before);
    // Once the referring document names the ministry in full, the alias may go: the graph of a clean load.
    await load(edit(byAlias, ['organization: MoI', 'organization: Ministry of Interior']));
    await load(withoutAlias);
    expect(await snapshot(executor)).toEqual(
      await cleanLoad(
        withoutAlias,
        edit(byAlias, ['organization: MoI', 'organization: Ministry of Interior']),
      ),
    );
  });
});
