// One staleness rule for every build output: a hash of the files it is built from, kept beside the output.
// A build is current when the stored hash matches the hash of today's sources; otherwise it is rebuilt.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');

/** Every file under `dir` (sorted), optionally only those `keep` accepts; `skip` names folders left out. */
export function filesUnder(
  dir: string,
  keep: (file: string) => boolean = () => true,
  skip: string[] = [],
): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return skip.includes(e.name) ? [] : filesUnder(p, keep, skip);
      return keep(p) ? [p] : [];
    })
    .sort();
}

/** A hash of the files' paths (relative to the repository) and contents. */
export function sourcesHash(files: string[]): string {
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(path.relative(REPO, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

export interface Stamped {
  /** The file that holds the hash of the sources the output was built from. */
  stamp: string;
  sources: () => string[];
}

export function isCurrent(build: Stamped): boolean {
  return fs.existsSync(build.stamp) && fs.readFileSync(build.stamp, 'utf8') === sourcesHash(build.sources());
}

/** Runs `build` and records the hash of the sources as they were when it started; returns the time taken in ms. */
export async function buildStamped(build: Stamped, run: () => Promise<void>): Promise<number> {
  const started = Date.now();
  const hash = sourcesHash(build.sources());
  await run();
  fs.mkdirSync(path.dirname(build.stamp), { recursive: true });
  fs.writeFileSync(build.stamp, hash);
  return Date.now() - started;
}

/**
 * Runs a Node script of a build tool (vite, tsc) in a child process and waits for it. SIGINT and SIGTERM are passed
 * on to it, and this process exits once it has stopped, so an interrupted build leaves no tool running.
 */
export function runNodeTool(what: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal);
      child.once('exit', () => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (exit ${signal ?? code}).`));
    });
  });
}
