// npm run export -- --id person:ajay-bhalla [--id …] [--depth 2] [--max-nodes 200] [--types A,B] [--at 2024]
//                  [--format graphml|gexf|cyjs] > out.graphml
// Writes the file to stdout; progress and errors go to stderr.
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { DomainError } from '../graph/errors';
import { exportSubgraph, parseExportRequest } from '../graph/export/request';
import { createLogger } from '../graph/logger';
import { EXIT, newCommand, runCommand, usageError } from './cli';

const program = newCommand(
  'npm run export --',
  'Write the neighbourhood of one or more entities to stdout as GraphML, GEXF or Cytoscape.js JSON.',
)
  .option(
    '--id <id>',
    'an entity id, e.g. person:ajay-bhalla (repeat for several)',
    (v, acc: string[]) => [...acc, v],
    [],
  )
  .option('--depth <n>', 'hops from the given entities')
  .option('--max-nodes <n>', 'stop adding nodes beyond this many (the export says it was truncated)')
  .option('--types <list>', 'only these relationship types, comma-separated')
  .option('--at <date>', 'only posts held at this date')
  .option('--format <format>', 'graphml, gexf or cyjs')
  .addHelpText(
    'after',
    '\nExample:\n  npm run export -- --id person:ajay-bhalla --depth 2 --format graphml > bhalla.graphml',
  );

async function main(): Promise<number> {
  const o = program.opts<{
    id: string[];
    depth?: string;
    maxNodes?: string;
    types?: string;
    at?: string;
    format?: string;
  }>();
  let req;
  try {
    req = parseExportRequest({
      ids: o.id.length > 0 ? o.id : undefined,
      depth: o.depth,
      maxNodes: o.maxNodes,
      types: o.types,
      at: o.at,
      format: o.format,
    });
  } catch (e) {
    return usageError(program, e instanceof Error ? e.message : String(e));
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const graph = await prepareGraph(config, log);
  closeOnSignals(() => graph.close(), log);
  try {
    const result = await exportSubgraph(graph.executor, req);
    process.stdout.write(result.body);
    process.stderr.write(
      `${result.nodes} nodes, ${result.edges} edges${result.truncated ? ' (truncated by --max-nodes)' : ''}\n`,
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof DomainError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.invalidInput;
    }
    throw e;
  } finally {
    await graph.close();
  }
}

runCommand(program, main);
