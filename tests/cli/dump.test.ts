// Backup and restore: a dump of the readouts in force loads into an empty graph with the same content (checksum and
// counts); the dump's file order loads even where a readout refers to an organisation only a later-dated one lists;
// the folder and old graphs are refused with a clear message; and the CLI as a user runs it. Also: the content
// checksum does not depend on load order, though the ids of namesakes do.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentChecksum } from '../../graph/checksum';
import type { GraphExecutor } from '../../graph/executor';
import { DumpError, dumpReadouts } from '../../graph/readout/dump';
import { findReadoutFiles, readReadoutFiles } from '../../graph/readout/files';
import { ingestReadouts, type ReadoutInput } from '../../graph/readout/ingest';
import { FIXTURES, resetGraph, seedInputs, testExecutor } from '../helpers/graph';

const ROOT = path.resolve(__dirname, '..', '..');

function dumpCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dump.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const press = () => readReadoutFiles(findReadoutFiles([path.join(FIXTURES, 'press')]));
/** Fixtures that add to the seed: a later round naming the ministry by abbreviation, a second report. */
const extras = () =>
  readReadoutFiles(
    ['india-uk-7-mha-entry.yaml', 'us-india-2024-second-report.yaml', 'example.yaml'].map((f) =>
      path.join(FIXTURES, f),
    ),
  );
/** Dated before every other readout, it refers to the Home Office, which only the India–UK readout (2026) lists. */
const REFERRER: ReadoutInput = {
  file: 'referrer.yaml',
  text: `format: readout/v1
source: {title: Early talks, publisher: Example News, url: https://referrer.example/1, published: 2020-01-02, kind: news}
dialogue: {name: Early Example Talks 2020, start: 2020-01-01, countries: [GB, FR]}
organizations:
  - {name: Direction Générale de la Police, country: FR, kind: agency}
people:
  - {name: Alex Early, country: GB, title: Permanent Secretary, organization: Home Office, role: co_chair}
  - {name: Camille Early, country: FR, title: Director, organization: Direction Générale de la Police, role: co_chair}
`,
};
const everything = (): ReadoutInput[] => [...seedInputs(), ...press(), ...extras(), REFERRER];

/** A GB namesake of the seed's Rajendra Kumar (IN): whoever is loaded first gets person:rajendra-kumar. */
const NAMESAKE: ReadoutInput = {
  file: 'namesake.yaml',
  text: `format: readout/v1
source: {title: Namesake report, publisher: Example News, url: https://namesake.example/1, published: 2025-01-02, kind: news}
dialogue: {name: Namesake Border Talks 2025, start: 2025-01-01, countries: [GB, FR]}
organizations:
  - {name: Border Force, country: GB, kind: agency}
  - {name: Police Nationale, country: FR, kind: agency}
people:
  - {name: Rajendra Kumar, country: GB, title: Director, organization: Border Force, role: co_chair}
  - {name: Claire Martin, country: FR, title: Director, organization: Police Nationale, role: co_chair}
agreements:
  - {name: Memorandum of Understanding on border guard training, kind: mou, parties: [Border Force, Police Nationale]}
`,
};

let executor: GraphExecutor;
let tmp: string;

beforeAll(() => {
  executor = testExecutor();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dump-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await executor.close();
});

test('the content checksum does not depend on load order, though namesakes get other ids', async () => {
  const inputs = [...seedInputs(), ...press(), NAMESAKE];
  await resetGraph(executor);
  await ingestReadouts(executor, inputs);
  const forward = await contentChecksum(executor);
  const idForward = await executor.read(`MATCH (p:Person {key: 'gb|rajendra kumar'}) RETURN p.id AS id`);
  await resetGraph(executor);
  await ingestReadouts(executor, [NAMESAKE, ...[...seedInputs(), ...press()].reverse()]);
  const backward = await contentChecksum(executor);
  const idBackward = await executor.read(`MATCH (p:Person {key: 'gb|rajendra kumar'}) RETURN p.id AS id`);
  expect(idForward[0]?.id).toBe('person:rajendra-kumar-gb');
  expect(idBackward[0]?.id).toBe('person:rajendra-kumar');
  expect(backward).toEqual(forward);
  // Paged label by label (as a large graph is read), the same.
  expect(await contentChecksum(executor, { smallGraph: 0 })).toEqual(backward);
  expect(forward.checksum).toMatch(/^[0-9a-f]{64}$/);
  expect(forward.byLabel.Source).toBe(inputs.length);
  expect(forward.nodes).toBe(Object.values(forward.byLabel).reduce((a, b) => a + b, 0));
});

