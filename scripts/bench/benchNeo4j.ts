// The Neo4j a benchmark runs against: its own embedded Neo4j in a temporary directory, with a sized page cache and
// heap, or the one NEO4J_URI names, which is only used when the caller agreed to have it wiped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../graph/config';
import { waitForNeo4j } from '../../graph/connect';
import { GraphExecutor } from '../../graph/executor';
import { freeLoopbackPort, startLocalNeo4j } from '../../graph/localNeo4j';
import type { Logger } from '../../graph/logger';
import { migrate } from '../../graph/migrations';

export interface BenchNeo4j {
  uri: string;
  executor: GraphExecutor;
  /** Page cache and heap of the Neo4j this run started; null for an external one (whatever it is set to). */
  memory: { pageCacheMb: number; heapMb: number } | null;
  stop(): Promise<void>;
}

export async function openBenchNeo4j(
  config: Config,
  opts: {
    uri: string | undefined;
    wipe: boolean;
    queriesOnly: boolean;
    pageCacheMb: number;
    heapMb: number;
  },
  log: Logger,
): Promise<BenchNeo4j> {
  const executorFor = (uri: string) =>
    new GraphExecutor({
      ...config.neo4j,
      uri,
      queryTimeoutMs: Math.max(config.neo4j.queryTimeoutMs, 600000),
    });
  if (opts.queriesOnly && opts.uri === undefined)
    throw new Error(
      '--queries-only measures the graph NEO4J_URI holds: set NEO4J_URI (e.g. to `npm run neo4j`).',
    );
  if (opts.uri !== undefined) {
    if (!opts.wipe && !opts.queriesOnly) {
      throw new Error(
        `The benchmark empties the database it runs on. To use ${opts.uri}, pass --wipe; or unset NEO4J_URI to let it start its own Neo4j.`,
      );
    }
    const executor = executorFor(opts.uri);
    await waitForNeo4j(executor, opts.uri, 60000);
    await migrate(executor);
    return { uri: opts.uri, executor, memory: null, stop: () => executor.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-bench-neo4j-'));
  const local = await startLocalNeo4j(
    {
      ...config.local,
      dir,
      port: await freeLoopbackPort(),
      pageCacheMb: opts.pageCacheMb,
      heapMb: opts.heapMb,
    },
    log,
  );
  const executor = executorFor(local.uri);
  try {
    await waitForNeo4j(executor, local.uri, 60000);
    await migrate(executor);
  } catch (e) {
    await executor.close();
    await local.stop();
    throw e;
  }
  return {
    uri: local.uri,
    executor,
    memory: { pageCacheMb: opts.pageCacheMb, heapMb: opts.heapMb },
    async stop() {
      await executor.close();
      await local.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
