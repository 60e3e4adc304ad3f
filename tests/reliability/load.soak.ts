// The full load soak, run by `npm run soak` only (not a *.test.ts file): 50 connections × 60 s of mixed analyst
// queries on the seed plus 10,000 synthetic readouts, against the API in its own process so that its memory can be
// measured: p50/p95/p99 latency, and RSS after a warm-up and at the end (growth must stay under a generous bound).
// The loaded Neo4j is kept in .data/soak/ and reused by later runs with the same size and seed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GraphExecutor } from '../../graph/executor';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/localNeo4j';
import { createLogger } from '../../graph/logger';
import { migrate } from '../../graph/migrations';
import { readReadoutFiles } from '../../graph/readout/files';
import { ingestReadouts } from '../../graph/readout/ingest';
import { syncVocabulary } from '../../graph/themes';
import { checkSpecs, formatLoadResult, runLoad, type LoadResult } from '../../scripts/soak/loadRun';
import { rssMiB } from '../../scripts/soak/proc';
import { buildQueryMix } from '../../scripts/soak/queries';
import { seedInputs } from '../helpers/graph';
import { freePort, ROOT, sizeFromEnv, synthetic } from './helpers';

const READOUTS = sizeFromEnv('SOAK_READOUTS', 10000, 10000);
const CONNECTIONS = sizeFromEnv('SOAK_CONNECTIONS', 50, 50);
const DURATION_S = sizeFromEnv('SOAK_DURATION_S', 60, 60);
const WARMUP_S = sizeFromEnv('SOAK_WARMUP_S', 10, 10);
/** RSS growth from after the warm-up to the end that still counts as flat. */
const RSS_GROWTH_BOUND_MIB = sizeFromEnv('SOAK_RSS_GROWTH_MIB', 150, 150);
const SEED = 'soak';

const SOAK_DIR = path.join(ROOT, '.data', 'soak');
const DB_DIR = path.join(SOAK_DIR, `neo4j-${READOUTS}-${SEED}`);
const LOADED = path.join(DB_DIR, 'soak-loaded.json');
const log = createLogger('warn');

let neo: LocalNeo4j;
let executor: GraphExecutor;
let api: ChildProcess;
let url: string;

function startApi(uri: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'soak', 'api.ts')], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: uri, LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the soak API did not start within 120 s')), 120000);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /SOAK_API_URL (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the soak API exited (${code}) before serving`));
    });
  });
}

beforeAll(async () => {
  fs.mkdirSync(SOAK_DIR, { recursive: true });
  neo = await startLocalNeo4j(
    { dir: DB_DIR, port: await freePort(), pageCacheMb: 512, heapMb: 1536, startTimeoutS: 600 },
    log,
  );
  executor = new GraphExecutor({ uri: neo.uri, queryTimeoutMs: 3600000 });
  if (!fs.existsSync(LOADED)) {
    const started = Date.now();
    await migrate(executor);
    await syncVocabulary(executor);
    const gen = synthetic(READOUTS, SEED, path.join(SOAK_DIR, `readouts-${READOUTS}-${SEED}`));
    let last = 0;
    const report = await ingestReadouts(executor, [...seedInputs(), ...readReadoutFiles(gen.files)], {
      onProgress: (done, total) => {
        if (done - last >= 500 || done === total) {
          last = done;
          process.stderr.write(
            `soak: loaded ${done}/${total} readouts (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
          );
        }
      },
    });
    fs.writeFileSync(
      LOADED,
      JSON.stringify({ readouts: report.readouts.length, seconds: (Date.now() - started) / 1000 }, null, 2),
    );
    fs.rmSync(gen.dir, { recursive: true, force: true });
  }
  ({ child: api, url } = await startApi(neo.uri));
}, 6 * 3600000);

afterAll(async () => {
  api?.stdin?.end();
  api?.kill('SIGTERM');
  await executor?.close();
  await neo?.stop();
});

test(`soak: ${CONNECTIONS} connections × ${DURATION_S} s on seed + ${READOUTS} readouts`, async () => {
  const pid = api.pid ?? 0;
  const mix = await buildQueryMix(executor, { perKind: 30, seed: 7 });
  const bad = await checkSpecs(url, mix);
  expect(bad.filter((b) => !b.error.includes('AMBIGUOUS_NAME'))).toEqual([]);
  const specs = mix.filter((s) => !bad.some((b) => b.spec === s));

  const rssStart = rssMiB(pid);
  const warm = await runLoad(url, specs, { connections: CONNECTIONS, durationS: WARMUP_S });
  const rssWarm = rssMiB(pid);
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const r = rssMiB(pid);
    if (r !== undefined) samples.push(r);
  }, 5000);
  let result: LoadResult;
  try {
    result = await runLoad(url, specs, { connections: CONNECTIONS, durationS: DURATION_S });
  } finally {
    clearInterval(sampler);
  }
  const rssEnd = rssMiB(pid);
  const summary = {
    when: new Date().toISOString(),
    readouts: READOUTS,
    requestsInMix: specs.length,
    leftOutAmbiguous: bad.length,
    warmup: {
      durationS: WARMUP_S,
      responses: warm.responses,
      failed: warm.failed,
      graphqlErrors: warm.graphqlErrors,
    },
    result,
    rssMiB: { atStart: rssStart, afterWarmup: rssWarm, atEnd: rssEnd, samples },
  };
  fs.writeFileSync(path.join(SOAK_DIR, 'last-load.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(
    `\nsoak load on seed + ${READOUTS} readouts (API in its own process, pid ${pid}):\n${formatLoadResult(result)}\n` +
      `API RSS MiB: ${rssStart} at start, ${rssWarm} after ${WARMUP_S} s warm-up, ${rssEnd} at the end; samples ${samples.join(', ')}\n`,
  );
  expect(warm.failed + warm.graphqlErrors).toBe(0);
  expect(result.errorSamples).toEqual([]);
  expect(result.failed).toBe(0);
  expect(result.graphqlErrors).toBe(0);
  if (rssWarm !== undefined && rssEnd !== undefined)
    expect(rssEnd - rssWarm).toBeLessThan(RSS_GROWTH_BOUND_MIB);
}, 3600000);
