// Benchmark settings: two presets (quick for a laptop or CI, full for the figures at scale) and flags to override
// any of them. The URI of an external Neo4j comes from the configuration (NEO4J_URI), never from here.
import { parseArgs } from 'node:util';

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

export const USAGE = `usage: npm run bench [-- --full] [options]
  --full                 the figures at scale: 1k, 10k and 100k readouts, longer rounds (default: quick, 1k)
  --sizes 1000,10000     readouts per ingest run (queries run on the last)
  --naive N              naive loader on at most N readouts per size (the rest extrapolated)
  --seed S               generator seed
  --data-dir DIR         keep generated readouts there (reused by later runs)
  --page-cache-mb N      page cache of the benchmark's own Neo4j
  --heap-mb N            heap of the benchmark's own Neo4j
  --concurrency N        concurrent requests during query load
  --warmup-ms N, --round-ms N, --rounds N, --targets N
  --shapes a,b           only these query shapes (entity, counterparts, search, members, subgraph, path)
  --cpu-prof             CPU profile of the real loader at the largest size
  --no-write             print the results only (no docs/benchmarks JSON, no BENCHMARKS.md)
  --wipe                 allow running against NEO4J_URI, which the benchmark empties
  --queries-only         no generation or ingest: query the graph already in NEO4J_URI (not emptied), e.g. one
                         loaded with \`npm run load\`; for comparing query changes quickly`;

const ints = (s: string) => s.split(',').map((x) => Number(x.trim()));

function positive(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name}: expected a positive integer`);
  return v;
}

export function parseBenchArgs(argv: string[], root: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      full: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      naive: { type: 'string' },
      seed: { type: 'string' },
      'data-dir': { type: 'string' },
      'page-cache-mb': { type: 'string' },
      'heap-mb': { type: 'string' },
      concurrency: { type: 'string' },
      'warmup-ms': { type: 'string' },
      'round-ms': { type: 'string' },
      rounds: { type: 'string' },
      targets: { type: 'string' },
      shapes: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      wipe: { type: 'boolean', default: false },
      'queries-only': { type: 'boolean', default: false },
    },
  });
  const preset = PRESETS[values.full ? 'full' : 'quick'];
  const num = (name: string, v: string | undefined, fallback: number) =>
    v === undefined ? fallback : positive(name, Number(v));
  const sizes =
    values.sizes === undefined ? preset.sizes : ints(values.sizes).map((n) => positive('sizes', n));
  const sorted = [...sizes].sort((a, b) => a - b);
  const queriesOnly = values['queries-only'];
  const sized = sorted.join() === preset.sizes.join() ? preset.mode : `${preset.mode}-${sorted.join('-')}`;
  return {
    ...preset,
    label: queriesOnly ? `${preset.mode}-queries` : sized,
    sizes: sorted,
    naiveLimit: num('naive', values.naive, preset.naiveLimit),
    seed: values.seed ?? preset.seed,
    dataDir: values['data-dir'],
    wipe: values.wipe,
    queriesOnly,
    pageCacheMb: num('page-cache-mb', values['page-cache-mb'], preset.pageCacheMb),
    heapMb: num('heap-mb', values['heap-mb'], preset.heapMb),
    concurrency: num('concurrency', values.concurrency, preset.concurrency),
    warmupMs: num('warmup-ms', values['warmup-ms'], preset.warmupMs),
    roundMs: num('round-ms', values['round-ms'], preset.roundMs),
    rounds: num('rounds', values.rounds, preset.rounds),
    targets: num('targets', values.targets, preset.targets),
    shapes: values.shapes === undefined ? [] : values.shapes.split(',').map((s) => s.trim()),
    cpuProfile: values['cpu-prof'],
    jsonDir: values['no-write'] ? undefined : `${root}/docs/benchmarks`,
    markdown: values['no-write'] ? undefined : `${root}/BENCHMARKS.md`,
  };
}
