// Scores a drafted readout against the expected one, field kind by field kind: each kind is a set of items, and an
// item of the draft counts when an item of the expected readout matches it (one to one). People are name + title
// + role; organisations name (or alias) + kind + country scope; dialogue fields one item each (dates, city, host,
// countries, edition, series, working groups); themes by vocabulary id; agreements kind + parties + date.
import { normalizePersonName, normalizeText } from '../../graph/normalize';
import { loadVocabulary } from '../../graph/themes';

export type Kind = 'people' | 'organizations' | 'dialogue' | 'themes' | 'agreements';
export const KINDS: Kind[] = ['people', 'organizations', 'dialogue', 'themes', 'agreements'];

export interface Tally {
  tp: number;
  predicted: number;
  expected: number;
}

/** A tally with the items that did not match, for reading a document's misses. */
export interface Scored extends Tally {
  extra: string[];
  missed: string[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Every name an organisation reference stands for in a readout: the entry's name and aliases, normalised. */
function namesOf(readout: Obj): (ref: string) => Set<string> {
  const orgs = list(readout.organizations).map(obj);
  return (ref) => {
    const n = normalizeText(ref);
    const o = orgs.find((x) => [x.name, ...list(x.aliases)].some((a) => normalizeText(str(a)) === n));
    return new Set(o ? [o.name, ...list(o.aliases)].map((a) => normalizeText(str(a))) : [n]);
  };
}

const meets = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/** One-to-one matching of two item lists under a predicate (greedy, in order). */
function tally<T>(
  predicted: T[],
  expected: T[],
  same: (p: T, e: T) => boolean,
  label: (x: T) => string,
): Scored {
  const used = new Set<number>();
  const extra: string[] = [];
  for (const p of predicted) {
    const k = expected.findIndex((e, i) => !used.has(i) && same(p, e));
    if (k < 0) extra.push(label(p));
    else used.add(k);
  }
  const missed = expected.filter((_, i) => !used.has(i)).map(label);
  return { tp: used.size, predicted: predicted.length, expected: expected.length, extra, missed };
}

const scope = (o: Obj) =>
  list(o.countries).length > 0 ? list(o.countries).map(str).sort().join('-') : str(o.country) || 'intl';

const itself = (s: string) => s;

function people(d: Obj, e: Obj): Scored {
  const key = (p: Obj) => `${normalizePersonName(str(p.name))}|${normalizeText(str(p.title))}|${str(p.role)}`;
  return tally(
    list(d.people).map((p) => key(obj(p))),
    list(e.people).map((p) => key(obj(p))),
    (a, b) => a === b,
    itself,
  );
}

function organizations(d: Obj, e: Obj): Scored {
  const item = (o: Obj) => ({
    label: `${str(o.name)}|${str(o.kind)}|${scope(o)}`,
    names: new Set([o.name, ...list(o.aliases)].map((n) => normalizeText(str(n)))),
    kind: str(o.kind),
    scope: scope(o),
  });
  type Item = ReturnType<typeof item>;
  const same = (a: Item, b: Item) => meets(a.names, b.names) && a.kind === b.kind && a.scope === b.scope;
  return tally(
    list(d.organizations).map((o) => item(obj(o))),
    list(e.organizations).map((o) => item(obj(o))),
    same,
    (x) => x.label,
  );
}

function dialogueItems(r: Obj): string[] {
  const dl = obj(r.dialogue);
  const names = namesOf(r);
  const items: string[] = [];
  for (const f of ['start', 'end', 'city', 'host', 'edition'])
    if (dl[f] !== undefined) items.push(`${f}=${normalizeText(str(dl[f]))}`);
  if (dl.series !== undefined) items.push(`series=${normalizeText(str(dl.series))}`);
  if (list(dl.countries).length > 0) items.push(`countries=${list(dl.countries).map(str).sort().join(',')}`);
  for (const w of list(dl.workingGroups)) items.push(`workingGroup=${[...names(str(w))].sort()[0] ?? ''}`);
  return items;
}

function dialogue(d: Obj, e: Obj): Scored {
  // Working groups compare by any shared name: map the draft's onto the expected readout's spelling first.
  const en = namesOf(e);
  const dn = namesOf(d);
  const expectedGroups = list(obj(e.dialogue).workingGroups).map((w) => en(str(w)));
  const predicted = dialogueItems(d).map((it) => {
    if (!it.startsWith('workingGroup=')) return it;
    const g = list(obj(d.dialogue).workingGroups)
      .map((w) => dn(str(w)))
      .find((s) => [...s].includes(it.slice(13)));
    const hit = g && expectedGroups.find((x) => meets(x, g));
    return hit ? `workingGroup=${[...hit].sort()[0] ?? ''}` : it;
  });
  return tally(predicted, dialogueItems(e), (a, b) => a === b, itself);
}

function themes(d: Obj, e: Obj): Scored {
  const vocab = loadVocabulary();
  // A theme outside the vocabulary keeps its own (marked) name: it used to become '' when written as
  // { name: … }, and two unknown themes then matched each other.
  const ids = (r: Obj) =>
    list(r.themes).map((t) => {
      const name = typeof t === 'string' ? t : str(obj(t).name);
      return vocab.byName.get(normalizeText(name)) ?? `unknown:${normalizeText(name)}`;
    });
  return tally(ids(d), ids(e), (a, b) => a === b, itself);
}

function agreements(d: Obj, e: Obj): Scored {
  const item = (r: Obj) => (a: Obj) => ({
    label: `${str(a.kind)}|${str(a.signed)}|${list(a.parties).map(str).join(' + ')}`,
    kind: str(a.kind),
    signed: str(a.signed),
    parties: list(a.parties).map((p) => namesOf(r)(str(p))),
  });
  type Item = ReturnType<ReturnType<typeof item>>;
  // Parties pair one to one (in any order): with "every … some" a draft naming one party twice matched two.
  const sameParties = (a: Item, b: Item) => tally(a.parties, b.parties, meets, () => '').missed.length === 0;
  const same = (a: Item, b: Item) =>
    a.kind === b.kind && a.signed === b.signed && a.parties.length === b.parties.length && sameParties(a, b);
  return tally(
    list(d.agreements).map((a) => item(d)(obj(a))),
    list(e.agreements).map((a) => item(e)(obj(a))),
    same,
    (x) => x.label,
  );
}

const SCORERS: Record<Kind, (d: Obj, e: Obj) => Scored> = {
  people,
  organizations,
  dialogue,
  themes,
  agreements,
};

export function scoreDraft(draft: unknown, expected: unknown): Record<Kind, Scored> {
  const out = {} as Record<Kind, Scored>;
  for (const k of KINDS) out[k] = SCORERS[k](obj(draft), obj(expected));
  return out;
}

export function addTally(a: Tally, b: Tally): Tally {
  return { tp: a.tp + b.tp, predicted: a.predicted + b.predicted, expected: a.expected + b.expected };
}

/** Precision and recall (NaN when there is nothing to divide by: nothing drafted, or nothing expected). */
export function precisionRecall(t: Tally): { precision: number; recall: number } {
  return {
    precision: t.predicted === 0 ? NaN : t.tp / t.predicted,
    recall: t.expected === 0 ? NaN : t.tp / t.expected,
  };
}
