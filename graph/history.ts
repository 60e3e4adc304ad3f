// The graph's edit history: one (:Change) node per document loaded, revised or retracted, numbered by a counter
// node inside the writing transaction, so that `seq` orders changes exactly as they committed and a rolled-back
// transaction leaves no gap-free number behind it (its increment rolls back with it).
import type { Runner } from './executor';

export const CHANGE_ACTIONS = ['load', 'revision', 'retraction', 'merge', 'split'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** Lines of a diff kept on a Change: enough to read, bounded so a huge readout cannot bloat the history. */
export const MAX_CHANGE_LINES = 200;

/** What one change did to one document, as stored on its (:Change) node (plus `seq` and `at`). */
export interface ChangeEntry {
  action: ChangeAction;
  sourceId: string;
  sourceTitle: string;
  /** The file or input label the readout came from; null for a retraction. */
  file: string | null;
  /** sha256 of the canonical readout now in force; null after a retraction. */
  hash: string | null;
  added: number;
  removed: number;
  kept: number;
  /** The facts added and removed, in words ("+ …", "- …"), at most MAX_CHANGE_LINES. */
  lines: string[];
}

/**
 * Takes the change counter's lock. Called first in every transaction that records changes, so that writers queue
 * here instead of deadlocking on each other's entities, and numbers follow commit order.
 */
export async function lockHistory(run: Runner): Promise<number> {
  const rows = await run(
    `MERGE (c:ChangeCounter {name: 'changes'}) ON CREATE SET c.seq = 0 SET c.locked = true RETURN c.seq AS seq`,
  );
  return Number(rows[0]?.seq ?? 0);
}

/**
 * The number of changes committed so far, read without the lock. Every transaction that changes the graph's
 * content records at least one change, so an unchanged count means an unchanged graph (the loader's pipeline
 * relies on it to know that a batch planned ahead still fits the graph it is written into).
 */
export async function changeCount(run: Runner): Promise<number> {
  const rows = await run(
    `OPTIONAL MATCH (c:ChangeCounter {name: 'changes'}) RETURN coalesce(c.seq, 0) AS seq`,
  );
  return Number(rows[0]?.seq ?? 0);
}

/** Records the entries, in order, as changes made by `who` (an editor token's label, or `cli`). */
export async function recordChanges(run: Runner, who: string, entries: ChangeEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await run(
    `MATCH (c:ChangeCounter {name: 'changes'})
     WITH c, c.seq AS base
     SET c.seq = base + size($entries)
     WITH base
     UNWIND range(0, size($entries) - 1) AS i
     WITH base, i, $entries[i] AS e
     CREATE (:Change {seq: base + i + 1, at: toString(datetime.realtime()), who: $who, action: e.action,
       sourceId: e.sourceId, sourceTitle: e.sourceTitle, file: e.file, hash: e.hash,
       added: toInteger(e.added), removed: toInteger(e.removed), kept: toInteger(e.kept), lines: e.lines})`,
    {
      who,
      entries: entries.map((e) => ({ ...e, lines: e.lines.slice(0, MAX_CHANGE_LINES) })),
    },
  );
}
