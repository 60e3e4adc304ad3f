// What every entry point does first: open the graph (local or external), apply migrations, sync the vocabulary.
import type { Config } from './config';
import { openGraph, type GraphConnection } from './connect';
import type { Logger } from './logger';
import { migrate } from './migrations';
import { syncVocabulary } from './themes';

export async function prepareGraph(config: Config, log: Logger): Promise<GraphConnection> {
  const graph = await openGraph(config, log);
  try {
    const applied = await migrate(graph.executor);
    if (applied.length > 0) log.info(`Applied migrations ${applied.join(', ')}.`);
    const themes = await syncVocabulary(graph.executor);
    log.debug(`Theme vocabulary in sync (${themes} themes).`);
    return graph;
  } catch (e) {
    await graph.close();
    throw e;
  }
}

/** Stops the graph (and the child Neo4j) on Ctrl-C or SIGTERM, then exits. */
export function closeOnSignals(close: () => Promise<void>, log: Logger): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.info(`${signal} received, shutting down…`);
    close()
      .catch((e: unknown) => log.error(`Error while shutting down: ${String(e)}`))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
