// npm run split -- <id> --sources <source id>… [--dry-run] [--json]
// Moves what some documents say of an entity to a new entity of its own (two namesakes taken for one, or a wrong
// merge undone): the first document's entry is declared distinct, the others pinned to the new entity.
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { DomainError } from '../graph/errors';
import { createLogger } from '../graph/logger';
import { splitEntity } from '../graph/readout/merge';
import { EXIT, newCommand, runCommand } from './cli';
import { printEntityChange } from './printDiff';

const program = newCommand(
  'npm run split --',
  'Split from an entity (a person or an organisation) what the given documents say of it, into a new entity.',
)
  .argument('<id>', 'the entity to split, e.g. person:rajendra-kumar')
  .requiredOption('--sources <ids...>', 'the documents whose entries become the new entity')
  .option('--dry-run', 'report what would change; write nothing')
  .option('--json', 'print the full report as JSON');

async function main(): Promise<number> {
  const {
    sources,
    dryRun = false,
    json = false,
  } = program.opts<{
    sources: string[];
    dryRun?: boolean;
    json?: boolean;
  }>();
  const [id = ''] = program.args;
  const config = loadConfig();
  const graph = await prepareGraph(config, createLogger(config.logLevel));
  closeOnSignals(() => graph.close(), createLogger(config.logLevel));
  try {
    const report = await splitEntity(graph.executor, id, sources, { dryRun, who: 'cli' });
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else
      printEntityChange(
        `${dryRun ? 'Would split' : 'Split'} ${report.entity.id || 'a new entity'} from ${id}`,
        report,
      );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof DomainError) {
      process.stderr.write(`Nothing was split: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    throw e;
  } finally {
    await graph.close();
  }
}

runCommand(program, main);
