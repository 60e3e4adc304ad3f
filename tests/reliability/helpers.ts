// Shared by the reliability tests: the soak switch and sizes, free ports, bounded waits, synthetic readouts, and
// the loader CLI as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../graph/config';
import { GraphExecutor } from '../../graph/executor';
import { findReadoutFiles } from '../../graph/readout/files';
import { generateReadouts } from '../../scripts/generate/generateReadouts';

export const ROOT = path.resolve(__dirname, '..', '..');

/** `npm run soak` sets SOAK=1: the same tests run with the long sizes. */
export const SOAK = process.env.SOAK === '1';

/** A positive integer from the environment (the soak runner passes its options this way), else the default. */
export function sizeFromEnv(name: string, normal: number, soak: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : SOAK ? soak : normal;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export { freeLoopbackPort as freePort } from '../../graph/localNeo4j';

export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (v: boolean) => {
      s.destroy();
      resolve(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** Polls `check` every `everyMs` until it returns true or `timeoutMs` passes; returns whether it did. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `graph-reliability-${prefix}-`));
}

/** Writes `n` synthetic readouts (scripts/generate.ts, in-process) and returns their files in load order. */
export function synthetic(n: number, seed: string, dir = tempDir('gen')): { dir: string; files: string[] } {
  generateReadouts({ readouts: n, seed, out: dir, format: 'json' });
  return { dir, files: findReadoutFiles([dir]) };
}

/** An executor on the test Neo4j whose read transactions may run long (loading thousands of readouts). */
export function patientExecutor(uri?: string): GraphExecutor {
  const config = loadConfig();
  const target = uri ?? config.neo4j.uri;
  if (target === undefined)
    throw new Error('NEO4J_URI is not set: run the tests through jest (global setup).');
  return new GraphExecutor({ ...config.neo4j, uri: target, queryTimeoutMs: 600000 });
}

export interface LoaderRun {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal), stdout and stderr. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** The loader CLI exactly as a user runs it: `node --import tsx scripts/load.ts <paths…>`, on `uri`. */
export function startLoader(uri: string, paths: string[], options: string[] = []): LoaderRun {
  const script = path.join('scripts', 'load.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...options, ...paths], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      // Validation reads of a large batch may outlast the API's 15 s default on a busy machine.
      NEO4J_QUERY_TIMEOUT_MS: '600000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-20000)));
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20000)));
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Reads an integer-valued count from a one-row result. */
export async function countOf(executor: GraphExecutor, cypher: string): Promise<number> {
  const rows = await executor.read(cypher);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Bounds the time fast-check spends shrinking a failure of a property whose every run replays a sequence against
 * Neo4j (600 shrink steps once took 40 minutes in CI). After `ms` from the first failure, `over()` turns true and
 * the property should return at once: fast-check then reports the smallest counterexample found so far. Passing
 * runs never depend on it.
 */
export function shrinkBudget(ms: number): {
  over: () => boolean;
  watch: (work: () => Promise<void>) => Promise<void>;
} {
  let firstFailure: number | undefined;
  return {
    over: () => firstFailure !== undefined && Date.now() - firstFailure > ms,
    async watch(work) {
      try {
        await work();
      } catch (e) {
        firstFailure ??= Date.now();
        throw e;
      }
    },
  };
}
