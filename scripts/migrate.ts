// npm run migrate: applies pending schema migrations and syncs the theme vocabulary, then exits.
import { prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { createLogger } from '../graph/logger';
import { appliedVersions, LATEST_MIGRATION } from '../graph/migrations';
import { EXIT, newCommand, runCommand } from './cli';

const program = newCommand(
  'npm run migrate --',
  'Apply pending schema migrations and sync the theme vocabulary (data/themes.yaml), then exit.',
);

async function main(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const graph = await prepareGraph(config, log);
  try {
    const versions = await appliedVersions(graph.executor);
    log.info(`Schema at version ${Math.max(...versions)} of ${LATEST_MIGRATION}; theme vocabulary in sync.`);
    return EXIT.ok;
  } finally {
    await graph.close();
  }
}

runCommand(program, main);
