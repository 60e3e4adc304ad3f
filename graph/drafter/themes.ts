// Themes from data/themes.yaml found in a release: a vocabulary name or alias in the text, word for word up to
// inflection ("illegal entries" → irregular migration), or all its words within one sentence in any order and
// form ("smugglers who prey on … migrants" → people smuggling). Words inside organisation and dialogue names do
// not count. A broad theme named only loosely in a sentence that also names a narrower one is left to that one,
// since readouts tag the most specific theme.
import { normalizeText } from '../normalize';
import { loadVocabulary, type Vocabulary } from '../themes';
import { STOP, stemOf, tokens, type Token } from './stems';
import type { ReadText, Sentence, Span } from './text';
import { CUES, DISPLACES, GATES, NARROWER } from './themeCues';

export interface FoundTheme {
  id: string;
  name: string;
  span: Span;
  sentence: number;
  confidence: number;
}

interface Entry {
  id: string;
  words: string[];
  stems: string[];
  content: string[];
  isName: boolean;
  acronym: boolean;
}

let entries: Entry[] | undefined;

function vocabularyEntries(vocab: Vocabulary): Entry[] {
  entries ??= vocab.themes.flatMap((t) =>
    [t.name, ...t.aliases].map((n) => {
      const words = normalizeText(n).split(' ');
      const stems = words.map(stemOf);
      return {
        id: t.id,
        words,
        stems,
        content: stems.filter((s, i) => !STOP.has(words[i] ?? '')),
        isName: n === t.name,
        acronym: /^[A-Z0-9-]{2,}$/.test(n),
      };
    }),
  );
  return entries;
}

interface Hit {
  id: string;
  from: number;
  to: number;
  confidence: number;
}

