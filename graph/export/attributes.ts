// Turns free-form node/edge properties into typed, flat attributes for the XML formats: numbers and booleans keep
// their type, strings stay strings, and lists or objects become JSON text (neither GraphML nor GEXF nests).
import { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';
import type { EdgeRow, GraphNodeRow } from '../model';

export type AttrType = 'string' | 'double' | 'boolean';

export interface AttrDef {
  name: string;
  type: AttrType;
}

function typeOf(v: unknown): AttrType {
  if (typeof v === 'number' || typeof v === 'bigint') return 'double';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

/** XML Schema spells the non-finite doubles INF, -INF and NaN (JavaScript: Infinity, -Infinity, NaN). */
function xsdDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'INF' : '-INF';
  return String(n);
}

/** Dates as ISO text (a JavaScript Date, or a driver temporal, whose toString is ISO 8601), lists as JSON. */
export function attrValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return xsdDouble(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  if (isTemporal(v)) return v.toString();
  // Dates inside lists arrive here already as ISO text (Date#toJSON); driver temporals do not.
  return JSON.stringify(v, (_k, x: unknown) => (isTemporal(x) ? x.toString() : x)) ?? '';
}

function isTemporal(v: unknown): v is { toString(): string } {
  return isDate(v) || isDateTime(v) || isLocalDateTime(v) || isTime(v) || isLocalTime(v) || isDuration(v);
}

/** Attribute definitions for a set of property maps; a name seen with two types falls back to string. */
export function collectAttrs(maps: Record<string, unknown>[]): AttrDef[] {
  const types = new Map<string, AttrType>();
  for (const m of maps) {
    for (const [k, v] of Object.entries(m)) {
      if (v === null || v === undefined) continue;
      const t = typeOf(v);
      const seen = types.get(k);
      types.set(k, seen === undefined || seen === t ? t : 'string');
    }
  }
  return [...types.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, type]) => ({ name, type }));
}

/** Node attributes: the entity type plus its public properties (the id and label have their own places). */
export function nodeAttributes(n: GraphNodeRow): Record<string, unknown> {
  const { id: _id, ...props } = n.properties;
  return { type: n.type, ...props };
}

/** Edge attributes: the stable edge id, the type, the edge's properties and its sources. */
export function edgeAttributes(e: EdgeRow): Record<string, unknown> {
  return { edgeId: e.id, type: e.type, ...e.properties, sources: e.sources };
}
