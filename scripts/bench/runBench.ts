// One benchmark run, end to end: generate the readouts, start (or take) a Neo4j, measure ingest at each size, then
// the queries on the largest graph, and judge the goals. Returns the report; writing it is the caller's choice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverVersion, sourceCount } from './graphAdmin';
import type { Config } from '../../graph/config';
import type { Logger } from '../../graph/logger';
import { generateReadouts, MANIFEST } from '../generate/generateReadouts';
import { openBenchNeo4j } from './benchNeo4j';
import { endLoad, machine, versions, type Machine } from './environment';
import { evaluateGoals, type Goal } from './goals';
import { runIngestBench, type IngestSizeResult } from './ingestBench';
import type { BenchOptions } from './options';
import { runQueryBench, type QueryBenchResult } from './queryBench';

export interface GenerationRun {
  size: number;
  durationMs: number;
  reused: boolean;
  counts: Record<string, number>;
}

export interface BenchReport {
  mode: BenchOptions['mode'];
  label: string;
  startedAt: string;
  durationMs: number;
  args: string[];
  machine: Machine;
  versions: Record<string, string>;
  settings: {
    neo4j: { pageCacheMb: number; heapMb: number } | 'external (NEO4J_URI)';
    seed: string;
    sizes: number[];
    naiveLimit: number;
  };
  generation: GenerationRun[];
  ingest: IngestSizeResult[];
  queries: QueryBenchResult & { graphReadouts: number };
  goals: Goal[];
}

/** Readouts of one size: reused when a previous run with the same seed left them in the data folder. */
function dataset(root: string, size: number, seed: string): GenerationRun & { dir: string } {
  const dir = path.join(root, `readouts-${size}-seed-${seed}`);
  const manifest = path.join(dir, MANIFEST);
  if (fs.existsSync(manifest)) {
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    if (m.readouts === size && m.seed === seed)
      return { dir, size, durationMs: 0, reused: true, counts: numbers(m) };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const { files: _files, durationMs, ...counts } = generateReadouts({ readouts: size, seed, out: dir });
  return { dir, size, durationMs, reused: false, counts };
}

const numbers = (m: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(m).filter((e): e is [string, number] => typeof e[1] === 'number'));

export async function runBench(
  options: BenchOptions,
  config: Config,
  log: Logger,
  args: string[] = [],
): Promise<BenchReport> {
  const started = Date.now();
  const host = machine();
  const say = (line: string) => log.info(`[bench] ${line}`);
  say(`${options.mode} run on ${host.cpus} CPUs (${host.cpuModel}), load average ${host.loadAverage.start}`);
  const dataRoot = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'graph-bench-data-'));
  const neo4j = await openBenchNeo4j(
    config,
    {
      uri: config.neo4j.uri,
      wipe: options.wipe,
      queriesOnly: options.queriesOnly,
      pageCacheMb: options.pageCacheMb,
      heapMb: options.heapMb,
    },
    log,
  );
  try {
    say(
      neo4j.memory
        ? `own Neo4j at ${neo4j.uri}: page cache ${neo4j.memory.pageCacheMb} MiB, heap ${neo4j.memory.heapMb} MiB`
        : `external Neo4j at ${neo4j.uri} (its own memory settings)`,
    );
    const generation: GenerationRun[] = [];
    const ingest: IngestSizeResult[] = [];
    for (const size of options.queriesOnly ? [] : options.sizes) {
      const data = dataset(dataRoot, size, options.seed);
      const { dir, ...run } = data;
      generation.push(run);
      say(`${size} readouts ${run.reused ? 'reused' : `generated in ${run.durationMs} ms`} (${dir})`);
      const profile = options.cpuProfile && size === options.sizes[options.sizes.length - 1];
      const child =
        profile && options.jsonDir
          ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${options.jsonDir}/profiles`] }
          : {};
      ingest.push(
        await runIngestBench(neo4j.executor, {
          uri: neo4j.uri,
          dir,
          size,
          naiveLimit: options.naiveLimit,
          log: say,
          child,
        }),
      );
    }
    const graphReadouts = options.queriesOnly
      ? await sourceCount(neo4j.executor)
      : (options.sizes[options.sizes.length - 1] ?? 0);
    say(`queries on the ${graphReadouts}-readout graph…`);
    const queries = await runQueryBench(neo4j.executor, {
      neo4j: { ...config.neo4j, uri: neo4j.uri },
      concurrency: options.concurrency,
      warmupMs: options.warmupMs,
      roundMs: options.roundMs,
      rounds: options.rounds,
      targets: options.targets,
      shapes: options.shapes,
      log: say,
    });
    endLoad(host);
    return {
      mode: options.mode,
      label: options.label,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      args,
      machine: host,
      versions: versions(await serverVersion(neo4j.executor)),
      settings: {
        neo4j: neo4j.memory ?? 'external (NEO4J_URI)',
        seed: options.seed,
        sizes: options.sizes,
        naiveLimit: options.naiveLimit,
      },
      generation,
      ingest,
      queries: { ...queries, graphReadouts },
      goals: evaluateGoals(ingest, queries, graphReadouts),
    };
  } finally {
    await neo4j.stop();
    if (options.dataDir === undefined) fs.rmSync(dataRoot, { recursive: true, force: true });
  }
}
