// The write path's invariant: the graph is a function of the readouts in force. After any sequence of loads (new
// documents and revisions of known ones) and retractions, the graph's content equals that of an empty graph into
// which exactly the readouts in force (the last version loaded of each document not retracted since) are loaded
// cleanly, in any order. A refused operation (an invalid readout, a retraction or revision the graph cannot take)
// leaves the graph unchanged. 100 sequences in `npm test`, 1,000 with SOAK=1 (INVARIANT_RUNS sets any); a failure
// prints fast-check's seed and path: pass them as INVARIANT_SEED and INVARIANT_PATH to replay it.
import fc from 'fast-check';
import { contentChecksum, type ContentChecksum } from '../../graph/checksum';
import { ConflictError, InvalidReadoutError, NotFoundError } from '../../graph/errors';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts } from '../../graph/readout/ingest';
import { retractSources } from '../../graph/readout/retract';
import { resetGraph, testExecutor } from '../helpers/graph';
import { cleanLoadOrder, poolArb, type PoolEntry, type PoolReadout } from '../helpers/readoutPool';
import { shrinkBudget, sizeFromEnv } from './helpers';

const POOL = 8;
const RUNS = sizeFromEnv('INVARIANT_RUNS', 100, 1000);
const PAIR_RUNS = sizeFromEnv('INVARIANT_PAIR_RUNS', 30, 300);
const replay = process.env.INVARIANT_SEED
  ? { seed: Number(process.env.INVARIANT_SEED), path: process.env.INVARIANT_PATH }
  : {};

type Op = { kind: 'load'; k: number; v: number } | { kind: 'retract'; k: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('load' as const), k: fc.nat(POOL - 1), v: fc.nat(1) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retract' as const), k: fc.nat(POOL - 1) }) },
);
/** A random order of the pool's entries, for the clean load (fast-check shuffles, and shrinks, it). */
const orderArb = fc.shuffledSubarray([...Array(POOL).keys()], { minLength: POOL, maxLength: POOL });

