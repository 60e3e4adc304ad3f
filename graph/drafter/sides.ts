// Countries the text gives only by implication, in a meeting of two countries: a co-chair or head of
// delegation whose counterpart's country is known is of the other country; an organisation that signs with a
// body of one country is of the other. Each is marked as inferred, with the words it rests on.
import type { Found } from './found';
import { orgByRef } from './orgNames';

const LEADS = new Set(['co_chair', 'head_of_delegation']);

export function inferSides(found: Found): void {
  const pair = found.dialogue.countries.map((c) => c.value);
  if (pair.length !== 2) return;
  const other = (code: string) => pair.find((c) => c !== code);
  const leads = found.people.filter((p) => p.role && LEADS.has(p.role.value));
  for (const p of leads) {
    if (p.country) continue;
    const known = [...new Set(leads.filter((q) => q !== p && q.country).map((q) => q.country?.value))];
    const code = known.length === 1 && known[0] !== undefined ? other(known[0]) : undefined;
    if (code !== undefined && p.role) p.country = { value: code, span: p.role.span, confidence: 0.5 };
  }
  for (const a of found.agreements) {
    const parties = a.parties.map((p) => ({ p, org: orgByRef(found.orgs, p.value) }));
    for (const { p, org } of parties) {
      if (org === undefined || org.countries.length > 0) continue;
      const known = [
        ...new Set(parties.filter((x) => x.org && x.org !== org).flatMap((x) => x.org?.countries ?? [])),
      ];
      const code = known.length === 1 && known[0] !== undefined ? other(known[0]) : undefined;
      if (code === undefined) continue;
      org.countries = [code];
      org.countrySpan = p.span;
      org.countryRemark = 'inferred: it signed with a body of the other country';
    }
  }
}
