// What a benchmark result depends on besides the code: the machine, how busy it was, and the versions in use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGES = ['neo4j-driver', '@apollo/server', '@neo4j/graphql', 'graphql'] as const;

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  /** 1-minute load average when the run started and ended: above the core count, figures are noisy. */
  loadAverage: { start: number; end?: number };
}

export function machine(): Machine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
  };
}

export function endLoad(m: Machine): void {
  m.loadAverage.end = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

function packageVersion(name: string): string {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
    ) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

export function versions(neo4jServer: string): Record<string, string> {
  return {
    node: process.version,
    neo4j: neo4jServer,
    ...Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])),
  };
}
