// The queries of the search-quality benchmark: for each entity of a fixed, deterministic sample, its exact name,
// each alias, and perturbed forms an analyst would plausibly type. Pure functions, so the same graph always gives
// the same cases (and a unit test can check them).
import { normalizePersonName, normalizeText } from '../../graph/normalize';
import { acronym, SpellingIndex } from './searchSpellings';

export { acronym } from './searchSpellings';

export interface BenchEntity {
  id: string;
  label: string;
  name: string;
  aliases: string[];
}

export const PERTURBATIONS = [
  'exact name',
  'alias',
  'lower case',
  'one typo',
  'no diacritics',
  'acronym',
  'partial name',
  'honorific added',
] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

export interface SearchCase {
  kind: Perturbation;
  text: string;
  target: string;
  /**
   * Entities the query names as well as it names the target: they may rank above it. For an exact name, alias or
   * a corrupted spelling of one (case, typo, diacritics, honorific), those sharing the name or alias; for an
   * acronym, also those with the same initials; for a partial name, also those whose name or alias holds the
   * same words together and in order.
   */
  namesakes: ReadonlySet<string>;
  /** Only those sharing the target's name or alias: the stricter measure, printed beside the other. */
  nameNamesakes: ReadonlySet<string>;
}

export interface AutocompleteCase {
  kind: 'typed prefix' | 'prefix with a typo';
  text: string;
  target: string;
  /** Entities with a name or alias beginning with what was typed (uncorrupted), and the target's namesakes. */
  namesakes: ReadonlySet<string>;
  nameNamesakes: ReadonlySet<string>;
}

/** FNV-1a: a stable hash, so the sample and each typo are the same on every run. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Every entity when there are at most `size`; otherwise the `size` with the smallest hashes of their ids. */
export function sampleEntities(entities: readonly BenchEntity[], size: number): BenchEntity[] {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length <= size) return sorted;
  return sorted
    .map((e) => ({ e, h: stableHash(e.id) }))
    .sort((a, b) => a.h - b.h || (a.e.id < b.e.id ? -1 : 1))
    .slice(0, size)
    .map((x) => x.e);
}

const normsOf = (s: string) => [...new Set([normalizeText(s), normalizePersonName(s)])];

/** Normalised spelling → the entities it names (as a name or an alias), over the whole graph. */
export function namesakeIndex(entities: readonly BenchEntity[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const s of [e.name, ...e.aliases]) {
      for (const norm of normsOf(s)) {
        const ids = index.get(norm) ?? new Set<string>();
        ids.add(e.id);
        index.set(norm, ids);
      }
    }
  }
  return index;
}

function namesakesOf(index: Map<string, Set<string>>, s: string): Set<string> {
  const out = new Set<string>();
  for (const norm of normsOf(s)) for (const id of index.get(norm) ?? []) out.add(id);
  return out;
}

const LETTERS = 'etaoinshrdlucmfwypvbgk';

/**
 * One edit (substitution, deletion, transposition or insertion) after the third letter of the longest word, a
 * word being a run of letters as normalisation sees it ("Portugal–Italy" is two words; "2024" and codes none):
 * what "one typo after the third letter" means to the product.
 */
export function oneTypo(name: string, seed: number): string | undefined {
  let best: RegExpExecArray | undefined;
  for (const m of name.matchAll(/\p{L}+/gu)) if (m[0].length > (best?.[0].length ?? 0)) best = m;
  const w = best?.[0] ?? '';
  if (best === undefined || w.length < 5) return undefined;
  const at = 3 + (seed % (w.length - 3));
  const c = w[at] ?? '';
  let typo: string;
  switch (seed % 4) {
    case 0: {
      const sub = LETTERS[(seed >>> 3) % LETTERS.length] ?? 'x';
      typo = w.slice(0, at) + (sub === c.toLowerCase() ? 'q' : sub) + w.slice(at + 1);
      break;
    }
    case 1:
      typo = w.slice(0, at) + w.slice(at + 1);
      break;
    case 2:
      typo = at + 1 < w.length ? w.slice(0, at) + (w[at + 1] ?? '') + c + w.slice(at + 2) : w.slice(0, at);
      break;
    default:
      typo = w.slice(0, at) + (LETTERS[(seed >>> 5) % LETTERS.length] ?? 'x') + w.slice(at);
  }
  if (typo.toLowerCase() === w.toLowerCase()) return undefined;
  return name.slice(0, best.index) + typo + name.slice(best.index + w.length);
}

