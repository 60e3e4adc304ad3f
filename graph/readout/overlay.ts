// What earlier readouts of a batch would add to the graph, so that validating the batch before writing any of it
// sees each readout in the graph its predecessors leave behind. Indexed: batches may hold many thousands.
import type { EntityLabel } from '../model';

/** An entity as the planner knows it: from the graph, or staged by an earlier readout of the batch. */
export interface Known {
  label: EntityLabel;
  /** The normalised name it is known by ('' for entities matched by key only: sources, agreements). */
  norm: string;
  scope: string;
  id: string;
  key: string;
  name: string;
  aliases: string[];
}

export interface Staged {
  known: Known[];
  partOf: [string, string][];
}

export class Overlay {
  /** label|norm → entities by id (re-staging an entity replaces it, so lists do not grow with repetition). */
  private readonly byName = new Map<string, Map<string, Known>>();
  private readonly byKey = new Map<string, Known>();
  /** id → key of every staged entity. */
  readonly ids = new Map<string, string>();
  /** child id → parent ids of every staged PART_OF edge. */
  readonly partOf = new Map<string, Set<string>>();

  add(staged: Staged): void {
    for (const k of staged.known) {
      if (k.norm !== '') {
        const at = `${k.label}|${k.norm}`;
        const named = this.byName.get(at) ?? new Map<string, Known>();
        named.set(k.id, k);
        this.byName.set(at, named);
      }
      this.byKey.set(`${k.label}|${k.key}`, k);
      this.ids.set(k.id, k.key);
    }
    for (const [child, parent] of staged.partOf) {
      this.partOf.set(child, (this.partOf.get(child) ?? new Set<string>()).add(parent));
    }
  }

  named(label: EntityLabel, norm: string): Known[] {
    return [...(this.byName.get(`${label}|${norm}`)?.values() ?? [])];
  }

  withKey(label: EntityLabel, key: string): Known | undefined {
    return this.byKey.get(`${label}|${key}`);
  }
}
