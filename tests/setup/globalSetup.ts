// Starts one throwaway Neo4j for the whole test run (temporary directory, free port) unless NEO4J_URI is given,
// applies migrations, and hands the URI to the test workers through the environment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../graph/config';
import { GraphExecutor } from '../../graph/executor';
import { freeLoopbackPort, startLocalNeo4j, type LocalNeo4j } from '../../graph/localNeo4j';
import { createLogger } from '../../graph/logger';
import { migrate } from '../../graph/migrations';
import { syncVocabulary } from '../../graph/themes';
import { ensureWebBuilt } from '../../scripts/web/build';

declare global {
  var __TEST_NEO4J__: { local: LocalNeo4j | undefined; dir: string | undefined } | undefined;
}

export default async function globalSetup(): Promise<void> {
  // The browser tests need the built IDE and explorer; a no-op when dist/web matches its sources.
  const webMs = await ensureWebBuilt();
  if (webMs !== null) process.stderr.write(`\nBuilt dist/web in ${(webMs / 1000).toFixed(1)} s\n`);
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let local: LocalNeo4j | undefined;
  let dir: string | undefined;
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-test-neo4j-'));
    const started = Date.now();
    local = await startLocalNeo4j(
      { ...config.local, dir, port: await freeLoopbackPort(), pageCacheMb: 256, heapMb: 768 },
      log,
    );
    uri = local.uri;
    process.stderr.write(
      `\nTest Neo4j at ${uri} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    process.env.NEO4J_URI = uri;
  }
  globalThis.__TEST_NEO4J__ = { local, dir };
  const executor = new GraphExecutor({ ...config.neo4j, uri });
  try {
    await migrate(executor);
    await syncVocabulary(executor);
  } finally {
    await executor.close();
  }
}
