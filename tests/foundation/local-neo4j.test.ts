// The embedded Neo4j launcher: clear errors for a taken port and a locked data directory, data kept across
// restarts, and no Neo4j left behind when its parent process dies, even by SIGKILL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GraphExecutor } from '../../graph/executor';
import { freeLoopbackPort, startLocalNeo4j, type LocalNeo4j } from '../../graph/localNeo4j';
import { createLogger } from '../../graph/logger';

const log = createLogger('error');
const dirs: string[] = [];

function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-launcher-test-'));
  dirs.push(d);
  return d;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

const opts = (dir: string, port: number) => ({ dir, port, pageCacheMb: 64, heapMb: 384, startTimeoutS: 120 });

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('with one local Neo4j running', () => {
  let neo: LocalNeo4j;
  let dir: string;
  let port: number;

  beforeAll(async () => {
    dir = tmpDir();
    port = await freeLoopbackPort();
    neo = await startLocalNeo4j(opts(dir, port), log);
  });
  afterAll(() => neo.stop());

  test('it serves Bolt on loopback: write then read through neo4j-driver', async () => {
    const ex = new GraphExecutor({ uri: neo.uri, queryTimeoutMs: 5000 });
    try {
      await ex.write('CREATE (:Probe {value: $v})', { v: 'kept' });
      expect(await ex.read('MATCH (p:Probe) RETURN p.value AS v')).toEqual([{ v: 'kept' }]);
    } finally {
      await ex.close();
    }
  });

  test('a second start on the same port fails with the fix in the message', async () => {
    await expect(startLocalNeo4j(opts(tmpDir(), port), log)).rejects.toThrow(
      /Port \d+ .*already in use.*LOCAL_NEO4J_PORT/s,
    );
  });

  test('a second start on the same data directory fails: locked by another process', async () => {
    await expect(startLocalNeo4j(opts(dir, await freeLoopbackPort()), log)).rejects.toThrow(
      /locked by another Neo4j process/,
    );
  });

  test('data survive a clean restart', async () => {
    await neo.stop();
    expect(await portOpen(port)).toBe(false);
    neo = await startLocalNeo4j(opts(dir, port), log);
    const ex = new GraphExecutor({ uri: neo.uri, queryTimeoutMs: 5000 });
    try {
      expect(await ex.read('MATCH (p:Probe) RETURN p.value AS v')).toEqual([{ v: 'kept' }]);
    } finally {
      await ex.close();
    }
  });
});

test('killing the parent with SIGKILL leaves no Neo4j behind', async () => {
  const port = await freeLoopbackPort();
  const dir = tmpDir();
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'neo4j.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_URI: '',
      LOCAL_NEO4J_DIR: dir,
      LOCAL_NEO4J_PORT: String(port),
      LOCAL_NEO4J_PAGECACHE_MB: '64',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 120000;
  while (!out.includes('Neo4j is ready') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  expect(out).toContain('Neo4j is ready');
  expect(await portOpen(port)).toBe(true);
  child.kill('SIGKILL');
  // The launcher watches its stdin; when the parent dies the pipe closes and Neo4j shuts down.
  const gone = Date.now() + 60000;
  while ((await portOpen(port)) && Date.now() < gone) await new Promise((r) => setTimeout(r, 250));
  expect(await portOpen(port)).toBe(false);
});
