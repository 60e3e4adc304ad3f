// Maps stored node properties to the row types of graph/model.ts. Queries return `labels(n)` and
// `properties(n)`, so one mapper per label serves every query; internal properties (key, sortKey…) stay behind.
import { countryId } from '../countries';
import type { EntityLabel, EntityRow } from '../model';
import { AGREEMENT_KINDS, ENTITY_LABELS, ORG_KINDS, SOURCE_KINDS } from '../model';

type Props = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const optStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
/** A stored value that must be one of a vocabulary: anything else is a data bug, reported, never passed on. */
export function member<T extends string>(values: readonly T[], v: unknown, what: string): T {
  const found = values.find((x) => x === v);
  if (found === undefined)
    throw new Error(`internal: ${what} ${JSON.stringify(v)} is not one of ${values.join(', ')}`);
  return found;
}
const optNum = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function labelOf(labels: unknown): EntityLabel | undefined {
  return strs(labels).find((l): l is EntityLabel => (ENTITY_LABELS as readonly string[]).includes(l));
}

export function toEntity(labels: unknown, p: Props): EntityRow | undefined {
  const id = str(p.id);
  const aliases = strs(p.aliases);
  switch (labelOf(labels)) {
    case 'Person':
      return { __typename: 'Person', id, name: str(p.name), aliases, country: optStr(p.country) };
    case 'Organization':
      return {
        __typename: 'Organization',
        id,
        name: str(p.name),
        aliases,
        kind: member(ORG_KINDS, p.kind, `organisation kind of ${id}`),
        countries: strs(p.countries),
      };
    case 'Country':
      return { __typename: 'Country', id, code: str(p.code), name: str(p.name) };
    case 'Dialogue':
      return {
        __typename: 'Dialogue',
        id,
        name: str(p.name),
        aliases,
        edition: optNum(p.edition),
        startDate: str(p.startDate),
        endDate: optStr(p.endDate),
        city: optStr(p.city),
        host: optStr(p.host),
        countries: strs(p.countries),
        summary: optStr(p.summary),
      };
    case 'DialogueSeries':
      return { __typename: 'DialogueSeries', id, name: str(p.name), aliases };
    case 'Theme':
      return { __typename: 'Theme', id, name: str(p.name), aliases, description: optStr(p.description) };
    case 'Agreement':
      return {
        __typename: 'Agreement',
        id,
        name: str(p.name),
        aliases,
        kind: member(AGREEMENT_KINDS, p.kind, `agreement kind of ${id}`),
        signedOn: optStr(p.signedOn),
        summary: optStr(p.summary),
      };
    case 'Source':
      return {
        __typename: 'Source',
        id,
        title: str(p.title),
        publisher: str(p.publisher),
        url: optStr(p.url),
        published: str(p.published),
        kind: member(SOURCE_KINDS, p.kind, `source kind of ${id}`),
      };
    default:
      return undefined;
  }
}

/** Row of a query that returns `labels` and `props` columns. */
export function entityFromRow(row: Record<string, unknown>): EntityRow | undefined {
  return toEntity(row.labels, (row.props ?? {}) as Props);
}

/** The stored sort key of a `props` row (internal, so not on EntityRow), else the id. */
export function sortKeyOf(row: Record<string, unknown>, id: string): string {
  const key = ((row.props ?? {}) as Props).sortKey;
  return typeof key === 'string' ? key : id;
}

/** A readable label for any entity. */
export function entityLabel(e: EntityRow): string {
  return e.__typename === 'Source' ? e.title : e.name;
}

/** Public properties of an entity for subgraph exports (no internal keys). */
export function publicProperties(e: EntityRow): Record<string, unknown> {
  const { __typename: _t, ...rest } = e;
  return rest;
}

/**
 * Rows of a batched query (`UNWIND … AS id … RETURN id, …`) grouped under their `id` column: one list per key of
 * `keys`, empty when the key had no rows; rows that `map` rejects (undefined) are left out.
 */
export function groupById<V>(
  keys: readonly string[],
  rows: readonly Record<string, unknown>[],
  map: (row: Record<string, unknown>) => V | undefined,
): Map<string, V[]> {
  const out = new Map<string, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) {
    const v = map(row);
    if (v !== undefined) out.get(String(row.id))?.push(v);
  }
  return out;
}

export { countryId, strs, optStr, str };
