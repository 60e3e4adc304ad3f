// A document's diff as the loader and the retraction command print it: a line a fact, removals first.
import type { FactDiff } from '../graph/readout/diff';

export function printDiff(diff: FactDiff, indent = '  '): void {
  for (const l of diff.removed) process.stdout.write(`${indent}${l}: removed\n`);
  for (const l of diff.added) process.stdout.write(`${indent}${l}: added\n`);
  if (diff.kept.length > 0) process.stdout.write(`${indent}(${diff.kept.length} kept)\n`);
}
