// The loader's pipeline (graph/readout/pipeline.ts): a batch planned while the one before it is written gives the
// graph that planning it inside its own transaction gives, and a writer that gets in between only costs the plans
// made ahead (they are refused and the batch is planned again), never the graph.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphExecutor } from '../../graph/executor';
import { readReadoutFiles, findReadoutFiles } from '../../graph/readout/files';
import { draftReadouts, ingestReadouts, type ReadoutInput } from '../../graph/readout/ingest';
import { preplanBatch } from '../../graph/readout/planBatch';
import { retractSources } from '../../graph/readout/retract';
import { writeBatch } from '../../graph/readout/writeBatch';
import { generateReadouts } from '../../scripts/generate/generateReadouts';
import { duplicateIdentities, fixture, resetGraph, snapshot, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;
let other: GraphExecutor;
let inputs: ReadoutInput[];
/** Readouts per write transaction here: small, so that 90 readouts make three batches. */
const BATCH = 30;
/** The graph of the same readouts, each batch planned inside its own write transaction. */
let reference: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  executor = testExecutor();
  other = testExecutor();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-'));
  generateReadouts({ readouts: 90, seed: 'pipeline', out: dir, format: 'json' });
  inputs = readReadoutFiles(findReadoutFiles([dir]));
  await resetGraph(executor);
  const drafts = draftReadouts(inputs);
  for (let at = 0; at < drafts.length; at += BATCH)
    await executor.withWrite((run) => writeBatch(drafts.slice(at, at + BATCH), run, 'test'));
  reference = await snapshot(executor);
});
afterAll(async () => {
  await executor.close();
  await other.close();
});

// A document of invented countries, sharing nothing with the synthetic ones: it only moves the count of changes.
const OTHER_DOC = { file: 'example.yaml', text: fixture('example.yaml') };

test('three batches, each written from plans made ahead: the graph of planning each in its transaction', async () => {
  await resetGraph(executor);
  const report = await ingestReadouts(executor, inputs, { batchSize: BATCH });
  expect(report.readouts).toHaveLength(90);
  expect(report.batches).toEqual({ batches: 3, plannedAhead: 3 });
  expect(await snapshot(executor)).toEqual(reference);
}, 300000);

test('plans made ahead are not used once another writer has changed the graph', async () => {
  await resetGraph(executor);
  const drafts = draftReadouts(inputs.slice(0, BATCH));
  const pre = await executor.withRead((q) => preplanBatch(drafts, q, []));
  if (pre === null) throw new Error('the batch could not be planned');
  // Another document is loaded in between: the count of changes moves on, so the plans may be stale.
  await ingestReadouts(other, [OTHER_DOC]);
  let used: boolean | undefined;
  await executor.withWrite((run) =>
    writeBatch(drafts, run, 'test', {
      preplanned: { plans: pre.plans, counter: pre.counter },
      onWritten: (o) => (used = o.usedPreplan),
    }),
  );
  expect(used).toBe(false);
  await ingestReadouts(executor, inputs.slice(BATCH), { batchSize: BATCH });
  const [otherDoc] = (await ingestReadouts(executor, [OTHER_DOC])).readouts;
  expect(otherDoc?.action).toBe('unchanged');
  await retractSources(executor, [otherDoc?.sourceId ?? '']);
  expect(await snapshot(executor)).toEqual(reference);
}, 300000);

test('another writer loading and retracting during a pipelined load: no duplicates, the same graph', async () => {
  await resetGraph(executor);
  let stop = false;
  const churn = (async () => {
    let rounds = 0;
    while (!stop || rounds === 0) {
      const [r] = (await ingestReadouts(other, [OTHER_DOC])).readouts;
      await retractSources(other, [r?.sourceId ?? '']);
      rounds += 1;
    }
    return rounds;
  })();
  const report = await ingestReadouts(executor, inputs, { batchSize: BATCH }).finally(() => (stop = true));
  expect(await churn).toBeGreaterThan(0);
  expect(report.readouts).toHaveLength(90);
  expect(await duplicateIdentities(executor)).toEqual([]);
  expect(await snapshot(executor)).toEqual(reference);
}, 300000);
