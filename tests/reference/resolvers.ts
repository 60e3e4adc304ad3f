// Plain graphql-js resolvers for the reference: each field of each parent object runs one statement of its own
// (tests/reference/cypher.ts). No batching, no caching, no look-ahead: slow on purpose, and easy to check by eye.
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import neo4j from 'neo4j-driver';
import { countryId, isCountryCode } from '../../graph/countries';
import { lowerBound, upperBound } from '../../graph/dates';
import { ENTITY_LABELS, ID_PREFIX, type EntityLabel } from '../../graph/model';
import * as Q from './cypher';
import { CHANGE_FIELDS, REVISIONS, toChange, type ChangeObj } from './history';
import {
  argBool,
  argInt,
  argStr,
  argStrs,
  isProps,
  num,
  optStr,
  props,
  str,
  strs,
  type Args,
} from './decode';
import {
  toEntity,
  type AgreementObj,
  type AttendanceObj,
  type ClaimObj,
  type ConnectionObj,
  type CounterpartObj,
  type CountryObj,
  type DialogueObj,
  type DiscussedThemeObj,
  type EntityObj,
  type ListName,
  type Of,
  type OrganizationObj,
  type PageItem,
  type PartyObj,
  type PersonObj,
  type PositionObj,
  type RelationObj,
  type SeriesObj,
  type SourceObj,
  type ThemeObj,
  type TimelineObj,
} from './objects';

