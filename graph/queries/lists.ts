// Filtered, keyset-paginated lists. The cursor encodes the last item's (order key, id), so a page costs an index
// range scan whatever its position, and items inserted meanwhile do not shift later pages.
import { BadInputError } from '../errors';
import { int, type Runner } from '../executor';
import type { EntityRow, PageRow } from '../model';
import { entityFromRow } from './rows';

interface ListSpec {
  /** MATCH … WHERE … binding `n`; filters read $-parameters that are null when unused. */
  match: string;
  /** Expression ordered on; `n.id` breaks ties. */
  orderKey: string;
  descending: boolean;
}

export const LIST_SPECS = {
  people: {
    match: `MATCH (n:Person)
      WHERE ($country IS NULL OR n.country = $country)
        AND ($organization IS NULL OR EXISTS { (n)-[:HOLDS_POST]->(:Organization {id: $organization}) })`,
    orderKey: 'n.sortKey',
    descending: false,
  },
  organizations: {
    match: `MATCH (n:Organization)
      WHERE ($country IS NULL OR $country IN n.countries) AND ($kind IS NULL OR n.kind = $kind)
        AND ($partOf IS NULL OR EXISTS { (n)-[:PART_OF*1..20]->(:Organization {id: $partOf}) })`,
    orderKey: 'n.sortKey',
    descending: false,
  },
  dialogues: {
    match: `MATCH (n:Dialogue)
      WHERE ($countries IS NULL OR all(c IN $countries WHERE c IN n.countries))
        AND ($theme IS NULL OR EXISTS { (n)-[:DISCUSSED]->(:Theme)-[:BROADER*0..10]->(:Theme {id: $theme}) })
        AND ($from IS NULL OR n.endKey >= $from) AND ($to IS NULL OR n.startKey <= $to)`,
    orderKey: 'n.startKey',
    descending: true,
  },
  agreements: {
    match: `MATCH (n:Agreement)
      WHERE ($kind IS NULL OR n.kind = $kind)
        AND ($party IS NULL OR EXISTS { (n)<-[:PARTY_TO]-(:Organization)-[:PART_OF*0..20]->(:Organization {id: $party}) })
        AND ($from IS NULL OR n.signedKey >= $from) AND ($to IS NULL OR n.signedKey <= $to)`,
    orderKey: 'coalesce(n.signedKey, "")',
    descending: true,
  },
  themes: {
    match: `MATCH (n:Theme)
      WHERE ($topLevel IS NULL OR $topLevel = (NOT EXISTS { (n)-[:BROADER]->() }))
        AND ($used IS NULL OR $used = (EXISTS { (n)<-[:DISCUSSED|COVERS]-() }))`,
    orderKey: 'n.sortKey',
    descending: false,
  },
} as const satisfies Record<string, ListSpec>;

export type ListName = keyof typeof LIST_SPECS;

/** Built once per list from the fixed specs above: no input ever reaches the query text. */
const PAGE = Object.fromEntries(
  Object.entries(LIST_SPECS).map(([name, s]) => {
    const cmp = s.descending ? '<' : '>';
    return [
      name,
      `${s.match}
      WITH n, ${s.orderKey} AS k
      WHERE $afterKey IS NULL OR k ${cmp} $afterKey OR (k = $afterKey AND n.id ${cmp} $afterId)
      RETURN labels(n) AS labels, properties(n) AS props, k
      ORDER BY k ${s.descending ? 'DESC' : 'ASC'}, n.id ${s.descending ? 'DESC' : 'ASC'}
      LIMIT $limit`,
    ];
  }),
) as Record<ListName, string>;
const COUNT = Object.fromEntries(
  Object.entries(LIST_SPECS).map(([name, s]) => [name, `${s.match} RETURN count(n) AS total`]),
) as Record<ListName, string>;

export const MAX_PAGE = 200;

export function encodeCursor(key: unknown, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [unknown, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through to the error below
  }
  throw new BadInputError('after: not a cursor returned by this API');
}

export async function listPage(
  run: Runner,
  list: ListName,
  filters: Record<string, unknown>,
  first: number,
  after: string | null | undefined,
): Promise<PageRow<EntityRow>> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw new BadInputError(`first: must be between 0 and ${MAX_PAGE}`);
  }
  const [afterKey, afterId] = after ? decodeCursor(after) : [null, null];
  const params = { ...filters, afterKey, afterId, limit: int(first + 1) };
  const rows = await run(PAGE[list], params);
  const total = await run(COUNT[list], filters);
  const items = rows.slice(0, first).flatMap((r) => {
    const node = entityFromRow(r);
    return node ? [{ cursor: encodeCursor(r.k, node.id), node }] : [];
  });
  return { items, hasNextPage: rows.length > first, totalCount: Number(total[0]?.total ?? 0) };
}
