// npm run bench [-- --full] [options]: ingest and query benchmarks on generated readouts, side by side with the
// naive loader, @neo4j/graphql and raw Cypher. Writes docs/benchmarks/<mode>-<date>.json and the mode's section
// of BENCHMARKS.md. Starts its own Neo4j unless NEO4J_URI is set (then --wipe is required: it empties it).
import path from 'node:path';
import { loadConfig } from '../graph/config';
import { createLogger } from '../graph/logger';
import { parseBenchArgs, USAGE } from './bench/options';
import { renderMarkdown, updateMarkdown, writeJsonReport } from './bench/report';
import { runBench } from './bench/runBench';
import { exitWhenFlushed } from './runMain';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = parseBenchArgs(args, path.resolve(__dirname, '..'));
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'debug' ? 'debug' : 'info');
  const report = await runBench(options, config, log, args);
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
  return errors > 0 ? 1 : 0;
}

main().then(exitWhenFlushed, (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  exitWhenFlushed(1);
});
