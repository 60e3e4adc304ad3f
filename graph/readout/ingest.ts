// The one ingest path, shared by the loader CLI and the GraphQL mutation: validate every readout (schema, then
// vocabulary and references, then against the graph) before writing any; then write them in order, a batch of
// readouts per transaction (each readout is thus all in the graph or not at all). Each batch is planned again in
// its write transaction, against the graph that then holds the batches before it (what validation simulated with
// its overlay), so plans need not be kept in memory. If a concurrent loader got in between (a conflict, a
// constraint, a deadlock), the batch rolls back and its readouts are planned again and written one transaction
// each; if it made a later readout invalid (an ambiguous name), that readout's batch and the rest are refused.
import type { GraphExecutor, Runner } from '../executor';
import { InvalidReadoutError, type ReadoutIssue } from '../errors';
import { isConstraintViolation } from '../executor';
import { loadVocabulary } from '../themes';
import type { FactDiff } from './diff';
import { buildDraft, type Draft } from './draft';
import { parseReadout, type ReadoutFormat } from './parse';
import { Overlay } from './overlay';
import { chunkLookups } from './lookups';
import { planReadout } from './plan';
import type { WritePlan } from './rows';
import { writePlan, writePlans, WriteConflictError, type WriteCounts } from './write';

export interface ReadoutInput {
  /** Shown in every error: a path, or a label such as "mutation input". */
  file: string;
  text: string;
  format?: ReadoutFormat;
}

/** What loading did to a readout's document: new to the graph, a changed version of a known one, or the same again. */
export type ReadoutAction = 'added' | 'revised' | 'unchanged';

export interface ReadoutReport extends WriteCounts {
  file: string;
  sourceId: string;
  dialogueId: string;
  action: ReadoutAction;
  /** The document's facts added, removed and kept; given for dry runs and revisions (null for a plain new load). */
  diff: FactDiff | null;
}

export interface IngestReport {
  dryRun: boolean;
  readouts: ReadoutReport[];
  nodesCreated: number;
  nodesMatched: number;
  relationshipsCreated: number;
  relationshipsMatched: number;
  durationMs: number;
}

