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

/**
 * Runs `close` once on SIGINT or SIGTERM (or when the returned function is called), then exits. Later signals are
 * ignored rather than left to their default action: Ctrl-C reaches both npm and this process, and npm forwards its
 * copy, so a second SIGINT must not cut the close short. A close still running after `timeoutMs` is abandoned.
 */
export function closeOnSignals(
  close: () => Promise<void>,
  log: Logger,
  timeoutMs = 60000,
): (reason: string, exitCode: number) => void {
  let closing = false;
  const shutdown = (reason: string, exitCode: number) => {
    if (closing) return;
    closing = true;
    log.info(`${reason}, shutting down…`);
    setTimeout(() => {
      log.error(`Shutdown still not finished after ${timeoutMs / 1000} s; exiting anyway.`);
      process.exit(exitCode);
    }, timeoutMs).unref();
    close()
      .catch((e: unknown) => log.error(`Error while shutting down: ${String(e)}`))
      .finally(() => process.exit(exitCode));
  };
  process.on('SIGINT', () => shutdown('SIGINT received', 130));
  process.on('SIGTERM', () => shutdown('SIGTERM received', 143));
  return shutdown;
}
