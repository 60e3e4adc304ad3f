// Planning readouts in order: each sees the ones before it through the overlay, and each chunk of PLAN_CHUNK
// readouts shares its graph lookups (the graph does not change while a chunk is planned).
import type { Runner } from '../executor';
import { InvalidReadoutError, type ReadoutIssue } from '../errors';
import type { Draft } from './draft';
import { chunkLookups } from './lookups';
import { Overlay } from './overlay';
import { planReadout } from './plan';
import type { WritePlan } from './rows';

/** Readouts validated per read transaction: each transaction stays well inside the server's read timeout. */
export const PLAN_CHUNK = 200;

/**
 * Plans drafts in order, each seeing the ones before it through the overlay, collecting every issue. Each chunk of
 * PLAN_CHUNK readouts shares its graph lookups. With `keep` false the plans are dropped as they are made.
 */
export async function planInOrder(
  drafts: Draft[],
  q: Runner,
  overlay: Overlay,
  issues: ReadoutIssue[],
  keep: boolean,
): Promise<WritePlan[]> {
  const plans: WritePlan[] = [];
  for (let i = 0; i < drafts.length; i += PLAN_CHUNK) {
    const chunk = drafts.slice(i, i + PLAN_CHUNK);
    const lookups = await chunkLookups(chunk, q);
    for (const draft of chunk) {
      const result = await planReadout(draft, q, overlay, lookups);
      if (!result.ok) {
        issues.push(...result.issues);
        continue;
      }
      if (keep) plans.push(result.plan);
      overlay.add(result.staged);
    }
  }
  return plans;
}

/** The plans of some drafts within the transaction `run` (which may write them); throws on any issue. */
export async function planBatch(drafts: Draft[], run: Runner): Promise<WritePlan[]> {
  const issues: ReadoutIssue[] = [];
  const plans = await planInOrder(drafts, run, new Overlay(), issues, true);
  if (issues.length > 0) throw new InvalidReadoutError(issues);
  return plans;
}
