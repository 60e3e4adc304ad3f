// Which entities a query names as well as it names its target, found by the benchmark's own reading of names
// (not the product's): the same initials, the same words together and in order, the same beginning.
import { normalizePersonName, normalizeText } from '../../graph/normalize';
import type { BenchEntity } from './searchCases';

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'a', 'an']);

/** "Federal Law Enforcement Training Centers" → "FLETC"; only for names of three or more significant words. */
export function acronym(name: string): string | undefined {
  const words = normalizeText(name)
    .split(' ')
    .filter((w) => !MINOR_WORDS.has(w) && /^\p{L}/u.test(w));
  return words.length >= 3
    ? words
        .map((w) => w[0] ?? '')
        .join('')
        .toUpperCase()
    : undefined;
}

const normOf = (e: BenchEntity, s: string) =>
  e.label === 'Person' ? normalizePersonName(s) : normalizeText(s);

export class SpellingIndex {
  private readonly byInitials = new Map<string, Set<string>>();
  private readonly byWord = new Map<string, Set<string>>();
  private readonly spellings = new Map<string, string[]>();
  /** Every normalised spelling with its entity, sorted: a prefix is a contiguous run. */
  private readonly sorted: [string, string][] = [];

  constructor(entities: readonly BenchEntity[]) {
    for (const e of entities) {
      const norms = [...new Set([e.name, ...e.aliases].map((s) => normOf(e, s)))];
      this.spellings.set(e.id, norms);
      for (const n of norms) {
        this.sorted.push([n, e.id]);
        for (const w of n.split(' ')) add(this.byWord, w, e.id);
      }
      // People are not known by initials; everything else may be.
      if (e.label === 'Person') continue;
      for (const s of [e.name, ...e.aliases]) {
        const a = acronym(s);
        if (a !== undefined) add(this.byInitials, a, e.id);
      }
    }
    this.sorted.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** Entities with a name or alias whose initials are `text`. */
  withInitials(text: string): string[] {
    return [...(this.byInitials.get(text.toUpperCase()) ?? [])];
  }

  /** Entities with a name or alias holding the words of `text` together and in order. */
  withPhrase(text: string): string[] {
    const phrase = normalizeText(text);
    const words = phrase.split(' ');
    const sets = words.map((w) => this.byWord.get(w) ?? new Set<string>());
    const rarest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    return [...rarest].filter((id) =>
      (this.spellings.get(id) ?? []).some((n) => ` ${n} `.includes(` ${phrase} `)),
    );
  }

  /** Entities with a name or alias beginning with `text`. */
  withPrefix(text: string): string[] {
    const prefix = normalizeText(text);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid]?.[0] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<string>();
    for (let i = lo; i < this.sorted.length; i++) {
      const [n, id] = this.sorted[i] ?? ['', ''];
      if (!n.startsWith(prefix)) break;
      out.add(id);
    }
    return [...out];
  }
}

function add(index: Map<string, Set<string>>, key: string, id: string) {
  const ids = index.get(key) ?? new Set<string>();
  ids.add(id);
  index.set(key, ids);
}
