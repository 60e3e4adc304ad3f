// The one ingest path, shared by the loader CLI and the GraphQL mutation: validate every readout (schema, then
// vocabulary and references, then against the graph) before writing any; then write them in order, a batch of
// readouts per transaction (each readout is thus all in the graph or not at all), each batch planned while the one
// before it is written (pipeline.ts), so plans need not be kept in memory. If a concurrent loader got in between (a
// conflict, a constraint, a deadlock), the batch rolls back and its readouts are planned again and written one
// transaction each; if it made a later readout invalid (an ambiguous name), that readout's batch and the rest are
// refused.
import { createHash } from 'node:crypto';
import type { GraphExecutor } from '../executor';
import { InvalidReadoutError, type ReadoutIssue } from '../errors';
import { loadVocabulary } from '../themes';
import { buildDraft, type Draft } from './draft';
import { chunkLookups, sourceKey } from './lookups';
import { lineAt, parseReadout, type ReadoutFormat } from './parse';
import { Overlay } from './overlay';
import { planChunk, PLAN_CHUNK } from './planBatch';
import { PLAN_TIMEOUT_MS, writeInBatches, type BatchStats } from './pipeline';
import type { WriteCounts } from './write';
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
  /** Write transactions, and how many of them wrote plans made while the one before was written. */
  batches: BatchStats;
}

export interface IngestOptions {
  dryRun?: boolean;
  /** Who loads: an editor token's label, or `cli`. Recorded in the history. */
  who?: string;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Readouts per write transaction (default 100); tests use small batches to have several. */
  batchSize?: number;
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

/**
 * Validates every draft against the graph, a read transaction per chunk; throws InvalidReadoutError with every
 * issue of every readout. The plans are not kept: 100k readouts' plans would not fit in memory, so the writer
 * plans each batch again, against the graph that by then holds the batches before it (the same plans). A chunk's
 * graph lookups do not depend on the chunks before it, so the next chunk's are read while this one is planned.
 */
async function validateAll(executor: GraphExecutor, drafts: Draft[]): Promise<void> {
  const issues: ReadoutIssue[] = [];
  const planning = { overlay: new Overlay(), issues, keep: false };
  const chunks: Draft[][] = [];
  for (let i = 0; i < drafts.length; i += PLAN_CHUNK) chunks.push(drafts.slice(i, i + PLAN_CHUNK));
  const lookup = (chunk: Draft[]) => {
    const p = executor.withRead((q) => chunkLookups(chunk, q), PLAN_TIMEOUT_MS);
    p.catch(() => undefined); // awaited below; a failure surfaces there, not as an unhandled rejection
    return p;
  };
  let ahead = chunks[0] === undefined ? undefined : lookup(chunks[0]);
  for (const [k, chunk] of chunks.entries()) {
    const lookups = await ahead;
    if (lookups === undefined) break;
    const next = chunks[k + 1];
    ahead = next === undefined ? undefined : lookup(next);
    await executor.withRead((q) => planChunk(chunk, lookups, q, planning), PLAN_TIMEOUT_MS);
  }
  if (issues.length > 0) throw new InvalidReadoutError(issues);
}

function summarize(
  readouts: ReadoutReport[],
  dryRun: boolean,
  started: number,
  batches: BatchStats,
): IngestReport {
  const sum = (f: keyof WriteCounts) => readouts.reduce((acc, r) => acc + (r[f] as number), 0);
  return {
    dryRun,
    readouts,
    nodesCreated: sum('nodesCreated'),
    nodesMatched: sum('nodesMatched'),
    relationshipsCreated: sum('relationshipsCreated'),
    relationshipsMatched: sum('relationshipsMatched'),
    durationMs: Date.now() - started,
    batches,
  };
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
      (run) => writeBatch(drafts, run, who, { dryRun: true }),
      DRY_RUN_TIMEOUT_MS,
    );
    readouts.forEach((r, i) => opts.onProgress?.(i + 1, readouts.length, r.file));
    executor.noteLoaderRun(0, true);
    return summarize(readouts, true, started, { batches: 1, plannedAhead: 0 });
  }

  // Validate the whole batch against the graph before writing anything.
  await validateAll(executor, drafts);

  const readouts: ReadoutReport[] = [];
  const batches = await writeInBatches(
    executor,
    drafts,
    who,
    (r) => {
      readouts.push(r);
      opts.onProgress?.(readouts.length, drafts.length, r.file);
    },
    opts.batchSize,
  );
  executor.noteLoaderRun(readouts.length, false);
  return summarize(readouts, false, started, batches);
}
