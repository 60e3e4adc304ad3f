// npm run bench [-- --full] [options]: ingest and query benchmarks on generated readouts, side by side with the
// naive loader, @neo4j/graphql and raw Cypher. Writes docs/benchmarks/<mode>-<date>.json and the mode's section
// of BENCHMARKS.md. Starts its own Neo4j unless NEO4J_URI is set (then --wipe is required: it empties it).
import path from 'node:path';
import { loadConfig } from '../graph/config';
import { createLogger } from '../graph/logger';
import { benchCommand, benchOptions, type BenchFlags } from './bench/options';
import { signalChildren } from './bench/childProcess';
import { renderMarkdown, updateMarkdown, writeJsonReport } from './bench/report';
import { runBench } from './bench/runBench';
import { EXIT, runCommand } from './cli';

const program = benchCommand();

// Its workers are stopped first; its own Neo4j stops when this process's pipe to it closes.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    signalChildren('SIGTERM');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

async function main(): Promise<number> {
  const options = benchOptions(program.opts<BenchFlags>(), path.resolve(__dirname, '..'));
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'debug' ? 'debug' : 'info');
  const report = await runBench(options, config, log, process.argv.slice(2));
  process.stdout.write(`${renderMarkdown(report)}\n`);
  if (options.jsonDir !== undefined) log.info(`[bench] wrote ${writeJsonReport(report, options.jsonDir)}`);
  if (options.markdown !== undefined) {
    updateMarkdown(options.markdown, report);
    log.info(`[bench] updated ${options.markdown}`);
  }
  const errors = report.queries.shapes.reduce(
    (acc, s) => acc + Object.values(s.systems).reduce((m, x) => m + x.errors, 0) + s.mismatches.length,
    0,
  );
  return errors > 0 ? EXIT.invalidInput : EXIT.ok;
}

runCommand(program, main);
