// How field arguments become Cypher parameters: written once per kind of argument, used by the field table.
import { periodOf } from '../dates';
import { ENTITY_LABELS, EDGE_TYPES, type EntityLabel } from '../model';

type Args = Record<string, unknown>;

const isString = (v: unknown): v is string => typeof v === 'string';

/** `at: Date` → the period's bounds `$from`/`$to` (both null without `at`: no filter). */
export function periodParams(args: Args): Record<string, unknown> {
  const at = args.at;
  if (!isString(at)) return { from: null, to: null };
  return periodOf(at, 'at');
}

/** `types: [EdgeType!]` → `$types` (null when absent or empty: every type). */
export function typeNames(args: Args): Record<string, unknown> {
  const types = Array.isArray(args.types) ? args.types.filter(isString) : [];
  const known = types.filter((t) => (EDGE_TYPES as readonly string[]).includes(t));
  return { types: known.length > 0 ? [...new Set(known)].sort() : null };
}

/** EntityType values (PERSON, DIALOGUE_SERIES…) → node labels (Person, DialogueSeries…). */
const LABEL_OF: Record<string, EntityLabel> = Object.fromEntries(
  ENTITY_LABELS.map((l) => [l.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), l]),
);

/** `types: [EntityType!]` → labels, null when absent or empty (every label). */
export function entityLabelsOf(types: unknown): EntityLabel[] | null {
  const list = Array.isArray(types) ? types.filter(isString) : [];
  const labels = list.flatMap((t) => (LABEL_OF[t] ? [LABEL_OF[t]] : []));
  return labels.length > 0 ? [...new Set(labels)] : null;
}
