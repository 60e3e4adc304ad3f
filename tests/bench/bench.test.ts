// The benchmark itself is not timed here: these tests check that it runs. The generator is deterministic and the
// project's own parser accepts what it writes; a tiny run end to end against the test Neo4j produces a report
// with every query shape, answered by every system without errors and with the same answers.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../graph/config';
import { createLogger } from '../../graph/logger';
import { findReadoutFiles, readReadoutFiles } from '../../graph/readout/files';
import { draftReadouts } from '../../graph/readout/ingest';
import { generateReadouts } from '../../scripts/generate/generateReadouts';
import { PRESETS } from '../../scripts/bench/options';
import { writeJsonReport } from '../../scripts/bench/report';
import { runBench, type BenchReport } from '../../scripts/bench/runBench';
import { SHAPES } from '../../scripts/bench/shapes';
import { resetGraph, testExecutor } from '../helpers/graph';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function digest(dir: string): string {
  const h = createHash('sha256');
  for (const f of findReadoutFiles([dir])) h.update(path.relative(dir, f)).update(fs.readFileSync(f));
  return h.digest('hex');
}

describe('readout generator', () => {
  it('writes the same files for the same seed, and other files for another', () => {
    const a = generateReadouts({ readouts: 120, seed: 'x', out: path.join(tmp, 'a'), perFolder: 50 });
    generateReadouts({ readouts: 120, seed: 'x', out: path.join(tmp, 'b'), perFolder: 50 });
    generateReadouts({ readouts: 120, seed: 'y', out: path.join(tmp, 'c'), perFolder: 50 });
    expect(a.files).toHaveLength(120);
    expect(a.folders).toBe(3);
    expect(digest(path.join(tmp, 'a'))).toBe(digest(path.join(tmp, 'b')));
    expect(digest(path.join(tmp, 'a'))).not.toBe(digest(path.join(tmp, 'c')));
  });

  it('writes readouts the loader accepts, using the whole theme vocabulary', () => {
    const summary = generateReadouts({ readouts: 400, seed: 'v', out: path.join(tmp, 'v') });
    const drafts = draftReadouts(readReadoutFiles(summary.files));
    expect(drafts).toHaveLength(400);
    expect(summary.themesUsed).toBe(110);
    expect(new Set(drafts.map((d) => d.dialogue.name)).size).toBe(summary.dialogues);
    // Several documents per dialogue, people under different titles over time, agreements between bodies.
    expect(summary.readouts / summary.dialogues).toBeGreaterThan(2);
    expect(drafts.some((d) => d.agreements.length > 0)).toBe(true);
  });
});

describe('benchmark run', () => {
  const executor = testExecutor();
  let report: BenchReport;

  // About 30 s on an idle 2-core machine (three child processes start); the timeout allows for a busy one.
  beforeAll(async () => {
    await resetGraph(executor);
    const config = loadConfig();
    report = await runBench(
      {
        ...PRESETS.quick,
        label: 'test',
        sizes: [40],
        naiveLimit: 2,
        warmupMs: 50,
        roundMs: 200,
        rounds: 1,
        targets: 2,
        concurrency: 2,
        shapes: [],
        wipe: true,
        queriesOnly: false,
        dataDir: path.join(tmp, 'data'),
        jsonDir: undefined,
        markdown: undefined,
      },
      config,
      createLogger('error'),
    );
  }, 240000);

  afterAll(async () => {
    await resetGraph(executor);
    await executor.close();
  });

  it('measures both loaders on the same files', () => {
    const [ingest] = report.ingest;
    expect(ingest?.real.readouts).toBe(40);
    expect(ingest?.real.relationships).toBeGreaterThan(0);
    expect(ingest?.naive.readouts).toBe(2);
    expect(ingest?.naive.subset).toBe(true);
  });

  it('answers every shape through every system, with no errors and the same answers', () => {
    expect(report.queries.shapes.map((s) => s.name)).toEqual(SHAPES.map((s) => s.name));
    for (const shape of report.queries.shapes) {
      expect(shape.mismatches).toEqual([]);
      expect(Object.keys(shape.systems).sort()).toEqual(
        Object.keys(SHAPES.find((s) => s.name === shape.name)?.calls ?? {}).sort(),
      );
      for (const result of Object.values(shape.systems)) {
        expect(result.errors).toBe(0);
        expect(result.requests).toBeGreaterThan(0);
      }
    }
  });

  it('writes a JSON report with the goals judged', () => {
    const file = writeJsonReport(report, path.join(tmp, 'reports'));
    const back = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchReport;
    expect(back.queries.shapes).toHaveLength(SHAPES.length);
    expect(back.goals.map((g) => g.goal)).toHaveLength(6);
    expect(back.versions['@neo4j/graphql']).toMatch(/^7\./);
  });
});
