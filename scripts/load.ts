// npm run load -- <files or folders…> [--dry-run] [--json] [--batch-size <n>]   |   npm run seed [-- --dry-run]
// Validates every readout before writing any, then writes them; a changed readout of a known document revises it.
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { InvalidReadoutError, formatIssue } from '../graph/errors';
import { createLogger } from '../graph/logger';
import { findReadoutFiles, readReadoutFiles, SEED_DIR } from '../graph/readout/files';
import { ingestReadouts, type IngestReport } from '../graph/readout/ingest';
import { WRITE_BATCH } from '../graph/readout/pipeline';
import { EXIT, newCommand, positiveInt, progressBar, runCommand, usageError } from './cli';
import { printDiff } from './printDiff';

const program = newCommand(
  'npm run load --',
  'Validate readouts (every file before any is written), then write them. A readout of a document already in the\ngraph with other content is a revision: it replaces what that document asserted. The same content again is a\nno-op. `npm run seed` is `npm run load -- --seed`.',
)
  .argument('[paths...]', 'readout files (.yaml, .yml, .json) or folders searched for them')
  .option('--seed', 'also load the bundled readouts in data/readouts')
  .option(
    '--dry-run',
    "validate and report what would be created, and each document's facts added, removed and kept; write nothing",
  )
  .option('--json', 'print the full report as JSON instead of the summary')
  .option(
    '--batch-size <n>',
    `readouts per write transaction (default ${WRITE_BATCH}); each transaction is all in the graph or not at all`,
    positiveInt,
  );

function printSummary(report: IngestReport): void {
  const verb = report.dryRun ? 'would create' : 'created';
  for (const r of report.readouts) {
    const parts = Object.entries(r.byLabel)
      .filter(([, c]) => c.created > 0)
      .map(([l, c]) => `${c.created} ${l}`);
    // A revision writes its new version after taking the old one out: its diff says what changed, not its counts.
    const line =
      r.action === 'revised' && r.diff !== null
        ? `revision; ${r.diff.added.length} fact(s) ${report.dryRun ? 'would be ' : ''}added, ${r.diff.removed.length} removed, ${r.diff.kept.length} kept`
        : `${r.action === 'added' ? 'new document' : 'unchanged'}; ${verb} ${parts.length ? parts.join(', ') : 'nothing new'}`;
    process.stdout.write(`${r.file}: ${line} (source ${r.sourceId})\n`);
    // A new document's diff is the whole readout: shown in dry runs, and always for revisions.
    if (r.diff !== null && (report.dryRun || r.action === 'revised')) printDiff(r.diff);
  }
  process.stdout.write(
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.readouts.length} readout(s); nodes ${verb} ${report.nodesCreated}, matched ${report.nodesMatched}; relationships ${verb} ${report.relationshipsCreated}, matched ${report.relationshipsMatched}; ${(report.durationMs / 1000).toFixed(2)} s\n`,
  );
  const { batches, plannedAhead } = report.batches;
  if (batches > 1)
    process.stdout.write(
      `${batches} write transactions, ${plannedAhead} of them planned ahead of their turn\n`,
    );
}

async function main(): Promise<number> {
  const paths = program.args;
  const {
    seed = false,
    dryRun = false,
    json = false,
    batchSize,
  } = program.opts<{
    seed?: boolean;
    dryRun?: boolean;
    json?: boolean;
    batchSize?: number;
  }>();
  if (!seed && paths.length === 0) return usageError(program, 'give readout files or folders, or --seed.');
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const inputs = readReadoutFiles(findReadoutFiles(seed ? [SEED_DIR, ...paths] : paths));
  if (inputs.length === 0) return usageError(program, 'No readout files (.yaml, .yml, .json) found.');
  const graph = await prepareGraph(config, log);
  closeOnSignals(() => graph.close(), log);
  const bar = progressBar(inputs.length, dryRun ? 'checking' : 'loading');
  try {
    const report = await ingestReadouts(graph.executor, inputs, {
      dryRun,
      batchSize,
      onProgress: (done, _total, file) => bar.update(done, file),
    });
    bar.stop();
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printSummary(report);
    return EXIT.ok;
  } catch (e) {
    bar.stop();
    if (e instanceof InvalidReadoutError) {
      process.stderr.write(
        `Nothing was written. ${e.issues.length} problem(s):\n${e.issues.map(formatIssue).join('\n')}\n`,
      );
      return EXIT.invalidInput;
    }
    throw e;
  } finally {
    await graph.close();
  }
}

runCommand(program, main);
