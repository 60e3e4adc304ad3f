// Stops the test Neo4j started by globalSetup and removes its directory.
import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__TEST_NEO4J__;
  if (state?.local) await state.local.stop();
  if (state?.dir) fs.rmSync(state.dir, { recursive: true, force: true });
}
