// The `themes` and `agreements` sections of a draft. Notes and summaries are left empty for the person to write
// in their own words (the loader reports them until they are filled).
import type { Assembly } from './found';

export function layoutThemes(a: Assembly): Record<string, unknown>[] {
  if (a.found.themes.length > 0) {
    a.rec.check(
      'themes',
      'for each theme, say in your own words what was said about it in its note (or drop the note)',
    );
  }
  return a.found.themes.map((t, i) => {
    a.rec.cite(`themes[${i}].name`, t.name, t.span, t.confidence);
    return { name: t.name, note: '' };
  });
}

export function layoutAgreements(a: Assembly, dialogue: Record<string, unknown>): Record<string, unknown>[] {
  const { rec } = a;
  return a.found.agreements.map((g, i) => {
    const path = `agreements[${i}]`;
    const out: Record<string, unknown> = { name: g.name.value };
    rec.cite(`${path}.name`, g.name.value, g.name.span, g.name.confidence);
    if (g.nameComposed)
      rec.check(
        `${path}.name`,
        'the name was composed from the kind and the parties: use the title the release gives, if any',
      );
    out.kind = g.kind.value;
    rec.cite(`${path}.kind`, g.kind.value, g.kind.span, g.kind.confidence);
    const meetingDay =
      typeof dialogue.end === 'string'
        ? dialogue.end
        : typeof dialogue.start === 'string'
          ? dialogue.start
          : undefined;
    if (g.signed) {
      out.signed = g.signed.value;
      rec.cite(`${path}.signed`, g.signed.value, g.signed.span, g.signed.confidence);
    } else if (g.atMeeting && meetingDay !== undefined) {
      out.signed = meetingDay;
      rec.cite(`${path}.signed`, meetingDay, g.atMeeting, 0.6, 'signed at the meeting: its last day');
    } else rec.check(`${path}.signed`, 'no signing date found: leave it out if the release gives none');
    out.parties = g.parties.map((p) => p.value);
    g.parties.forEach((p, k) => rec.cite(`${path}.parties[${k}]`, p.value, p.span, p.confidence));
    if (g.parties.length < 2)
      rec.check(`${path}.parties`, 'fewer than two parties found: name the organisations that signed');
    const themes = a.found.themes.filter((t) => g.sentences.includes(t.sentence)).map((t) => t.name);
    if (themes.length > 0) out.themes = themes;
    out.summary = '';
    rec.check(`${path}.summary`, 'say in your own words what the agreement does');
    return out;
  });
}
