// Entities by id, batched: ids are grouped by their prefix (person:, org:, …) so each label is one index seek.
import type { Runner } from '../executor';
import { ENTITY_LABELS, labelOfId, type EntityLabel, type EntityRow } from '../model';
import { entityFromRow } from './rows';

const BY_IDS = Object.fromEntries(
  ENTITY_LABELS.map((l) => [
    l,
    `MATCH (n:${l}) WHERE n.id IN $ids RETURN labels(n) AS labels, properties(n) AS props`,
  ]),
) as Record<EntityLabel, string>;

export async function fetchEntities(run: Runner, ids: readonly string[]): Promise<(EntityRow | null)[]> {
  const groups = new Map<EntityLabel, string[]>();
  for (const id of new Set(ids)) {
    const label = labelOfId(id);
    if (label !== undefined) groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  const found = new Map<string, EntityRow>();
  for (const [label, group] of groups) {
    for (const row of await run(BY_IDS[label], { ids: group })) {
      const e = entityFromRow(row);
      if (e !== undefined) found.set(e.id, e);
    }
  }
  return ids.map((id) => found.get(id) ?? null);
}
