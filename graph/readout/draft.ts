// Second validation pass, still without the database: countries, date order, duplicates, theme vocabulary, and
// references between entries of the same readout. What cannot be resolved here is left as a name for the graph.
import { isCountryCode } from '../countries';
import { endsBefore } from '../dates';
import type { ReadoutIssue } from '../errors';
import type { AgreementKind, OrgKind, Role, SourceKind } from '../model';
import { normalizePersonName, normalizeText } from '../normalize';
import { suggestThemes, type Vocabulary } from '../themes';
import { lineAt, type LineMap } from './parse';
import type { Readout } from './schema';
import { closest, countryHint } from './suggest';

/** Where an organisation lives for name matching: "in", "in-us" for multi-country bodies, "intl" for none. */
export function orgScope(countries: string[]): string {
  return countries.length === 0
    ? 'intl'
    : [...countries]
        .map((c) => c.toLowerCase())
        .sort()
        .join('-');
}

/** An organisation reference: to an entry of this readout, or a name to look up in the graph. */
export type OrgRef =
  | { kind: 'local'; index: number }
  | { kind: 'graph'; name: string; norm: string; country: string | undefined; path: string };

export interface DraftOrg {
  name: string;
  kind: OrgKind;
  countries: string[];
  scope: string;
  aliases: string[];
  partOf: OrgRef | undefined;
}
export interface DraftPerson {
  name: string;
  norm: string;
  country: string;
  aliases: string[];
  title: string;
  role: Role;
  organization: OrgRef;
  onBehalfOf: OrgRef;
  from: string | undefined;
  to: string | undefined;
}
export interface DraftAgreement {
  name: string;
  kind: AgreementKind;
  signed: string | undefined;
  parties: OrgRef[];
  themes: string[];
  summary: string | undefined;
}
export interface Draft {
  file: string;
  /** Where each path is in the file, for issues found later against the graph. */
  lines: LineMap;
  source: {
    /** An explicit identity (`source:…`), for documents without a URL. */
    id: string | undefined;
    title: string;
    publisher: string;
    url: string | undefined;
    published: string;
    kind: SourceKind;
  };
  /** The readout in canonical form (JSON of the parsed readout) and its sha256: what the Source keeps in force. */
  canonical?: string;
  hash?: string;
  dialogue: {
    name: string;
    aliases: string[];
    series: string | undefined;
    edition: number | undefined;
    start: string;
    end: string | undefined;
    city: string | undefined;
    host: string | undefined;
    countries: string[];
    summary: string | undefined;
    workingGroups: OrgRef[];
  };
  organizations: DraftOrg[];
  people: DraftPerson[];
  themes: { id: string; note: string | undefined }[];
  agreements: DraftAgreement[];
}

/** The path of the j-th of [name, ...aliases]. */
const namePath = (path: string, j: number) => (j === 0 ? `${path}.name` : `${path}.aliases[${j - 1}]`);

export type DraftResult = { ok: true; draft: Draft } | { ok: false; issues: ReadoutIssue[] };

/**
 * Vocabulary themes to suggest for an unknown one: a near-spelling of a name or alias if there is one (a typo);
 * else themes sharing a word, then themes with a word of the same stem ("borders" finds "border management").
 */
function themeHints(vocab: Vocabulary, name: string): string[] {
  const norm = normalizeText(name);
  const spelled = closest(norm, [...vocab.byName.keys()]);
  const typo = spelled === undefined ? undefined : vocab.byId.get(vocab.byName.get(spelled) ?? '')?.name;
  if (typo !== undefined) return [typo];
  const stems = norm.split(' ').flatMap((w) => (w.length >= 5 ? [w.slice(0, 5)] : []));
  const stemmed = (t: { name: string; aliases: string[] }) =>
    [t.name, ...t.aliases].findIndex((n) =>
      normalizeText(n)
        .split(' ')
        .some((w) => stems.some((s) => w.startsWith(s))),
    );
  const byStem = vocab.themes
    .map((t) => ({ name: t.name, at: stemmed(t) }))
    .filter((t) => t.at >= 0)
    .sort((a, b) => Math.min(a.at, 1) - Math.min(b.at, 1)); // a stem in the name itself first, then in aliases
  return [...new Set([...suggestThemes(vocab, name), ...byStem.map((t) => t.name)])].slice(0, 3);
}

