// The revision and retraction commands as a user runs them (child processes on the test Neo4j): a dry run of a
// corrected readout prints its facts removed and added in words, `npm run retract` withdraws a document, and an
// unknown id is refused with exit code 1 before anything is written.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { fixture, resetGraph, snapshot, testExecutor } from '../helpers/graph';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = 'source:joint-statement-on-the-3rd-example-sample-border-dialogue';

function run(
  script: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let executor: GraphExecutor;
let tmp: string;
beforeAll(async () => {
  executor = testExecutor();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'retract-cli-'));
  await resetGraph(executor);
  await ingestReadouts(executor, [{ file: 'example.yaml', text: fixture('example.yaml') }]);
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await executor.close();
});

test('a dry run of a corrected readout prints what it would remove and add, and writes nothing', async () => {
  const corrected = path.join(tmp, 'corrected.yaml');
  fs.writeFileSync(
    corrected,
    fixture('example.yaml').replace('title: Deputy Minister of Interior', 'title: Minister of Interior'),
  );
  const before = await snapshot(executor);
  const dry = await run('load', corrected, '--dry-run');
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain('revision');
  expect(dry.stdout).toContain(
    'Jane Example — HOLDS_POST Deputy Minister of Interior — Ministry of Interior: removed',
  );
  expect(dry.stdout).toContain(
    'Jane Example — HOLDS_POST Minister of Interior — Ministry of Interior: added',
  );
  expect(dry.stdout).toMatch(/\(\d+ kept\)/);
  const json = await run('load', corrected, '--dry-run', '--json');
  const report = JSON.parse(json.stdout) as { readouts: { action: string; diff: { removed: string[] } }[] };
  expect(report.readouts[0]?.action).toBe('revised');
  expect(report.readouts[0]?.diff.removed).toContain(
    'Jane Example — HOLDS_POST Deputy Minister of Interior — Ministry of Interior',
  );
  expect(await snapshot(executor)).toEqual(before);
});

test('retract: an unknown id exits 1 and writes nothing; a known one is withdrawn', async () => {
  const before = await snapshot(executor);
  const unknown = await run('retract', SOURCE, 'source:not-there');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('"source:not-there"');
  expect(await snapshot(executor)).toEqual(before);

  const dry = await run('retract', SOURCE, '--dry-run');
  expect(dry.code).toBe(0);
  expect(dry.stdout).toMatch(/would remove \d+ node/);
  expect(await snapshot(executor)).toEqual(before);

  const done = await run('retract', SOURCE);
  expect(done.code).toBe(0);
  expect(done.stdout).toContain(
    'Jane Example — HOLDS_POST Deputy Minister of Interior — Ministry of Interior: removed',
  );
  const left = await executor.read(
    'MATCH (n) WHERE n:Person OR n:Organization OR n:Source RETURN count(n) AS n',
  );
  expect(Number(left[0]?.n)).toBe(0);
  const history = await executor.read(
    "MATCH (c:Change {action: 'retraction'}) RETURN c.who AS who, c.sourceId AS sid",
  );
  expect(history).toEqual([{ who: 'cli', sid: SOURCE }]);
});

test('merge and split: usage errors exit 2; a merge and its split run and say what they did', async () => {
  const usage = await run('merge', 'org:ex:ministry-of-interior');
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/--into/);
  await resetGraph(executor);
  const text = fixture('example.yaml');
  const other = text
    .replace('url: https://example.org/statements/3rd-border-dialogue', 'url: https://example.org/other')
    .replace('name: Ministry of Interior\n    country: EX', 'name: Interior Ministry\n    country: EX')
    .replace('    aliases: [MoI]\n', '')
    .replace('organization: Ministry of Interior', 'organization: Interior Ministry')
    .replace('parties: [Ministry of Interior,', 'parties: [Interior Ministry,');
  await ingestReadouts(executor, [
    { file: 'a.yaml', text },
    { file: 'b.yaml', text: other },
  ]);
  const bad = await run('merge', 'org:ex:interior-ministry', '--into', 'person:jane-example');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/Nothing was merged: .*only entities of one kind merge/);
  const merged = await run('merge', 'org:ex:interior-ministry', '--into', 'org:ex:ministry-of-interior');
  expect(merged.code).toBe(0);
  expect(merged.stdout).toMatch(
    /Merged org:ex:interior-ministry into org:ex:ministry-of-interior; 1 document/,
  );
  const orgs = await executor.read("MATCH (o:Organization) WHERE o.key STARTS WITH 'ex|' RETURN o.id AS id");
  expect(orgs).toEqual([{ id: 'org:ex:ministry-of-interior' }]);
  const split = await run(
    'split',
    'org:ex:ministry-of-interior',
    '--sources',
    'source:joint-statement-on-the-3rd-example-sample-border-dialogue-2025-05-14',
  );
  expect(split.code).toBe(0);
  const after = await executor.read(
    "MATCH (o:Organization) WHERE o.key STARTS WITH 'ex|' RETURN count(o) AS n",
  );
  expect(Number(after[0]?.n)).toBe(2);
});
