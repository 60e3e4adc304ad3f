// SIGTERM to the pid of `npm start` or `npm run neo4j` (what a service manager or `kill` sends) stops the whole
// process tree: npm, the API, the local Neo4j. Nothing survives and neither the API port nor the Bolt port stays
// bound. Also: when the local Neo4j is killed on its own, the API does not linger in front of a dead database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from '../../graph/localNeo4j';

const ROOT = path.resolve(__dirname, '..', '..');
// Upper bounds only (polling ends as soon as the condition holds): a loaded two-core machine may need minutes to
// build dist/ and start Neo4j.
const READY_WITHIN_MS = 420000;
const GONE_WITHIN_MS = 120000;
jest.setTimeout(READY_WITHIN_MS + GONE_WITHIN_MS + 60000);

const dirs: string[] = [];
const started: ChildProcess[] = [];

afterAll(() => {
  // A safety net only (each test asserts the tree is gone): the children run in their own process group.
  for (const c of started) {
    try {
      if (c.pid !== undefined) process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Parent pid and state of a live process, from /proc; undefined once it is gone (a zombie counts as gone). */
function procStat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === undefined || state === 'Z' || state === 'X') return undefined;
    return { ppid: Number(ppid), state };
  } catch {
    return undefined;
  }
}

/** `root` and all its live descendants. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(Number(name));
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  if (procStat(root)) visit(root);
  return tree;
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '(gone)';
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

async function waitFor(
  what: string,
  withinMs: number,
  done: () => boolean | Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Not within ${withinMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Run {
  child: ChildProcess;
  pid: number;
  output: () => string;
  apiPort: number;
  boltPort: number;
}

/** `npm <args>` in its own process group, with a throwaway data directory and free ports. */
async function startNpm(args: string[]): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-signals-test-'));
  dirs.push(dir);
  const [apiPort, boltPort] = [await freeLoopbackPort(), await freeLoopbackPort()];
  const child = spawn('npm', args, {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      NEO4J_URI: '',
      PORT: String(apiPort),
      LOCAL_NEO4J_DIR: dir,
      LOCAL_NEO4J_PORT: String(boltPort),
      LOCAL_NEO4J_PAGECACHE_MB: '64',
      LOCAL_NEO4J_HEAP_MB: '384',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (child.pid === undefined) throw new Error(`npm ${args.join(' ')} did not start`);
  return { child, pid: child.pid, output: () => out, apiPort, boltPort };
}

async function waitForOutput(run: Run, text: string): Promise<void> {
  await waitFor(`"${text}" printed`, READY_WITHIN_MS, () => {
    if (run.child.exitCode !== null)
      throw new Error(`exited ${run.child.exitCode} before "${text}":\n${run.output()}`);
    return run.output().includes(text);
  });
}

/** Polls until every process of `tree` has gone, then checks both ports are closed. */
async function expectAllGone(run: Run, tree: number[]): Promise<void> {
  await waitFor('every process of the tree gone', GONE_WITHIN_MS, () =>
    tree.every((p) => !procStat(p)),
  ).catch((e: Error) => {
    const left = tree.filter((p) => procStat(p)).map((p) => `${p} ${commandOf(p)}`);
    throw new Error(`${e.message}\nstill running:\n${left.join('\n')}\noutput:\n${run.output()}`);
  });
  expect(tree.filter((p) => procStat(p))).toEqual([]);
  expect(await listening(run.apiPort)).toBe(false);
  expect(await listening(run.boltPort)).toBe(false);
}

const javaIn = (tree: number[]) => tree.filter((p) => /\bjava\b.*Neo4jLauncher/.test(commandOf(p)));

test('SIGTERM to the pid of `npm start` stops the API and the local Neo4j, and frees both ports', async () => {
  const run = await startNpm(['start']);
  await waitForOutput(run, 'Ready in');
  expect(await listening(run.apiPort)).toBe(true);
  expect(await listening(run.boltPort)).toBe(true);
  const tree = processTree(run.pid);
  expect(javaIn(tree)).toHaveLength(1);
  process.kill(run.pid, 'SIGTERM');
  await expectAllGone(run, tree);
  expect(run.output()).toContain('SIGTERM received, shutting down');
});

test('SIGTERM to the pid of `npm run neo4j` stops Neo4j and frees the Bolt port', async () => {
  const run = await startNpm(['run', 'neo4j']);
  await waitForOutput(run, 'Neo4j is ready at');
  expect(await listening(run.boltPort)).toBe(true);
  const tree = processTree(run.pid);
  expect(javaIn(tree)).toHaveLength(1);
  process.kill(run.pid, 'SIGTERM');
  await expectAllGone(run, tree);
});

test('SIGTERM to the local Neo4j alone also stops the API above it', async () => {
  const run = await startNpm(['start']);
  await waitForOutput(run, 'Ready in');
  const tree = processTree(run.pid);
  const [java] = javaIn(tree);
  if (java === undefined) throw new Error(`no Neo4j process under npm start:\n${run.output()}`);
  process.kill(java, 'SIGTERM');
  await expectAllGone(run, tree);
  expect(run.output()).toContain('Local Neo4j stopped');
});
