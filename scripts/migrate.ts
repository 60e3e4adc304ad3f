// npm run migrate: applies pending schema migrations and syncs the theme vocabulary, then exits.
import { prepareGraph } from '../graph/bootstrap';
import { loadConfig } from '../graph/config';
import { createLogger } from '../graph/logger';
import { appliedVersions, LATEST_MIGRATION } from '../graph/migrations';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const graph = await prepareGraph(config, log);
  try {
    const versions = await appliedVersions(graph.executor);
    log.info(`Schema at version ${Math.max(...versions)} of ${LATEST_MIGRATION}; theme vocabulary in sync.`);
  } finally {
    await graph.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
