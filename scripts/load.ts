// npm run load -- <files or folders…> [--dry-run]   |   npm run seed [-- --dry-run]
// Validates every readout before writing any, then writes each in its own transaction.
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { InvalidReadoutError, formatIssue } from '../graph/errors';
import { createLogger } from '../graph/logger';
import { findReadoutFiles, readReadoutFiles, SEED_DIR } from '../graph/readout/files';
import { ingestReadouts, type IngestReport } from '../graph/readout/ingest';
import { runMain } from './runMain';

const USAGE =
  'usage: npm run load -- <readout files or folders…> [--dry-run] [--json]\n       npm run seed [-- --dry-run]';

function progressBar(done: number, total: number, file: string): void {
  if (!process.stderr.isTTY || total < 2) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file.slice(-40).padEnd(40)}`,
  );
  if (done === total) process.stderr.write('\n');
}

function printSummary(report: IngestReport): void {
  const verb = report.dryRun ? 'would create' : 'created';
  for (const r of report.readouts) {
    const parts = Object.entries(r.byLabel)
      .filter(([, c]) => c.created > 0)
      .map(([l, c]) => `${c.created} ${l}`);
    process.stdout.write(
      `${r.file}: ${verb} ${parts.length ? parts.join(', ') : 'nothing new'} (source ${r.sourceId})\n`,
    );
  }
  process.stdout.write(
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.readouts.length} readout(s); nodes ${verb} ${report.nodesCreated}, matched ${report.nodesMatched}; relationships ${verb} ${report.relationshipsCreated}, matched ${report.relationshipsMatched}; ${(report.durationMs / 1000).toFixed(2)} s\n`,
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const seed = args.includes('--seed');
  const dryRun = args.includes('--dry-run');
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('--') && !['--seed', '--dry-run', '--json'].includes(a));
  const paths = args.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || (!seed && paths.length === 0) || args.includes('--help')) {
    process.stderr.write(`${unknown.length ? `unknown option(s) ${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const inputs = readReadoutFiles(findReadoutFiles(seed ? [SEED_DIR, ...paths] : paths));
  if (inputs.length === 0) {
    process.stderr.write('No readout files (.yaml, .yml, .json) found.\n');
    return 2;
  }
  const graph = await prepareGraph(config, log);
  closeOnSignals(() => graph.close(), log);
  try {
    const report = await ingestReadouts(graph.executor, inputs, { dryRun, onProgress: progressBar });
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printSummary(report);
    return 0;
  } catch (e) {
    if (e instanceof InvalidReadoutError) {
      process.stderr.write(
        `Nothing was written. ${e.issues.length} problem(s):\n${e.issues.map(formatIssue).join('\n')}\n`,
      );
      return 1;
    }
    throw e;
  } finally {
    await graph.close();
  }
}

runMain(main);
