// Finding one entity by name or alias (after normalisation), or a country by code. An exact name or alias is what
// search ranks first (graph/queries/searchRank.ts); several of them are an ambiguity, listed in search's order.
import { AmbiguousNameError } from '../errors';
import type { Runner } from '../executor';
import type { EntityLabel, EntityRow } from '../model';
import { normalizePersonName, normalizeText } from '../normalize';
import { entityFromRow, entityLabel, sortKeyOf, strs } from './rows';
import { compareRanked, queryForms, rankNames, type Ranked } from './searchRank';

const BY_NAME = `
MATCH (nm:Name {norm: $norm}) WHERE nm.label = $label
MATCH (nm)-[:NAMES]->(e)
WITH e, collect(nm.norm) AS spellings
RETURN labels(e) AS labels, properties(e) AS props, spellings
ORDER BY props.sortKey, props.id
LIMIT 50`;

const COUNTRY_BY_CODE = `MATCH (c:Country {key: $code}) RETURN labels(c) AS labels, properties(c) AS props`;

const KIND_WORD: Record<EntityLabel, string> = {
  Person: 'person',
  Organization: 'organisation',
  Country: 'country',
  Dialogue: 'dialogue',
  DialogueSeries: 'dialogue series',
  Theme: 'theme',
  Agreement: 'agreement',
  Source: 'source',
};

/** Candidates for a name (rows of labels, props and the spellings that matched), in search's order. */
function ranked(name: string, rows: readonly Record<string, unknown>[]): EntityRow[] {
  const q = queryForms(name);
  return rows
    .flatMap((r): Ranked[] => {
      const e = entityFromRow(r);
      if (e === undefined) return [];
      const sortKey = sortKeyOf(r, e.id);
      // Found by its normalised spelling, so it is an exact match even where no stored name shows it.
      return [
        rankNames(q, e, strs(r.spellings), sortKey) ?? {
          entity: e,
          score: 1,
          matchedOn: 'ALIAS',
          matched: name,
          sortKey,
        },
      ];
    })
    .sort(compareRanked)
    .map((r) => r.entity);
}

/** Several entities under one name: AmbiguousNameError listing them in search's order. */
export function throwIfAmbiguous(label: EntityLabel, name: string, candidates: readonly unknown[]): void {
  const rows = candidates.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null);
  const found = ranked(name, rows);
  if (found.length > 1) {
    throw new AmbiguousNameError(
      KIND_WORD[label],
      name,
      found.map((e) => ({ id: e.id, name: entityLabel(e) })),
    );
  }
}

/** The entity a name or alias denotes; null if none; AmbiguousNameError (listing candidates) if several. */
export async function findByName(run: Runner, label: EntityLabel, name: string): Promise<EntityRow | null> {
  const norm = label === 'Person' ? normalizePersonName(name) : normalizeText(name);
  if (norm === '') return null;
  const rows = await run(BY_NAME, { norm, label });
  throwIfAmbiguous(label, name, rows);
  return ranked(name, rows)[0] ?? null;
}

export async function findCountry(run: Runner, code: string): Promise<EntityRow | null> {
  const rows = await run(COUNTRY_BY_CODE, { code: code.trim().toUpperCase() });
  return rows.map(entityFromRow).find((e) => e !== undefined) ?? null;
}
