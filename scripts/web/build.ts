// Builds the IDE, the explorer and the Draft page into dist/web with Vite, or, with --if-stale, only when dist/web is missing or
// was built from other sources (a hash of scripts/web, schema/, README.md and package-lock.json is kept beside it).
// `npm run build:web` builds; `npm start` (prestart) and the jest global setup build when stale.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const SOURCES = path.join(REPO, 'scripts', 'web');
const SCHEMA = path.join(REPO, 'schema');
const DIST = path.join(REPO, 'dist', 'web');
const STAMP = path.join(DIST, '.sources-hash');
const VITE = path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...files(SOURCES),
    ...files(SCHEMA),
    path.join(REPO, 'README.md'),
    path.join(REPO, 'package-lock.json'),
  ];
  for (const f of inputs) {
    hash.update(path.relative(REPO, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

export function webBuildIsCurrent(): boolean {
  return fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === sourcesHash();
}

/** Runs `vite build` in a child process (Vite is ESM-only; this file also runs under ts-jest's CommonJS). */
export function buildWeb(): number {
  const started = Date.now();
  const hash = sourcesHash();
  const run = spawnSync(
    process.execPath,
    [VITE, 'build', '--config', path.join(SOURCES, 'vite.config.mts')],
    {
      cwd: REPO,
      stdio: 'inherit',
    },
  );
  if (run.status !== 0)
    throw new Error(`Building the web front-end failed (vite exited with ${run.status}).`);
  fs.writeFileSync(STAMP, hash);
  return Date.now() - started;
}

/** Builds when dist/web is missing or stale; returns the build time in ms, or null when nothing was needed. */
export function ensureWebBuilt(): number | null {
  return webBuildIsCurrent() ? null : buildWeb();
}

if (require.main === module) {
  const ms = process.argv.includes('--if-stale') ? ensureWebBuilt() : buildWeb();
  process.stdout.write(
    ms === null
      ? 'dist/web is up to date.\n'
      : `Built the IDE, explorer and Draft page into dist/web in ${(ms / 1000).toFixed(1)} s.\n`,
  );
}
