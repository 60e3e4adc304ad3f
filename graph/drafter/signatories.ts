// Who signs, where the organisation readers cannot tell: bodies named only by a coined short name with a hyphen
// or inner capitals ("CERT-EE and NorCERT signed …"), which have no organisation word to be found by, and "the
// two sides signed", whose parties are the bodies the two heads of delegation (or co-chairs) belong to.
import { SIGNED, SIDES } from './agreements';
import type { Found } from './found';
import { orgByRef, refName } from './orgNames';
import type { FoundOrg } from './orgs';
import type { ReadText } from './text';

/** A coined name: letters (and digits) with a hyphen ("CERT-EE") or capitals after a lower-case letter
 *  ("NorCERT"); an ordinary capitalised word or an all-capitals acronym is not one. */
const COINED = /^\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)+$|^\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d]*$/u;
const LEADS = new Set(['co_chair', 'head_of_delegation']);

/** Coined names that are the whole subject of a signing ("X and Y signed"), as organisations of kind other;
 *  a hyphened part that is one of the meeting's countries' codes gives the country ("CERT-EE" → EE). */
export function coinedSignatories(doc: ReadText, orgs: FoundOrg[], countries: string[]): FoundOrg[] {
  const out: FoundOrg[] = [];
  for (const s of doc.sentences) {
    const verb = SIGNED.exec(s.text);
    if (verb === null) continue;
    const before = s.text.slice(0, verb.index);
    const subject = before.slice(before.lastIndexOf(',') + 1);
    const pieces = subject.trim().split(/\s*,\s*|\s+and\s+/);
    if (pieces.length < 2) continue;
    for (const raw of pieces) {
      const name = raw.replace(/^the\s+/i, '');
      if (!COINED.test(name) || orgByRef([...orgs, ...out], name) !== undefined) continue;
      const start = s.start + before.lastIndexOf(name);
      const code = name.split('-').find((part) => countries.includes(part));
      out.push({
        name,
        kind: 'other',
        kindConfidence: 0.6,
        countries: code === undefined ? [] : [code],
        countrySpan: code === undefined ? undefined : { start, end: start + name.length, text: name },
        aliases: [],
        mentions: [{ start, end: start + name.length, text: name }],
      });
    }
  }
  return out;
}

/** "The two sides signed …": one body per country, that of its head of delegation or co-chair, when each
 *  country's leads belong to one body; the signing is the meeting's, so its date is the meeting's. */
export function sidesAsParties(found: Found): void {
  const pair = found.dialogue.countries.map((c) => c.value);
  if (pair.length !== 2) return;
  for (const a of found.agreements) {
    if (a.parties.length > 0) continue;
    const s = a.sentences.map((i) => found.doc.sentences[i]).find((x) => x && SIDES.test(x.text));
    const cue = s === undefined ? null : SIDES.exec(s.text);
    if (s === undefined || cue === null) continue;
    const span = { start: s.start + cue.index, end: s.start + cue.index + cue[0].length, text: cue[0] };
    const bodies = pair.map((code) => {
      const leads = found.people.filter(
        (p) => p.role && LEADS.has(p.role.value) && p.country?.value === code,
      );
      const named = new Set(leads.flatMap((p) => (p.organization ? [p.organization.value] : [])));
      return named.size === 1 ? orgByRef(found.orgs, [...named][0] ?? '') : undefined;
    });
    const both = bodies.filter((b): b is FoundOrg => b !== undefined);
    if (both.length !== 2 || both[0] === both[1]) continue;
    a.parties = both.map((b) => ({ value: refName(b, found.orgs), span, confidence: 0.6 }));
    if (a.signed === undefined) a.atMeeting ??= span;
  }
}
