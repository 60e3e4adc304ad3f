// The root fields of the read path: what each one starts from. Entity lookups and plain lists are links from
// nowhere; the paginated lists reuse the keyset specs of graph/queries/lists.ts (the history's is in history.ts);
// answers an algorithm computed in TypeScript first (ranked search hits, paths, a timeline, shared themes) arrive
// as `$rows` and are projected here, so everything the selection asks below them still costs one statement.
import { periodOf } from '../dates';
import { BadInputError } from '../errors';
import { int } from '../executor';
import type { EntityLabel } from '../model';
import { LIST_SPECS } from '../queries/lists';
import { entityById } from './entityById';
import type { Link } from './fields';
import { CHANGES } from './history';

/** A keyset-paginated list: what it matches (binding `n`), what it is ordered on, and what breaks ties. */
export interface Keyset {
  /** MATCH … WHERE … binding `n`; filters read $-parameters that are null when unused. */
  match: string;
  orderKey: string;
  descending: boolean;
  /** A string unique per item, ordered on after `orderKey` and kept in the cursor; default `n.id`. */
  tie?: string;
}

export type RootSpec =
  | { kind: 'link'; link: Link }
  | {
      kind: 'connection';
      list: Keyset;
      filters: (args: Record<string, unknown>) => Record<string, unknown>;
    }
  | { kind: 'lookup'; label: EntityLabel };

export const MAX_IDS = 500;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const upper = (v: unknown): string | null => str(v)?.toUpperCase() ?? null;
const codes = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.flatMap((c) => (typeof c === 'string' ? [c.toUpperCase()] : [])) : null;

function pageSize(first: unknown, max: number): ReturnType<typeof int> {
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > max)
    throw new BadInputError(`first: must be between 0 and ${max}`);
  return int(first);
}

/** Computed rows handed over by the resolver, in their order. */
const rows = (binding: string): Link => ({
  body: `UNWIND range(0, size($rows) - 1) AS %i WITH %i, $rows[%i] AS %${binding}`,
  order: '%i',
  params: (_, extra) => ({ rows: Array.isArray(extra.rows) ? extra.rows : [] }),
  fanOut: 50,
});

const one = (label: EntityLabel, key = 'id'): RootSpec => ({
  kind: 'link',
  link: {
    body: `MATCH (%n:${label} {${key}: $value})`,
    params: (args) => ({
      value: key === 'key' ? (str(args.code)?.trim().toUpperCase() ?? null) : str(args.id),
    }),
    fanOut: 1,
  },
});

export const ROOTS: Record<string, RootSpec> = {
  node: {
    kind: 'link',
    link: {
      body: `WITH $id AS %id ${entityById('%id', '%id')}`,
      params: (a) => ({ id: str(a.id) }),
      fanOut: 1,
    },
  },
  nodes: {
    kind: 'link',
    link: {
      body: `UNWIND range(0, size($ids) - 1) AS %i WITH %i, $ids[%i] AS %id ${entityById('%id', '%id', true)}`,
      order: '%i',
      params: (a) => {
        const ids = Array.isArray(a.ids) ? a.ids.filter((x): x is string => typeof x === 'string') : [];
        if (ids.length > MAX_IDS) throw new BadInputError(`ids: at most ${MAX_IDS}`);
        return { ids };
      },
      fanOut: MAX_IDS,
    },
  },
  person: { kind: 'lookup', label: 'Person' },
  organization: { kind: 'lookup', label: 'Organization' },
  dialogue: { kind: 'lookup', label: 'Dialogue' },
  agreement: { kind: 'lookup', label: 'Agreement' },
  theme: { kind: 'lookup', label: 'Theme' },
  country: one('Country', 'key'),
  source: one('Source'),
  countries: { kind: 'link', link: { body: 'MATCH (%n:Country)', order: '%n.sortKey, %n.id', fanOut: 250 } },
  sources: {
    kind: 'link',
    link: {
      body: 'MATCH (%n:Source)',
      order: '%n.published DESC, %n.id',
      limit: '$first',
      params: (a) => ({ first: pageSize(a.first, 200) }),
      fanOut: 200,
    },
  },
  people: {
    kind: 'connection',
    list: LIST_SPECS.people,
    filters: (a) => ({ country: upper(a.country), organization: str(a.organization) }),
  },
  organizations: {
    kind: 'connection',
    list: LIST_SPECS.organizations,
    filters: (a) => ({ country: upper(a.country), kind: str(a.kind), partOf: str(a.partOf) }),
  },
  dialogues: {
    kind: 'connection',
    list: LIST_SPECS.dialogues,
    filters: (a) => ({
      countries: codes(a.countries),
      theme: str(a.theme),
      from: dateBound(a.from, 'from'),
      to: dateBound(a.to, 'to'),
    }),
  },
  agreements: {
    kind: 'connection',
    list: LIST_SPECS.agreements,
    filters: (a) => ({
      party: str(a.party),
      kind: str(a.kind),
      from: dateBound(a.from, 'from'),
      to: dateBound(a.to, 'to'),
    }),
  },
  themes: {
    kind: 'connection',
    list: LIST_SPECS.themes,
    filters: (a) => ({
      topLevel: typeof a.topLevel === 'boolean' ? a.topLevel : null,
      used: typeof a.used === 'boolean' ? a.used : null,
    }),
  },
  changes: {
    kind: 'connection',
    list: CHANGES,
    filters: (a) => ({ since: str(a.since) }),
  },
  search: { kind: 'link', link: rows('h') },
  autocomplete: { kind: 'link', link: rows('h') },
  timeline: { kind: 'link', link: rows('t') },
  paths: { kind: 'link', link: rows('p') },
  commonThemes: {
    kind: 'link',
    link: {
      body: 'UNWIND $rows AS %id MATCH (%n:Theme {id: %id})',
      order: '%n.sortKey, %n.id',
      params: (_, extra) => ({ rows: Array.isArray(extra.rows) ? extra.rows : [] }),
      fanOut: 200,
    },
  },
};

/** `from` compares with the first day of its period, `to` with the last. */
function dateBound(v: unknown, arg: 'from' | 'to'): string | null {
  const s = str(v);
  if (s === null) return null;
  const p = periodOf(s, arg);
  return arg === 'from' ? p.from : p.to;
}

/** A field below a computed answer that names one entity by id (a draft's match, an ingest report's source). */
export const ENTITY_BY_ID: RootSpec = {
  kind: 'link',
  link: {
    body: `WITH $id AS %id ${entityById('%id', '%id')}`,
    params: (_, extra) => ({ id: str(extra.id) }),
    fanOut: 1,
  },
};

/** Root fields answered outside the compiler: the subgraph export's own algorithm, and drafting/validation. */
export const UNCOMPILED_ROOTS: readonly string[] = ['subgraph', 'draftReadout', 'validateReadout'];
