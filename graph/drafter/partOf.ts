// Part-of links a release states between two organisations it names ("The ACSC is part of the ASD", "an agency
// of the Ministry of …", "which reports to …", "a department of MHA"), and what such a link tells: the body's
// kind when the cue names it, and a country shared between the body and its parent.
import type { FoundOrg, OrgKind } from './orgs';
import type { ReadText } from './text';

const PART_OF =
  /^\s*\)?\s*,?\s*(?:which |that |itself )?(?:is |are )?(?:(?:a |an )?(part|component|unit|wing|division|arm|department|agency|directorate|branch|body) (?:of|under|within)|under|within|reports? to|falls? under|comes? under) (?:the )?(?:\p{Lu}[\p{L}]+['’]s )?$/iu;

/** Whether the words between two mentions say the first is part of the second. */
export const isPartOfCue = (between: string) => PART_OF.test(between);

/** The kind a cue noun states outright ("a department of", "an agency under"). */
const CUE_KIND: Record<string, OrgKind> = { department: 'department', agency: 'agency' };

/** Head words of units that, inside a ministry, are one of its departments ("… Division", "Directorate of …"). */
const UNIT_WORDS = /\b(directorate|division|bureau|unit|office)\b/i;

export function findPartOf(doc: ReadText, orgs: FoundOrg[]): void {
  const mentions = orgs
    .flatMap((o) => o.mentions.map((m) => ({ o, m })))
    .sort((a, b) => a.m.start - b.m.start);
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (a === undefined || b === undefined || a.o === b.o || a.o.partOf !== undefined) continue;
    const cue = PART_OF.exec(doc.text.slice(a.m.end, b.m.start));
    if (cue === null) continue;
    a.o.partOf = {
      name: b.o.name,
      span: { start: a.m.start, end: b.m.end, text: doc.text.slice(a.m.start, b.m.end) },
    };
    const stated = CUE_KIND[(cue[1] ?? '').toLowerCase()];
    if (stated !== undefined) {
      a.o.kind = stated;
      a.o.kindConfidence = 0.85;
    } else if (b.o.kind === 'ministry' && a.o.kind === 'agency' && UNIT_WORDS.test(a.o.name)) {
      a.o.kind = 'department';
      a.o.kindConfidence = 0.7;
    }
    shareCountry(a.o, b.o);
  }
}

/** A body and the one it is part of are of one country: the one whose country is stated gives it. */
function shareCountry(child: FoundOrg, parent: FoundOrg): void {
  if (child.countries.length === 0 && parent.countries.length === 1) {
    child.countries = parent.countries;
    child.countrySpan = parent.countrySpan ?? parent.mentions[0];
    child.countryRemark = `the country of ${parent.name}, which it is part of`;
  } else if (parent.countries.length === 0 && child.countries.length === 1) {
    parent.countries = child.countries;
    parent.countrySpan = child.countrySpan ?? child.mentions[0];
    parent.countryRemark = `the country of ${child.name}, which is part of it`;
  }
}
