// Planning readouts in order: each sees the ones before it through the overlay, and each chunk of PLAN_CHUNK
// readouts shares its graph lookups (the graph does not change while a chunk is planned).
import type { Runner } from '../executor';
import { changeCount } from '../history';
import { InvalidReadoutError, type ReadoutIssue } from '../errors';
import type { Draft } from './draft';
import { chunkLookups, type ChunkLookups } from './lookups';
import { Overlay, type Staged } from './overlay';
import { planReadout } from './plan';
import type { WritePlan } from './rows';

/** Readouts validated per read transaction: each transaction stays well inside the server's read timeout. */
export const PLAN_CHUNK = 200;

/** What planning in order carries from one readout to the next, and what it collects. */
export interface Planning {
  /** What earlier readouts add, seen by later ones. */
  overlay: Overlay;
  issues: ReadoutIssue[];
  /** False: plans are dropped as they are made (validation). */
  keep: boolean;
  /** When given, receives what each planned readout adds. */
  staged?: Staged[];
}

/**
 * Plans drafts in order, each seeing the ones before it through the overlay, collecting every issue. Each chunk of
 * PLAN_CHUNK readouts shares its graph lookups.
 */
export async function planInOrder(drafts: Draft[], q: Runner, p: Planning): Promise<WritePlan[]> {
  const plans: WritePlan[] = [];
  for (let i = 0; i < drafts.length; i += PLAN_CHUNK) {
    const chunk = drafts.slice(i, i + PLAN_CHUNK);
    plans.push(...(await planChunk(chunk, await chunkLookups(chunk, q), q, p)));
  }
  return plans;
}

/** Plans one chunk of drafts in order against its graph lookups (made in this transaction or just before). */
export async function planChunk(
  chunk: Draft[],
  lookups: ChunkLookups,
  q: Runner,
  p: Planning,
): Promise<WritePlan[]> {
  const plans: WritePlan[] = [];
  for (const draft of chunk) {
    const result = await planReadout(draft, q, p.overlay, lookups);
    if (!result.ok) {
      p.issues.push(...result.issues);
      continue;
    }
    if (p.keep) plans.push(result.plan);
    p.overlay.add(result.staged);
    p.staged?.push(result.staged);
  }
  return plans;
}

/** The plans of some drafts within the transaction `run` (which may write them); throws on any issue. */
export async function planBatch(drafts: Draft[], run: Runner): Promise<WritePlan[]> {
  const issues: ReadoutIssue[] = [];
  const plans = await planInOrder(drafts, run, { overlay: new Overlay(), issues, keep: true });
  if (issues.length > 0) throw new InvalidReadoutError(issues);
  return plans;
}

/** Plans made ahead of their write transaction (the loader's pipeline), with what they assume of the graph. */
export interface Preplan {
  plans: WritePlan[];
  /** What these plans add, for planning the batch after them before they are written. */
  staged: Staged[];
  /** The change count of the graph they were planned against, as read before planning. */
  counter: number;
}

/**
 * Plans a batch in a read transaction, seeing the graph plus `ahead` (what the batch before it, not yet written,
 * adds). Null when it cannot be planned so: the write transaction then plans it itself and reports the issues.
 */
export async function preplanBatch(drafts: Draft[], q: Runner, ahead: Staged[]): Promise<Preplan | null> {
  const counter = await changeCount(q);
  const overlay = new Overlay();
  for (const s of ahead) overlay.add(s);
  const issues: ReadoutIssue[] = [];
  const staged: Staged[] = [];
  const plans = await planInOrder(drafts, q, { overlay, issues, keep: true, staged });
  // A document already known is a revision or the same content again: its transaction plans it (a revision takes
  // the old assertions out first), so plans made ahead are only of new documents.
  const known = plans.some((p) => p.nodes.Source.some((r) => r.existing));
  return issues.length > 0 || known ? null : { plans, staged, counter };
}