test('a dump loads into an empty graph with the same content; the referring readout comes after the listing one', async () => {
  await resetGraph(executor);
  const inputs = everything();
  await ingestReadouts(executor, inputs);
  const before = await contentChecksum(executor);
  const dir = path.join(tmp, 'backup');
  const report = await dumpReadouts(executor, dir);
  expect(report.files).toHaveLength(inputs.length);
  const files = findReadoutFiles([dir]);
  expect(files).toEqual(report.files);
  const first = fs.readFileSync(files[0] ?? '', 'utf8');
  expect(first.split('\n')[0]).toBe(
    `# yaml-language-server: $schema=${path.relative(dir, path.join(ROOT, 'docs', 'readout.schema.json'))}`,
  );
  // By date the early readout would come first; it must follow the one listing what it refers to.
  const at = (title: RegExp) => files.findIndex((f) => title.test(fs.readFileSync(f, 'utf8')));
  expect(at(/title: Early talks/)).toBeGreaterThan(at(/title: India raises safety/));
  expect(at(/title: U.S.-India hold Homeland Security/)).toBe(0);
  await resetGraph(executor);
  await ingestReadouts(executor, readReadoutFiles(files));
  expect(await contentChecksum(executor)).toEqual(before);
});

test('a folder in the way, and documents loaded before readouts were kept, are refused with what to do', async () => {
  await resetGraph(executor);
  await ingestReadouts(executor, seedInputs());
  const dir = path.join(tmp, 'busy');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'old.yaml'), 'format: readout/v1\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'kept\n');
  await expect(dumpReadouts(executor, dir)).rejects.toThrow(/is not empty.*--force/);
  const forced = await dumpReadouts(executor, dir, { force: true });
  expect(findReadoutFiles([dir])).toEqual(forced.files);
  expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);

  await executor.write(`MATCH (s:Source) WITH s ORDER BY s.id LIMIT 1 REMOVE s.readout`);
  const failure = dumpReadouts(executor, path.join(tmp, 'old-graph'));
  await expect(failure).rejects.toBeInstanceOf(DumpError);
  await expect(failure).rejects.toThrow(
    /1 document\(s\).*\n.*source:.*\nLoad their readout files once again/,
  );
  expect(fs.existsSync(path.join(tmp, 'old-graph'))).toBe(false);
});

test('npm run dump: usage, a dump with its summary, --checksum as computed in process, a second dump refused', async () => {
  const none = await dumpCli();
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/give the folder to write, or --checksum/);
  expect(none.stderr).toMatch(/^Usage: npm run dump -- \[options\] \[dir\]/m);
  const unknown = await dumpCli('--frobnicate');
  expect(unknown.code).toBe(2);
  const help = await dumpCli('--help');
  expect(help.code).toBe(0);
  for (const option of ['--force', '--checksum']) expect(help.stdout).toContain(option);

  await resetGraph(executor);
  await ingestReadouts(executor, [...seedInputs(), ...press()]);
  const expected = await contentChecksum(executor);
  const dir = path.join(tmp, 'cli');
  const run = await dumpCli(dir, '--checksum');
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const count = 2 + press().length;
  expect(run.stdout).toContain(`${dir}: ${count} readout file(s) written (00001-`);
  expect(run.stdout).toContain(
    `checksum ${expected.checksum} nodes ${expected.nodes} relationships ${expected.relationships}`,
  );
  expect(findReadoutFiles([dir])).toHaveLength(count);
  const again = await dumpCli(dir);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/is not empty/);
  const only = await dumpCli('--checksum');
  expect(only.code).toBe(0);
  expect(only.stdout.trim()).toBe(
    `checksum ${expected.checksum} nodes ${expected.nodes} relationships ${expected.relationships}`,
  );
}, 180000);
