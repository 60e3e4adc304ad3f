// Posts a release writes in lower case beside a name ("led by its head, Vice Admiral …", "…, a counsellor at the
// Embassy"): read as the person's title, capitalised as readouts give titles.
import { TITLE_HEADS } from './lexicon';
import type { ReadText, Sentence, Span, Term } from './text';

const LOWER_AFTER = /^,\s*(?:a|an)\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*)\s+(?:at|of|with|in)\b/u;
const LOWER_BEFORE =
  /\b(?:its|their|his|her)\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*),\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u;

/** A post in lower case beside the name: "led by its head, Vice Admiral …", "…, a counsellor at the Embassy". */
export function lowerCaseTitle(
  doc: ReadText,
  s: Sentence,
  nameStart: number,
  nameEnd: number,
): Span | undefined {
  const after = LOWER_AFTER.exec(doc.text.slice(nameEnd, s.end));
  const before = after ? null : LOWER_BEFORE.exec(doc.text.slice(s.start, nameStart));
  const words = (after ?? before)?.[1];
  if (words === undefined || !TITLE_HEADS.has(words.split(/\s+/).pop() ?? '')) return undefined;
  const start = after
    ? nameEnd + after[0].indexOf(words, after[0].search(/\s(?:a|an)\s/u))
    : s.start + (before?.index ?? 0) + (before?.[0].indexOf(words) ?? 0);
  // The readout gives a post as a title, capitalised.
  return { start, end: start + words.length, text: words.charAt(0).toUpperCase() + words.slice(1) };
}

const bare = (t: Term) => t.text.toLowerCase().replace(/\.$/, '');

/** Words that make a rank of a post word after them ("Brigadier General", "Vice Admiral"). */
const RANK_LEADS = new Set('brigadier lieutenant lt major maj brig vice rear air'.split(' '));

/** A rank before the name ("Brigadier General"): the title when no post is stated. */
export function rankOf(doc: ReadText, words: Term[]): Span | undefined {
  const first = words[0];
  const last = words[words.length - 1];
  if (
    first === undefined ||
    last === undefined ||
    words.length < 2 ||
    !TITLE_HEADS.has(bare(last).replace(/-.*/, ''))
  )
    return undefined;
  if (!words.slice(0, -1).every((t) => RANK_LEADS.has(bare(t)))) return undefined;
  return { start: first.start, end: last.end, text: doc.text.slice(first.start, last.end) };
}
