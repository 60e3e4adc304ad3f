// Writes a batch of readouts inside the caller's write transaction, as the readouts in force: a readout whose
// document is new is added; one whose document is in the graph with other content is a revision (the document's
// old assertions leave first, then the new ones are planned and written, and values are derived again); the same
// content again changes nothing. Each document's change is recorded in the history with its diff.
import type { Runner } from '../executor';
import { lockHistory, recordChanges, type ChangeEntry } from '../history';
import { diffLines, type FactDiff } from './diff';
import type { Draft } from './draft';
import { factLines } from './facts';
import { sourceKey } from './lookups';
import { planBatch } from './planBatch';
import { rederive, Stale } from './rederive';
import type { WritePlan } from './rows';
import { unassertSource } from './unassert';
import { matchedCounts, writePlans, type WriteCounts } from './write';

export type ReadoutAction = 'added' | 'revised' | 'unchanged';

export interface ReadoutReport extends WriteCounts {
  file: string;
  sourceId: string;
  dialogueId: string;
  action: ReadoutAction;
  /** The document's facts added, removed and kept; given for dry runs and revisions (null for a plain new load). */
  diff: FactDiff | null;
}

const PRIOR = `
UNWIND $keys AS key
MATCH (s:Source {key: key})
RETURN key, s.id AS id, s.hash AS hash`;

interface Prior {
  id: string;
  hash: string | null;
}

const LABEL_OF = 'MATCH (n:Person|Organization {id: $id}) RETURN labels(n)[0] AS label';
const labelOf = async (id: string, run: Runner) => {
  const label = (await run(LABEL_OF, { id }))[0]?.label;
  return typeof label === 'string' ? label : 'Person';
};

async function priorSources(drafts: Draft[], run: Runner): Promise<Map<string, Prior>> {
  const keys = [...new Set(drafts.map((d) => sourceKey(d.source)))];
  const rows = await run(PRIOR, { keys });
  return new Map(
    rows.map((r) => [String(r.key), { id: String(r.id), hash: typeof r.hash === 'string' ? r.hash : null }]),
  );
}

function changeEntry(
  plan: WritePlan,
  draft: Draft,
  action: 'load' | 'revision',
  diff: FactDiff,
): ChangeEntry {
  return {
    action,
    sourceId: plan.sourceId,
    sourceTitle: draft.source.title,
    file: draft.file,
    hash: draft.hash ?? null,
    added: diff.added.length,
    removed: diff.removed.length,
    kept: diff.kept.length,
    // A first load's lines are the readout itself, which the source keeps: only revisions store theirs.
    lines:
      action === 'revision' ? [...diff.removed.map((l) => `- ${l}`), ...diff.added.map((l) => `+ ${l}`)] : [],
  };
}

/**
 * Plans and writes `drafts` (validated already) in the caller's transaction; returns a report per readout. With
 * `dryRun` every readout gets its diff and nothing is recorded (the caller rolls the transaction back).
 */
export interface BatchOptions {
  dryRun?: boolean;
  /** Plan and write these documents again even if their content is unchanged (a merge or split moved them). */
  replan?: boolean;
  /** Entities to keep while the revised documents' old assertions are out (the survivor of a merge). */
  keep?: string[];
  /** The history lock is held already (a merge or split records its own change too). */
  locked?: boolean;
  /**
   * Plans made ahead for exactly these drafts, valid if the change count under the lock is `counter` and every
   * document is new: the graph is then the one they were planned for. Otherwise the batch is planned here.
   */
  preplanned?: { plans: WritePlan[]; counter: number };
  /** Told, before the batch returns, whether the plans made ahead were used and the change count it leaves. */
  onWritten?: (outcome: BatchOutcome) => void;
}

/** What a batch's transaction saw of the history: the change count under its lock, and after its own changes. */
export interface BatchOutcome {
  usedPreplan: boolean;
  counterBefore: number;
  counterAfter: number;
}

export async function writeBatch(
  drafts: Draft[],
  run: Runner,
  who: string,
  opts: BatchOptions = {},
): Promise<ReadoutReport[]> {
  const dryRun = opts.dryRun === true;
  const counter = !dryRun && opts.locked !== true ? await lockHistory(run) : -1;
  const prior = await priorSources(drafts, run);
  const action = drafts.map((d): ReadoutAction => {
    const p = prior.get(sourceKey(d.source));
    if (p === undefined) return 'added';
    return p.hash === (d.hash ?? null) && opts.replan !== true ? 'unchanged' : 'revised';
  });
  const revised = drafts.flatMap((d, i) =>
    action[i] === 'revised' ? [prior.get(sourceKey(d.source)) ?? { id: '', hash: null }] : [],
  );
  const before = await factLines(
    revised.map((p) => p.id),
    run,
  );
  const stale = new Stale();
  // A document loaded before claims were kept has none to take back: its new version is written over it.
  for (const p of revised) if (p.hash !== null) await unassertSource(p.id, run, stale);
  for (const id of opts.keep ?? []) for (const ids of stale.nodes.values()) ids.delete(id);
  await rederive(stale, run, true);
  for (const id of opts.keep ?? []) stale.node(await labelOf(id, run), id);

  const pre = opts.preplanned;
  const usedPreplan =
    pre !== undefined &&
    counter >= 0 &&
    pre.counter === counter &&
    pre.plans.length === drafts.length &&
    action.every((a) => a === 'added');
  const plans = usedPreplan ? pre.plans : await planBatch(drafts, run);
  const changed = plans.filter((_, i) => action[i] !== 'unchanged');
  const written = await writePlans(changed, run, stale);
  await rederive(stale, run);

  const diffed = plans.filter((_, i) => dryRun || action[i] === 'revised');
  const after = await factLines(
    (dryRun ? plans : changed).map((p) => p.sourceId),
    run,
  );
  const reports: ReadoutReport[] = [];
  const entries: ChangeEntry[] = [];
  let w = 0;
  plans.forEach((plan, i) => {
    const draft = drafts[i];
    const act = action[i] ?? 'added';
    if (draft === undefined) return;
    const counts = act === 'unchanged' ? matchedCounts(plan) : (written[w++] ?? matchedCounts(plan));
    const diff = diffLines(
      act === 'added' ? [] : (before.get(plan.sourceId) ?? []),
      act === 'unchanged' ? (before.get(plan.sourceId) ?? []) : (after.get(plan.sourceId) ?? []),
    );
    reports.push({
      file: plan.file,
      sourceId: plan.sourceId,
      dialogueId: plan.dialogueId,
      action: act,
      diff: diffed.includes(plan) ? diff : null,
      ...counts,
    });
    if (act !== 'unchanged')
      entries.push(changeEntry(plan, draft, act === 'added' ? 'load' : 'revision', diff));
  });
  if (!dryRun) await recordChanges(run, who, entries);
  opts.onWritten?.({ usedPreplan, counterBefore: counter, counterAfter: counter + entries.length });
  return reports;
}
