// The one ingest path, shared by the loader CLI and the GraphQL mutation: validate every readout (schema, then
// vocabulary and references, then against the graph) before writing any; then write them in order, a batch of
// readouts per transaction (each readout is thus all in the graph or not at all). Each batch is planned again in
// its write transaction, against the graph that then holds the batches before it (what validation simulated with
// its overlay), so plans need not be kept in memory. If a concurrent loader got in between (a conflict, a
// constraint, a deadlock), the batch rolls back and its readouts are planned again and written one transaction
// each; if it made a later readout invalid (an ambiguous name), that readout's batch and the rest are refused.
import { createHash } from 'node:crypto';
import type { GraphExecutor } from '../executor';
import { InvalidReadoutError, type ReadoutIssue } from '../errors';
import { isConstraintViolation } from '../executor';
import { loadVocabulary } from '../themes';
import { buildDraft, type Draft } from './draft';
import { sourceKey } from './lookups';
import { lineAt, parseReadout, type ReadoutFormat } from './parse';
import { Overlay } from './overlay';
import { planInOrder, PLAN_CHUNK } from './planBatch';
import { WriteConflictError, type WriteCounts } from './write';
import { writeBatch, type ReadoutReport } from './writeBatch';

export interface ReadoutInput {
  /** Shown in every error: a path, or a label such as "mutation input". */
  file: string;
  text: string;
  format?: ReadoutFormat;
}

export type { ReadoutAction, ReadoutReport } from './writeBatch';

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
    if (!built.ok) {
      issues.push(...built.issues);
      continue;
    }
    // The readout as the graph keeps it: the parsed readout's JSON, which loads again to the same readout.
    const canonical = JSON.stringify(parsed.readout);
    drafts.push({ ...built.draft, canonical, hash: createHash('sha256').update(canonical).digest('hex') });
  }
  issues.push(...twoVersions(drafts));
  if (issues.length > 0) throw new InvalidReadoutError(issues);
  return drafts;
}

/** Two different versions of one document in one load: which is in force would depend on their order. */
function twoVersions(drafts: Draft[]): ReadoutIssue[] {
  const first = new Map<string, Draft>();
  const issues: ReadoutIssue[] = [];
  for (const d of drafts) {
    const key = sourceKey(d.source);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, d);
    else if (seen.hash !== d.hash) {
      issues.push({
        file: d.file,
        path: 'source',
        line: lineAt(d.lines, 'source'),
        message: `is the same document as in ${seen.file} (same ${key.split('|')[0]}) with other content; load one version at a time`,
      });
    }
  }
  return issues;
}

/** Validation is batch work, not an analyst's query: it gets more time than the API's read timeout. */
const PLAN_TIMEOUT_MS = 120000;

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

  const who = opts.who ?? 'cli';
  if (opts.dryRun === true) {
    // Everything in one transaction that is rolled back: exact counts and diffs, nothing kept.
    const readouts = await executor.withRollback(
      (run) => writeBatch(drafts, run, who, true),
      DRY_RUN_TIMEOUT_MS,
    );
    readouts.forEach((r, i) => opts.onProgress?.(i + 1, readouts.length, r.file));
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
      written = await executor.withWrite((run) => writeBatch(batch, run, who), WRITE_TIMEOUT_MS);
    } catch (e) {
      if (!isRetryable(e)) throw e;
      written = [];
      for (const draft of drafts.slice(at, at + WRITE_BATCH))
        written.push(await ingestOne(executor, draft, who));
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
async function ingestOne(executor: GraphExecutor, draft: Draft, who: string): Promise<ReadoutReport> {
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
