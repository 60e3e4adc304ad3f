// What follows an organisation's name in the text and belongs to it: short names in brackets ("(NPA)",
// "(Bundeskriminalamt, BKA)"), a popular name ("popularly known as the Hawks"), and an "in …" that goes on with
// the name ("Embassy of Morocco in Paris", "Police Academy in Szczytno", "… Trafficking in Persons").
import { placeCountry } from './cities';
import { countryCode } from './lexicon';
import type { FoundOrg } from './orgs';
import type { ReadText } from './text';

/** The short names in brackets right after a run: "National Police Agency (NPA)", "(Bundeskriminalamt, BKA)",
 *  "(A05)"; one or two single words, neither a country nor a number. */
export function bracketed(doc: ReadText, end: number): string[] {
  const m = /^\s*\(([^()]{2,40})\)/.exec(doc.text.slice(end, end + 44));
  const parts = (m?.[1] ?? '').split(/\s*,\s*/);
  const ok = (w: string) => /^\p{Lu}[\p{L}\d&.]{1,19}$/u.test(w) && countryCode(w) === undefined;
  return m !== null && parts.length <= 2 && parts.every(ok) ? parts : [];
}

const IN_WORDS = /^ in (\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)/u;

/** "Embassy of Morocco in Paris", "Police Academy in Szczytno", "Working Group on Trafficking in Persons": an
 *  "in" that continues a name (a known town after an embassy or academy; the subject of a joint body). */
export function extendWithPlace(doc: ReadText, org: FoundOrg): void {
  const m = org.mentions[0];
  if (m === undefined) return;
  const hit = IN_WORDS.exec(doc.text.slice(m.end, m.end + 40));
  const words = hit?.[1];
  if (words === undefined) return;
  const place = placeCountry(words) !== undefined && countryCode(words) === undefined;
  // "Embassy of Argentina in Italy": an embassy is named after the country it is in as well as after a city.
  const host = org.kind === 'other' && /^Embassy\b/.test(org.name) && countryCode(words) !== undefined;
  // A subject after "for"/"on" may go on with "in" ("Agency for the Prohibition of Trafficking in Persons").
  const subject = org.kind === 'working_group' || / (?:for|on) /.test(org.name);
  const fits = subject ? !place : host || (place && ['other', 'academy'].includes(org.kind));
  if (!fits) return;
  const end = m.end + (hit?.[0].length ?? 0);
  org.name = doc.text.slice(m.start, end);
  org.mentions[0] = { start: m.start, end, text: org.name };
  // A body named after its town is of that town's country; an embassy is of the country it represents.
  const code = placeCountry(words);
  if (org.kind !== 'other' && org.countries.length === 0 && code !== undefined) {
    org.countries = [code];
    org.countrySpan = { start: end - words.length, end, text: words };
  }
}

const KNOWN_AS =
  /^\s*(?:\([^()]{1,40}\))?\s*,?\s*(?:popularly |commonly |also |better |widely )?known as (?:the )?(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)/u;

/** "The Directorate for Priority Crime Investigation (DPCI), popularly known as the Hawks": a popular name. */
export function knownAs(doc: ReadText, org: FoundOrg): void {
  const m = org.mentions[0];
  if (m === undefined) return;
  const hit = KNOWN_AS.exec(doc.text.slice(m.end, m.end + 120));
  const alias = hit?.[1];
  if (hit === null || alias === undefined || org.aliases.includes(alias)) return;
  const start = m.end + hit[0].length - alias.length;
  org.aliases.push(alias);
  org.mentions.push({ start, end: start + alias.length, text: alias });
}