/** Word-for-word matches (up to inflection) at position i; a single word must be spelt the same or be its plural. */
function exactAt(e: Entry, toks: Token[], i: number): Hit | undefined {
  if (i + e.stems.length > toks.length) return undefined;
  let same = true;
  for (let k = 0; k < e.stems.length; k++) {
    const t = toks[i + k] as Token;
    if (t.stem !== e.stems[k]) return undefined;
    if (t.word !== e.words[k]) same = false;
  }
  const first = toks[i] as Token;
  if (e.acronym && first.surface.replace(/['’]s$/, '') !== e.words.join(' ').toUpperCase()) return undefined;
  if (
    e.stems.length === 1 &&
    !same &&
    !(first.plural && first.word.startsWith(e.words[0]?.slice(0, -1) ?? ''))
  )
    return undefined;
  const confidence = same ? (e.isName ? 0.95 : 0.85) : 0.75;
  return { id: e.id, from: i, to: i + e.stems.length - 1, confidence };
}

/** All the entry's words within one sentence, in any order and form, at most ten words apart. */
function bagIn(e: Entry, toks: Token[], used: Set<number>): Hit | undefined {
  if (e.content.length < 2 || e.acronym) return undefined;
  // Each word's nearest occurrence to some occurrence of the first: "the smuggling of methamphetamine …, and
  // the movement of migrants brought in by smuggling gangs" meets "migrant smuggling" at its second "smuggling".
  const where = (st: string) => toks.flatMap((t, k) => (t.stem === st && !used.has(k) ? [k] : []));
  const [head, ...rest] = e.content.map(where);
  let best: Hit | undefined;
  for (const anchor of head ?? []) {
    const at = [anchor];
    for (const ks of rest) {
      const k = ks
        .filter((x) => !at.includes(x))
        .sort((x, y) => Math.abs(x - anchor) - Math.abs(y - anchor))[0];
      if (k === undefined) return undefined;
      at.push(k);
    }
    const from = Math.min(...at);
    const to = Math.max(...at);
    if (to - from <= 10 && (best === undefined || to - from < best.to - best.from))
      best = { id: e.id, from, to, confidence: 0.6 };
  }
  return best;
}

function sentenceHits(toks: Token[], list: Entry[]): Hit[] {
  const exact: Hit[] = [];
  for (let i = 0; i < toks.length; i++)
    for (const e of list) {
      const h = exactAt(e, toks, i);
      if (h) exact.push(h);
    }
  exact.sort((a, b) => b.to - b.from - (a.to - a.from) || b.confidence - a.confidence);
  const used = new Set<number>();
  const hits: Hit[] = [];
  for (const h of exact) {
    let free = true;
    for (let k = h.from; k <= h.to; k++) if (used.has(k)) free = false;
    if (!free) continue;
    for (let k = h.from; k <= h.to; k++) used.add(k);
    hits.push(h);
  }
  for (const e of list) {
    if (hits.some((h) => h.id === e.id)) continue;
    const h = bagIn(e, toks, used);
    if (h) hits.push(h);
  }
  return hits;
}

const inside = (t: Token, spans: readonly Span[]) => spans.some((s) => t.start >= s.start && t.end <= s.end);

/** Every vocabulary theme the release names, once each (its best evidence), broad umbrella mentions dropped. */
export function findThemes(doc: ReadText, names: readonly Span[], vocab = loadVocabulary()): FoundTheme[] {
  const list = vocabularyEntries(vocab);
  const found: FoundTheme[] = [];
  for (const s of doc.sentences) {
    const toks = tokens(s).filter((t) => !inside(t, names));
    const masked = maskNames(s, names);
    const here: FoundTheme[] = [];
    for (const h of sentenceHits(toks, list)) {
      const a = toks[h.from] as Token;
      const b = toks[h.to] as Token;
      const t = vocab.byId.get(h.id);
      const gate = GATES[h.id];
      if (t === undefined || (gate !== undefined && !gate.test(masked))) continue;
      const span = { start: a.start, end: b.end, text: doc.text.slice(a.start, b.end) };
      here.push({ id: h.id, name: t.name, span, sentence: s.index, confidence: h.confidence });
    }
    found.push(...withCues(here, s, masked, vocab));
  }
  return bestPerTheme(dropUmbrellas(found, vocab));
}

/** The sentence's text with the names in it blanked out (same length, so offsets hold). */
function maskNames(s: Sentence, names: readonly Span[]): string {
  let text = s.text;
  for (const n of names) {
    if (n.end <= s.start || n.start >= s.end) continue;
    const from = Math.max(0, n.start - s.start);
    const to = Math.min(text.length, n.end - s.start);
    text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return text;
}

/** A sentence's vocabulary hits with the cue themes added and the readings they displace dropped. */
function withCues(here: FoundTheme[], s: Sentence, masked: string, vocab: Vocabulary): FoundTheme[] {
  const ids = new Set(here.map((f) => f.id));
  for (const cue of CUES) {
    if (ids.has(cue.id) || (NARROWER[cue.id] ?? []).some((n) => ids.has(n))) continue;
    const first = cue.all[0]?.exec(masked);
    const t = vocab.byId.get(cue.id);
    if (first == null || t === undefined || !cue.all.every((re) => re.test(masked))) continue;
    const start = s.start + first.index;
    const span = { start, end: start + first[0].length, text: first[0] };
    here.push({ id: cue.id, name: t.name, span, sentence: s.index, confidence: 0.7 });
    ids.add(cue.id);
  }
  const displaced = new Set([...ids].flatMap((id) => DISPLACES[id] ?? []));
  return here.filter((f) => !displaced.has(f.id));
}

function ancestors(vocab: Vocabulary, id: string, out = new Set<string>()): Set<string> {
  for (const b of vocab.byId.get(id)?.broader ?? []) {
    if (out.has(b)) continue;
    out.add(b);
    ancestors(vocab, b, out);
  }
  return out;
}

function dropUmbrellas(found: FoundTheme[], vocab: Vocabulary): FoundTheme[] {
  const umbrella = (f: FoundTheme) =>
    f.confidence < 0.95 &&
    found.some((g) => g.sentence === f.sentence && g.id !== f.id && ancestors(vocab, g.id).has(f.id));
  const keep = new Set(found.filter((f) => !umbrella(f)).map((f) => f.id));
  return found.filter((f) => keep.has(f.id));
}

function bestPerTheme(found: FoundTheme[]): FoundTheme[] {
  const best = new Map<string, FoundTheme>();
  for (const f of found) {
    const b = best.get(f.id);
    if (b === undefined || f.confidence > b.confidence) best.set(f.id, f);
  }
  return [...best.values()].sort((a, b) => a.span.start - b.span.start);
}
