// Writes a benchmark report: the whole of it as JSON (docs/benchmarks/<mode>-<date>.json) and its tables as the
// section of BENCHMARKS.md for that mode, between markers, so the hand-written parts of the file stay as they are.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchReport } from './runBench';
import { SYSTEMS, type System } from './shapes';

const SYSTEM_NAMES: Record<System, string> = {
  ours: 'our API',
  neo4jGraphql: '@neo4j/graphql',
  raw: 'raw Cypher',
};

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 2 : x < 100 ? 1 : 0 });
const secs = (ms: number) =>
  ms >= 120000 ? `${(ms / 60000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : '**not met**');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function header(r: BenchReport): string[] {
  const m = r.machine;
  const noisy = Math.max(m.loadAverage.start, m.loadAverage.end ?? 0) > m.cpus;
  const memory =
    typeof r.settings.neo4j === 'string'
      ? r.settings.neo4j
      : `page cache ${r.settings.neo4j.pageCacheMb} MiB, heap ${r.settings.neo4j.heapMb} MiB`;
  return [
    `Run of ${r.startedAt.replace('T', ' ').slice(0, 16)} UTC, took ${secs(r.durationMs)}.` +
      (noisy ? ' **Noisy: the machine was busy with other work (load average above its core count).**' : ''),
    '',
    `- Command: \`npm run bench${r.args.length > 0 ? ` -- ${r.args.join(' ')}` : ''}\``,
    `- Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; load average ${m.loadAverage.start} at start, ${m.loadAverage.end ?? '?'} at end`,
    `- Versions: ${Object.entries(r.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- Neo4j: ${memory}; seed ${r.settings.seed}`,
  ];
}

function ingestTable(r: BenchReport): string[] {
  const lines = [
    row([
      'Readouts',
      'Loader',
      'Time',
      'Readouts/s',
      'Relationships/s',
      'Relationships',
      'Statements',
      'Peak RSS',
    ]),
    row(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const s of r.ingest) {
    const { real, naive } = s;
    lines.push(
      row([
        n(s.size),
        'real (`ingestReadouts`)',
        `${secs(real.durationMs)} (validation ${secs(real.validateMs)})`,
        n(real.readoutsPerSec),
        n(real.relationshipsPerSec),
        n(real.relationships),
        n(real.statements),
        `${real.maxRssMb} MB`,
      ]),
      row([
        n(s.size),
        naive.subset ? `naive, first ${n(naive.readouts)} only` : 'naive',
        naive.subset
          ? `${secs(naive.durationMs)}; **${n(s.size)} extrapolated: ${secs(naive.estimatedMsForAll)}**`
          : secs(naive.durationMs),
        n(naive.readoutsPerSec),
        n(naive.relationshipsPerSec),
        n(naive.relationships),
        n(naive.statements),
        `${naive.maxRssMb} MB`,
      ]),
    );
  }
  lines.push(
    '',
    `Speed-up of the real loader over the naive one (readouts/s): ${r.ingest.map((s) => `${n(s.size)}: ${s.speedup}×`).join(', ')}.`,
  );
  return lines;
}

function queryTable(r: BenchReport): string[] {
  const q = r.queries;
  const lines = [
    `On the ${n(q.graphReadouts)}-readout graph; concurrency ${q.concurrency}; ${q.rounds} rounds of ${secs(q.roundMs)} after a ${secs(q.warmupMs)} warm-up per shape and system; medians over rounds; latencies in ms.`,
    '',
    row(['Shape', 'System', 'req/s', 'p50', 'p95', 'p99', 'Requests', 'Errors', 'Mismatches', 'us ÷ them']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const s of q.shapes) {
    for (const system of SYSTEMS) {
      const x = s.systems[system];
      if (x === undefined) continue;
      const ratio =
        system === 'neo4jGraphql' && s.throughputVsNeo4jGraphql !== null
          ? `${s.throughputVsNeo4jGraphql}× req/s`
          : system === 'raw' && s.p50VsRaw !== null
            ? `${s.p50VsRaw}× p50`
            : '';
      lines.push(
        row([
          system === 'ours' ? `${s.name}: ${s.title}` : '',
          SYSTEM_NAMES[system],
          n(x.throughput),
          n(x.p50),
          n(x.p95),
          n(x.p99),
          n(x.requests),
          n(x.errors),
          system === 'ours'
            ? ''
            : (s.unchecked ?? []).includes(system)
              ? 'not compared'
              : n(s.mismatches.filter((m) => m.system === system).length),
          ratio,
        ]),
      );
    }
  }
  return lines;
}

function goalTable(r: BenchReport): string[] {
  return [
    row(['Goal', 'Result', 'Figures']),
    row(['---', '---', '---']),
    ...r.goals.map((g) => row([g.goal, mark(g.met), g.detail])),
  ];
}

export function renderMarkdown(r: BenchReport): string {
  return [
    ...header(r),
    '',
    '#### Ingest',
    '',
    ...ingestTable(r),
    '',
    '#### Queries',
    '',
    ...queryTable(r),
    '',
    '#### Goals',
    '',
    ...goalTable(r),
  ].join('\n');
}

export function writeJsonReport(r: BenchReport, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${r.label}-${r.startedAt.slice(0, 10)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

/** Replaces this run's section of the markdown file (between its label's markers), or appends one. */
export function updateMarkdown(file: string, r: BenchReport): void {
  const start = `<!-- bench:${r.label}:start -->`;
  const end = `<!-- bench:${r.label}:end -->`;
  const section = `${start}\n${renderMarkdown(r)}\n${end}`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next =
    i >= 0 && j > i
      ? text.slice(0, i) + section + text.slice(j + end.length)
      : `${text.trimEnd()}\n\n### ${r.label}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}
