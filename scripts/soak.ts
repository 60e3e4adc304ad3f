// npm run soak [-- --only load,fuzz,loader] [--readouts 10000] [--connections 50] [--duration 60]
//              [--fuzz-runs 10000] [--loader-readouts 1000]
// The long variants of tests/reliability: the load soak (tests/reliability/load.soak.ts: API in its own process,
// latency percentiles and RSS), 10,000 fuzzed readouts, and the loader-fault test on 1,000 readouts. Runs jest
// (its global setup starts a throwaway Neo4j, unless NEO4J_URI is set) with SOAK=1 and the sizes in the environment.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(__dirname, '..');
const PARTS = {
  load: 'tests/reliability/load.soak.ts',
  fuzz: 'tests/reliability/fuzz-readouts.test.ts',
  loader: 'tests/reliability/loader-faults.test.ts',
} as const;
type Part = keyof typeof PARTS;
const USAGE =
  'usage: npm run soak [-- --only load,fuzz,loader] [--readouts 10000] [--connections 50] [--duration 60] [--fuzz-runs 10000] [--loader-readouts 1000]';

function positive(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(v)) throw new Error(`--${name}: expected a positive integer, got "${v}"`);
  return v;
}

function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      readouts: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      'fuzz-runs': { type: 'string' },
      'loader-readouts': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return Promise.resolve(0);
  }
  const only = (values.only ?? 'load,fuzz,loader').split(',').map((s) => s.trim());
  const unknown = only.filter((p) => !(p in PARTS));
  if (unknown.length > 0)
    throw new Error(`--only: unknown part(s) ${unknown.join(', ')}; use load, fuzz, loader`);
  const sizes: Record<string, string | undefined> = {
    SOAK_READOUTS: positive('readouts', values.readouts),
    SOAK_CONNECTIONS: positive('connections', values.connections),
    SOAK_DURATION_S: positive('duration', values.duration),
    FUZZ_RUNS: positive('fuzz-runs', values['fuzz-runs']),
    LOADER_READOUTS: positive('loader-readouts', values['loader-readouts']),
  };
  const env = Object.fromEntries(
    Object.entries(sizes).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const args = [
    jest,
    '--runInBand',
    '--testTimeout=21600000',
    '--testMatch',
    ...only.map((p) => `<rootDir>/${PARTS[p as Part]}`),
  ];
  process.stderr.write(`soak: ${only.join(', ')} ${JSON.stringify(env)}\n`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // eslint-disable-next-line no-restricted-properties -- the runner hands SOAK and the sizes to jest's workers
    env: { ...process.env, ...env, SOAK: '1' },
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    process.once('SIGINT', forward('SIGINT'));
    process.once('SIGTERM', forward('SIGTERM'));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
