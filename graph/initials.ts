// Initials derived from a name of three or more significant words ("Ministry of Home Affairs" → "mha"), stored on
// its Name node so that a search for an acronym no readout stated still finds the institution. Written once, as a
// Cypher expression over the Name's normalised text: the loader, the vocabulary sync and migration 6 all use it.
// People get none: two or three initials of a person's name would collide with everything.

/** Words that initials skip ("Ministry of Home Affairs" is MHA, not MOHA). */
export const MINOR_WORDS = ['of', 'the', 'and', 'for', 'on', 'in', 'to', 'a', 'an'] as const;
/** Fewer significant words than this give no initials: "Home Office" → "ho" would match far too much. */
export const MIN_INITIALS_WORDS = 3;

const minor = `[${MINOR_WORDS.map((w) => `'${w}'`).join(', ')}]`;
// Words beginning with a letter: "6th" or "2024" contribute nothing.
const significant = (norm: string) =>
  `[w IN split(${norm}, ' ') WHERE NOT w IN ${minor} AND left(w, 1) =~ '\\\\p{L}']`;

/** Cypher: the initials of the normalised name `norm` (an expression), or null when it has too few words. */
export function initialsExpr(norm: string): string {
  return `CASE WHEN size(${significant(norm)}) >= ${MIN_INITIALS_WORDS}
  THEN reduce(s = '', w IN ${significant(norm)} | s + left(w, 1)) END`;
}

/**
 * What a query could be the initials of: one word of letters ("MHA"), or single letters apart ("M.H.A." after
 * normalisation is "m h a"); null otherwise. `norm` is the query after normalizeText.
 */
export function queryInitials(norm: string): string | null {
  const words = norm.split(' ');
  const compact = words.every((w) => w.length === 1) ? words.join('') : words.length === 1 ? norm : '';
  return compact.length >= MIN_INITIALS_WORDS && compact.length <= 12 && /^\p{L}+$/u.test(compact)
    ? compact
    : null;
}
