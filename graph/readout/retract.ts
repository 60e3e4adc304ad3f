// Withdrawing documents: everything only they asserted leaves the graph, what others also assert loses them.
import { NotFoundError } from '../errors';
import type { GraphExecutor, Runner } from '../executor';
import { lockHistory, recordChanges, type ChangeEntry } from '../history';
import { diffLines, type FactDiff } from './diff';
import { factLines } from './facts';
import { rederive, Stale } from './rederive';
import { unassertSource } from './unassert';

export interface RetractedSource {
  sourceId: string;
  title: string;
  diff: FactDiff;
  nodesRemoved: number;
  relationshipsRemoved: number;
}

export interface RetractReport {
  dryRun: boolean;
  sources: RetractedSource[];
  durationMs: number;
}

export interface RetractOptions {
  dryRun?: boolean;
  /** Who asks: an editor token's label, or `cli`. Recorded in the history. */
  who?: string;
}

const SOURCES = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.title AS title`;

const DELETE_SOURCE = 'MATCH (s:Source {id: $sid}) DETACH DELETE s';

/** Takes one document and all it alone asserted out of the graph, in the caller's transaction. */
async function retractOne(sid: string, title: string, run: Runner): Promise<RetractedSource> {
  const before = (await factLines([sid], run)).get(sid) ?? [];
  const stale = new Stale();
  const { relationshipsRemoved, mentionsRemoved } = await unassertSource(sid, run, stale);
  await run(DELETE_SOURCE, { sid });
  const { nodesRemoved } = await rederive(stale, run);
  return {
    sourceId: sid,
    title,
    diff: diffLines(before, []),
    nodesRemoved: nodesRemoved + 1,
    relationshipsRemoved: relationshipsRemoved + mentionsRemoved,
  };
}

const entry = (r: RetractedSource): ChangeEntry => ({
  action: 'retraction',
  sourceId: r.sourceId,
  sourceTitle: r.title,
  file: null,
  hash: null,
  added: 0,
  removed: r.diff.removed.length,
  kept: 0,
  lines: r.diff.removed.map((l) => `- ${l}`),
});

const TIMEOUT_MS = 120000;

/**
 * Retracts the documents, each in its own transaction (dry run: all in one, rolled back). Unknown ids throw
 * NotFoundError before anything is written; a retraction that would leave other documents referring to an
 * organisation no document lists any more throws ConflictError, and that document and those after it stay.
 */
export async function retractSources(
  executor: GraphExecutor,
  ids: string[],
  opts: RetractOptions = {},
): Promise<RetractReport> {
  const started = Date.now();
  const wanted = [...new Set(ids)];
  const found = new Map(
    (await executor.read(SOURCES, { ids: wanted })).map((r) => [String(r.id), String(r.title)]),
  );
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new NotFoundError(
      `No source document with id ${missing.map((m) => `"${m}"`).join(', ')} is in the graph.`,
    );
  const sources: RetractedSource[] = [];
  if (opts.dryRun === true) {
    await executor.withRollback(async (run) => {
      for (const id of wanted) sources.push(await retractOne(id, found.get(id) ?? '', run));
    }, TIMEOUT_MS);
    return { dryRun: true, sources, durationMs: Date.now() - started };
  }
  for (const id of wanted) {
    const done = await executor.withWrite(async (run) => {
      await lockHistory(run);
      const r = await retractOne(id, found.get(id) ?? '', run);
      await recordChanges(run, opts.who ?? 'cli', [entry(r)]);
      return r;
    }, TIMEOUT_MS);
    sources.push(done);
  }
  return { dryRun: false, sources, durationMs: Date.now() - started };
}
