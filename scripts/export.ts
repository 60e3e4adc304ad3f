// npm run export -- --id person:ajay-bhalla [--id …] [--depth 2] [--max-nodes 200] [--types A,B] [--at 2024]
//                  [--format graphml|gexf|cyjs] > out.graphml
// Writes the file to stdout; progress and errors go to stderr.
import { parseArgs } from 'node:util';
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { DomainError } from '../graph/errors';
import { exportSubgraph, parseExportRequest } from '../graph/export/request';
import { createLogger } from '../graph/logger';
import { runMain } from './runMain';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        id: { type: 'string', multiple: true },
        depth: { type: 'string' },
        'max-nodes': { type: 'string' },
        types: { type: 'string' },
        at: { type: 'string' },
        format: { type: 'string' },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(
      `${(e as Error).message}\nusage: npm run export -- --id <entity id> [--depth N] [--max-nodes N] [--types T1,T2] [--at date] [--format graphml|gexf|cyjs]\n`,
    );
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let req;
  try {
    req = parseExportRequest({
      ids: values.id,
      depth: values.depth,
      maxNodes: values['max-nodes'],
      types: values.types,
      at: values.at,
      format: values.format,
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const graph = await prepareGraph(config, log);
  closeOnSignals(() => graph.close(), log);
  try {
    const result = await exportSubgraph(graph.executor, req);
    process.stdout.write(result.body);
    process.stderr.write(
      `${result.nodes} nodes, ${result.edges} edges${result.truncated ? ' (truncated by --max-nodes)' : ''}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await graph.close();
  }
}

runMain(main);