/** Where the time goes, printed after each test: the runs must stay affordable in `npm test`. */
const spent: Record<string, number> = {};
async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    spent[what] = (spent[what] ?? 0) + Date.now() - started;
  }
}
const checksum = (executor: GraphExecutor) => timed('checksum', () => contentChecksum(executor));
const reset = (executor: GraphExecutor) => timed('reset', () => resetGraph(executor));
function report(name: string, outcomes: Record<string, number>): void {
  const ms = Object.entries(spent).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`);
  process.stderr.write(`\n${name}: ${JSON.stringify(outcomes)}; ${ms.join(', ')}\n`);
  for (const k of Object.keys(spent)) delete spent[k];
  for (const k of Object.keys(outcomes)) delete outcomes[k];
}

const show = (op: Op) => (op.kind === 'load' ? `load ${op.k} v${op.v}` : `retract ${op.k}`);

const outcomes: Record<string, number> = {};
const bump = (k: string) => (outcomes[k] = (outcomes[k] ?? 0) + 1);

/** What the test knows of the graph: the version in force of each document, and each document's id once seen. */
class Model {
  readonly inForce = new Map<number, number>();
  readonly ids = new Map<number, string>();
  readonly log: string[] = [];

  constructor(readonly pool: PoolEntry[]) {}

  readout(k: number, v: number): PoolReadout {
    const r = this.pool[k]?.[v];
    if (r === undefined) throw new Error(`no pool entry ${k} v${v}`);
    return r;
  }

  /** Runs one operation; returns whether it changed the graph, throwing on any outcome that is not allowed. */
  async apply(executor: GraphExecutor, op: Op): Promise<boolean> {
    return timed(op.kind, () => this.run(executor, op));
  }

  private async run(executor: GraphExecutor, op: Op): Promise<boolean> {
    try {
      if (op.kind === 'load') {
        const report = await ingestReadouts(
          executor,
          [{ file: `pool-${op.k}-v${op.v}.yaml`, text: this.readout(op.k, op.v).text }],
          { who: 'invariant-test' },
        );
        const id = report.readouts[0]?.sourceId;
        if (id !== undefined) this.ids.set(op.k, id);
        this.inForce.set(op.k, op.v);
      } else {
        await retractSources(executor, [this.ids.get(op.k) ?? `source:pool-report-${op.k}`], {
          who: 'invariant-test',
        });
        this.inForce.delete(op.k);
      }
      this.log.push(`${show(op)}: done`);
      bump(`${op.kind} done`);
      return true;
    } catch (e) {
      this.log.push(`${show(op)}: ${e instanceof Error ? e.name : 'error'}`);
      bump(`${op.kind} ${e instanceof Error ? e.name : 'error'}`);
      if (!this.allowed(op, e)) throw e;
      return false;
    }
  }

  /** Refusals the graph may answer with: references it cannot resolve, conflicts, a document not in force. */
  private allowed(op: Op, e: unknown): boolean {
    if (e instanceof ConflictError) return true;
    if (op.kind === 'retract') return e instanceof NotFoundError && !this.inForce.has(op.k);
    // A self-contained readout is always valid on its own; only a revision might strand others' references.
    return e instanceof InvalidReadoutError && (this.readout(op.k, op.v).refers || this.inForce.has(op.k));
  }

  /** The readouts in force, in `order`, self-contained ones first (they list what the others refer to). */
  inputs(order: number[]) {
    const items = order.flatMap((k) => {
      const v = this.inForce.get(k);
      return v === undefined ? [] : [{ k, v, readout: this.readout(k, v) }];
    });
    return cleanLoadOrder(items).map((x) => ({ file: `clean-${x.k}-v${x.v}.yaml`, text: x.readout.text }));
  }

  describe(): string {
    const texts = [...this.inForce].map(([k, v]) => `--- pool entry ${k} v${v}\n${this.readout(k, v).text}`);
    return `operations:\n  ${this.log.join('\n  ')}\nreadouts in force:\n${texts.join('\n')}`;
  }
}

/** The graph after `ops` equals a clean load of the readouts in force, in `order` and in reverse. */
async function checkInvariant(executor: GraphExecutor, model: Model, order: number[]): Promise<void> {
  const reached = await checksum(executor);
  for (const [name, keys] of [
    ['shuffled', order],
    ['reversed', [...order].reverse()],
  ] as const) {
    await reset(executor);
    const inputs = model.inputs(keys);
    if (inputs.length > 0)
      await timed('clean load', () => ingestReadouts(executor, inputs, { who: 'invariant-test' }));
    const clean = await checksum(executor);
    if (clean.checksum !== reached.checksum) {
      throw new Error(
        `the graph differs from a clean load (${name}: ${inputs.map((i) => i.file).join(', ')})\n` +
          `reached: ${JSON.stringify(counts(reached))}\nclean:   ${JSON.stringify(counts(clean))}`,
      );
    }
  }
}
const counts = (c: ContentChecksum) => ({
  nodes: c.nodes,
  relationships: c.relationships,
  ...c.byLabel,
  ...c.byType,
});

/** Shrinking a failure replays whole sequences: five minutes of it per test, then the smallest found so far. */
const SHRINK_MS = 5 * 60_000;

/** Adds what the model knew to a failure, so that the report reads without replaying it. */
async function explained(
  model: Model,
  shrinking: ReturnType<typeof shrinkBudget>,
  work: () => Promise<void>,
): Promise<void> {
  if (shrinking.over()) return;
  try {
    await shrinking.watch(work);
  } catch (e) {
    if (e instanceof Error) e.message = `${e.message}\n${model.describe()}`;
    throw e;
  }
}

let executor: GraphExecutor;
let second: GraphExecutor;

beforeAll(() => {
  executor = testExecutor();
  second = testExecutor();
});
afterAll(async () => {
  await executor?.close();
  await second?.close();
});

test(
  `${RUNS} sequences of loads, revisions and retractions: the graph is a function of the readouts in force`,
  async () => {
    const shrinking = shrinkBudget(SHRINK_MS);
    await fc.assert(
      fc.asyncProperty(
        poolArb(POOL),
        fc.array(opArb, { minLength: 3, maxLength: 10 }),
        orderArb,
        async (pool, ops, order) => {
          const model = new Model(pool);
          await explained(model, shrinking, async () => {
            await resetGraph(executor);
            let before = await contentChecksum(executor);
            for (const op of ops) {
              const changed = await model.apply(executor, op);
              const after = await contentChecksum(executor);
              if (!changed && after.checksum !== before.checksum)
                throw new Error(`${show(op)} was refused but changed the graph`);
              before = after;
            }
            await checkInvariant(executor, model, order);
          });
        },
      ),
      { numRuns: RUNS, ...replay },
    );
    report(`invariant, ${RUNS} sequences`, outcomes);
  },
  Math.max(600000, RUNS * 30000),
);

type Step = Op | [Op, Op];
/** One operation, or two on different documents at once; two retractions add nothing a single one does not. */
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  opArb,
  fc.tuple(opArb, opArb).filter(([a, b]) => a.k !== b.k && (a.kind === 'load' || b.kind === 'load')),
);

test(
  `${PAIR_RUNS} sequences with two writers at once: the same invariant`,
  async () => {
    const shrinking = shrinkBudget(SHRINK_MS);
    await fc.assert(
      fc.asyncProperty(
        poolArb(POOL),
        fc.array(stepArb, { minLength: 3, maxLength: 8 }),
        orderArb,
        async (pool, steps, order) => {
          const model = new Model(pool);
          await explained(model, shrinking, async () => {
            await resetGraph(executor);
            for (const step of steps) {
              if (!Array.isArray(step)) await model.apply(executor, step);
              else {
                // Different documents: whatever the two commit, in either order, the model ends the same.
                const [a, b] = step;
                const outcomes = await Promise.allSettled([model.apply(executor, a), model.apply(second, b)]);
                for (const o of outcomes) {
                  if (o.status === 'fulfilled') continue;
                  const reason: unknown = o.reason;
                  throw reason instanceof Error ? reason : new Error(String(reason));
                }
              }
            }
            await checkInvariant(executor, model, order);
          });
        },
      ),
      { numRuns: PAIR_RUNS, ...replay },
    );
    report(`invariant, two writers, ${PAIR_RUNS} sequences`, outcomes);
  },
  Math.max(600000, PAIR_RUNS * 40000),
);
