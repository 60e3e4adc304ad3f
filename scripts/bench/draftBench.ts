// npm run bench:draft [-- --corpus <dir>] [--seeds <dir>] [--runs N] [--no-graph] [--verbose]
// Scores the drafter field by field against expected readouts (seeds and fixtures reported apart), and times a
// draft per document on the graph NEO4J_URI names (only read). Prints figures; asserts nothing.
import path from 'node:path';
import { loadConfig } from '../../graph/config';
import { openGraph, type GraphConnection } from '../../graph/connect';
import { draftReadout } from '../../graph/drafter/draft';
import { warmCities } from '../../graph/drafter/cities';
import type { GraphExecutor } from '../../graph/executor';
import { createLogger } from '../../graph/logger';
import { EXIT, newCommand, runCommand } from '../cli';
import { fixtureDocs, seedDocs, type BenchDoc } from './draftCorpus';
import { addTally, KINDS, precisionRecall, scoreDraft, type Kind, type Tally } from './draftScore';
import { percentile } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');

const program = newCommand('npm run bench:draft --', 'Scores and times the press-release drafter.')
  .option(
    '--corpus <dir>',
    'press-release fixtures (<name>.txt|.html + <name>.yaml)',
    path.join(ROOT, 'tests', 'fixtures', 'press'),
  )
  .option('--seeds <dir>', 'the seed news reports', path.resolve(ROOT, '..', 'shared', 'seeds'))
  .option('--runs <n>', 'timed drafts per document', (v) => Number.parseInt(v, 10), 20)
  .option('--no-graph', 'draft without the graph (no Neo4j needed)')
  .option('--verbose', 'print each document’s misses');

const fmt = (x: number) => (Number.isNaN(x) ? '   –' : x.toFixed(2));

interface Scored {
  totals: Record<Kind, Tally>;
  times: number[];
  lines: string[];
}

async function scoreAll(
  docs: BenchDoc[],
  executor: GraphExecutor | undefined,
  runs: number,
): Promise<Scored> {
  const totals = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, predicted: 0, expected: 0 }])) as Record<
    Kind,
    Tally
  >;
  const times: number[] = [];
  const lines: string[] = [];
  for (const doc of docs) {
    let readout: unknown;
    try {
      readout = (await draftReadout(executor, doc.text, doc.options)).readout;
    } catch (e) {
      lines.push(`${doc.name}: no draft (${e instanceof Error ? e.message : String(e)})`);
      readout = {};
    }
    const s = scoreDraft(readout, doc.expected);
    for (const k of KINDS) totals[k] = addTally(totals[k], s[k]);
    lines.push(
      `${doc.name}: ${KINDS.map((k) => `${k} ${s[k].tp}/${s[k].predicted}/${s[k].expected}`).join('  ')}`,
    );
    for (const k of KINDS) {
      for (const x of s[k].extra) lines.push(`  ${k} drafted, not expected: ${x}`);
      for (const x of s[k].missed) lines.push(`  ${k} expected, not drafted: ${x}`);
    }
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await draftReadout(executor, doc.text, doc.options).catch(() => undefined);
      times.push(performance.now() - t);
    }
  }
  return { totals, times: times.sort((a, b) => a - b), lines };
}

function table(title: string, docs: number, s: Scored): string {
  const rows = KINDS.map((k) => {
    const { precision, recall } = precisionRecall(s.totals[k]);
    const t = s.totals[k];
    return `| ${k} | ${fmt(precision)} | ${fmt(recall)} | ${t.tp} | ${t.predicted} | ${t.expected} |`;
  });
  const timing =
    s.times.length > 0
      ? `draft time p50 ${percentile(s.times, 0.5).toFixed(1)} ms, p95 ${percentile(s.times, 0.95).toFixed(1)} ms (${s.times.length} drafts)`
      : 'not timed';
  return [
    `${title} (${docs} documents; ${timing})`,
    '',
    '| field kind | precision | recall | matched | drafted | expected |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const opts = program.opts<{
    corpus: string;
    seeds: string;
    runs: number;
    graph: boolean;
    verbose?: boolean;
  }>();
  let graph: GraphConnection | undefined;
  if (opts.graph) {
    const config = loadConfig();
    graph = await openGraph(config, createLogger(config.logLevel));
  }
  try {
    warmCities();
    const sets: [string, BenchDoc[]][] = [
      ['Seeds', seedDocs(opts.seeds)],
      ['Fixtures', fixtureDocs(opts.corpus)],
    ];
    // One untimed draft first: compromise and the gazetteer load on first use.
    const first = sets.flatMap(([, d]) => d)[0];
    if (first) await draftReadout(graph?.executor, first.text, first.options).catch(() => undefined);
    process.stdout.write(`Graph: ${graph ? graph.uri : 'none (--no-graph)'}\n\n`);
    for (const [title, docs] of sets) {
      const s = await scoreAll(docs, graph?.executor, opts.runs);
      process.stdout.write(`${table(title, docs.length, s)}\n`);
      if (opts.verbose) process.stdout.write(`${s.lines.join('\n')}\n\n`);
    }
    return EXIT.ok;
  } finally {
    await graph?.close();
  }
}

runCommand(program, main);
