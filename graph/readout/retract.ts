// Withdrawing documents: everything only they asserted leaves the graph, what others also assert loses them.
import type { GraphExecutor } from '../executor';
import type { FactDiff } from './diff';

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

/**
 * Retracts the documents, each in its own transaction (dry run: all in one, rolled back). Unknown ids throw
 * NotFoundError before anything is written; a retraction that would leave other documents referring to an
 * organisation no document lists any more throws ConflictError, and that document stays.
 */
export async function retractSources(
  executor: GraphExecutor,
  ids: string[],
  opts: RetractOptions = {},
): Promise<RetractReport> {
  void executor;
  void ids;
  void opts;
  throw new Error('retractSources: not implemented yet');
}