export interface IngestOptions {
  dryRun?: boolean;
  /** Who loads: an editor token's label, or `cli`. Recorded in the history. */
  who?: string;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Parses and checks readouts without the graph; throws InvalidReadoutError listing every problem in every file. */
export function draftReadouts(inputs: ReadoutInput[]): Draft[] {
  const vocab = loadVocabulary();
  const issues: ReadoutIssue[] = [];
  const drafts: Draft[] = [];
  for (const input of inputs) {
    const parsed = parseReadout(input.text, input.file, input.format);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const built = buildDraft(parsed.readout, input.file, vocab, parsed.lines);
    if (built.ok) drafts.push(built.draft);
    else issues.push(...built.issues);
  }
  if (issues.length > 0) throw new InvalidReadoutError(issues);
  return drafts;
}

/** Readouts validated per read transaction: each transaction stays well inside the server's read timeout. */
const PLAN_CHUNK = 200;
/** Validation is batch work, not an analyst's query: it gets more time than the API's read timeout. */
const PLAN_TIMEOUT_MS = 120000;

/**
 * Plans drafts in order, each seeing the ones before it through the overlay, collecting every issue. Each chunk of
 * PLAN_CHUNK readouts shares its graph lookups. With `keep` false the plans are dropped as they are made.
 */
async function planInOrder(
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

/**
 * Validates every draft against the graph, a read transaction per chunk; throws InvalidReadoutError with every
 * issue of every readout. The plans are not kept: 100k readouts' plans would not fit in memory, so the writer
 * plans each batch again, against the graph that by then holds the batches before it (the same plans).
 */
async function validateAll(executor: GraphExecutor, drafts: Draft[]): Promise<void> {
  const issues: ReadoutIssue[] = [];
  const overlay = new Overlay();
  for (let i = 0; i < drafts.length; i += PLAN_CHUNK) {
    const chunk = drafts.slice(i, i + PLAN_CHUNK);
    await executor.withRead((q) => planInOrder(chunk, q, overlay, issues, false), PLAN_TIMEOUT_MS);
  }
  if (issues.length > 0) throw new InvalidReadoutError(issues);
}

/** The plans of some drafts within the transaction `run` (which may write them); throws on any issue. */
async function planBatch(drafts: Draft[], run: Runner): Promise<WritePlan[]> {
  const issues: ReadoutIssue[] = [];
  const plans = await planInOrder(drafts, run, new Overlay(), issues, true);
  if (issues.length > 0) throw new InvalidReadoutError(issues);
  return plans;
}

function summarize(readouts: ReadoutReport[], dryRun: boolean, started: number): IngestReport {
  const sum = (f: keyof WriteCounts) => readouts.reduce((acc, r) => acc + (r[f] as number), 0);
  return {
    dryRun,
    readouts,
    nodesCreated: sum('nodesCreated'),
    nodesMatched: sum('nodesMatched'),
    relationshipsCreated: sum('relationshipsCreated'),
    relationshipsMatched: sum('relationshipsMatched'),
    durationMs: Date.now() - started,
  };
}

const MAX_ATTEMPTS = 5;
/** Readouts per write transaction: large enough that statements, not readouts, set the cost; small enough to
 * keep transactions short and a conflict's retry cheap. */
const WRITE_BATCH = 100;
const WRITE_TIMEOUT_MS = 120000;

/** Failures a fresh attempt can cure: a concurrent loader took an id, key or name first, or a deadlock. */
function isRetryable(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  return (
    e instanceof WriteConflictError || isConstraintViolation(e) || code.startsWith('Neo.TransientError.')
  );
}

/** A dry run holds one transaction open for the whole batch: allow large batches the time they need. */
const DRY_RUN_TIMEOUT_MS = 30 * 60 * 1000;

export async function ingestReadouts(
  executor: GraphExecutor,
  inputs: ReadoutInput[],
  opts: IngestOptions = {},
): Promise<IngestReport> {
  const started = Date.now();
  const drafts = draftReadouts(inputs);

  if (opts.dryRun === true) {
    // Everything in one transaction that is rolled back: exact counts, nothing kept.
    const readouts = await executor.withRollback(async (run) => {
      const plans = await planBatch(drafts, run);
      const out: ReadoutReport[] = [];
      for (const plan of plans) {
        out.push({
          file: plan.file,
          sourceId: plan.sourceId,
          dialogueId: plan.dialogueId,
          action: 'added',
          diff: null,
          ...(await writePlan(plan, run)),
        });
        opts.onProgress?.(out.length, plans.length, plan.file);
      }
      return out;
    }, DRY_RUN_TIMEOUT_MS);
    executor.noteLoaderRun(0, true);
    return summarize(readouts, true, started);
  }

  // Validate the whole batch against the graph before writing anything.
  await validateAll(executor, drafts);

  const readouts: ReadoutReport[] = [];
  for (let at = 0; at < drafts.length; at += WRITE_BATCH) {
    const batch = drafts.slice(at, at + WRITE_BATCH);
    let written: ReadoutReport[];
    try {
      written = await executor.withWrite(async (run) => {
        const plans = await planBatch(batch, run);
        const counts = await writePlans(plans, run);
        return plans.map((p, i) => ({
          file: p.file,
          sourceId: p.sourceId,
          dialogueId: p.dialogueId,
          action: 'added' as const,
          diff: null,
          ...counts[i]!,
        }));
      }, WRITE_TIMEOUT_MS);
    } catch (e) {
      if (!isRetryable(e)) throw e;
      written = [];
      for (const draft of drafts.slice(at, at + WRITE_BATCH)) written.push(await ingestOne(executor, draft));
    }
    for (const r of written) {
      readouts.push(r);
      opts.onProgress?.(readouts.length, drafts.length, r.file);
    }
  }
  executor.noteLoaderRun(readouts.length, false);
  return summarize(readouts, false, started);
}

/** Plans and writes one readout in one write transaction, planning again when a concurrent loader interfered. */
async function ingestOne(executor: GraphExecutor, draft: Draft): Promise<ReadoutReport> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await executor.withWrite(async (run) => {
        const result = await planReadout(draft, run, new Overlay());
        if (!result.ok) throw new InvalidReadoutError(result.issues);
        const counts = await writePlan(result.plan, run);
        return {
          file: draft.file,
          sourceId: result.plan.sourceId,
          dialogueId: result.plan.dialogueId,
          action: 'added',
          diff: null,
          ...counts,
        };
      }, WRITE_TIMEOUT_MS);
    } catch (e) {
      if (attempt < MAX_ATTEMPTS && isRetryable(e)) {
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
        continue;
      }
      throw e;
    }
  }
}
