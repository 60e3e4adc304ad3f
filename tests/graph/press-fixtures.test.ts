// The press release corpus (tests/fixtures/press): every release has an expected readout, and all of them load
// together with the real loader, nothing refused, into exactly the entities they list (no surprising merges
// across fixtures), idempotently and alongside the bundled seed.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { GraphExecutor } from '../../graph/executor';
import { findReadoutFiles, readReadoutFiles } from '../../graph/readout/files';
import { ingestReadouts, type IngestReport } from '../../graph/readout/ingest';
import {
  duplicateIdentities,
  FIXTURES,
  resetGraph,
  seedInputs,
  snapshot,
  testExecutor,
} from '../helpers/graph';

const PRESS_DIR = path.join(FIXTURES, 'press');
const RELEASE = /\.(txt|html)$/;

const stem = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');
const releases = fs.readdirSync(PRESS_DIR).filter((f) => RELEASE.test(f));
const readoutFiles = findReadoutFiles([PRESS_DIR]);
const inputs = readReadoutFiles(readoutFiles);

/** The list under `key` of a parsed readout (empty when absent), each entry as a plain record. */
function entries(text: string, key: string): Record<string, unknown>[] {
  const doc: unknown = parse(text);
  if (doc === null || typeof doc !== 'object') throw new Error(`not a mapping: ${text.slice(0, 40)}`);
  const fields: Record<string, unknown> = { ...doc };
  const list = fields[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`${key} is not a list`);
  return list.map((e: unknown) => (e !== null && typeof e === 'object' ? { ...e } : { value: e }));
}
const total = (texts: string[], key: string, keep: (e: Record<string, unknown>) => boolean = () => true) =>
  texts.reduce((n, t) => n + entries(t, key).filter(keep).length, 0);

let executor: GraphExecutor;
let report: IngestReport;

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  report = await ingestReadouts(executor, inputs);
});
afterAll(() => executor.close());

async function count(cypher: string): Promise<number> {
  const [row] = await executor.read(`${cypher} RETURN count(*) AS n`);
  return Number(row?.n);
}

test('every release has exactly one expected readout, and the folder holds no other readout files', () => {
  expect(releases.length).toBeGreaterThanOrEqual(12);
  expect(readoutFiles.every((f) => f.endsWith('.yaml'))).toBe(true);
  expect(readoutFiles.map(stem).sort()).toEqual(releases.map(stem).sort());
});

test('all expected readouts load, nothing refused, each creating its own document and meeting', () => {
  expect(report.dryRun).toBe(false);
  expect(report.readouts.map((r) => stem(r.file)).sort()).toEqual(releases.map(stem).sort());
  for (const r of report.readouts) expect(r.nodesCreated).toBeGreaterThan(0);
  expect(new Set(report.readouts.map((r) => r.sourceId)).size).toBe(releases.length);
  expect(new Set(report.readouts.map((r) => r.dialogueId)).size).toBe(releases.length);
});

test('one document, one dialogue and one series per release; each dialogue between two countries, attended', async () => {
  expect(await count('MATCH (:Source)')).toBe(releases.length);
  expect(await count('MATCH (:Dialogue)')).toBe(releases.length);
  expect(await count('MATCH (:DialogueSeries)')).toBe(releases.length);
  const rows = await executor.read(`
    MATCH (d:Dialogue)
    RETURN d.id AS id, COUNT { (d)-[:BETWEEN]->(:Country) } AS countries,
      COUNT { (:Person)-[:ATTENDED]->(d) } AS attendees, COUNT { (d)-[:HOSTED_BY]->(:Country) } AS hosts`);
  expect(rows).toHaveLength(releases.length);
  for (const r of rows) {
    expect([r.id, Number(r.countries), Number(r.hosts)]).toEqual([r.id, 2, 1]);
    expect(Number(r.attendees)).toBeGreaterThanOrEqual(2);
  }
});

test('people, organisations, agreements, part-of links and working groups are exactly those the readouts list', async () => {
  const texts = inputs.map((i) => i.text);
  expect(await count('MATCH (:Person)')).toBe(total(texts, 'people'));
  expect(await count('MATCH (:Organization)')).toBe(total(texts, 'organizations'));
  expect(await count('MATCH (:Agreement)')).toBe(total(texts, 'agreements'));
  expect(await count('MATCH ()-[:PART_OF]->()')).toBe(total(texts, 'organizations', (o) => 'partOf' in o));
  expect(await count("MATCH (:Organization {kind: 'working_group'})")).toBe(
    total(texts, 'organizations', (o) => o.kind === 'working_group'),
  );
  expect(await count('MATCH (:Agreement)-[:CONCLUDED_AT]->(:Dialogue)')).toBe(total(texts, 'agreements'));
  expect(await duplicateIdentities(executor)).toEqual([]);
});

test('loading the corpus again creates nothing', async () => {
  const before = await snapshot(executor);
  const again = await ingestReadouts(executor, inputs);
  expect(again.nodesCreated).toBe(0);
  expect(again.relationshipsCreated).toBe(0);
  expect(await snapshot(executor)).toEqual(before);
});

test('the corpus and the bundled seed load together without merging any of their people or meetings', async () => {
  await resetGraph(executor);
  const all = [...seedInputs(), ...inputs];
  const both = await ingestReadouts(executor, all);
  expect(both.readouts).toHaveLength(all.length);
  const texts = all.map((i) => i.text);
  expect(await count('MATCH (:Person)')).toBe(total(texts, 'people'));
  expect(await count('MATCH (:Dialogue)')).toBe(all.length);
  expect(await duplicateIdentities(executor)).toEqual([]);
});

test('the held-out releases (tests/fixtures/press-holdout) each have a readout the loader accepts', async () => {
  const dir = path.join(FIXTURES, 'press-holdout');
  const held = fs.readdirSync(dir).filter((f) => RELEASE.test(f));
  const files = findReadoutFiles([dir]);
  expect(held.length).toBeGreaterThanOrEqual(3);
  expect(files.map(stem).sort()).toEqual(held.map(stem).sort());
  const dry = await ingestReadouts(executor, readReadoutFiles(files), { dryRun: true });
  expect(dry.readouts.map((r) => stem(r.file)).sort()).toEqual(held.map(stem).sort());
  expect(dry.readouts.every((r) => r.dialogueId.startsWith('dialogue:'))).toBe(true);
});