const stripMarks = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');

function perturbed(e: BenchEntity): [Perturbation, string][] {
  const out: [Perturbation, string][] = [];
  const seed = stableHash(e.id);
  if (e.name.toLowerCase() !== e.name) out.push(['lower case', e.name.toLowerCase()]);
  const typo = oneTypo(e.name, seed);
  if (typo !== undefined) out.push(['one typo', typo]);
  if (stripMarks(e.name) !== e.name) out.push(['no diacritics', stripMarks(e.name)]);
  const acro = e.label === 'Person' || e.label === 'Theme' ? undefined : acronym(e.name);
  if (acro !== undefined) out.push(['acronym', acro]);
  const words = e.name.split(' ');
  if (words.length >= 3) out.push(['partial name', words.slice(1).join(' ')]);
  if (e.label === 'Person') out.push(['honorific added', `Dr ${e.name}`]);
  return out;
}

/** The search cases of a sample; `all` is the whole graph's entities (for namesakes). */
export function searchCases(sample: readonly BenchEntity[], all: readonly BenchEntity[]): SearchCase[] {
  const index = namesakeIndex(all);
  const spellings = new SpellingIndex(all);
  const cases: SearchCase[] = [];
  for (const e of sample) {
    const own = namesakesOf(index, e.name);
    cases.push({ kind: 'exact name', text: e.name, target: e.id, namesakes: own, nameNamesakes: own });
    for (const a of e.aliases) {
      const same = namesakesOf(index, a);
      cases.push({ kind: 'alias', text: a, target: e.id, namesakes: same, nameNamesakes: same });
    }
    for (const [kind, text] of perturbed(e)) {
      // Only an acronym or a partial name can name other entities as well as the target.
      const also =
        kind === 'acronym'
          ? spellings.withInitials(text)
          : kind === 'partial name'
            ? spellings.withPhrase(text)
            : undefined;
      const namesakes = also === undefined ? own : new Set([...own, ...also, ...namesakesOf(index, text)]);
      cases.push({
        kind,
        text,
        target: e.id,
        namesakes,
        nameNamesakes: own,
      });
    }
  }
  return cases;
}

/** What someone typing the name has typed after about 60% of it, with and without one slip after letter three. */
export function autocompleteCases(
  sample: readonly BenchEntity[],
  all: readonly BenchEntity[],
): AutocompleteCase[] {
  const index = namesakeIndex(all);
  const spellings = new SpellingIndex(all);
  const cases: AutocompleteCase[] = [];
  for (const e of sample) {
    const namesakes = namesakesOf(index, e.name);
    const typed = e.name.slice(0, Math.max(3, Math.ceil(e.name.length * 0.6))).trimEnd();
    const prefixed = new Set([...namesakes, ...spellings.withPrefix(typed)]);
    const both = { target: e.id, namesakes: prefixed, nameNamesakes: namesakes };
    cases.push({ kind: 'typed prefix', text: typed, ...both });
    const slip = oneTypo(typed, stableHash(`${e.id}|typed`));
    if (slip !== undefined) cases.push({ kind: 'prefix with a typo', text: slip, ...both });
  }
  return cases;
}

/**
 * The target's rank in a result list, not counting namesakes above it. When the target is absent but every
 * result is a namesake and the page is full, namesakes outrank everything else: counted as rank 1.
 */
export function rankOf(
  ids: readonly string[],
  c: { target: string; namesakes: ReadonlySet<string> },
  first: number,
) {
  let above = 0;
  for (const id of ids) {
    if (id === c.target) return above + 1;
    if (!c.namesakes.has(id)) above += 1;
  }
  return above === 0 && ids.length >= first ? 1 : Infinity;
}
