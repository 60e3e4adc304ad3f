// The ingest benchmark for one size: the naive loader on the first readouts (all of them when that is quick
// enough), then, on an emptied graph, the real loader on every readout. Both run as child processes over the same
// files, and the graph is counted after each, so rates are of what actually landed in Neo4j.
import { graphSize, wipeGraph, type GraphSize } from './graphAdmin';
import type { GraphExecutor } from '../../graph/executor';
import { runTs, type ChildOptions } from './childProcess';
import type { IngestWorkerResult } from './ingestWorker';
import { round3 } from './stats';

export interface LoaderRun extends IngestWorkerResult {
  readoutsPerSec: number;
  /** Relationships in the graph after the load, less those of the empty graph (the theme vocabulary's). */
  relationships: number;
  relationshipsPerSec: number;
  graph: GraphSize;
}

export interface IngestSizeResult {
  size: number;
  real: LoaderRun;
  naive: LoaderRun & {
    /** True when it ran on a subset; its time for `size` readouts is then extrapolated from its rate. */
    subset: boolean;
    estimatedMsForAll: number;
  };
  /** The real loader's readouts/s over the naive loader's. */
  speedup: number;
}

async function loaderRun(
  executor: GraphExecutor,
  uri: string,
  dir: string,
  loader: 'real' | 'naive',
  limit: number,
  child: ChildOptions,
  log: (line: string) => void,
): Promise<LoaderRun> {
  await wipeGraph(executor);
  const empty = await graphSize(executor);
  const out = await runTs(
    'scripts/bench/ingestWorker.ts',
    ['--uri', uri, '--loader', loader, '--limit', String(limit), dir],
    {
      ...child,
      onStderrLine: (line) => log(`  ${loader}: ${line}`),
    },
  );
  const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as IngestWorkerResult;
  const graph = await graphSize(executor);
  const relationships = graph.relationships - empty.relationships;
  const seconds = result.durationMs / 1000;
  return {
    ...result,
    readoutsPerSec: round3(result.readouts / seconds),
    relationships,
    relationshipsPerSec: round3(relationships / seconds),
    graph,
  };
}

export async function runIngestBench(
  executor: GraphExecutor,
  opts: {
    uri: string;
    dir: string;
    size: number;
    naiveLimit: number;
    log: (line: string) => void;
    child?: ChildOptions;
  },
): Promise<IngestSizeResult> {
  const naiveCount = Math.min(opts.size, opts.naiveLimit);
  opts.log(`ingest ${opts.size}: naive loader on ${naiveCount} readouts…`);
  const naive = await loaderRun(executor, opts.uri, opts.dir, 'naive', naiveCount, {}, opts.log);
  opts.log(`ingest ${opts.size}: naive ${naive.readoutsPerSec} readouts/s; real loader on ${opts.size}…`);
  const real = await loaderRun(executor, opts.uri, opts.dir, 'real', opts.size, opts.child ?? {}, opts.log);
  opts.log(
    `ingest ${opts.size}: real ${real.readoutsPerSec} readouts/s, ${real.relationshipsPerSec} relationships/s, peak RSS ${real.maxRssMb} MB`,
  );
  return {
    size: opts.size,
    real,
    naive: {
      ...naive,
      subset: naiveCount < opts.size,
      estimatedMsForAll: Math.round((opts.size / naive.readoutsPerSec) * 1000),
    },
    speedup: round3(real.readoutsPerSec / naive.readoutsPerSec),
  };
}
