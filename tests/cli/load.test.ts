// The loader CLI as a user runs it (a child process on the test Neo4j, whose NEO4J_URI it inherits from jest's
// global setup): exit codes, messages, dry runs, and two loaders running at once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts, type IngestReport } from '../../graph/readout/ingest';
import { FIXTURES, fixture, resetGraph, seedInputs, snapshot, testExecutor } from '../helpers/graph';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function load(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The summary line's numbers: nodes and relationships created. */
function summary(run: Run): { nodes: number; relationships: number } {
  const m =
    /nodes (?:would create|created) (\d+), matched \d+; relationships (?:would create|created) (\d+)/.exec(
      run.stdout,
    );
  if (!m) throw new Error(`no summary line in:\n${run.stdout}\n${run.stderr}`);
  return { nodes: Number(m[1]), relationships: Number(m[2]) };
}

let executor: GraphExecutor;
let tmp: string;

beforeAll(() => {
  executor = testExecutor();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'load-cli-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await executor.close();
});

const EXAMPLE = path.join('tests', 'fixtures', 'example.yaml');

test('usage errors exit with 2 and print the usage', async () => {
  const none = await load();
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/give readout files or folders, or --seed/);
  expect(none.stderr).toMatch(/^Usage: npm run load -- \[options\] \[paths\.\.\.\]/m);
  const unknown = await load(EXAMPLE, '--frobnicate');
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/unknown option '--frobnicate'/);
  expect(unknown.stderr).toMatch(/^Usage: npm run load --/m);
  expect(unknown.stdout).toBe('');
  fs.mkdirSync(path.join(tmp, 'empty'));
  const empty = await load(path.join(tmp, 'empty'));
  expect(empty.code).toBe(2);
  expect(empty.stderr).toMatch(/No readout files/);
  const batch = await load(EXAMPLE, '--batch-size', '0');
  expect(batch.code).toBe(2);
  expect(batch.stderr).toMatch(
    /option '--batch-size <n>' argument '0' is invalid\. expected a positive integer/,
  );
});

test('--help prints the usage with every option and exits 0 without touching the graph', async () => {
  const help = await load('--help');
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: npm run load -- \[options\] \[paths\.\.\.\]/m);
  for (const option of ['--seed', '--dry-run', '--json', '--batch-size', '--help'])
    expect(help.stdout).toContain(option);
});

test('--batch-size sets the readouts per write transaction', async () => {
  await resetGraph(executor);
  const run = await load('--seed', '--batch-size', '1');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^2 readout\(s\); nodes created/m);
  expect(run.stdout).toMatch(/^2 write transactions, [0-2] of them planned ahead of their turn$/m);
});

test('a progress bar is drawn only on a terminal: piped output holds the summary alone', async () => {
  await resetGraph(executor);
  const run = await load('--seed', '--dry-run');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Dry run \(nothing written\): 2 readout\(s\)/m);
  expect(run.stderr).not.toMatch(/checking \[|\r/);
});

test('a dry run writes nothing and reports what a load then creates; loading again creates nothing', async () => {
  await resetGraph(executor);
  const before = await snapshot(executor);
  const dry = await load(EXAMPLE, '--dry-run');
  expect(dry.code).toBe(0);
  expect(dry.stdout).toMatch(/^Dry run \(nothing written\): 1 readout\(s\); nodes would create \d+/m);
  expect(await snapshot(executor)).toEqual(before);

  const real = await load(EXAMPLE);
  expect(real.code).toBe(0);
  expect(real.stdout).toMatch(
    /^tests\/fixtures\/example\.yaml: new document; created 1 Source, 2 Country, 4 Organization, .* 13 MENTIONS \(source source:/m,
  );
  expect(summary(real)).toEqual(summary(dry));
  expect(summary(real).nodes).toBe(12);

  const again = await load(EXAMPLE, '--json');
  expect(again.code).toBe(0);
  const report = JSON.parse(again.stdout) as IngestReport;
  expect(report).toMatchObject({ dryRun: false, nodesCreated: 0, relationshipsCreated: 0 });
  expect(report.readouts[0]?.dialogueId).toBe('dialogue:3rd-example-sample-border-dialogue');
});

test('bad input exits with 1, says nothing was written, and names file, path and line for each problem', async () => {
  await resetGraph(executor);
  const before = await snapshot(executor);
  const dir = path.join(tmp, 'batch');
  fs.mkdirSync(dir);
  // Good readouts first; the bad ones sort last.
  fs.copyFileSync(path.join(FIXTURES, 'example.yaml'), path.join(dir, 'a-example.yaml'));
  fs.copyFileSync(path.join(FIXTURES, 'example.json'), path.join(dir, 'b-example.json'));
  fs.writeFileSync(
    path.join(dir, 'y-bad.yaml'),
    fixture('example.yaml').replace('role: co_chair', 'role: chair'),
  );
  fs.writeFileSync(path.join(dir, 'z-broken.yaml'), 'format: readout/v1\nsource: [\n');
  const run = await load(dir);
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toContain('Nothing was written. 2 problem(s):');
  expect(lines).toContainEqual(
    expect.stringMatching(
      /\/y-bad\.yaml: people\[0\]\.role \(line 38\): "chair" is not allowed; expected one of co_chair/,
    ),
  );
  expect(lines).toContainEqual(expect.stringMatching(/\/z-broken\.yaml: malformed YAML at line 3/));
  expect(run.stdout).toBe('');
  expect(await snapshot(executor)).toEqual(before);
});

test('--seed loads the bundled readouts', async () => {
  await resetGraph(executor);
  const run = await load('--seed');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^2 readout\(s\); nodes created \d+/m);
});

test('two loader processes at once on overlapping readouts give the graph of a sequential load', async () => {
  const a = [...seedInputs(), { file: EXAMPLE, text: fixture('example.yaml') }];
  const b = ['consular-1.yaml', 'consular-2.yaml'].map((f) => ({
    file: f,
    text: fixture(`concurrent/${f}`),
  }));
  await resetGraph(executor);
  await ingestReadouts(executor, a);
  await ingestReadouts(executor, b);
  const sequential = await snapshot(executor);

  await resetGraph(executor);
  const [first, second] = await Promise.all([
    load('--seed', EXAMPLE),
    load(path.join('tests', 'fixtures', 'concurrent')),
  ]);
  expect([first.code, second.code, first.stderr.match(/Nothing was written/)]).toEqual([0, 0, null]);
  expect(first.stdout).toMatch(/^3 readout\(s\)/m);
  expect(second.stdout).toMatch(/^2 readout\(s\)/m);
  expect(await snapshot(executor)).toEqual(sequential);
});