export function buildDraft(
  readout: Readout,
  file: string,
  vocab: Vocabulary,
  lines: LineMap = new Map(),
): DraftResult {
  const issues: ReadoutIssue[] = [];
  const fail = (path: string, message: string) =>
    issues.push({ file, path, line: lineAt(lines, path), message });
  const checkCountry = (code: string | undefined, path: string) => {
    if (code !== undefined && !isCountryCode(code)) {
      fail(
        path,
        `unknown country code ${code}${countryHint(code)}; codes are ISO 3166-1 alpha-2, listed in data/countries.json`,
      );
    }
  };
  const checkNamed = (name: string, path: string) => {
    if (normalizeText(name) === '') fail(path, 'must contain letters or digits');
  };

  const d = readout.dialogue;
  d.countries.forEach((c, i) => checkCountry(c, `dialogue.countries[${i}]`));
  if (new Set(d.countries).size !== d.countries.length) fail('dialogue.countries', 'lists a country twice');
  checkCountry(d.host, 'dialogue.host');
  if (d.host !== undefined && !d.countries.includes(d.host))
    fail('dialogue.host', 'must be one of dialogue.countries');
  if (d.end !== undefined && endsBefore(d.end, d.start))
    fail('dialogue.end', `${d.end} is before dialogue.start (${d.start})`);
  checkNamed(d.name, 'dialogue.name');
  if (d.series !== undefined) checkNamed(d.series, 'dialogue.series');

  // Organisations: normalised names and aliases must not collide within one country scope.
  const orgNames = new Map<string, number>();
  const organizations: DraftOrg[] = readout.organizations.map((o, i) => {
    const path = `organizations[${i}]`;
    if (o.country !== undefined && o.countries !== undefined)
      fail(path, 'give either country or countries, not both');
    const countries = o.countries ?? (o.country === undefined ? [] : [o.country]);
    countries.forEach((c, j) => checkCountry(c, o.countries ? `${path}.countries[${j}]` : `${path}.country`));
    if (new Set(countries).size !== countries.length) fail(`${path}.countries`, 'lists a country twice');
    const scope = orgScope(countries);
    checkNamed(o.name, `${path}.name`);
    [o.name, ...(o.aliases ?? [])].forEach((n, j) => {
      const key = `${scope}|${normalizeText(n)}`;
      const other = orgNames.get(key);
      if (other !== undefined && other !== i) {
        fail(namePath(path, j), `"${n}" also names organizations[${other}] (duplicate organisation)`);
      }
      orgNames.set(key, i);
    });
    return { name: o.name, kind: o.kind, countries, scope, aliases: o.aliases ?? [], partOf: undefined };
  });

  /** Resolves a name among this readout's organisations, preferring those of `country`. */
  const resolveOrg = (name: string, country: string | undefined, path: string): OrgRef => {
    const norm = normalizeText(name);
    const matches = readout.organizations.flatMap((o, i) =>
      [o.name, ...(o.aliases ?? [])].some((n) => normalizeText(n) === norm) ? [i] : [],
    );
    const preferred = matches.filter(
      (i) => country !== undefined && organizations[i]?.countries.includes(country),
    );
    const pick = preferred.length > 0 ? preferred : matches;
    if (pick.length === 1) return { kind: 'local', index: pick[0] ?? 0 };
    if (pick.length > 1) {
      fail(
        path,
        `"${name}" matches several organisations in this readout: ${pick.map((i) => `organizations[${i}]`).join(', ')}`,
      );
    }
    return { kind: 'graph', name, norm, country, path };
  };

  readout.organizations.forEach((o, i) => {
    const org = organizations[i];
    if (org === undefined || o.partOf === undefined) return;
    org.partOf = resolveOrg(o.partOf, org.countries[0], `organizations[${i}].partOf`);
    if (org.partOf.kind === 'local' && org.partOf.index === i)
      fail(`organizations[${i}].partOf`, 'an organisation cannot be part of itself');
  });
  // partOf cycles inside the readout (A partOf B partOf A), reported once at their first member; cycles through
  // the graph are checked when planning.
  organizations.forEach((org, start) => {
    const trail = [start];
    let at = org.partOf;
    while (at?.kind === 'local' && !trail.includes(at.index)) {
      trail.push(at.index);
      at = organizations[at.index]?.partOf;
    }
    if (at?.kind === 'local' && at.index === start && trail.length > 1 && Math.min(...trail) === start) {
      const names = [...trail, start].map((i) => organizations[i]?.name ?? '?').join(' → ');
      fail(`organizations[${start}].partOf`, `partOf forms a cycle: ${names}`);
    }
  });

  const personNames = new Map<string, number>();
  const people: DraftPerson[] = readout.people.map((p, i) => {
    const path = `people[${i}]`;
    checkCountry(p.country, `${path}.country`);
    if (p.from !== undefined && p.to !== undefined && endsBefore(p.to, p.from))
      fail(`${path}.to`, `is before ${path}.from`);
    const norm = normalizePersonName(p.name);
    if (norm === '') fail(`${path}.name`, 'is empty once honorifics and punctuation are removed');
    [p.name, ...(p.aliases ?? [])].forEach((n, j) => {
      const key = `${p.country}|${normalizePersonName(n)}`;
      const other = personNames.get(key);
      if (other !== undefined && other !== i)
        fail(namePath(path, j), `"${n}" also names people[${other}] (duplicate person)`);
      personNames.set(key, i);
    });
    const organization = resolveOrg(p.organization, p.country, `${path}.organization`);
    return {
      name: p.name,
      norm,
      country: p.country,
      aliases: p.aliases ?? [],
      title: p.title,
      role: p.role,
      organization,
      onBehalfOf:
        p.onBehalfOf === undefined ? organization : resolveOrg(p.onBehalfOf, p.country, `${path}.onBehalfOf`),
      from: p.from,
      to: p.to,
    };
  });

  const resolveTheme = (name: string, path: string): string | undefined => {
    const id = vocab.byName.get(normalizeText(name));
    if (id === undefined) {
      const hint = themeHints(vocab, name);
      fail(
        path,
        `unknown theme "${name}"${hint.length ? ` (did you mean ${hint.map((h) => `"${h}"`).join(', ')}?)` : ''}; themes come from data/themes.yaml`,
      );
    }
    return id;
  };
  const themeSeen = new Map<string, number>();
  const themes = readout.themes.flatMap((t, i) => {
    const name = typeof t === 'string' ? t : t.name;
    const id = resolveTheme(name, `themes[${i}]`);
    if (id === undefined) return [];
    const other = themeSeen.get(id);
    if (other !== undefined)
      fail(`themes[${i}]`, `"${name}" is the same theme as themes[${other}] (duplicate theme)`);
    themeSeen.set(id, i);
    return [{ id, note: typeof t === 'string' ? undefined : t.note }];
  });

  const agreementNames = new Map<string, number>();
  const agreements: DraftAgreement[] = readout.agreements.map((a, i) => {
    const path = `agreements[${i}]`;
    const key = normalizeText(a.name);
    checkNamed(a.name, `${path}.name`);
    const other = agreementNames.get(key);
    if (other !== undefined) fail(`${path}.name`, `also names agreements[${other}] (duplicate agreement)`);
    agreementNames.set(key, i);
    const parties = a.parties.map((p, j) => resolveOrg(p, undefined, `${path}.parties[${j}]`));
    const partyKeys = parties.map((p) => (p.kind === 'local' ? `#${p.index}` : `${p.norm}`));
    if (new Set(partyKeys).size !== partyKeys.length) fail(`${path}.parties`, 'lists the same party twice');
    const themes = (a.themes ?? []).flatMap((t, j) => resolveTheme(t, `${path}.themes[${j}]`) ?? []);
    if (new Set(themes).size !== themes.length) fail(`${path}.themes`, 'lists the same theme twice');
    return { name: a.name, kind: a.kind, signed: a.signed, parties, themes, summary: a.summary };
  });

  const workingGroups = (d.workingGroups ?? []).map((w, i) => {
    const ref = resolveOrg(w, undefined, `dialogue.workingGroups[${i}]`);
    if (ref.kind === 'local' && organizations[ref.index]?.kind !== 'working_group') {
      fail(`dialogue.workingGroups[${i}]`, `"${w}" is not of kind working_group`);
    }
    return ref;
  });

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    draft: {
      file,
      lines,
      source: { ...readout.source, id: readout.source.id, url: readout.source.url },
      dialogue: {
        name: d.name,
        aliases: d.aliases ?? [],
        series: d.series,
        edition: d.edition,
        start: d.start,
        end: d.end,
        city: d.city,
        host: d.host,
        countries: d.countries,
        summary: d.summary,
        workingGroups,
      },
      organizations,
      people,
      themes,
      agreements,
    },
  };
}
