// npm run retract -- <source id>… [--dry-run] [--json]
// Withdraws documents: everything only they asserted leaves the graph; what others also assert loses them.
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { ConflictError, NotFoundError } from '../graph/errors';
import { createLogger } from '../graph/logger';
import { retractSources } from '../graph/readout/retract';
import { EXIT, newCommand, runCommand } from './cli';
import { printDiff } from './printDiff';

const program = newCommand(
  'npm run retract --',
  'Withdraw source documents by id: every fact, entity and name only they asserted is removed, and facts other\ndocuments also assert lose them. Each document in its own transaction, recorded in the history.',
)
  .argument('<ids...>', 'source ids, e.g. source:us-india-hold-homeland-security-dialogue')
  .option('--dry-run', 'report what would be removed; write nothing')
  .option('--json', 'print the full report as JSON instead of the summary');

async function main(): Promise<number> {
  const { dryRun = false, json = false } = program.opts<{ dryRun?: boolean; json?: boolean }>();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const graph = await prepareGraph(config, log);
  closeOnSignals(() => graph.close(), log);
  try {
    const report = await retractSources(graph.executor, program.args, { dryRun, who: 'cli' });
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const verb = dryRun ? 'would remove' : 'removed';
      for (const s of report.sources) {
        process.stdout.write(
          `${s.sourceId} (${s.title}): ${verb} ${s.nodesRemoved} node(s), ${s.relationshipsRemoved} relationship(s)\n`,
        );
        printDiff(s.diff);
      }
      if (dryRun) process.stdout.write('Dry run: nothing was written.\n');
    }
    return EXIT.ok;
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ConflictError) {
      process.stderr.write(`Stopped: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    throw e;
  } finally {
    await graph.close();
  }
}

runCommand(program, main);
