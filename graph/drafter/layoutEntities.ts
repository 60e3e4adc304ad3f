// The `organizations` and `people` sections of a draft: each entry matched against the graph (same names and
// aliases after normalisation, the same country preferred), values the text leaves open filled from the graph
// only where it holds them, and checks for the rest.
import { normalizePersonName, normalizeText } from '../normalize';
import type { Assembly } from './found';
import type { GraphMatch } from './graphLookup';
import type { FoundOrg } from './orgs';
import type { FoundPerson } from './people';
import { lineColumn } from './text';

export interface MatchRow {
  path: string;
  name: string;
  nodeId: string | null;
  isNew: boolean;
}

/** The graph entity an entry is, by any of its names: one of its country if several answer. */
export function graphMatch(
  a: Assembly,
  label: string,
  names: string[],
  country?: string,
): GraphMatch | undefined {
  const norm = label === 'Person' ? normalizePersonName : normalizeText;
  const all = names.flatMap((n) => a.graph.byName.get(`${label}|${norm(n)}`) ?? []);
  // Entities are told apart by country: one of another country is another entity, never a match.
  const pool = country === undefined ? all : all.filter((m) => m.countries.includes(country));
  const ids = new Set(pool.map((m) => m.id));
  return ids.size === 1 ? pool[0] : undefined;
}

function orgCountry(a: Assembly, o: FoundOrg, i: number, m: GraphMatch | undefined): Record<string, unknown> {
  const { rec } = a;
  if (o.countries.length > 1) return { countries: o.countries };
  const mine = o.countries[0];
  if (mine !== undefined) {
    const confidence = o.countryRemark ? 0.5 : o.countrySpan ? 0.85 : 0.7;
    rec.cite(
      `organizations[${i}].country`,
      mine,
      o.countrySpan ?? o.mentions[0],
      confidence,
      o.countryRemark,
    );
    return { country: mine };
  }
  if (m && m.countries.length === 1) {
    rec.cite(`organizations[${i}].country`, m.countries[0], o.mentions[0], 0.8, `from the graph (${m.id})`);
    return { country: m.countries[0] };
  }
  const staff = a.found.people.find((p) => p.organization?.value === o.name && p.country);
  if (staff?.country) {
    rec.cite(
      `organizations[${i}].country`,
      staff.country.value,
      staff.country.span,
      0.6,
      `the country of ${staff.name.value}`,
    );
    return { country: staff.country.value };
  }
  rec.check(
    `organizations[${i}].country`,
    `no country found for ${o.name}: add country (or countries, or neither for an international body)`,
  );
  return {};
}

export function layoutOrganizations(a: Assembly, matches: MatchRow[]): Record<string, unknown>[] {
  const { rec } = a;
  return a.found.orgs.map((o, i) => {
    const path = `organizations[${i}]`;
    const m = graphMatch(a, 'Organization', [o.name, ...o.aliases], o.countries[0]);
    matches.push({ path, name: o.name, nodeId: m?.id ?? null, isNew: m === undefined });
    rec.cite(`${path}.name`, o.name, o.mentions[0], 0.8);
    const out: Record<string, unknown> = { name: o.name, ...orgCountry(a, o, i, m) };
    out.kind = m?.kind ?? o.kind;
    rec.cite(
      `${path}.kind`,
      out.kind,
      o.mentions[0],
      m?.kind ? 0.9 : o.kindConfidence,
      m?.kind ? 'as in the graph' : 'from the name',
    );
    if (o.aliases.length > 0) out.aliases = o.aliases;
    o.aliases.forEach((al, k) =>
      rec.cite(`${path}.aliases[${k}]`, al, o.mentions.find((x) => x.text === al) ?? o.mentions[0], 0.8),
    );
    if (o.partOf) {
      out.partOf = o.partOf.name;
      rec.cite(`${path}.partOf`, o.partOf.name, o.partOf.span, 0.75);
    } else if (m && m.parents.length === 1) {
      out.partOf = m.parents[0];
      rec.cite(`${path}.partOf`, out.partOf, o.mentions[0], 0.7, `the graph has ${o.name} part of it`);
    }
    return out;
  });
}

