// A revision killed halfway: the loader CLI revising every readout of a loaded graph (a corrected title in each) is
// killed with SIGKILL once about half of them are revised. Each document is then either in its old version or in
// its new one, never a mix: the graph's content equals a clean load of exactly that mix. Running the loader again
// converges on the graph of the new versions. 200 readouts in `npm test`, 1,000 in `npm run soak`.
import fs from 'node:fs';
import path from 'node:path';
import { contentChecksum } from '../../graph/checksum';
import type { GraphExecutor } from '../../graph/executor';
import { readReadoutFiles } from '../../graph/readout/files';
import { draftReadouts, ingestReadouts, type ReadoutInput } from '../../graph/readout/ingest';
import { resetGraph } from '../helpers/graph';
import { patientExecutor, sizeFromEnv, sleep, startLoader, synthetic, tempDir } from './helpers';

const N = sizeFromEnv('REVISION_READOUTS', 200, 1000);
/** Readouts per write transaction: several batches, so that the kill lands between two of them. */
const BATCH = ['--batch-size', String(N / 4)];

let executor: GraphExecutor;
let v1: ReadoutInput[];
let v2: ReadoutInput[];
let v2dir: string;
let gen: { dir: string; files: string[] };
/** Per document (its hash in force), which version it is. */
const versionOf = new Map<string, { doc: number; version: 1 | 2 }>();

/** The readout with its first person's post title corrected: a revision that removes and adds facts. */
function corrected(text: string): string {
  const r = JSON.parse(text) as { people?: { title?: string }[] };
  const first = r.people?.[0];
  if (first?.title !== undefined) first.title = `${first.title} (corrected)`;
  return JSON.stringify(r, null, 2);
}

const hashes = async () =>
  (await executor.read('MATCH (s:Source) RETURN s.hash AS hash')).map((r) => String(r.hash));

beforeAll(async () => {
  executor = patientExecutor();
  gen = synthetic(N, 'revision-faults');
  v1 = readReadoutFiles(gen.files);
  v2dir = tempDir('gen-v2');
  v2 = v1.map((input, i) => {
    const file = path.join(v2dir, `r${String(i).padStart(5, '0')}.json`);
    fs.writeFileSync(file, corrected(input.text));
    return { file, text: fs.readFileSync(file, 'utf8') };
  });
  draftReadouts(v1).forEach((d, i) => versionOf.set(d.hash ?? '', { doc: i, version: 1 }));
  draftReadouts(v2).forEach((d, i) => versionOf.set(d.hash ?? '', { doc: i, version: 2 }));
  await resetGraph(executor);
  await ingestReadouts(executor, v1);
}, 1800000);

afterAll(async () => {
  await executor?.close();
  for (const d of [gen?.dir, v2dir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

test('SIGKILL halfway through a revision: each document old or new, never a mix; a rerun converges', async () => {
  const uri = process.env.NEO4J_URI ?? '';
  const run = startLoader(uri, [v2dir], BATCH);
  const revised = async () => (await hashes()).filter((h) => versionOf.get(h)?.version === 2).length;
  const deadline = Date.now() + 1200000;
  let seen = 0;
  while (Date.now() < deadline && run.child.exitCode === null) {
    seen = await revised();
    if (seen >= N / 2) break;
    await sleep(25);
  }
  expect(run.child.exitCode).toBeNull();
  run.child.kill('SIGKILL');
  expect((await run.done).signal).toBe('SIGKILL');

  // Every document is in force in exactly one of its two versions.
  const inForce = (await hashes()).map((h) => versionOf.get(h));
  expect(inForce.filter((v) => v === undefined)).toEqual([]);
  const versions = new Map(inForce.flatMap((v) => (v === undefined ? [] : [[v.doc, v.version] as const])));
  expect(versions.size).toBe(N);
  const newOnes = [...versions.values()].filter((v) => v === 2).length;
  process.stderr.write(`\nrevision killed with ${newOnes} of ${N} documents in their new version\n`);
  expect(newOnes).toBeGreaterThanOrEqual(seen);
  expect(newOnes).toBeLessThan(N);

  // The graph is exactly a clean load of that mix.
  const killed = await contentChecksum(executor);
  const mix = v1.map((input, i) => (versions.get(i) === 2 ? (v2[i] ?? input) : input));
  await resetGraph(executor);
  await ingestReadouts(executor, mix);
  expect(await contentChecksum(executor)).toEqual(killed);

  // Running the revision again finishes it: the graph of the new versions.
  const again = await startLoader(uri, [v2dir]).done;
  expect(again.code).toBe(0);
  const converged = await contentChecksum(executor);
  await resetGraph(executor);
  await ingestReadouts(executor, v2);
  expect(await contentChecksum(executor)).toEqual(converged);
}, 1800000);
