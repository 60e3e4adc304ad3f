// The loader's write phase as a two-stage pipeline. While batch k is written (Neo4j's work), batch k+1 is planned
// in a read transaction (Node's work) against the graph without batch k plus what batch k's plans add, the same
// premise validation works on. Batch k's transaction commits only once that planning is done, so it reads one
// stable graph; batch k+1 then uses those plans only if batch k wrote the plans made ahead for it and the change
// count shows that nothing else was written since (another writer, a retry), and plans again inside its own
// transaction otherwise. Either way a batch is written exactly as if it were planned in its own transaction: the
// pipeline only takes planning off the writer's path. At most two batches' plans are held at once.
import type { GraphExecutor } from '../executor';
import { isConstraintViolation } from '../executor';
import type { Draft } from './draft';
import { preplanBatch, type Preplan } from './planBatch';
import type { Staged } from './overlay';
import { WriteConflictError } from './write';
import { writeBatch, type BatchOutcome, type ReadoutReport } from './writeBatch';

const MAX_ATTEMPTS = 5;
/** Readouts per write transaction: large enough that statements, not readouts, set the cost; small enough to
 * keep transactions short and a conflict's retry cheap. */
export const WRITE_BATCH = 200;
const WRITE_TIMEOUT_MS = 120000;
/** Planning is batch work, not an analyst's query: it gets more time than the API's read timeout. */
export const PLAN_TIMEOUT_MS = 120000;

/** Failures a fresh attempt can cure: a concurrent loader took an id, key or name first, or a deadlock. */
function isRetryable(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  return (
    e instanceof WriteConflictError || isConstraintViolation(e) || code.startsWith('Neo.TransientError.')
  );
}

/** How the write phase went: its batches, and how many were written from plans made ahead. */
export interface BatchStats {
  batches: number;
  plannedAhead: number;
}

/** Writes validated drafts in order, a batch per transaction, reporting each readout as its batch commits. */
export async function writeInBatches(
  executor: GraphExecutor,
  drafts: Draft[],
  who: string,
  onReport: (r: ReadoutReport) => void,
  batchSize = WRITE_BATCH,
): Promise<BatchStats> {
  const batches: Draft[][] = [];
  for (let at = 0; at < drafts.length; at += batchSize) batches.push(drafts.slice(at, at + batchSize));
  // A failed plan ahead is no error: the batch's own transaction plans it and reports what is wrong.
  const preplan = (batch: Draft[], ahead: Staged[]) =>
    executor
      .withRead((q) => preplanBatch(batch, q, ahead), PLAN_TIMEOUT_MS)
      .catch((): Preplan | null => null);

  const stats: BatchStats = { batches: batches.length, plannedAhead: 0 };
  let ready = batches[0] === undefined ? null : await preplan(batches[0], []);
  let expect = ready?.counter ?? -1;
  for (const [k, batch] of batches.entries()) {
    const next = batches[k + 1];
    const mine = ready;
    const ahead = mine !== null && next !== undefined ? preplan(next, mine.staged) : Promise.resolve(null);
    let outcome: BatchOutcome | undefined;
    let written: ReadoutReport[];
    try {
      written = await executor.withWrite(async (run) => {
        const reports = await writeBatch(batch, run, who, {
          ...(mine === null ? {} : { preplanned: { plans: mine.plans, counter: expect } }),
          onWritten: (o) => (outcome = o),
        });
        await ahead;
        return reports;
      }, WRITE_TIMEOUT_MS);
    } catch (e) {
      if (!isRetryable(e)) throw e;
      outcome = undefined;
      written = [];
      for (const draft of batch) written.push(await ingestOne(executor, draft, who));
    }
    written.forEach(onReport);
    if (outcome?.usedPreplan === true) stats.plannedAhead += 1;
    if (next === undefined) break;
    const planned = await ahead;
    if (planned !== null && outcome?.usedPreplan === true && planned.counter === outcome.counterBefore) {
      ready = planned;
      expect = outcome.counterAfter;
    } else {
      ready = await preplan(next, []);
      expect = ready?.counter ?? -1;
    }
  }
  return stats;
}

/** Plans and writes one readout in one write transaction, planning again when a concurrent loader interfered. */
export async function ingestOne(executor: GraphExecutor, draft: Draft, who: string): Promise<ReadoutReport> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [report] = await executor.withWrite((run) => writeBatch([draft], run, who), WRITE_TIMEOUT_MS);
      if (report === undefined) throw new Error(`internal: ${draft.file} was planned but not reported`);
      return report;
    } catch (e) {
      if (attempt < MAX_ATTEMPTS && isRetryable(e)) {
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
        continue;
      }
      throw e;
    }
  }
}
