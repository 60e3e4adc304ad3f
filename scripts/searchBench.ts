// npm run bench:search [-- --sample 2000] [--first 10] [--title text] [--json]
// Search quality and latency on the graph NEO4J_URI points to (or the embedded one). Reads only: it never loads,
// migrates or wipes anything, so it is safe on a shared graph.
import { loadConfig } from '../graph/config';
import { openGraph } from '../graph/connect';
import { createLogger } from '../graph/logger';
import { isMigrated } from '../graph/migrations';
import { EXIT, newCommand, progressBar, runCommand } from './cli';
import { readEntities, renderSearchBench, runSearchBench } from './bench/searchBench';
import { graphSearchTarget } from './bench/searchTargets';

const program = newCommand(
  'npm run bench:search --',
  'Search quality (recall@1/@5, MRR) and latency on a graph.',
)
  .option('--sample <n>', 'entities to sample (all when the graph has fewer)', '2000')
  .option('--first <n>', 'hits asked for per query (ranks beyond count as misses)', '10')
  .option('--title <text>', 'heading of the printed table', 'Search benchmark')
  .option('--json', 'print the figures as JSON instead of Markdown');

function positive(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: must be a positive integer, got "${v}"`);
  return n;
}

async function main(): Promise<number> {
  const o = program.opts<{ sample: string; first: string; title: string; json?: boolean }>();
  const sample = positive('sample', o.sample);
  const first = positive('first', o.first);
  const config = loadConfig();
  const graph = await openGraph(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    if (!(await isMigrated(graph.executor))) {
      process.stderr.write(`The graph at ${graph.uri} lacks schema migrations: run npm run migrate first.\n`);
      return EXIT.invalidInput;
    }
    const entities = await readEntities(graph.executor);
    if (entities.length === 0) {
      process.stderr.write(
        `The graph at ${graph.uri} holds no entities: load readouts first (npm run seed).\n`,
      );
      return EXIT.invalidInput;
    }
    let bar: ReturnType<typeof progressBar> | undefined;
    const report = await runSearchBench(entities, graphSearchTarget(graph.executor), {
      sample,
      first,
      onProgress: (done, total) => {
        bar ??= progressBar(total, 'queries');
        bar.update(done);
      },
    });
    bar?.stop();
    process.stdout.write(
      o.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderSearchBench(o.title, report)}\n`,
    );
    return EXIT.ok;
  } finally {
    await graph.close();
  }
}

runCommand(program, main);
