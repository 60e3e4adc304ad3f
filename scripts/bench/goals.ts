// The targets the benchmark reports against (issue 6), each judged met, missed or not measured by this run.
import type { IngestSizeResult } from './ingestBench';
import type { QueryBenchResult } from './queryBench';

export interface Goal {
  goal: string;
  /** null: this run did not measure it (e.g. a quick run has no 100k graph). */
  met: boolean | null;
  detail: string;
}

const FULL_SCALE = 100000;

export function evaluateGoals(
  ingest: IngestSizeResult[],
  queries: QueryBenchResult,
  queryGraphSize: number,
): Goal[] {
  const shapes = queries.shapes;
  const shared = shapes.filter((s) => s.throughputVsNeo4jGraphql !== null);
  const withRaw = shapes.filter((s) => s.p50VsRaw !== null);
  const at100k = queryGraphSize >= FULL_SCALE;
  const p50 = (name: string) => shapes.find((s) => s.name === name)?.systems.ours?.p50;
  const big = ingest.find((r) => r.size >= FULL_SCALE);
  const largest = ingest[ingest.length - 1];
  const list = (xs: string[]) => xs.join(', ') || 'none';
  const subgraphP50 = p50('subgraph');
  const pathP50 = p50('path');
  return [
    {
      goal: 'Our throughput ≥ 1.5× @neo4j/graphql on every shared shape',
      met: shared.length === 0 ? null : shared.every((s) => (s.throughputVsNeo4jGraphql ?? 0) >= 1.5),
      detail: list(shared.map((s) => `${s.name} ${s.throughputVsNeo4jGraphql ?? '?'}×`)),
    },
    {
      goal: 'Our p50 ≤ 1.3× the raw Cypher floor',
      met: withRaw.length === 0 ? null : withRaw.every((s) => (s.p50VsRaw ?? Infinity) <= 1.3),
      detail: list(withRaw.map((s) => `${s.name} ${s.p50VsRaw ?? '?'}×`)),
    },
    {
      goal: 'Depth-2 capped subgraph p50 < 20 ms on the 100k graph',
      met: at100k && subgraphP50 !== undefined ? subgraphP50 < 20 : null,
      detail: `${subgraphP50 ?? '?'} ms on the ${queryGraphSize}-readout graph`,
    },
    {
      goal: 'Shortest path p50 < 50 ms on the 100k graph',
      met: at100k && pathP50 !== undefined ? pathP50 < 50 : null,
      detail: `${pathP50 ?? '?'} ms on the ${queryGraphSize}-readout graph`,
    },
    {
      goal: '100k readouts loaded in < 10 min',
      met: big === undefined ? null : big.real.durationMs < 600000,
      detail: big === undefined ? 'no 100k run' : `${(big.real.durationMs / 60000).toFixed(1)} min`,
    },
    {
      goal: 'Real loader ≥ 10× the naive loader (readouts/s)',
      met: largest === undefined ? null : largest.speedup >= 10,
      detail: list(
        ingest.map((r) => `${r.size}: ${r.speedup}×${r.naive.subset ? ' (naive extrapolated)' : ''}`),
      ),
    },
  ];
}
