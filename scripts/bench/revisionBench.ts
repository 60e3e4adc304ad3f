// `npm run bench:revision [-- documents]`: how long one document's revision and retraction take in the graph at
// NEO4J_URI (e.g. after loading 10k or 100k generated readouts). For each of N documents with a readout in force:
// a revision (one post title changed), the revision back, a retraction, and loading it again; each is timed as
// the loader's own call (validation, planning, writing, history), and min / p50 / max are printed per step.
// The graph ends as it began (every document back in force). Writes to the graph: never point it at one you keep.
import { loadConfig } from '../../graph/config';
import { prepareGraph } from '../../graph/bootstrap';
import { createLogger } from '../../graph/logger';
import { ingestReadouts } from '../../graph/readout/ingest';
import { retractSources } from '../../graph/readout/retract';
import { runMain } from '../runMain';

const N = Number(process.argv[2] ?? 10);

const PICK = `
MATCH (s:Source) WHERE s.readout IS NOT NULL AND s.readout CONTAINS '"title":'
WITH s ORDER BY s.id SKIP toInteger($skip) LIMIT toInteger($n)
RETURN s.id AS id, s.readout AS readout`;

interface Timed {
  step: string;
  ms: number;
}

function summary(step: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `${step.padEnd(12)} min ${sorted[0]?.toFixed(0)} ms  p50 ${at(0.5).toFixed(0)} ms  max ${sorted.at(-1)?.toFixed(0)} ms`;
}

async function main(): Promise<number> {
  const config = loadConfig();
  const graph = await prepareGraph(config, createLogger('warn'));
  try {
    const counts = await graph.executor.read('MATCH (s:Source) RETURN count(s) AS n');
    const total = Number(counts[0]?.n ?? 0);
    const picked = await graph.executor.read(PICK, { n: N, skip: Math.floor(total / 2) });
    if (picked.length === 0) throw new Error('No source with a readout in force: load readouts first.');
    const timed: Timed[] = [];
    const time = async (step: string, work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      timed.push({ step, ms: performance.now() - started });
    };
    for (const row of picked) {
      const id = String(row.id);
      const original = String(row.readout);
      // The first person's post title, changed: a correction that touches a post, an attendance and a diff.
      const corrected = original.replace(/("people":\[\{[^\]]*?"title":")([^"]*)"/, '$1$2 (corrected)"');
      if (corrected === original) continue;
      const load = (text: string) => ingestReadouts(graph.executor, [{ file: id, text, format: 'json' }]);
      await time('revision', () => load(corrected));
      await time('revert', () => load(original));
      await time('retraction', () => retractSources(graph.executor, [id]));
      await time('reload', () => load(original));
    }
    process.stdout.write(`Graph of ${total} documents; ${picked.length} documents, each step once:\n`);
    for (const step of ['revision', 'revert', 'retraction', 'reload'])
      process.stdout.write(
        `${summary(
          step,
          timed.filter((t) => t.step === step).map((t) => t.ms),
        )}\n`,
      );
    return 0;
  } finally {
    await graph.close();
  }
}

runMain(main);
