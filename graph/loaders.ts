// DataLoaders for one request. Each batch function is one read transaction with one statement (entities: one per
// label), so a GraphQL selection costs a number of queries bounded by its depth, whatever the row counts.
import DataLoader from 'dataloader';
import type { GraphExecutor, Runner } from './executor';
import type {
  AttendanceRow,
  CounterpartRow,
  DiscussedThemeRow,
  EntityRow,
  PartyRow,
  PositionRow,
  RelationRow,
} from './model';
import {
  fetchAttendanceByDialogue,
  fetchAttendanceByPerson,
  fetchCounterparts,
  fetchDiscussedThemes,
  fetchParties,
  fetchPositionsByOrganization,
  fetchPositionsByOrganizationAt,
  fetchPositionsByPerson,
  fetchRelations,
} from './queries/edges';
import { fetchEntities } from './queries/entities';
import { fetchNeighbours, type NeighbourKind, NEIGHBOUR_QUERIES } from './queries/neighbours';

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  neighbours: Record<NeighbourKind, DataLoader<string, EntityRow[]>>;
  positionsByPerson: DataLoader<string, PositionRow[]>;
  positionsByOrganization: DataLoader<string, PositionRow[]>;
  /** Keyed by membersAtKey(org, from, to). */
  positionsByOrganizationAt: DataLoader<string, PositionRow[]>;
  attendanceByPerson: DataLoader<string, AttendanceRow[]>;
  attendanceByDialogue: DataLoader<string, AttendanceRow[]>;
  counterparts: DataLoader<string, CounterpartRow[]>;
  discussedThemes: DataLoader<string, DiscussedThemeRow[]>;
  parties: DataLoader<string, PartyRow[]>;
  /** Keyed by `id` or `id|TYPE1,TYPE2`. */
  relations: DataLoader<string, RelationRow[]>;
}

export function createLoaders(executor: GraphExecutor): Loaders {
  const batch = <V>(fetch: (run: Runner, keys: readonly string[]) => Promise<V[]>) =>
    new DataLoader<string, V>((keys) => executor.withRead((run) => fetch(run, keys)), { maxBatchSize: 1000 });

  const entity = batch(fetchEntities);
  // Neighbour queries return whole entities: prime the entity loader so their fields need no second query.
  const neighbour = (kind: NeighbourKind) =>
    batch(async (run, keys) => {
      const lists = await fetchNeighbours(run, kind, keys);
      for (const list of lists) for (const e of list) entity.prime(e.id, e);
      return lists;
    });
  const neighbours = Object.fromEntries(
    (Object.keys(NEIGHBOUR_QUERIES) as NeighbourKind[]).map((k) => [k, neighbour(k)]),
  ) as Record<NeighbourKind, DataLoader<string, EntityRow[]>>;

  return {
    entity,
    neighbours,
    positionsByPerson: batch(fetchPositionsByPerson),
    positionsByOrganization: batch(fetchPositionsByOrganization),
    positionsByOrganizationAt: batch(fetchPositionsByOrganizationAt),
    attendanceByPerson: batch(fetchAttendanceByPerson),
    attendanceByDialogue: batch(fetchAttendanceByDialogue),
    counterparts: batch(fetchCounterparts),
    discussedThemes: batch(fetchDiscussedThemes),
    parties: batch(fetchParties),
    relations: batch(fetchRelations),
  };
}
