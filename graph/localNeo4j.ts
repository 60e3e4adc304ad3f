// Builds (on first use) and runs the embedded Neo4j launcher in graph/neo4j-launcher as a child process.
// The child watches its stdin and exits when it closes, so it never outlives the Node process that started it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from './logger';
import { repoPath } from './paths';

const LAUNCHER_DIR = repoPath('graph', 'neo4j-launcher');
const TARGET = path.join(LAUNCHER_DIR, 'target');
const STAMP = path.join(TARGET, 'launcher.stamp');
const MAIN_CLASS = 'graphkg.Neo4jLauncher';

/** Flags Neo4j itself passes to the JVM on Java 17; without them Netty and the page cache fail to start. */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
];

export interface LocalNeo4jOptions {
  dir: string;
  port: number;
  pageCacheMb: number;
  heapMb: number;
  startTimeoutS: number;
}

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4j {
  uri: string;
  child: ChildProcess;
  /** Resolves (with how it ended) only if Neo4j exits without `stop()`: killed, crashed, out of memory. */
  unexpectedExit: Promise<string>;
  stop(): Promise<void>;
}

function sourceHash(): string {
  const h = createHash('sha256');
  h.update(fs.readFileSync(path.join(LAUNCHER_DIR, 'pom.xml')));
  h.update(fs.readFileSync(path.join(LAUNCHER_DIR, 'src/main/java/graphkg/Neo4jLauncher.java')));
  return h.digest('hex');
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function javaMajorVersion(): number | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return undefined;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

/** Builds the launcher with Maven unless an up-to-date build exists. Safe to call every start (a hash check). */
export function ensureLauncherBuilt(log: Logger): void {
  if (!which('java')) {
    throw new LocalNeo4jError(
      'No Java found. The local Neo4j needs Java 17 or newer: install it (Debian: apt-get install openjdk-17-jre-headless), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  const major = javaMajorVersion();
  if (major !== undefined && major < 17) {
    throw new LocalNeo4jError(
      `Java ${major} found, but Neo4j 5.26 needs Java 17 or newer. Install Java 17 and retry.`,
    );
  }
  const hash = sourceHash();
  const libDir = path.join(TARGET, 'lib');
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash && fs.existsSync(libDir)) return;
  if (!which('mvn')) {
    throw new LocalNeo4jError(
      'No Maven found. The local Neo4j is built with Maven on first use: install it (Debian: apt-get install maven), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  log.info(
    'Building the local Neo4j launcher with Maven (first run only; downloads Neo4j from Maven Central)…',
  );
  const started = Date.now();
  const r = spawnSync(
    'mvn',
    ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package', '-DskipTests'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (r.status !== 0) {
    const out = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new LocalNeo4jError(
      `Building the Neo4j launcher failed (mvn exit ${r.status}). Check that Maven Central is reachable and ~/.m2 is writable.\n${out}`,
    );
  }
  fs.writeFileSync(STAMP, hash);
  log.info(`Neo4j launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function tailOfLog(dir: string, lines = 25): string {
  const file = path.join(dir, 'logs', 'debug.log');
  if (!fs.existsSync(file)) return '(no debug.log yet)';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Starts the embedded Neo4j and resolves once it prints its ready line (a transaction has succeeded). */
export async function startLocalNeo4j(opts: LocalNeo4jOptions, log: Logger): Promise<LocalNeo4j> {
  ensureLauncherBuilt(log);
  fs.mkdirSync(opts.dir, { recursive: true });
  const args = [
    ...JVM_FLAGS,
    `-Xmx${opts.heapMb}m`,
    '-cp',
    `${path.join(TARGET, 'classes')}${path.delimiter}${path.join(TARGET, 'lib', '*')}`,
    MAIN_CLASS,
    opts.dir,
    String(opts.port),
    String(opts.pageCacheMb),
    '--exit-on-stdin-eof',
  ];
  log.info(`Starting local Neo4j on 127.0.0.1:${opts.port} (data in ${opts.dir})…`);
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-20000);
  });
  const uri = `bolt://127.0.0.1:${opts.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LocalNeo4jError(
          `Neo4j did not come up within ${opts.startTimeoutS} s. Raise LOCAL_NEO4J_START_TIMEOUT_S on a slow machine. Last lines of ${path.join(opts.dir, 'logs', 'debug.log')}:\n${tailOfLog(opts.dir)}`,
        ),
      );
    }, opts.startTimeoutS * 1000);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`Could not run java: ${e.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(startFailure(code, opts, stderr));
    });
  });

  let stopping: Promise<void> | undefined;
  const unexpectedExit = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      if (stopping === undefined) resolve(signal === null ? `exit code ${code}` : signal);
    }),
  );
  return {
    uri,
    child,
    unexpectedExit,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 30000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}

function startFailure(code: number | null, opts: LocalNeo4jOptions, stderr: string): LocalNeo4jError {
  if (code === 3) {
    return new LocalNeo4jError(
      `Port ${opts.port} on 127.0.0.1 is already in use. Stop whatever holds it, choose another with LOCAL_NEO4J_PORT, or point NEO4J_URI at the Neo4j already running there.`,
    );
  }
  if (code === 4) {
    return new LocalNeo4jError(
      `The data directory ${opts.dir} is locked by another Neo4j process. Stop that process (or use NEO4J_URI to connect to it), or choose another LOCAL_NEO4J_DIR.`,
    );
  }
  const lines = stderr.trim().split('\n').slice(0, 15).join('\n');
  return new LocalNeo4jError(
    `Neo4j exited during start (exit ${code}). Last lines of its log:\n${tailOfLog(opts.dir)}\nstderr:\n${lines}`,
  );
}

/** A loopback port free right now (the OS picks it): for throwaway Neo4j instances in tests and benchmarks. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}