const CONTENT = (s: string) =>
  normalizeText(s)
    .split(' ')
    .filter((w) => w.length >= 4 && !['ministry', 'department', 'affairs', 'office'].includes(w));

/** The organisation of a person the text does not place: the only ministry of their country named, or a body
 *  of their country in the graph sharing a word with their title ("Home Secretary" ~ "Ministry of Home Affairs"). */
function organizationFor(
  a: Assembly,
  p: FoundPerson,
  country: string | undefined,
): { name: string; remark: string } | undefined {
  if (country === undefined) return undefined;
  const bodies = a.found.orgs.filter(
    (o) =>
      o.countries.length === 1 &&
      o.countries[0] === country &&
      (o.kind === 'ministry' || o.kind === 'department'),
  );
  if (bodies.length === 1 && bodies[0])
    return { name: bodies[0].name, remark: `the only ministry of ${country} the release names` };
  const words = new Set(CONTENT(p.title?.value ?? ''));
  const graphBodies = (a.graph.bodies.get(country) ?? []).filter((b) =>
    CONTENT(b.name).some((w) => words.has(w)),
  );
  if (graphBodies.length === 1 && graphBodies[0]) {
    return {
      name: graphBodies[0].name,
      remark: `a body of ${country} in the graph whose name shares a word with the title (${graphBodies[0].id})`,
    };
  }
  return undefined;
}

export function personCountry(a: Assembly, p: FoundPerson): string | undefined {
  if (p.country) return p.country.value;
  const org = a.found.orgs.find((o) => o.name === p.organization?.value);
  return org?.countries.length === 1 ? org.countries[0] : undefined;
}

export function layoutPeople(a: Assembly, matches: MatchRow[]): Record<string, unknown>[] {
  const { rec } = a;
  for (const p of a.found.bystanders) {
    const { line, column } = lineColumn(a.found.doc, p.name.span.start);
    rec.check(
      'people',
      `${p.name.value} (${line}:${column}) is named but given no part in the meeting: add them if they took part`,
    );
  }
  return a.found.people.map((p, i) => {
    const path = `people[${i}]`;
    const country = personCountry(a, p);
    const m = graphMatch(a, 'Person', [p.name.value], country);
    matches.push({ path, name: p.name.value, nodeId: m?.id ?? null, isNew: m === undefined });
    const out: Record<string, unknown> = { name: p.name.value };
    rec.cite(`${path}.name`, p.name.value, p.name.span, p.name.confidence);
    if (country !== undefined) {
      out.country = country;
      rec.cite(
        `${path}.country`,
        country,
        p.country?.span ?? p.organization?.span,
        p.country?.confidence ?? 0.6,
        p.country ? undefined : 'the country of the organisation',
      );
    } else rec.check(`${path}.country`, `no country found for ${p.name.value}`);
    if (p.title) {
      out.title = p.title.value;
      rec.cite(`${path}.title`, p.title.value, p.title.span, p.title.confidence);
    } else
      rec.check(`${path}.title`, `no post title found for ${p.name.value}: give it as the source states it`);
    const org = p.organization
      ? { name: p.organization.value, remark: undefined }
      : organizationFor(a, p, country);
    if (org) {
      out.organization = org.name;
      rec.cite(
        `${path}.organization`,
        org.name,
        p.organization?.span ?? p.title?.span ?? p.name.span,
        p.organization ? 0.8 : 0.5,
        org.remark,
      );
    } else
      rec.check(
        `${path}.organization`,
        `no organisation found for ${p.name.value}: look for "at …" or "of …" beside the name`,
      );
    if (p.role) {
      out.role = p.role.value;
      rec.cite(`${path}.role`, p.role.value, p.role.span, p.role.confidence);
    } else
      rec.check(
        `${path}.role`,
        `no role cue for ${p.name.value} ("led by", "co-chaired", "delegation included", "attended")`,
      );
    return out;
  });
}
