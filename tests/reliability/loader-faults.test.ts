// Loader faults: the loader CLI killed with SIGKILL halfway through a batch leaves only whole readouts, and running
// it again completes the graph to exactly what a clean load gives; two loaders at once on overlapping file sets
// give that graph too. 200 synthetic readouts in `npm test`, 1,000 in `npm run soak` (LOADER_READOUTS). The loader
// commits readouts in batches (`--batch-size`, BATCH here, whatever the default): the count of sources moves in
// steps, and the kill, right after a batch is seen committed, lands while the next batch's transaction is open.
import fs from 'node:fs';
import type { GraphExecutor } from '../../graph/executor';
import { readReadoutFiles } from '../../graph/readout/files';
import { ingestReadouts } from '../../graph/readout/ingest';
import { duplicateIdentities, resetGraph, snapshot } from '../helpers/graph';
import { countOf, patientExecutor, sizeFromEnv, sleep, startLoader, synthetic } from './helpers';

const N = sizeFromEnv('LOADER_READOUTS', 200, 1000);
/** Readouts per write transaction: several batches, so that half of the readouts is a batch boundary. */
const BATCH = ['--batch-size', String(N / 4)];

let executor: GraphExecutor;
let uri: string;
let gen: { dir: string; files: string[] };
let clean: Awaited<ReturnType<typeof snapshot>>;
/** Per source: how many MENTIONS it has and how many fact relationships list it, after a clean load. */
let cleanFacts: Map<string, string>;
let cleanModuloIds: Awaited<ReturnType<typeof snapshot>>;
let cleanSuffixed: string[];

const duplicates = () => duplicateIdentities(executor);

async function factsBySource(): Promise<Map<string, string>> {
  const mentions = await executor.read(
    'MATCH (s:Source) OPTIONAL MATCH (s)-[m:MENTIONS]->() RETURN s.id AS id, count(m) AS n',
  );
  const facts = await executor.read(
    'MATCH ()-[r]->() WHERE r.sources IS NOT NULL UNWIND r.sources AS id RETURN id, type(r) AS type, count(*) AS n',
  );
  const out = new Map<string, string[]>();
  for (const m of mentions) out.set(String(m.id), [`MENTIONS:${String(m.n)}`]);
  for (const f of facts) out.get(String(f.id))?.push(`${String(f.type)}:${String(f.n)}`);
  return new Map([...out].map(([id, parts]) => [id, parts.sort().join(' ')]));
}

/**
 * Sources as reads see them. Not `count(s)`: that is answered from Neo4j's counts store, which a commit updates
 * before its nodes show in the label index, so right after the kill it could count a batch that a MATCH did not
 * find yet (seen in CI: 100 counted, none matched). `count(s.id)` reads the nodes themselves.
 */
const sources = () => countOf(executor, 'MATCH (s:Source) RETURN count(s.id) AS n');

/** Person ids that carry their country as a suffix (person:<name>-<cc>): given to the second namesake loaded. */
async function suffixedPeople(): Promise<string[]> {
  const rows = await executor.read(
    "MATCH (p:Person) WHERE p.id ENDS WITH '-' + toLower(p.country) RETURN p.key AS key ORDER BY key",
  );
  return rows.map((r) => String(r.key));
}

/**
 * The snapshot with every person's id reduced to its name part. Which of two namesakes from different countries
 * gets the plain id depends on which was loaded first (docs/data-model.md), so loaders racing each other may
 * legitimately swap them; everything else, including every key, property and relationship, must be identical.
 */
function snapshotModuloNamesakeIds() {
  return snapshot(executor, (nodes) => {
    for (const n of nodes) {
      const props = n.props as Record<string, unknown>;
      const labels = n.labels as string[];
      if (labels.includes('Person') && typeof props.id === 'string' && typeof props.country === 'string') {
        const suffix = `-${props.country.toLowerCase()}`;
        if (props.id.endsWith(suffix)) props.id = props.id.slice(0, -suffix.length);
      }
    }
  });
}

beforeAll(async () => {
  executor = patientExecutor();
  uri = process.env.NEO4J_URI ?? '';
  gen = synthetic(N, 'loader-faults');
  await resetGraph(executor);
  await ingestReadouts(executor, readReadoutFiles(gen.files));
  clean = await snapshot(executor);
  cleanFacts = await factsBySource();
  cleanModuloIds = await snapshotModuloNamesakeIds();
  cleanSuffixed = await suffixedPeople();
  expect(cleanFacts.size).toBe(N);
}, 1800000);

afterAll(async () => {
  await executor?.close();
  if (gen) fs.rmSync(gen.dir, { recursive: true, force: true });
});

test('SIGKILL halfway: only whole readouts; a second run completes the clean graph', async () => {
  await resetGraph(executor);
  const run = startLoader(uri, [gen.dir], BATCH);
  // Kill it once about half of the readouts are in (the loader validates the whole batch before writing any).
  const deadline = Date.now() + 1200000;
  let seen = 0;
  while (Date.now() < deadline && run.child.exitCode === null) {
    seen = await sources();
    if (seen >= N / 2) break;
    await sleep(25);
  }
  expect(run.child.exitCode).toBeNull();
  run.child.kill('SIGKILL');
  const killed = await run.done;
  expect(killed.signal).toBe('SIGKILL');

  const partial = await sources();
  process.stderr.write(`\nloader killed with ${partial} of ${N} readouts written\n`);
  expect(partial).toBeGreaterThanOrEqual(seen);
  expect(partial).toBeLessThan(N);
  // Every readout present is there whole: the same mentions and facts as in the clean load, and its dialogue.
  const facts = await factsBySource();
  expect(facts.size).toBe(partial);
  for (const [id, f] of facts) expect(`${id} ${f}`).toBe(`${id} ${cleanFacts.get(id)}`);
  expect(
    await countOf(executor, 'MATCH (s:Source) WHERE NOT (s)-[:MENTIONS]->(:Dialogue) RETURN count(s) AS n'),
  ).toBe(0);
  expect(await duplicates()).toEqual([]);

  const again = await startLoader(uri, [gen.dir]).done;
  expect(again.stderr).not.toMatch(/error/i);
  expect(again.code).toBe(0);
  expect(await duplicates()).toEqual([]);
  expect(await snapshot(executor)).toEqual(clean);
}, 1800000);

test('two loaders at once on overlapping file sets give the clean graph (up to namesake ids)', async () => {
  await resetGraph(executor);
  const third = Math.floor(N / 3);
  const a = startLoader(uri, gen.files.slice(0, 2 * third));
  const b = startLoader(uri, gen.files.slice(third));
  const [ra, rb] = await Promise.all([a.done, b.done]);
  expect([ra.code, ra.stderr.slice(-2000)]).toEqual([0, '']);
  expect([rb.code, rb.stderr.slice(-2000)]).toEqual([0, '']);
  expect(await duplicates()).toEqual([]);
  const raced = await snapshot(executor);
  expect({ nodes: raced.nodes, relationships: raced.relationships }).toEqual({
    nodes: clean.nodes,
    relationships: clean.relationships,
  });
  // As many namesakes got a suffixed id as in the clean load, and apart from which one, the graphs are equal.
  expect((await suffixedPeople()).length).toBe(cleanSuffixed.length);
  expect(await snapshotModuloNamesakeIds()).toEqual(cleanModuloIds);
  if (raced.checksum !== clean.checksum) {
    process.stderr.write(
      `\nconcurrent loaders: namesake ids assigned in another order than in the clean load (same graph otherwise)\n`,
    );
  }
}, 1800000);
