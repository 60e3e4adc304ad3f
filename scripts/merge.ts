// npm run merge -- <id> --into <id> [--dry-run] [--json]
// Joins two entities of one kind found to be one: the survivor takes the other's facts, names and documents, and
// the old id keeps resolving to it. The documents that named the old entity are re-pinned to the survivor.
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { DomainError } from '../graph/errors';
import { createLogger } from '../graph/logger';
import { mergeEntities } from '../graph/readout/merge';
import { EXIT, newCommand, runCommand } from './cli';
import { printEntityChange } from './printDiff';

const program = newCommand(
  'npm run merge --',
  'Merge an entity into another of the same kind (people or organisations), recorded in the history.',
)
  .argument('<id>', 'the entity merged away, e.g. org:in:home-ministry')
  .requiredOption('--into <id>', 'the entity that survives, e.g. org:in:ministry-of-home-affairs')
  .option('--dry-run', 'report what would change; write nothing')
  .option('--json', 'print the full report as JSON');

async function main(): Promise<number> {
  const {
    into,
    dryRun = false,
    json = false,
  } = program.opts<{ into: string; dryRun?: boolean; json?: boolean }>();
  const [from = ''] = program.args;
  const config = loadConfig();
  const graph = await prepareGraph(config, createLogger(config.logLevel));
  closeOnSignals(() => graph.close(), createLogger(config.logLevel));
  try {
    const report = await mergeEntities(graph.executor, from, into, { dryRun, who: 'cli' });
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printEntityChange(`${dryRun ? 'Would merge' : 'Merged'} ${from} into ${into}`, report);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof DomainError) {
      process.stderr.write(`Nothing was merged: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    throw e;
  } finally {
    await graph.close();
  }
}

runCommand(program, main);
