// "Did you mean …?" for typos in field names, allowed values, themes and country codes.

/** Lower case without separators, so "coChair", "co-chair" and "co_chair" compare equal. */
function squash(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '');
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(
          (prev[j] ?? 0) + 1,
          (row[j - 1] ?? 0) + 1,
          (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The candidate closest to `input`, if it is close enough to be a plausible typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const q = squash(input);
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(q, squash(c));
    if (best === undefined || d < best.d) best = { c, d };
  }
  return best !== undefined && best.d <= Math.max(1, Math.round(q.length / 3)) ? best.c : undefined;
}

/** ` (did you mean "x"?)`, or nothing. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const hit = closest(input, candidates);
  return hit === undefined ? '' : ` (did you mean "${hit}"?)`;
}

/** Codes people often write instead of the ISO one. */
const COMMON_COUNTRY_MISTAKES: Record<string, string> = { UK: 'GB', EN: 'GB', EL: 'GR' };

export function countryHint(code: string): string {
  const iso = COMMON_COUNTRY_MISTAKES[code];
  return iso === undefined ? '' : ` (did you mean ${iso}?)`;
}
