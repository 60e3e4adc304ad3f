// The query benchmark: the same shapes, on the same graph, in one run, through our API, @neo4j/graphql and raw
// Cypher. First every target is asked once of each system and the answers compared; then, after a warm-up, rounds
// of fixed-concurrency load, interleaved (round 1 of every shape and system, then round 2…) so that a noisy moment
// on a shared machine does not fall on one system only. Reported figures are medians over rounds.
import { createComparisonIndexes, dropComparisonIndexes } from './graphAdmin';
import { pickTargets, type Targets } from './targets';
import { GraphExecutor, type ExecutorOptions } from '../../graph/executor';
import { GraphqlClient } from './graphqlClient';
import { runLoad, type LoadResult } from './loadRunner';
import { crossCheck } from './crossCheck';
import { startServers } from './serverProcess';
import { SHAPES, SYSTEMS, type Shape, type ShapeContext, type System } from './shapes';
import { median, round3 } from './stats';

/** A request slower than this counts as an error: a hung server must not hang the benchmark. */
export const REQUEST_TIMEOUT_MS = 30000;

export interface QueryBenchOptions {
  /** How the raw Cypher client and the servers reach Neo4j. */
  neo4j: ExecutorOptions;
  concurrency: number;
  warmupMs: number;
  roundMs: number;
  rounds: number;
  /** How many different targets each shape cycles through. */
  targets: number;
  /** Only these shapes (all when empty). */
  shapes?: string[];
  log: (line: string) => void;
}

export interface SystemResult {
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  firstError?: string | undefined;
  rounds: Pick<LoadResult, 'throughput' | 'p50' | 'p95' | 'p99' | 'requests' | 'errors'>[];
}

export interface ShapeResult {
  name: string;
  title: string;
  targets: number;
  /** Answers that differ from our API's for the same target (checked once per target before the load). */
  mismatches: { system: System; target: number; detail: string }[];
  /** Systems answering a nearby question (timed only; their answers are not compared). */
  unchecked: System[];
  systems: Partial<Record<System, SystemResult>>;
  /** Our throughput over @neo4j/graphql's (goal ≥ 1.5). */
  throughputVsNeo4jGraphql: number | null;
  /** Our p50 over the raw Cypher p50 (goal ≤ 1.3). */
  p50VsRaw: number | null;
}

export interface QueryBenchResult {
  concurrency: number;
  warmupMs: number;
  roundMs: number;
  rounds: number;
  targets: Record<keyof Targets, number>;
  shapes: ShapeResult[];
}

function summarize(rounds: LoadResult[]): SystemResult {
  const m = (f: 'throughput' | 'p50' | 'p95' | 'p99') => round3(median(rounds.map((r) => r[f])));
  return {
    throughput: m('throughput'),
    p50: m('p50'),
    p95: m('p95'),
    p99: m('p99'),
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    firstError: rounds.find((r) => r.firstError !== undefined)?.firstError,
    rounds: rounds.map((r) => ({
      throughput: round3(r.throughput),
      p50: round3(r.p50),
      p95: round3(r.p95),
      p99: round3(r.p99),
      requests: r.requests,
      errors: r.errors,
    })),
  };
}

/** `admin` (no tight timeout) picks targets and manages indexes; the measured raw queries get their own driver. */
export async function runQueryBench(
  admin: GraphExecutor,
  opts: QueryBenchOptions,
): Promise<QueryBenchResult> {
  await createComparisonIndexes(admin);
  const targets = await pickTargets(admin, opts.targets);
  const counts = Object.fromEntries(
    Object.entries(targets).map(([k, v]) => [k, (v as unknown[]).length]),
  ) as Record<keyof Targets, number>;
  opts.log(`targets: ${JSON.stringify(counts)}`);
  const shapes = SHAPES.filter(
    (s) =>
      (opts.shapes === undefined || opts.shapes.length === 0 || opts.shapes.includes(s.name)) &&
      s.targets(targets) > 0,
  );
  const servers = await startServers(opts.neo4j.uri);
  const ctx: ShapeContext = {
    targets,
    executor: new GraphExecutor({ ...opts.neo4j, queryTimeoutMs: REQUEST_TIMEOUT_MS }),
    ours: new GraphqlClient(servers.urls.ours, opts.concurrency, REQUEST_TIMEOUT_MS),
    neo4jGraphql: new GraphqlClient(servers.urls.neo4jGraphql, opts.concurrency, REQUEST_TIMEOUT_MS),
  };
  try {
    const results = new Map<Shape, ShapeResult>();
    const loads = new Map<string, LoadResult[]>();
    for (const shape of shapes) {
      const mismatches = await crossCheck(shape, ctx, shape.targets(targets));
      if (mismatches.length > 0)
        opts.log(`${shape.name}: ${mismatches.length} mismatch(es), e.g. ${mismatches[0]?.detail ?? ''}`);
      results.set(shape, {
        name: shape.name,
        title: shape.title,
        targets: shape.targets(targets),
        mismatches,
        unchecked: [...(shape.unchecked ?? [])],
        systems: {},
        throughputVsNeo4jGraphql: null,
        p50VsRaw: null,
      });
      for (const system of SYSTEMS) {
        const call = shape.calls[system];
        if (call !== undefined)
          await runLoad((i) => call(ctx, i), { concurrency: opts.concurrency, durationMs: opts.warmupMs });
      }
    }
    for (let round = 1; round <= opts.rounds; round++) {
      for (const shape of shapes) {
        for (const system of SYSTEMS) {
          const call = shape.calls[system];
          if (call === undefined) continue;
          const r = await runLoad((i) => call(ctx, i), {
            concurrency: opts.concurrency,
            durationMs: opts.roundMs,
          });
          loads.set(`${shape.name}|${system}`, [...(loads.get(`${shape.name}|${system}`) ?? []), r]);
          opts.log(
            `round ${round} ${shape.name} ${system}: ${r.throughput.toFixed(1)} req/s, p50 ${r.p50.toFixed(1)} ms, errors ${r.errors}`,
          );
        }
      }
    }
    for (const [shape, result] of results) {
      for (const system of SYSTEMS) {
        const rounds = loads.get(`${shape.name}|${system}`);
        if (rounds !== undefined) result.systems[system] = summarize(rounds);
      }
      const { ours, neo4jGraphql, raw } = result.systems;
      if (ours && neo4jGraphql && neo4jGraphql.throughput > 0)
        result.throughputVsNeo4jGraphql = round3(ours.throughput / neo4jGraphql.throughput);
      if (ours && raw && raw.p50 > 0) result.p50VsRaw = round3(ours.p50 / raw.p50);
    }
    return {
      concurrency: opts.concurrency,
      warmupMs: opts.warmupMs,
      roundMs: opts.roundMs,
      rounds: opts.rounds,
      targets: counts,
      shapes: [...results.values()],
    };
  } finally {
    ctx.ours.close();
    ctx.neo4jGraphql.close();
    await ctx.executor.close();
    await servers.stop();
    await dropComparisonIndexes(admin);
  }
}
