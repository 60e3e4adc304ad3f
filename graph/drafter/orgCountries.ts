// Countries of organisations the name itself leaves open, from what the release says around it: the side a
// sentence is about ("On the Spanish side, officials of the National Police … took part"), a country right
// after the name ("the Ministry of Public Security (MPS) of Viet Nam"), the publisher the caller gave ("Ministry
// of the Interior (France)" is the Ministry of the Interior the release names), a person of a known country
// who works there, and the body it is part of. Each is cited with the words it rests on.
import { normalizeText } from '../normalize';
import type { Found } from './found';
import { countryCode } from './lexicon';
import type { FoundOrg } from './orgs';
import { sideCountries } from './personParts';

const OF_COUNTRY =
  /^\s*(?:\([^)]{1,12}\)\s*)?of\s+((?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+(?:of\s+)?(?:the\s+)?\p{Lu}[\p{L}.]*){0,3})/u;

function set(o: FoundOrg, code: string, span: FoundOrg['countrySpan'], remark: string): void {
  o.countries = [code];
  o.countrySpan = span;
  o.countryRemark = remark;
}

/** "… (MPS) of Viet Nam": the longest run of words after "of" that names a country. */
function countryAfter(found: Found, o: FoundOrg): boolean {
  for (const m of o.mentions) {
    const hit = OF_COUNTRY.exec(found.doc.text.slice(m.end, m.end + 60));
    const words = (hit?.[1] ?? '').split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const phrase = words.slice(0, n).join(' ');
      const code = countryCode(phrase.replace(/^the\s+/, ''));
      if (code === undefined) continue;
      const start = found.doc.text.indexOf(phrase, m.end);
      set(o, code, { start, end: start + phrase.length, text: phrase }, `the country named after ${m.text}`);
      return true;
    }
  }
  return false;
}

/** The side the sentence of a mention is about, named before it ("The German delegation …", "On the Kenyan side"). */
function sideOf(found: Found, o: FoundOrg): boolean {
  for (const m of o.mentions) {
    const s = found.doc.sentences.find((x) => x.start <= m.start && x.end >= m.end);
    if (s === undefined) continue;
    const sides = sideCountries(s).filter((c) => c.span.end <= m.start);
    const side = sides[sides.length - 1];
    if (side === undefined || new Set(sides.map((c) => c.value)).size > 1) continue;
    set(o, side.value, side.span, `named on the ${side.value} side`);
    return true;
  }
  return false;
}

/** The publisher the caller gave, "Name (Country)" or "Name of Country", when the release names that body. */
function publisherCountry(found: Found): void {
  const pub = found.options.publisher;
  const m = pub === undefined ? null : /^(.+?)\s*\(([^)]+)\)\s*$/.exec(pub);
  const name = m?.[1];
  const code = m?.[2] === undefined ? undefined : countryCode(m[2]);
  if (name === undefined || code === undefined) return;
  const o = found.orgs.find((x) =>
    [x.name, ...x.aliases].some((n) => normalizeText(n) === normalizeText(name)),
  );
  if (o !== undefined && o.countries.length === 0)
    set(o, code, o.mentions[0], `the publisher given for the release: ${pub ?? ''}`);
}

export function placeOrganizations(found: Found): void {
  publisherCountry(found);
  for (const o of found.orgs) {
    if (o.countries.length > 0) continue;
    if (countryAfter(found, o) || sideOf(found, o)) continue;
    const staff = found.people.find((p) => p.organization?.value === o.name && p.country);
    if (staff?.country) set(o, staff.country.value, staff.country.span, `the country of ${staff.name.value}`);
  }
  // A body and the one it is part of share a country.
  for (const o of found.orgs) {
    const parent = found.orgs.find((p) => p.name === o.partOf?.name);
    if (parent === undefined) continue;
    if (o.countries.length === 0 && parent.countries.length === 1)
      set(
        o,
        parent.countries[0] ?? '',
        parent.countrySpan,
        `the country of ${parent.name}, which it is part of`,
      );
    else if (parent.countries.length === 0 && o.countries.length === 1)
      set(parent, o.countries[0] ?? '', o.countrySpan, `the country of ${o.name}, which is part of it`);
  }
}
