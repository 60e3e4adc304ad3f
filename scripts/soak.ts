// npm run soak [-- --only load,fuzz,loader] [--readouts 10000] [--connections 50] [--duration 60]
//              [--fuzz-runs 10000] [--loader-readouts 1000]
// The long variants of tests/reliability: the load soak (tests/reliability/load.soak.ts: API in its own process,
// latency percentiles and RSS), 10,000 fuzzed readouts, and the loader-fault test on 1,000 readouts. Runs jest
// (its global setup starts a throwaway Neo4j, unless NEO4J_URI is set) with SOAK=1 and the sizes in the environment.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { commaList, newCommand, positiveInt, runCommand, usageError } from './cli';

const ROOT = path.resolve(__dirname, '..');
const PARTS = {
  load: 'tests/reliability/load.soak.ts',
  fuzz: 'tests/reliability/fuzz-readouts.test.ts',
  loader: 'tests/reliability/loader-faults.test.ts',
} as const;
type Part = keyof typeof PARTS;

const program = newCommand(
  'npm run soak --',
  'The long variants of tests/reliability (load soak, fuzzed readouts, loader faults), run by jest with SOAK=1.',
)
  .option('--only <parts>', 'comma-separated: load, fuzz, loader', commaList, ['load', 'fuzz', 'loader'])
  .option('--readouts <n>', 'readouts in the graph of the load soak (default 10000)', positiveInt)
  .option('--connections <n>', 'concurrent connections of the load soak (default 50)', positiveInt)
  .option('--duration <s>', 'seconds of load (default 60)', positiveInt)
  .option('--fuzz-runs <n>', 'fuzzed readouts (default 10000)', positiveInt)
  .option('--loader-readouts <n>', 'readouts of the loader-fault test (default 1000)', positiveInt);

function main(): Promise<number> {
  const values = program.opts<{
    only: string[];
    readouts?: number;
    connections?: number;
    duration?: number;
    fuzzRuns?: number;
    loaderReadouts?: number;
  }>();
  const only = values.only;
  const unknown = only.filter((p) => !(p in PARTS));
  if (unknown.length > 0)
    return Promise.resolve(
      usageError(program, `--only: unknown part(s) ${unknown.join(', ')}; use load, fuzz, loader`),
    );
  const sizes: Record<string, number | undefined> = {
    SOAK_READOUTS: values.readouts,
    SOAK_CONNECTIONS: values.connections,
    SOAK_DURATION_S: values.duration,
    FUZZ_RUNS: values.fuzzRuns,
    LOADER_READOUTS: values.loaderReadouts,
  };
  const env = Object.fromEntries(
    Object.entries(sizes).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
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
    // Passed on, not acted on: jest stops its own Neo4j and API children on the way out.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

runCommand(program, main);
