// The differential test itself, shared by tests/api/differential.test.ts (100 documents) and the soak, which runs
// it from a file that `npm run soak` picks (1,000 or more). On the seed plus 1,000 generated readouts, each random
// document is sent to the real HTTP server and answered by the reference; both must agree on `data` and on the
// error codes. A document the API refuses as too complex is not compared: it is discarded and another one drawn,
// so every run compares exactly `runs` documents whatever the seed.
import fs from 'node:fs';
import fc from 'fast-check';
import type { GraphExecutor } from '../../graph/executor';
import { readReadoutFiles } from '../../graph/readout/files';
import { ingestReadouts } from '../../graph/readout/ingest';
import { startTestServer, type TestServer } from '../helpers/api';
import { resetGraph, seed, testExecutor } from '../helpers/graph';
import { patientExecutor, synthetic } from '../reliability/helpers';
import { disagreement } from './compare';
import { createReference, pathOf, sortErrors, type Reference } from './execute';
import { caseArbitrary, type Case } from './generator';
import { samplePools, type Pools } from './pools';

const SYNTHETIC_READOUTS = 1000;
/**
 * Documents refused as too complex that fast-check may discard per compared document. About 4% are refused; past
 * one discard per compared document (half of all drawn) the generator is broken, and fast-check fails the run.
 */
const MAX_DISCARDS_PER_RUN = 1;
/** Shrinking replays documents; a few dozen steps already make a failing one much smaller. */
const MAX_SHRINKS = 40;

function describeCase(c: Case): string {
  return `${c.query}\nvariables: ${JSON.stringify(c.variables)}`;
}

export function differentialSuite(runs: number): void {
  describe(`differential: the API against the reference on ${runs} random documents`, () => {
    let loader: GraphExecutor;
    let apiExecutor: GraphExecutor;
    let refExecutor: GraphExecutor;
    let server: TestServer;
    let reference: Reference;
    let pools: Pools;

    beforeAll(async () => {
      loader = patientExecutor();
      await resetGraph(loader);
      await seed(loader);
      const gen = synthetic(SYNTHETIC_READOUTS, 'differential');
      try {
        await ingestReadouts(loader, readReadoutFiles(gen.files));
      } finally {
        fs.rmSync(gen.dir, { recursive: true, force: true });
      }
      apiExecutor = testExecutor();
      refExecutor = testExecutor();
      server = await startTestServer(apiExecutor);
      reference = createReference(refExecutor);
      pools = await samplePools(refExecutor);
    }, 600000);

    afterAll(async () => {
      await server?.close();
      await apiExecutor?.close();
      await refExecutor?.close();
      await loader?.close();
    });

    test(
      'same data and error codes for every document',
      async () => {
        const stats = { cases: 0, skipped: 0, apiMs: 0, refMs: 0, statements: 0, slowestRefMs: 0 };
        const property = fc.asyncProperty(
          fc.limitShrink(caseArbitrary(reference.schema, pools), MAX_SHRINKS),
          async (c) => {
            stats.cases += 1;
            const t0 = Date.now();
            const res = await server.gql(c.query, c.variables);
            const t1 = Date.now();
            const errors = sortErrors(
              (res.errors ?? []).map((e) => ({
                code: typeof e.extensions?.code === 'string' ? e.extensions.code : '(none)',
                path: pathOf(e.path),
                message: e.message,
              })),
            );
            if (errors.some((e) => e.code === 'QUERY_TOO_COMPLEX')) {
              stats.skipped += 1;
              fc.pre(false); // discarded: fast-check draws another document in its place
            }
            const before = reference.statements;
            const ref = await reference.answer(c.query, c.variables);
            const t2 = Date.now();
            stats.apiMs += t1 - t0;
            stats.refMs += t2 - t1;
            stats.slowestRefMs = Math.max(stats.slowestRefMs, t2 - t1);
            stats.statements += reference.statements - before;
            const problem = disagreement({ data: res.data ?? null, errors }, ref);
            if (problem !== null) throw new Error(`${problem}\n\n${describeCase(c)}`);
          },
        );
        // No fixed seed: each run draws new documents. To replay a failure, pass the seed and path fast-check
        // printed as DIFF_SEED and DIFF_PATH.
        const replay = process.env.DIFF_SEED
          ? { seed: Number(process.env.DIFF_SEED), path: process.env.DIFF_PATH }
          : {};
        await fc.assert(property, {
          numRuns: runs,
          maxSkipsPerRun: MAX_DISCARDS_PER_RUN,
          ...replay,
        });
        const avg = (ms: number) => (ms / Math.max(1, stats.cases - stats.skipped)).toFixed(0);
        process.stderr.write(
          `\ndifferential: ${stats.cases} documents drawn, ${stats.skipped} discarded as too complex; ` +
            `API ${avg(stats.apiMs)} ms and reference ${avg(stats.refMs)} ms per document on average ` +
            `(reference: ${avg(stats.statements)} statements, slowest ${stats.slowestRefMs} ms)\n`,
        );
        if (!process.env.DIFF_SEED) expect(stats.cases - stats.skipped).toBe(runs);
      },
      Math.max(600000, runs * 5000),
    );
  });
}
