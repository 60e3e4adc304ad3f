// Benchmark settings: two presets (quick for a laptop or CI, full for the figures at scale) and flags to override
// any of them. The URI of an external Neo4j comes from the configuration (NEO4J_URI), never from here.
import type { Command } from 'commander';
import { commaList, newCommand, positiveInt } from '../cli';

export type BenchMode = 'quick' | 'full';

export interface BenchOptions {
  mode: BenchMode;
  /** Names the report: the mode, plus the sizes when they differ from the mode's (e.g. quick-10000). */
  label: string;
  /** Readouts per ingest run, smallest first; the queries run on the graph of the last one. */
  sizes: number[];
  /** The naive loader runs on at most this many readouts of each size; beyond it, its time is extrapolated. */
  naiveLimit: number;
  seed: string;
  /** Where generated readouts are kept (and reused when already there); a temporary folder otherwise. */
  dataDir: string | undefined;
  /** Consent to empty the database NEO4J_URI names. */
  wipe: boolean;
  /** Skip generation and ingest: measure the queries on the graph NEO4J_URI already holds (left as it is). */
  queriesOnly: boolean;
  pageCacheMb: number;
  heapMb: number;
  concurrency: number;
  warmupMs: number;
  roundMs: number;
  rounds: number;
  /** Different targets per shape. */
  targets: number;
  shapes: string[];
  /** Folder for the JSON report, and the markdown file whose section for this mode is rewritten (none: skip). */
  jsonDir: string | undefined;
  markdown: string | undefined;
  /** Write a V8 CPU profile of the real loader (the largest size) next to the JSON report. */
  cpuProfile: boolean;
}

export const PRESETS: Record<
  BenchMode,
  Omit<BenchOptions, 'label' | 'jsonDir' | 'markdown' | 'dataDir' | 'wipe' | 'queriesOnly' | 'shapes'>
> = {
  quick: {
    mode: 'quick',
    sizes: [1000],
    naiveLimit: 30,
    seed: '1',
    pageCacheMb: 512,
    heapMb: 1024,
    concurrency: 8,
    warmupMs: 500,
    roundMs: 1000,
    rounds: 3,
    targets: 10,
    cpuProfile: false,
  },
  full: {
    mode: 'full',
    sizes: [1000, 10000, 100000],
    naiveLimit: 1000,
    seed: '1',
    pageCacheMb: 2048,
    heapMb: 4096,
    concurrency: 8,
    warmupMs: 5000,
    roundMs: 10000,
    rounds: 5,
    targets: 50,
    cpuProfile: false,
  },
};

export interface BenchFlags {
  full?: boolean;
  sizes?: number[];
  naive?: number;
  seed?: string;
  dataDir?: string;
  pageCacheMb?: number;
  heapMb?: number;
  concurrency?: number;
  warmupMs?: number;
  roundMs?: number;
  rounds?: number;
  targets?: number;
  shapes?: string[];
  cpuProf?: boolean;
  write: boolean;
  wipe?: boolean;
  queriesOnly?: boolean;
}

const positiveList = (v: string) => commaList(v).map(positiveInt);

export function benchCommand(): Command {
  return newCommand(
    'npm run bench --',
    'Ingest and query benchmarks on generated readouts, beside the naive loader, @neo4j/graphql and raw Cypher.',
  )
    .option('--full', 'the figures at scale: 1k, 10k and 100k readouts, longer rounds (default: quick, 1k)')
    .option(
      '--sizes <list>',
      'readouts per ingest run, e.g. 1000,10000 (queries run on the last)',
      positiveList,
    )
    .option('--naive <n>', 'naive loader on at most N readouts per size (the rest extrapolated)', positiveInt)
    .option('--seed <s>', 'generator seed')
    .option('--data-dir <dir>', 'keep generated readouts there (reused by later runs)')
    .option('--page-cache-mb <n>', "page cache of the benchmark's own Neo4j", positiveInt)
    .option('--heap-mb <n>', "heap of the benchmark's own Neo4j", positiveInt)
    .option('--concurrency <n>', 'concurrent requests during query load', positiveInt)
    .option('--warmup-ms <n>', 'warm-up before the measured rounds', positiveInt)
    .option('--round-ms <n>', 'length of one measured round', positiveInt)
    .option('--rounds <n>', 'measured rounds per shape', positiveInt)
    .option('--targets <n>', 'different targets per shape', positiveInt)
    .option(
      '--shapes <list>',
      'only these query shapes (entity, counterparts, search, members, subgraph, path)',
      commaList,
    )
    .option('--cpu-prof', 'CPU profile of the real loader at the largest size')
    .option('--no-write', 'print the results only (no docs/benchmarks JSON, no BENCHMARKS.md)')
    .option('--wipe', 'allow running against NEO4J_URI, which the benchmark empties')
    .option(
      '--queries-only',
      'no generation or ingest: query the graph already in NEO4J_URI (not emptied), e.g. one loaded with `npm run load`',
    );
}

export function benchOptions(flags: BenchFlags, root: string): BenchOptions {
  const preset = PRESETS[flags.full ? 'full' : 'quick'];
  const sorted = [...(flags.sizes ?? preset.sizes)].sort((a, b) => a - b);
  const queriesOnly = flags.queriesOnly ?? false;
  const sized = sorted.join() === preset.sizes.join() ? preset.mode : `${preset.mode}-${sorted.join('-')}`;
  return {
    ...preset,
    label: queriesOnly ? `${preset.mode}-queries` : sized,
    sizes: sorted,
    naiveLimit: flags.naive ?? preset.naiveLimit,
    seed: flags.seed ?? preset.seed,
    dataDir: flags.dataDir,
    wipe: flags.wipe ?? false,
    queriesOnly,
    pageCacheMb: flags.pageCacheMb ?? preset.pageCacheMb,
    heapMb: flags.heapMb ?? preset.heapMb,
    concurrency: flags.concurrency ?? preset.concurrency,
    warmupMs: flags.warmupMs ?? preset.warmupMs,
    roundMs: flags.roundMs ?? preset.roundMs,
    rounds: flags.rounds ?? preset.rounds,
    targets: flags.targets ?? preset.targets,
    shapes: flags.shapes ?? [],
    cpuProfile: flags.cpuProf ?? false,
    jsonDir: flags.write ? `${root}/docs/benchmarks` : undefined,
    markdown: flags.write ? `${root}/BENCHMARKS.md` : undefined,
  };
}
