// Themes shared by every one of several entities. Each entity stands for a set of themes (what its dialogues
// discussed, what its agreements cover…); each set is widened with all broader themes, so "drug trafficking" and
// "counter-narcotics" meet in "illicit drugs", and the sets are intersected.
import { BadInputError, NotFoundError } from '../errors';
import type { Runner } from '../executor';
import { labelOfId, type EntityLabel, type EntityRow } from '../model';
import { entityFromRow, strs } from './rows';

export const COMMON_THEMES_MIN_IDS = 2;
export const COMMON_THEMES_MAX_IDS = 20;

type ThemedLabel = Exclude<EntityLabel, 'Source'>;

/** The themes an entity `e` is directly about, returned as `t`; one subquery body per label. */
const DIRECT_THEMES: Record<ThemedLabel, string> = {
  Dialogue: 'MATCH (e)-[:DISCUSSED]->(t:Theme) RETURN t',
  Agreement: 'MATCH (e)-[:COVERS]->(t:Theme) RETURN t',
  Person: 'MATCH (e)-[:ATTENDED]->(:Dialogue)-[:DISCUSSED]->(t:Theme) RETURN t',
  // An organisation's dialogues are those its people attended on its behalf or whose working group it is.
  Organization: `MATCH (:Person)-[a:ATTENDED]->(d:Dialogue) WHERE a.onBehalfOf = e.id
      MATCH (d)-[:DISCUSSED]->(t:Theme) RETURN t
    UNION MATCH (e)<-[:WORKING_GROUP]-(:Dialogue)-[:DISCUSSED]->(t:Theme) RETURN t
    UNION MATCH (e)-[:PARTY_TO]->(:Agreement)-[:COVERS]->(t:Theme) RETURN t`,
  Country: 'MATCH (e)<-[:BETWEEN]-(:Dialogue)-[:DISCUSSED]->(t:Theme) RETURN t',
  DialogueSeries: 'MATCH (e)<-[:EDITION_OF]-(:Dialogue)-[:DISCUSSED]->(t:Theme) RETURN t',
  Theme: 'RETURN e AS t',
};

const isThemed = (l: EntityLabel): l is ThemedLabel => l in DIRECT_THEMES;

/** Per label: each entity's theme ids, broader themes included; entities with no themes still get a row. */
const THEMES_OF = Object.fromEntries(
  Object.entries(DIRECT_THEMES).map(([label, direct]) => [
    label,
    `UNWIND $ids AS id
MATCH (e:${label} {id: id})
CALL (e) {
  CALL (e) {
    ${direct}
  }
  WITH DISTINCT t
  MATCH (t)-[:BROADER*0..10]->(b:Theme)
  RETURN collect(DISTINCT b.id) AS themes
}
RETURN id, themes`,
  ]),
) as Record<ThemedLabel, string>;

const THEMES_BY_ID = `MATCH (t:Theme) WHERE t.id IN $ids
RETURN labels(t) AS labels, properties(t) AS props ORDER BY t.sortKey, t.id`;

export async function commonThemes(run: Runner, ids: readonly string[]): Promise<EntityRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length < COMMON_THEMES_MIN_IDS || unique.length > COMMON_THEMES_MAX_IDS) {
    throw new BadInputError(
      `ids: give between ${COMMON_THEMES_MIN_IDS} and ${COMMON_THEMES_MAX_IDS} different ids (got ${unique.length})`,
    );
  }
  const groups = new Map<ThemedLabel, string[]>();
  for (const id of unique) {
    const label = labelOfId(id);
    if (label === 'Source') {
      throw new BadInputError(
        `ids: ${id} is a source document; give dialogues, agreements, people, organisations, countries, dialogue series or themes`,
      );
    }
    if (label !== undefined && isThemed(label)) groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  const themesOf = new Map<string, string[]>();
  for (const [label, group] of groups) {
    for (const r of await run(THEMES_OF[label], { ids: group })) themesOf.set(String(r.id), strs(r.themes));
  }
  const missing = unique.filter((id) => !themesOf.has(id));
  if (missing.length > 0) throw new NotFoundError(`ids: no entity with id ${missing.join(', ')}`);

  const [firstSet = [], ...rest] = unique.map((id) => themesOf.get(id) ?? []);
  const shared = rest.reduce((acc, list) => {
    const s = new Set(list);
    return acc.filter((t) => s.has(t));
  }, firstSet);
  if (shared.length === 0) return [];
  return (await run(THEMES_BY_ID, { ids: shared }))
    .map(entityFromRow)
    .filter((e): e is EntityRow => e !== undefined);
}
