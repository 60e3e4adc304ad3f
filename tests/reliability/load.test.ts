// Load: concurrent connections of mixed analyst queries over real HTTP on the seed plus synthetic readouts, with
// not one failed request and not one GraphQL error. The short run is part of `npm test`; `npm run soak` runs
// tests/reliability/load.soak.ts (50 connections × 60 s on 10k readouts, API in its own process, RSS measured).
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { readReadoutFiles } from '../../graph/readout/files';
import { checkSpecs, formatLoadResult, runLoad } from '../../scripts/soak/loadRun';
import { buildQueryMix, type QuerySpec } from '../../scripts/soak/queries';
import { startTestServer, type TestServer } from '../helpers/api';
import { resetGraph, seed, testExecutor } from '../helpers/graph';
import { patientExecutor, sizeFromEnv, synthetic } from './helpers';
import fs from 'node:fs';

const READOUTS = sizeFromEnv('LOAD_READOUTS', 150, 150);
const CONNECTIONS = sizeFromEnv('LOAD_CONNECTIONS', 20, 20);
const DURATION_S = sizeFromEnv('LOAD_DURATION_S', 10, 10);

let loader: GraphExecutor;
let api: GraphExecutor;
let server: TestServer;
let dir: string;
let specs: QuerySpec[];

beforeAll(async () => {
  loader = patientExecutor();
  api = testExecutor();
  await resetGraph(loader);
  await seed(loader);
  const gen = synthetic(READOUTS, 'load');
  dir = gen.dir;
  await ingestReadouts(loader, readReadoutFiles(gen.files));
  server = await startTestServer(api);
  const mix = await buildQueryMix(api, { perKind: 8, seed: 42 });
  // A sampled name may denote two people (the generator reuses names across countries): that is a correct
  // AMBIGUOUS_NAME answer, not a failure, so such requests are left out of the mix. Nothing else may fail.
  const bad = await checkSpecs(server.url, mix);
  const unexpected = bad.filter((b) => !b.error.includes('AMBIGUOUS_NAME'));
  expect(unexpected).toEqual([]);
  specs = mix.filter((s) => !bad.some((b) => b.spec === s));
  expect(specs.length).toBeGreaterThan(mix.length * 0.8);
}, 600000);

afterAll(async () => {
  await server?.close();
  await api?.close();
  await loader?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test(`${CONNECTIONS} connections × ${DURATION_S} s of mixed analyst queries: no failures, no GraphQL errors`, async () => {
  const rssBefore = process.memoryUsage().rss;
  const result = await runLoad(server.url, specs, { connections: CONNECTIONS, durationS: DURATION_S });
  const rssAfter = process.memoryUsage().rss;
  process.stderr.write(
    `\nload (seed + ${READOUTS} synthetic readouts, API in the jest process):\n${formatLoadResult(result)}\n` +
      `jest process RSS ${(rssBefore / 2 ** 20).toFixed(0)} MiB before, ${(rssAfter / 2 ** 20).toFixed(0)} MiB after\n`,
  );
  expect(result.errorSamples).toEqual([]);
  expect(result.failed).toBe(0);
  expect(result.graphqlErrors).toBe(0);
  expect(result.responses).toBeGreaterThan(CONNECTIONS);
  // Every kind of query was answered.
  expect(Object.keys(result.byKind).sort()).toEqual([...new Set(specs.map((s) => s.kind))].sort());
  // And the server still answers afterwards.
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(200);
}, 120000);
