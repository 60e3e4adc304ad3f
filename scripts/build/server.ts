// Compiles the server (graph/, resolvers/, scripts/start.ts) with tsc into dist/ (tsconfig.build.json), with
// source maps beside the JavaScript; rebuilt only when its sources changed (the hash stamp of scripts/build/stamp.ts).
import fs from 'node:fs';
import path from 'node:path';
import { buildStamped, filesUnder, isCurrent, REPO, runNodeTool, type Stamped } from './stamp';

const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const OUTPUTS = ['graph', 'resolvers', 'scripts', 'data'].map((d) => path.join(REPO, 'dist', d));
const isTs = (f: string) => f.endsWith('.ts');

export const SERVER_BUILD: Stamped = {
  stamp: path.join(REPO, 'dist', '.server-sources-hash'),
  sources: () => [
    ...filesUnder(path.join(REPO, 'graph'), isTs, ['neo4j-launcher']),
    ...filesUnder(path.join(REPO, 'resolvers'), isTs),
    ...filesUnder(path.join(REPO, 'scripts'), isTs, ['web']),
    // JSON the code imports (data/countries.json) is copied into dist/data by tsc.
    ...filesUnder(path.join(REPO, 'data'), (f) => f.endsWith('.json'), ['readouts']),
    ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => path.join(REPO, f)),
  ],
};

/** Compiles from scratch (old outputs removed first, so a deleted source leaves no JavaScript behind). */
export function buildServer(): Promise<number> {
  return buildStamped(SERVER_BUILD, async () => {
    for (const dir of OUTPUTS) fs.rmSync(dir, { recursive: true, force: true });
    await runNodeTool('Compiling the server', [TSC, '-p', path.join(REPO, 'tsconfig.build.json')]);
  });
}

export async function ensureServerBuilt(): Promise<number | null> {
  return isCurrent(SERVER_BUILD) ? null : buildServer();
}
