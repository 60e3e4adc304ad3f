// Runs a TypeScript entry point of this repository in a child Node process (through tsx), so that what it costs in
// memory and CPU is its own; collects its stdout and fails with its stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ChildOptions {
  /** Extra flags for Node itself, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Each line the child writes to stderr, as it comes (progress of long runs). */
  onStderrLine?: (line: string) => void;
  /** Variables added to the child's environment. */
  env?: Record<string, string>;
}

const live = new Set<ChildProcess>();

/** Sends `signal` to every child still running: the benchmark's own exit then leaves no worker behind. */
export function signalChildren(signal: NodeJS.Signals): void {
  for (const child of live) child.kill(signal);
}

export function spawnTs(script: string, args: string[], opts: ChildOptions = {}): ChildProcess {
  const child = spawn(
    process.execPath,
    [...(opts.nodeFlags ?? []), '--import', 'tsx', path.join(ROOT, script), ...args],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Not configuration read here: the child gets this process's environment plus the few variables asked for.
      // eslint-disable-next-line no-restricted-properties
      ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Runs the script to the end and returns its stdout; rejects with the tail of stderr when it fails. */
export function runTs(script: string, args: string[], opts: ChildOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, args, opts);
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    let partial = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      err = (err + d).slice(-8000);
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') opts.onStderrLine?.(line);
    });
    child.stdin?.end();
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${script} exited with ${code}:\n${err.trim()}`));
    });
  });
}
