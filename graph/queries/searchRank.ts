// How search and autocomplete rank: one scoring of a query against an entity's names, aliases and text, in
// bands, so that a higher band always wins whatever happens inside a lower one:
//   1.00        the whole name or alias, after normalisation (graph/normalize.ts)
//   0.97        the initials of a name or alias of three or more words (graph/initials.ts): "MHA"
//   0.80–0.95   the name begins with the query
//   0.70–0.80   the query's words are whole words of the name, together and in order ("Police Academy")
//   0.60–0.70   every word of the query is a whole word of the name, elsewhere
//   0.35–0.60   every word matches, some only as a prefix or with a typo
//   0.10–0.35   some words match
//   0.00–0.10   text found only in a document's title, a summary or notes
// Within a band, the share of the name the query covers decides. Ties: name before alias before text, then the
// entity's sort key, then its id, so the same graph always gives the same order.
import type { EntityRow } from '../model';
import { normalizePersonName, normalizeText } from '../normalize';

export type MatchedOn = 'NAME' | 'ALIAS' | 'TEXT';

export interface QueryForms {
  norm: string;
  /** With leading honorifics dropped, compared with people's names. */
  personNorm: string;
  /** Autocomplete: the last word is still being typed. */
  typing: boolean;
}

export function queryForms(text: string, typing = false): QueryForms {
  return { norm: normalizeText(text), personNorm: normalizePersonName(text), typing };
}

/** Optimal string alignment distance (adjacent swaps count as one edit), given up beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    [prev2, prev] = [prev, cur];
  }
  return prev[b.length] ?? max + 1;
}

const editsFor = (w: string) => (w.length < 4 || !/\p{L}/u.test(w) ? 0 : w.length >= 6 ? 2 : 1);

/** How well one query word matches one word of a name: 1 exact, 0.8 prefix, less with typos, 0 not at all. */
export function wordMatch(q: string, w: string, last: boolean, typing: boolean): number {
  if (q === w) return 1;
  if (w.startsWith(q) && (q.length >= 2 || last)) return 0.8;
  const edits = editsFor(q);
  if (edits > 0) {
    const d = editDistance(q, w, edits);
    if (d <= edits) return d === 1 ? 0.7 : 0.5;
  }
  // A word still being typed, one slip after its third letter: compare with the word's beginnings.
  if (typing && last && q.length >= 4 && w.startsWith(q.slice(0, 3))) {
    for (const n of [q.length - 1, q.length, q.length + 1]) {
      if (n <= w.length && editDistance(q, w.slice(0, n), 1) <= 1) return 0.6;
    }
  }
  return 0;
}

/** The score of a query against one name or alias (both normalised); 0 when nothing matches. */
export function nameScore(query: string, name: string, typing: boolean): number {
  if (query === '' || name === '') return 0;
  if (query === name) return 1;
  // A name that begins with the query: at a word boundary always, mid-word only while the word is being typed.
  if (name.startsWith(query) && (typing || name[query.length] === ' ')) {
    return 0.8 + (0.15 * query.length) / name.length;
  }
  const qs = query.split(' ');
  const ws = name.split(' ');
  const used = new Set<number>();
  let total = 0;
  let found = 0;
  let exact = true;
  for (const [qi, q] of qs.entries()) {
    let best = 0;
    let at = -1;
    for (const [wi, w] of ws.entries()) {
      if (used.has(wi)) continue;
      const m = wordMatch(q, w, qi === qs.length - 1, typing);
      if (m > best) [best, at] = [m, wi];
    }
    if (at >= 0) used.add(at);
    total += best;
    if (best > 0) found += 1;
    if (best < 1) exact = false;
  }
  if (found === 0) return 0;
  const covered = [...used].reduce((s, i) => s + (ws[i]?.length ?? 0), 0);
  const coverage = covered / ws.reduce((s, w) => s + w.length, 0);
  const quality = total / qs.length;
  if (found === qs.length && exact) return (` ${name} `.includes(` ${query} `) ? 0.7 : 0.6) + 0.1 * coverage;
  if (found === qs.length) return 0.35 + 0.25 * quality * (0.5 + 0.5 * coverage);
  return 0.1 + 0.25 * quality * (0.5 + 0.5 * coverage);
}

/** The score of text found in a document's title, a summary or notes: the share of the query's words in it. */
export function textScore(query: string, text: string): number {
  const qs = query.split(' ').filter((w) => w !== '');
  if (qs.length === 0) return 0;
  const ws = normalizeText(text).split(' ');
  const found = qs.filter((q) => ws.some((w) => w === q || w.startsWith(q))).length;
  return 0.004 + (0.095 * found) / qs.length;
}

export interface Ranked {
  entity: EntityRow;
  score: number;
  matchedOn: MatchedOn;
  /** The name, alias or piece of text that matched, as stored. */
  matched: string;
  sortKey: string;
}

/** A name whose initials the query is: below an exact name or alias, above everything else. */
export const INITIALS_SCORE = 0.97;

/**
 * The entity's best match among its name, its aliases and any other stored spellings (e.g. a country code);
 * `initialled` are the normalised spellings whose initials the query is (found by the graph).
 */
export function rankNames(
  q: QueryForms,
  entity: EntityRow,
  spellings: readonly string[],
  sortKey: string,
  initialled: readonly string[] = [],
): Ranked | undefined {
  const person = entity.__typename === 'Person';
  const norm = person ? normalizePersonName : normalizeText;
  const query = person ? q.personNorm : q.norm;
  const name = entity.__typename === 'Source' ? entity.title : entity.name;
  const aliases = 'aliases' in entity ? entity.aliases : [];
  const extra = entity.__typename === 'Country' ? [entity.code] : [];
  const known = new Set([name, ...aliases, ...extra].map(norm));
  const candidates: [MatchedOn, string][] = [
    ['NAME', name],
    ...[...aliases, ...extra].map((a): [MatchedOn, string] => ['ALIAS', a]),
    ...spellings.filter((s) => !known.has(s)).map((s): [MatchedOn, string] => ['ALIAS', s]),
  ];
  let best: Ranked | undefined;
  const byInitials = new Set(initialled);
  for (const [on, text] of candidates) {
    const spelled = norm(text);
    const score = Math.max(nameScore(query, spelled, q.typing), byInitials.has(spelled) ? INITIALS_SCORE : 0);
    if (score > 0 && (best === undefined || score > best.score))
      best = { entity, score, matchedOn: on, matched: text, sortKey };
  }
  return best;
}

const ORDER: Record<MatchedOn, number> = { NAME: 0, ALIAS: 1, TEXT: 2 };

/** Best first; the documented tie-breaks make the order total. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.score - a.score ||
    ORDER[a.matchedOn] - ORDER[b.matchedOn] ||
    (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
    (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0)
  );
}

/** One entry per entity (its best match), best first. */
export function mergeRanked(items: Iterable<Ranked>): Ranked[] {
  const best = new Map<string, Ranked>();
  for (const r of items) {
    const had = best.get(r.entity.id);
    if (had === undefined || compareRanked(r, had) < 0) best.set(r.entity.id, r);
  }
  return [...best.values()].sort(compareRanked);
}