export type Row = Record<string, unknown>;
/** Runs one statement in its own read transaction. */
export type Run = (cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;

/** An error the API is expected to answer with this code (a client mistake, a missing id…). */
export class ExpectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const badInput = (message: string) => new ExpectedError('BAD_USER_INPUT', message);

/** The root fields the reference answers; the generator draws only from these. */
export const ROOT_FIELDS = [
  'node',
  'nodes',
  'person',
  'organization',
  'dialogue',
  'agreement',
  'theme',
  'country',
  'countries',
  'source',
  'sources',
  'people',
  'organizations',
  'dialogues',
  'agreements',
  'themes',
  'commonThemes',
  'timeline',
] as const;

// Limits of the public contract (schema descriptions and the API's documented bounds).
const MAX_PAGE = 200;
const MAX_NODE_IDS = 500;
const COMMON_THEMES_IDS = { min: 2, max: 20 };
const TIMELINE_MAX_COUNTRIES = 20;
const TIMELINE_MAX_ENTRIES = 1000;

export function labelFromId(id: string): EntityLabel | undefined {
  const prefix = id.split(':', 1)[0];
  return ENTITY_LABELS.find((l) => ID_PREFIX[l] === prefix);
}

/** EntityType enum value for a label: DialogueSeries → DIALOGUE_SERIES. */
export function entityTypeOf(label: string): string {
  return label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function encodeCursor(key: unknown, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { key: unknown; id: string } {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string')
    return { key: v[0] as unknown, id: v[1] };
  throw badInput('after: not a cursor returned by this API');
}

/** The period a Date argument covers, as first and last day; both null without the argument. */
function periodOf(at: string | null): { from: string | null; to: string | null } {
  return at === null ? { from: null, to: null } : { from: lowerBound(at), to: upperBound(at) };
}

type Resolver<P> = (parent: P, args: Args) => unknown;

export function attachResolvers(schema: GraphQLSchema, run: Run): void {
  // --- Reading entities

  const entities = async (cypher: string, params: Record<string, unknown>): Promise<EntityObj[]> =>
    (await run(cypher, params)).flatMap((r) => toEntity(r.labels, r.props) ?? []);

  const ofType =
    <L extends EntityLabel>(label: L) =>
    (e: EntityObj): e is Of<L> =>
      e.__typename === label;

  const typed = async <L extends EntityLabel>(label: L, cypher: string, params: Record<string, unknown>) =>
    (await entities(cypher, params)).filter(ofType(label));

  const one = async <L extends EntityLabel>(label: L, id: string | null): Promise<Of<L> | null> =>
    id === null ? null : ((await typed(label, Q.entityById(label), { id }))[0] ?? null);

  /** An entity an edge points at: its absence is a broken graph, which the API reports as an internal error. */
  const need = async <L extends EntityLabel>(label: L, id: string): Promise<Of<L>> => {
    const e = await one(label, id);
    if (e === null) throw new Error(`reference: ${label} ${id} is missing`);
    return e;
  };

  /** Any entity by id; the prefix names its label. */
  const anyById = async (id: string): Promise<EntityObj | null> => {
    const label = labelFromId(id);
    return label === undefined ? null : one(label, id);
  };

  const countryByCode = (code: string | null) => one('Country', code === null ? null : countryId(code));
  const countriesInOrder = (codes: string[]) =>
    typed('Country', Q.COUNTRIES_IN_ORDER, { ids: codes.map(countryId) });

  const edgeSources = (rel: string) => typed('Source', Q.SOURCES_OF_EDGE, { rel });
  const mentions = (label: EntityLabel, id: string) => typed('Source', Q.mentionsOf(label), { id });
  const toClaims = (rows: Row[]): ClaimObj[] =>
    rows.map((r) => ({ sourceId: str(r.sourceId), text: str(r.text) }));
  const entityClaims = async (label: EntityLabel, id: string) =>
    toClaims(await run(Q.claimsOnEntity(label), { id }));
  const edgeClaims = async (rel: string) => toClaims(await run(Q.CLAIMS_ON_EDGE, { rel }));

  const relations = async (label: EntityLabel, id: string, args: Args): Promise<RelationObj[]> => {
    const types = argStrs(args, 'types');
    const rows = await run(Q.relationsOf(label), { id, types: types && types.length > 0 ? types : null });
    return rows.map((r) => {
      // Provenance has its own field; `claims` and `claim` are the write path's internal record.
      const { sources: _sources, claims: _claims, claim: _claim, via: _via, ...rest } = props(r.props);
      return {
        rel: str(r.rel),
        type: str(r.type),
        direction: r.direction === 'IN' ? 'IN' : 'OUT',
        nodeId: str(r.nodeId),
        properties: rest,
      };
    });
  };

  const toPosition = (r: Row): PositionObj => {
    const p = props(r.props);
    return {
      rel: str(r.rel),
      personId: str(r.personId),
      organizationId: str(r.organizationId),
      title: str(p.title),
      from: optStr(p.from),
      to: optStr(p.to),
      attestedFrom: optStr(p.attestedFrom),
      attestedTo: optStr(p.attestedTo),
    };
  };
  const toAttendance = (r: Row): AttendanceObj => {
    const p = props(r.props);
    return {
      rel: str(r.rel),
      personId: str(r.personId),
      dialogueId: str(r.dialogueId),
      role: str(p.role),
      title: optStr(p.title),
      onBehalfOf: optStr(p.onBehalfOf),
      country: optStr(p.country),
    };
  };

  // --- Lists

  const page = async (c: ConnectionObj): Promise<{ items: PageItem[]; hasNextPage: boolean }> => {
    const rows = await run(Q.listPage(Q.LISTS[c.list]), {
      ...c.filters,
      afterKey: c.afterKey,
      afterId: c.afterId,
      limit: neo4j.int(c.first + 1),
    });
    const items = rows.slice(0, c.first).flatMap((r): PageItem[] => {
      const node = toEntity(r.labels, r.props);
      return node ? [{ cursor: encodeCursor(r.k, node.id), node }] : [];
    });
    return { items, hasNextPage: rows.length > c.first };
  };

  const connection = (list: ListName, args: Args, filters: Record<string, unknown>): ConnectionObj => {
    const first = argInt(args, 'first');
    if (first === null || !Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
      throw badInput(`first: must be between 0 and ${MAX_PAGE}`);
    }
    const after = argStr(args, 'after');
    const cursor = after ? decodeCursor(after) : null;
    return { list, filters, first, afterKey: cursor?.key ?? null, afterId: cursor?.id ?? null };
  };

  const upper = (v: string | null) => (v === null ? null : v.toUpperCase());

  // --- commonThemes and timeline

  const commonThemes = async (args: Args): Promise<ThemeObj[]> => {
    const ids = [...new Set(argStrs(args, 'ids') ?? [])];
    if (ids.length < COMMON_THEMES_IDS.min || ids.length > COMMON_THEMES_IDS.max) {
      throw badInput(`ids: give between ${COMMON_THEMES_IDS.min} and ${COMMON_THEMES_IDS.max} different ids`);
    }
    if (ids.some((id) => labelFromId(id) === 'Source'))
      throw badInput('ids: a source document has no themes');
    const sets: string[][] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const label = labelFromId(id);
      const [row] =
        label === undefined || label === 'Source' ? [] : await run(Q.DIRECT_THEMES[label], { id });
      if (row === undefined || row.found !== true) {
        missing.push(id);
        continue;
      }
      const direct = [...new Set(strs(row.themes))];
      const widened = direct.length === 0 ? [] : await run(Q.WITH_BROADER, { ids: direct });
      sets.push(widened.map((r) => str(r.id)));
    }
    if (missing.length > 0)
      throw new ExpectedError('NOT_FOUND', `ids: no entity with id ${missing.join(', ')}`);
    const [firstSet = [], ...rest] = sets;
    const shared = firstSet.filter((t) => rest.every((s) => s.includes(t)));
    return shared.length === 0 ? [] : typed('Theme', Q.THEMES_BY_IDS, { ids: shared });
  };

  const dialogueLabel = (d: DialogueObj): string => {
    // The year is dropped from a name that starts with it, since the date shows it.
    const year = d.startDate.slice(0, 4);
    const short = d.name.startsWith(`${year} `) ? d.name.slice(year.length + 1) : d.name;
    return `${d.startDate} · ${short}${d.city ? ` (${d.city})` : ''}`;
  };

  const overlaps = (start: string, end: string, from: string | null, to: string | null) =>
    (from === null || end >= from) && (to === null || start <= to);

  /** Chronological: first possible day, coarser dates first, a dialogue before what it concluded, then id. */
  const chronological = (a: TimelineObj, b: TimelineObj): number => {
    const keys = (t: TimelineObj) => [
      lowerBound(t.date),
      String(t.date.length).padStart(2, '0'),
      t.kind === 'DIALOGUE' ? '0' : '1',
      t.id,
    ];
    const [ka, kb] = [keys(a), keys(b)];
    for (let i = 0; i < ka.length; i += 1) {
      const [x = '', y = ''] = [ka[i], kb[i]];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

  const timeline = async (args: Args): Promise<TimelineObj[]> => {
    const codes = [...new Set((argStrs(args, 'countries') ?? []).map((c) => c.trim().toUpperCase()))];
    if (codes.length > TIMELINE_MAX_COUNTRIES)
      throw badInput(`countries: give at most ${TIMELINE_MAX_COUNTRIES}`);
    if (codes.some((c) => !isCountryCode(c))) throw badInput('countries: not ISO 3166-1 alpha-2 codes');
    const from = periodOf(argStr(args, 'from')).from;
    const to = periodOf(argStr(args, 'to')).to;
    if (from !== null && to !== null && from > to)
      throw badInput('from, to: the period ends before it starts');
    const params = { countries: codes.length > 0 ? codes : null };
    const dialogues = (await typed('Dialogue', Q.TIMELINE_DIALOGUES, params))
      .filter((d) => overlaps(lowerBound(d.startDate), upperBound(d.endDate ?? d.startDate), from, to))
      .map((d): TimelineObj => ({ date: d.startDate, kind: 'DIALOGUE', id: d.id, label: dialogueLabel(d) }));
    const agreements = (await typed('Agreement', Q.TIMELINE_AGREEMENTS, params)).flatMap(
      (a): TimelineObj[] =>
        a.signedOn !== null && overlaps(lowerBound(a.signedOn), upperBound(a.signedOn), from, to)
          ? [{ date: a.signedOn, kind: 'AGREEMENT', id: a.id, label: `${a.signedOn} · ${a.name}` }]
          : [],
    );
    return [...dialogues, ...agreements].sort(chronological).slice(0, TIMELINE_MAX_ENTRIES);
  };

  /** person(id:), organization(id:)…: exactly one of id and name; by name is outside the reference's scope. */
  const byId =
    <L extends EntityLabel>(label: L): Resolver<unknown> =>
    (_, args) => {
      const id = argStr(args, 'id');
      const name = argStr(args, 'name');
      if ((id === null) === (name === null)) throw badInput('Give exactly one of id or name.');
      if (id === null) throw new Error('reference: lookups by name are not modelled');
      return id.startsWith(`${ID_PREFIX[label]}:`) ? one(label, id) : null;
    };

  const listFilters: Record<ListName, (args: Args) => Record<string, unknown>> = {
    people: (args) => ({
      country: upper(argStr(args, 'country')),
      organization: argStr(args, 'organization'),
    }),
    organizations: (args) => ({
      country: upper(argStr(args, 'country')),
      kind: argStr(args, 'kind'),
      partOf: argStr(args, 'partOf'),
    }),
    dialogues: (args) => ({
      countries: argStrs(args, 'countries')?.map((c) => c.toUpperCase()) ?? null,
      theme: argStr(args, 'theme'),
      from: periodOf(argStr(args, 'from')).from,
      to: periodOf(argStr(args, 'to')).to,
    }),
    agreements: (args) => ({
      party: argStr(args, 'party'),
      kind: argStr(args, 'kind'),
      from: periodOf(argStr(args, 'from')).from,
      to: periodOf(argStr(args, 'to')).to,
    }),
    themes: (args) => ({ topLevel: argBool(args, 'topLevel'), used: argBool(args, 'used') }),
  };
  const list =
    (name: ListName): Resolver<unknown> =>
    (_, args) =>
      connection(name, args, listFilters[name](args));

  const query: Record<(typeof ROOT_FIELDS)[number], Resolver<unknown>> = {
    node: (_, args) => anyById(argStr(args, 'id') ?? ''),
    nodes: (_, args) => {
      const ids = argStrs(args, 'ids') ?? [];
      if (ids.length > MAX_NODE_IDS) throw badInput(`ids: at most ${MAX_NODE_IDS}`);
      return ids.map((id) => anyById(id));
    },
    person: byId('Person'),
    organization: byId('Organization'),
    dialogue: byId('Dialogue'),
    agreement: byId('Agreement'),
    theme: byId('Theme'),
    country: async (_, args) =>
      (
        await typed('Country', Q.COUNTRY_BY_CODE, { code: (argStr(args, 'code') ?? '').trim().toUpperCase() })
      )[0] ?? null,
    countries: () => typed('Country', Q.ALL_COUNTRIES, {}),
    source: (_, args) => {
      const id = argStr(args, 'id') ?? '';
      return id.startsWith(`${ID_PREFIX.Source}:`) ? one('Source', id) : null;
    },
    sources: (_, args) => {
      const first = argInt(args, 'first');
      if (first === null || !Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
        throw badInput(`first: must be between 0 and ${MAX_PAGE}`);
      }
      return typed('Source', Q.LATEST_SOURCES, { first: neo4j.int(first) });
    },
    people: list('people'),
    organizations: list('organizations'),
    dialogues: list('dialogues'),
    agreements: list('agreements'),
    themes: list('themes'),
    commonThemes: (_, args) => commonThemes(args),
    timeline: (_, args) => timeline(args),
  };
  on(schema, 'Query', query);

  // --- Connections: every field reads the page (or the count) again.

  const connectionFields: Record<string, Resolver<ConnectionObj>> = {
    edges: async (c) => (await page(c)).items,
    nodes: async (c) => (await page(c)).items.map((i) => i.node),
    pageInfo: async (c) => {
      const p = await page(c);
      return { hasNextPage: p.hasNextPage, endCursor: p.items[p.items.length - 1]?.cursor ?? null };
    },
    totalCount: async (c) => num((await run(Q.listCount(Q.LISTS[c.list]), c.filters))[0]?.total ?? 0),
  };
  const edgeFields: Record<string, Resolver<PageItem>> = { cursor: (e) => e.cursor, node: (e) => e.node };
  for (const t of ['Person', 'Organization', 'Dialogue', 'Agreement', 'Theme']) {
    on(schema, `${t}Connection`, connectionFields);
    on(schema, `${t}Edge`, edgeFields);
  }
  on<{ hasNextPage: boolean; endCursor: string | null }>(schema, 'PageInfo', {
    hasNextPage: (p) => p.hasNextPage,
    endCursor: (p) => p.endCursor,
  });

  // --- Entities

  on<PersonObj>(schema, 'Person', {
    id: (p) => p.id,
    name: (p) => p.name,
    aliases: (p) => p.aliases,
    mergedIds: (p) => p.mergedIds,
    country: (p) => countryByCode(p.country),
    positions: async (p, args) => {
      const { from, to } = periodOf(argStr(args, 'at'));
      return (await run(Q.PERSON_POSITIONS, { id: p.id, from, to })).map(toPosition);
    },
    dialogues: async (p) => (await run(Q.PERSON_DIALOGUES, { id: p.id })).map(toAttendance),
    counterparts: async (p) =>
      (await run(Q.PERSON_COUNTERPARTS, { id: p.id })).map((r): CounterpartObj => ({
        personId: p.id,
        otherId: str(r.id),
      })),
    sources: (p) => mentions('Person', p.id),
    claims: (p) => entityClaims('Person', p.id),
    relations: (p, args) => relations('Person', p.id, args),
  });

  on<PositionObj>(schema, 'Position', {
    person: (r) => need('Person', r.personId),
    organization: (r) => need('Organization', r.organizationId),
    title: (r) => r.title,
    from: (r) => r.from,
    to: (r) => r.to,
    attestedFrom: (r) => r.attestedFrom,
    attestedTo: (r) => r.attestedTo,
    sources: (r) => edgeSources(r.rel),
    claims: (r) => edgeClaims(r.rel),
  });

  on<AttendanceObj>(schema, 'Attendance', {
    person: (r) => need('Person', r.personId),
    dialogue: (r) => need('Dialogue', r.dialogueId),
    role: (r) => r.role,
    title: (r) => r.title,
    onBehalfOf: (r) => one('Organization', r.onBehalfOf),
    country: (r) => countryByCode(r.country),
    sources: (r) => edgeSources(r.rel),
    claims: (r) => edgeClaims(r.rel),
  });

  on<CounterpartObj>(schema, 'Counterpart', {
    person: (c) => need('Person', c.otherId),
    dialogues: (c) => typed('Dialogue', Q.COUNTERPART_DIALOGUES, { person: c.personId, other: c.otherId }),
    sources: (c) => typed('Source', Q.COUNTERPART_SOURCES, { person: c.personId, other: c.otherId }),
  });

  on<OrganizationObj>(schema, 'Organization', {
    id: (o) => o.id,
    name: (o) => o.name,
    aliases: (o) => o.aliases,
    mergedIds: (o) => o.mergedIds,
    kind: (o) => o.kind,
    // A body of several countries has no single country.
    country: (o) => (o.countries.length === 1 ? countryByCode(o.countries[0] ?? null) : null),
    countries: (o) => countriesInOrder(o.countries),
    parent: async (o) => (await typed('Organization', Q.ORG_PARENT, { id: o.id }))[0] ?? null,
    children: (o) => typed('Organization', Q.ORG_CHILDREN, { id: o.id }),
    ancestors: (o) => typed('Organization', Q.ORG_ANCESTORS, { id: o.id }),
    members: async (o, args) => {
      const { from, to } = periodOf(argStr(args, 'at'));
      return (await run(Q.ORG_MEMBERS, { id: o.id, from, to })).map(toPosition);
    },
    dialogues: (o) => typed('Dialogue', Q.ORG_DIALOGUES, { id: o.id }),
    agreements: (o) => typed('Agreement', Q.ORG_AGREEMENTS, { id: o.id }),
    sources: (o) => mentions('Organization', o.id),
    claims: (o) => entityClaims('Organization', o.id),
    relations: (o, args) => relations('Organization', o.id, args),
  });

  on<DialogueObj>(schema, 'Dialogue', {
    id: (d) => d.id,
    name: (d) => d.name,
    aliases: (d) => d.aliases,
    series: async (d) => (await typed('DialogueSeries', Q.DIALOGUE_SERIES, { id: d.id }))[0] ?? null,
    edition: (d) => d.edition,
    startDate: (d) => d.startDate,
    endDate: (d) => d.endDate,
    city: (d) => d.city,
    host: (d) => countryByCode(d.host),
    countries: (d) => countriesInOrder(d.countries),
    summary: (d) => d.summary,
    participants: async (d) => (await run(Q.DIALOGUE_PARTICIPANTS, { id: d.id })).map(toAttendance),
    themes: async (d) =>
      (await run(Q.DIALOGUE_THEMES, { id: d.id })).map((r): DiscussedThemeObj => ({
        rel: str(r.rel),
        themeId: str(r.themeId),
        notes: strs(r.notes),
      })),
    agreements: (d) => typed('Agreement', Q.DIALOGUE_AGREEMENTS, { id: d.id }),
    workingGroups: (d) => typed('Organization', Q.DIALOGUE_WORKING_GROUPS, { id: d.id }),
    sources: (d) => mentions('Dialogue', d.id),
    claims: (d) => entityClaims('Dialogue', d.id),
    relations: (d, args) => relations('Dialogue', d.id, args),
  });

  on<DiscussedThemeObj>(schema, 'DiscussedTheme', {
    theme: (r) => need('Theme', r.themeId),
    notes: (r) => r.notes,
    sources: (r) => edgeSources(r.rel),
  });

  on<SeriesObj>(schema, 'DialogueSeries', {
    id: (s) => s.id,
    name: (s) => s.name,
    aliases: (s) => s.aliases,
    editions: (s) => typed('Dialogue', Q.SERIES_EDITIONS, { id: s.id }),
    claims: (s) => entityClaims('DialogueSeries', s.id),
    relations: (s, args) => relations('DialogueSeries', s.id, args),
  });

  on<ThemeObj>(schema, 'Theme', {
    id: (t) => t.id,
    name: (t) => t.name,
    aliases: (t) => t.aliases,
    description: (t) => t.description,
    broader: (t) => typed('Theme', Q.THEME_BROADER, { id: t.id }),
    narrower: (t) => typed('Theme', Q.THEME_NARROWER, { id: t.id }),
    dialogues: (t, args) =>
      typed('Dialogue', argBool(args, 'includeNarrower') ? Q.THEME_DIALOGUES_DEEP : Q.THEME_DIALOGUES, {
        id: t.id,
      }),
    agreements: (t) => typed('Agreement', Q.THEME_AGREEMENTS, { id: t.id }),
    relations: (t, args) => relations('Theme', t.id, args),
  });

  on<AgreementObj>(schema, 'Agreement', {
    id: (a) => a.id,
    name: (a) => a.name,
    aliases: (a) => a.aliases,
    kind: (a) => a.kind,
    signedOn: (a) => a.signedOn,
    parties: async (a) =>
      (await run(Q.AGREEMENT_PARTIES, { id: a.id })).map((r): PartyObj => ({
        rel: str(r.rel),
        organizationId: str(r.organizationId),
      })),
    dialogue: async (a) => (await typed('Dialogue', Q.AGREEMENT_DIALOGUE, { id: a.id }))[0] ?? null,
    themes: (a) => typed('Theme', Q.AGREEMENT_THEMES, { id: a.id }),
    summary: (a) => a.summary,
    sources: (a) => mentions('Agreement', a.id),
    claims: (a) => entityClaims('Agreement', a.id),
    relations: (a, args) => relations('Agreement', a.id, args),
  });

  on<PartyObj>(schema, 'AgreementParty', {
    organization: (r) => need('Organization', r.organizationId),
    sources: (r) => edgeSources(r.rel),
  });

  on<CountryObj>(schema, 'Country', {
    id: (c) => c.id,
    code: (c) => c.code,
    name: (c) => c.name,
    organizations: (c) => typed('Organization', Q.COUNTRY_ORGANIZATIONS, { id: c.id }),
    people: (c) => typed('Person', Q.COUNTRY_PEOPLE, { id: c.id }),
    dialogues: (c) => typed('Dialogue', Q.COUNTRY_DIALOGUES, { id: c.id }),
    relations: (c, args) => relations('Country', c.id, args),
  });

  const labelsOfTypes = (args: Args): string[] | null => {
    const types = argStrs(args, 'types');
    if (types === null || types.length === 0) return null;
    return ENTITY_LABELS.filter((l) => types.includes(entityTypeOf(l)));
  };
  on<SourceObj>(schema, 'Source', {
    id: (s) => s.id,
    title: (s) => s.title,
    publisher: (s) => s.publisher,
    url: (s) => s.url,
    published: (s) => s.published,
    kind: (s) => s.kind,
    hash: (s) => s.hash,
    revisions: async (s) => (await run(REVISIONS, { id: s.id })).map(toChange),
    mentions: (s, args) => entities(Q.SOURCE_MENTIONS, { id: s.id, labels: labelsOfTypes(args) }),
    relations: (s, args) => relations('Source', s.id, args),
  });

  on<ChangeObj>(schema, 'Change', {
    ...Object.fromEntries(CHANGE_FIELDS.map((f) => [f, (c: ChangeObj) => c[f]])),
    source: (c) => one('Source', c.sourceId),
  });

  // A claim's JSON is the whole text on a MENTIONS link, and follows the source id and a tab in a fact's list.
  const claimJson = (c: ClaimObj): Record<string, unknown> => {
    const json = c.text.startsWith(`${c.sourceId}\t`) ? c.text.slice(c.sourceId.length + 1) : c.text;
    const v: unknown = JSON.parse(json);
    if (!isProps(v)) throw new Error(`reference: claim of ${c.sourceId} is not an object`);
    return v;
  };
  on<ClaimObj>(schema, 'Claim', {
    source: (c) => need('Source', c.sourceId),
    name: (c) => optStr(claimJson(c).name),
    names: (c) => strs(claimJson(c).names),
    // The write path's sort and range keys (sortKey, signedKey, …) are not the document's words.
    values: (c) => {
      const p = claimJson(c).props;
      const entries = isProps(p) ? Object.entries(p) : [];
      return Object.fromEntries(entries.filter(([k, v]) => v !== null && !k.endsWith('Key')));
    },
  });

  on<RelationObj>(schema, 'Relation', {
    type: (r) => r.type,
    direction: (r) => r.direction,
    node: async (r) => {
      const e = await anyById(r.nodeId);
      if (e === null) throw new Error(`reference: related node ${r.nodeId} is missing`);
      return e;
    },
    properties: (r) => r.properties,
    sources: (r) => edgeSources(r.rel),
  });

  on<TimelineObj>(schema, 'TimelineEntry', {
    date: (t) => t.date,
    kind: (t) => t.kind,
    label: (t) => t.label,
    node: async (t) => {
      const e = await anyById(t.id);
      if (e === null) throw new Error(`reference: timeline entity ${t.id} is missing`);
      return e;
    },
  });

  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('reference: no Node interface');
  node.resolveType = (value: unknown) =>
    isProps(value) && typeof value.__typename === 'string' ? value.__typename : undefined;

  assertCovered(schema);
}

function on<P>(schema: GraphQLSchema, typeName: string, resolvers: Record<string, Resolver<P>>): void {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`reference: ${typeName} is not an object type`);
  const fields = type.getFields();
  for (const [name, resolve] of Object.entries(resolvers)) {
    const field = fields[name];
    if (field === undefined) throw new Error(`reference: ${typeName}.${name} is not in the schema`);
    field.resolve = (parent: P, args: Args) => resolve(parent, args);
  }
}

/** The object types reachable from the reference's root fields (through interfaces to their implementations). */
export function typesInScope(schema: GraphQLSchema): Set<string> {
  const seen = new Set<string>();
  const queue: GraphQLNamedType[] = [];
  const visit = (t: GraphQLNamedType) => {
    if (seen.has(t.name)) return;
    seen.add(t.name);
    queue.push(t);
  };
  const root = schema.getQueryType();
  if (!root) throw new Error('reference: no Query type');
  for (const name of ROOT_FIELDS) {
    const f = root.getFields()[name];
    if (f === undefined) throw new Error(`reference: Query.${name} is not in the schema`);
    visit(getNamedType(f.type));
  }
  for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
    if (isInterfaceType(t)) schema.getPossibleTypes(t).forEach(visit);
    if (isObjectType(t) || isInterfaceType(t)) {
      for (const f of Object.values(t.getFields())) visit(getNamedType(f.type));
    }
  }
  return seen;
}

/** Every field of every object type in scope must have its own resolver: nothing is answered by accident. */
function assertCovered(schema: GraphQLSchema): void {
  const missing: string[] = [];
  for (const name of typesInScope(schema)) {
    const t = schema.getType(name);
    if (!isObjectType(t)) continue;
    for (const f of Object.values(t.getFields())) {
      if (f.resolve === undefined) missing.push(`${name}.${f.name}`);
    }
  }
  if (missing.length > 0) throw new Error(`reference: fields without a resolver: ${missing.join(', ')}`);
}
