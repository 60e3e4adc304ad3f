// Runs the search-quality cases against a graph and sums them up: recall@1, recall@5 and MRR per perturbation,
// p50/p95 latency per kind of call. Reads only; every call goes through graph/ as the API's resolvers do.
import type { GraphExecutor } from '../../graph/executor';
import {
  autocompleteCases,
  rankOf,
  sampleEntities,
  searchCases,
  type AutocompleteCase,
  type BenchEntity,
  type SearchCase,
} from './searchCases';
import { percentile, round3 } from './stats';

export interface SearchTarget {
  /** Ids of the hits, best first. */
  search(text: string, first: number): Promise<string[]>;
  autocomplete(text: string, first: number): Promise<string[]>;
  /** Search for one type only: the benchmark asks for a type that is rare among the hits. */
  searchRareType(text: string, first: number): Promise<string[]>;
}

export interface QualityRow {
  kind: string;
  queries: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  /** The same, counting only namesakes by name or alias (not by initials, phrase or prefix) as hits. */
  recallAt1ByName: number;
  mrrByName: number;
}
export interface LatencyRow {
  call: string;
  calls: number;
  p50Ms: number;
  p95Ms: number;
}
export interface SearchBenchReport {
  entities: number;
  sampled: number;
  quality: QualityRow[];
  latency: LatencyRow[];
}

const ENTITIES = `
MATCH (n) WHERE (n:Person OR n:Organization OR n:Country OR n:Dialogue OR n:DialogueSeries OR n:Theme OR n:Agreement)
  AND n.name IS NOT NULL
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, coalesce(n.aliases, []) AS aliases`;

export async function readEntities(executor: GraphExecutor): Promise<BenchEntity[]> {
  const rows = await executor.read(ENTITIES);
  return rows.flatMap((r) =>
    typeof r.id === 'string' &&
    typeof r.label === 'string' &&
    typeof r.name === 'string' &&
    Array.isArray(r.aliases)
      ? [{ id: r.id, label: r.label, name: r.name, aliases: r.aliases.filter((a) => typeof a === 'string') }]
      : [],
  );
}

interface Tally {
  ranks: number[];
  byName: number[];
}

const share = (ranks: number[], f: (r: number) => boolean) =>
  ranks.length === 0 ? 0 : ranks.filter(f).length / ranks.length;
const mrrOf = (ranks: number[]) =>
  round3(ranks.length === 0 ? 0 : ranks.reduce((s, r) => s + (r <= 10 ? 1 / r : 0), 0) / ranks.length);

function quality(kind: string, t: Tally): QualityRow {
  return {
    kind,
    queries: t.ranks.length,
    recallAt1: round3(share(t.ranks, (r) => r === 1)),
    recallAt5: round3(share(t.ranks, (r) => r <= 5)),
    mrr: mrrOf(t.ranks),
    recallAt1ByName: round3(share(t.byName, (r) => r === 1)),
    mrrByName: mrrOf(t.byName),
  };
}

function latency(call: string, ms: number[]): LatencyRow {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    call,
    calls: ms.length,
    p50Ms: round3(percentile(sorted, 0.5)),
    p95Ms: round3(percentile(sorted, 0.95)),
  };
}

async function timed<T>(ms: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await work();
  ms.push(performance.now() - start);
  return out;
}

async function runCases(
  cases: readonly (SearchCase | AutocompleteCase)[],
  call: (text: string) => Promise<string[]>,
  first: number,
  ms: number[],
  onProgress: (done: number) => void,
): Promise<Map<string, Tally>> {
  const tallies = new Map<string, Tally>();
  let done = 0;
  for (const c of cases) {
    const ids = await timed(ms, () => call(c.text));
    const t = tallies.get(c.kind) ?? { ranks: [], byName: [] };
    t.ranks.push(rankOf(ids, c, first));
    t.byName.push(rankOf(ids, { target: c.target, namesakes: c.nameNamesakes }, first));
    tallies.set(c.kind, t);
    onProgress((done += 1));
  }
  return tallies;
}

export interface BenchOptions {
  sample: number;
  first: number;
  onProgress?: (done: number, total: number) => void;
}

export async function runSearchBench(
  entities: readonly BenchEntity[],
  target: SearchTarget,
  opts: BenchOptions,
): Promise<SearchBenchReport> {
  const sample = sampleEntities(entities, opts.sample);
  const sCases = searchCases(sample, entities);
  const aCases = autocompleteCases(sample, entities);
  const total = sCases.length + aCases.length;
  const progress = (offset: number) => (done: number) => opts.onProgress?.(offset + done, total);
  const searchMs: number[] = [];
  const autoMs: number[] = [];
  const s = await runCases(sCases, (t) => target.search(t, opts.first), opts.first, searchMs, progress(0));
  const a = await runCases(
    aCases,
    (t) => target.autocomplete(t, opts.first),
    opts.first,
    autoMs,
    progress(sCases.length),
  );
  // Latency only: exact names asked with a type filter none of them satisfies (dialogue series are few).
  const rareMs: number[] = [];
  for (const c of sCases.filter((x) => x.kind === 'exact name')) {
    await timed(rareMs, () => target.searchRareType(c.text, opts.first));
  }
  const all = {
    ranks: [...s.values()].flatMap((t) => t.ranks),
    byName: [...s.values()].flatMap((t) => t.byName),
  };
  return {
    entities: entities.length,
    sampled: sample.length,
    quality: [
      ...[...s].map(([k, t]) => quality(`search: ${k}`, t)),
      quality('search: all forms', all),
      ...[...a].map(([k, t]) => quality(`autocomplete: ${k}`, t)),
    ],
    latency: [
      latency('search', searchMs),
      latency('search, types: [DIALOGUE_SERIES] (rare)', rareMs),
      latency('autocomplete', autoMs),
    ],
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function renderSearchBench(title: string, r: SearchBenchReport): string {
  const lines = [
    `#### ${title}`,
    '',
    `${r.entities} named entities, ${r.sampled} sampled.`,
    '',
    '| Queries | n | recall@1 | recall@5 | MRR | by name only: recall@1 | MRR |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.quality.map(
      (q) =>
        `| ${q.kind} | ${q.queries} | ${pct(q.recallAt1)} | ${pct(q.recallAt5)} | ${q.mrr.toFixed(3)} | ` +
        `${pct(q.recallAt1ByName)} | ${q.mrrByName.toFixed(3)} |`,
    ),
    '',
    '| Call | calls | p50 ms | p95 ms |',
    '| --- | ---: | ---: | ---: |',
    ...r.latency.map((l) => `| ${l.call} | ${l.calls} | ${l.p50Ms} | ${l.p95Ms} |`),
  ];
  return lines.join('\n');
}
