// What a document asserts, in words an analyst can read, and the difference between two such lists: what a
// revision, retraction or dry run adds, removes and keeps of one document's facts.

/** One document's facts before and after a change, as sorted lines ("Ajay Bhalla — HOLDS_POST Home Secretary — Ministry of Home Affairs"). */
export interface FactDiff {
  added: string[];
  removed: string[];
  kept: string[];
}

/** The difference between the lines a document asserted before and after. */
export function diffLines(before: readonly string[], after: readonly string[]): FactDiff {
  const was = new Set(before);
  const now = new Set(after);
  const sorted = (xs: Iterable<string>) => [...xs].sort();
  return {
    added: sorted([...now].filter((l) => !was.has(l))),
    removed: sorted([...was].filter((l) => !now.has(l))),
    kept: sorted([...now].filter((l) => was.has(l))),
  };
}
