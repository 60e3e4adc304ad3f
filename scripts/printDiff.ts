// A document's diff as the loader and the retraction command print it: a line a fact, removals first.
import type { FactDiff } from '../graph/readout/diff';

export function printDiff(diff: FactDiff, indent = '  '): void {
  for (const l of diff.removed) process.stdout.write(`${indent}${l}: removed\n`);
  for (const l of diff.added) process.stdout.write(`${indent}${l}: added\n`);
  if (diff.kept.length > 0) process.stdout.write(`${indent}(${diff.kept.length} kept)\n`);
}

/** A merge's or split's report: the documents it re-pinned, each with its diff. */
export function printEntityChange(
  headline: string,
  report: { readouts: { sourceId: string; diff: FactDiff | null }[] },
): void {
  process.stdout.write(`${headline}; ${report.readouts.length} document(s) planned again:\n`);
  for (const r of report.readouts) {
    process.stdout.write(`  ${r.sourceId}\n`);
    if (r.diff !== null) printDiff(r.diff, '    ');
  }
}
