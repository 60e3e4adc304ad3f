// Word stems for matching text against the theme vocabulary: Porter2 (so "smuggling" and "smuggled" meet), and
// agent and doctrine endings folded too (so "smugglers" meets "smuggling", "extremists" meets "extremism").
import stem from 'wink-porter2-stemmer';
import { normalizeText } from '../normalize';
import type { Sentence } from './text';

const cache = new Map<string, string>();

export function stemOf(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = stem(word);
    const folded = s.replace(/(?:er|ist)$/, '');
    if (folded !== s && folded.length >= 4) s = folded;
    cache.set(word, s);
  }
  return s;
}

export interface Token {
  /** Normalised word. */
  word: string;
  stem: string;
  start: number;
  end: number;
  /** Exactly as in the text (for acronyms, which match only in capitals). */
  surface: string;
  /** A plural ("returns"): a single-word theme matches an inflected word only then (no tagger is run). */
  plural: boolean;
}

/** A sentence's words, normalised and stemmed; a term such as "Customs-to-Customs" gives three. */
export function tokens(s: Sentence): Token[] {
  const out: Token[] = [];
  for (const t of s.terms) {
    for (const word of normalizeText(t.text).split(' ')) {
      if (word === '') continue;
      const plural = /[^s]s$/.test(word);
      out.push({ word, stem: stemOf(word), start: t.start, end: t.end, surface: t.text, plural });
    }
  }
  return out;
}

export const STOP = new Set(['of', 'the', 'and', 'to', 'in', 'for', 'on', 'a', 'an', 'with', 'at', 'by']);
