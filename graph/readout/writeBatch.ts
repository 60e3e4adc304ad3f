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
export async function writeBatch(
  drafts: Draft[],
  run: Runner,
  who: string,
  dryRun = false,
): Promise<ReadoutReport[]> {
  if (!dryRun) await lockHistory(run);
  const prior = await priorSources(drafts, run);
  const action = drafts.map((d): ReadoutAction => {
    const p = prior.get(sourceKey(d.source));
    return p === undefined ? 'added' : p.hash === (d.hash ?? null) ? 'unchanged' : 'revised';
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
  await rederive(stale, run, true);

  const plans = await planBatch(drafts, run);
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
  return reports;
}
