// Names of one body as a release varies them: "Ministry of Justice of Argentina" and "Ministry of Justice of the
// Argentine Republic" are the Argentine "Ministry of Justice" (the country is its own field; the longer forms are
// aliases), while Argentina's and Italy's "Ministry of Justice" stay two bodies, told apart by country. Where
// two bodies share a name, a reference to one (an agreement's party) uses an alias only it has.
import { normalizeText } from '../normalize';
import { countryCode, ORG_LEADS } from './lexicon';
import type { FoundOrg } from './orgs';

/** "Ministry of the Interior and Safety of the Republic of Korea" → name without the country, full as alias. */
function dropCountryTail(o: FoundOrg): void {
  for (const m of o.name.matchAll(/ of (?:the )?/g)) {
    const base = o.name.slice(0, m.index);
    const code = countryCode(o.name.slice(m.index + m[0].length));
    if (code === undefined) continue;
    if (o.countries.join() !== code || !/ of | for /.test(base)) return;
    if (!ORG_LEADS.has((base.split(' ')[0] ?? '').toLowerCase())) return;
    o.aliases = [o.name, ...o.aliases.filter((a) => a !== o.name)];
    o.name = base;
    return;
  }
}

const key = (o: FoundOrg) => `${normalizeText(o.name)}|${o.countries.join('-')}`;

/** One entry per body: same name (once the country is dropped) and same country. */
export function mergeSameBody(orgs: FoundOrg[]): FoundOrg[] {
  const out = new Map<string, FoundOrg>();
  for (const o of orgs) {
    dropCountryTail(o);
    const seen = out.get(key(o));
    if (seen === undefined || o.countries.length === 0) {
      out.set(seen === undefined ? key(o) : `${key(o)}#${out.size}`, o);
      continue;
    }
    seen.mentions.push(...o.mentions);
    for (const a of [o.name, ...o.aliases])
      if (normalizeText(a) !== normalizeText(seen.name) && !seen.aliases.includes(a)) seen.aliases.push(a);
  }
  return [...out.values()];
}

/** Once countries are placed: a body still without one is the one body of its name that has one, if only one. */
export function mergeUnplaced(orgs: FoundOrg[]): FoundOrg[] {
  const placed = mergeSameBody(orgs);
  return placed.filter((o) => {
    if (o.countries.length > 0) return true;
    const same = placed.filter((x) => x !== o && normalizeText(x.name) === normalizeText(o.name));
    const into = same[0];
    if (same.length !== 1 || into === undefined) return true;
    into.mentions.push(...o.mentions);
    for (const a of o.aliases) if (!into.aliases.includes(a)) into.aliases.push(a);
    return false;
  });
}

/** The name that picks out this body among those found: its name, or an alias no other body has. */
export function refName(o: FoundOrg, orgs: FoundOrg[]): string {
  const others = orgs.filter((x) => x !== o);
  const taken = (n: string) =>
    others.some((x) => [x.name, ...x.aliases].some((y) => normalizeText(y) === normalizeText(n)));
  return [o.name, ...o.aliases].find((n) => !taken(n)) ?? o.name;
}

/** The body a reference names (by name or alias). */
export function orgByRef(orgs: FoundOrg[], ref: string): FoundOrg | undefined {
  const n = normalizeText(ref);
  return (
    orgs.find((o) => normalizeText(o.name) === n && refName(o, orgs) === o.name) ??
    orgs.find((o) => [o.name, ...o.aliases].some((a) => normalizeText(a) === n))
  );
}
