// Builds the IDE, the explorer and the Draft page into dist/web with Vite, or, with --if-stale, only when dist/web is missing or
// was built from other sources (scripts/build/stamp.ts: a hash of scripts/web, schema/, README.md and
// package-lock.json kept beside it). `npm run build` and `npm start` (prestart) build both this and the server;
// the jest global setup builds this when stale.
import path from 'node:path';
import { buildStamped, filesUnder, isCurrent, REPO, runNodeTool, type Stamped } from '../build/stamp';

const SOURCES = path.join(REPO, 'scripts', 'web');
const VITE = path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');

export const WEB_BUILD: Stamped = {
  stamp: path.join(REPO, 'dist', 'web', '.sources-hash'),
  sources: () => [
    ...filesUnder(SOURCES),
    ...filesUnder(path.join(REPO, 'schema')),
    // The one module of graph/ the pages import (the Draft editor's line of a path).
    path.join(REPO, 'graph', 'readout', 'yamlPaths.ts'),
    path.join(REPO, 'README.md'),
    path.join(REPO, 'package-lock.json'),
  ],
};

export function webBuildIsCurrent(): boolean {
  return isCurrent(WEB_BUILD);
}

/** Runs `vite build` in a child process (Vite is ESM-only; this file also runs under ts-jest's CommonJS). */
export function buildWeb(): Promise<number> {
  return buildStamped(WEB_BUILD, () =>
    runNodeTool('Building the web front-end', [
      VITE,
      'build',
      '--config',
      path.join(SOURCES, 'vite.config.mts'),
    ]),
  );
}

/** Builds when dist/web is missing or stale; returns the build time in ms, or null when nothing was needed. */
export async function ensureWebBuilt(): Promise<number | null> {
  return webBuildIsCurrent() ? null : buildWeb();
}
