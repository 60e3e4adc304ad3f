// What Neo4j returns, decoded once against the GraphQL type of each key: strings where strings are promised,
// integers, enum values the schema knows, no null where the schema says non-null. A value that breaks its type is
// a data bug: an internal error naming the path (logged, masked to the client), never a silent default.
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLOutputType,
} from 'graphql';
import { encodeCursor } from '../queries/lists';
import { TYPE_KEY, type ObjectShape, type Shape } from './compile';

/** A projected object: its GraphQL type and its values by response key (what the resolvers read). */
export class Projected {
  constructor(
    readonly typename: string,
    readonly values: Readonly<Record<string, unknown>>,
  ) {}
}

type Params = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function bad(path: string, what: string): never {
  throw new Error(`internal: ${path} ${what}`);
}

/**
 * One part of a document's claim as the write path keeps it: JSON on a MENTIONS link, `source id<TAB>JSON` in a
 * fact edge's `claims`. Values drop the write path's own sort and range keys (`sortKey`, `startKey`, …).
 */
function claimPart(v: unknown, part: 'claimName' | 'claimNames' | 'claimValues', path: string): unknown {
  if (typeof v !== 'string') return bad(path, 'is not a claim');
  let c: unknown;
  try {
    c = JSON.parse(v.startsWith('{') ? v : v.slice(v.indexOf('\t') + 1));
  } catch {
    return bad(path, 'is not a claim');
  }
  if (!isRecord(c)) return bad(path, 'is not a claim');
  if (part === 'claimName') return c.name ?? null;
  if (part === 'claimNames') return c.names ?? [];
  const props = isRecord(c.props) ? c.props : {};
  return Object.fromEntries(Object.entries(props).filter(([k, x]) => x !== null && !k.endsWith('Key')));
}

function scalar(name: string, v: unknown, shape: Shape, path: string): unknown {
  if (shape.decode === 'cursor') {
    if (!Array.isArray(v) || typeof v[1] !== 'string') return bad(path, 'is not an order key and id pair');
    return encodeCursor(v[0], v[1]);
  }
  if (shape.decode === 'withoutSources') {
    if (!isRecord(v)) return bad(path, 'is not a map');
    const { sources: _s, claims: _c, claim: _m, via: _v, ...rest } = v;
    return rest;
  }
  switch (name) {
    case 'ID':
    case 'String':
    case 'Date':
    case 'DateTime':
      return typeof v === 'string' ? v : bad(path, `is ${typeof v}, not a string`);
    case 'Int':
      return Number.isInteger(v) ? v : bad(path, 'is not an integer');
    case 'Float':
      return typeof v === 'number' ? v : bad(path, 'is not a number');
    case 'Boolean':
      return typeof v === 'boolean' ? v : bad(path, 'is not a boolean');
    default:
      return v; // JSON: any value
  }
}

function value(v: unknown, type: GraphQLOutputType, shape: Shape, params: Params, path: string): unknown {
  const part = shape.decode;
  if (part === 'claimName' || part === 'claimNames' || part === 'claimValues')
    return value(claimPart(v, part, path), type, { type: shape.type }, params, path);
  if (isNonNullType(type)) {
    if (v === null || v === undefined) return bad(path, 'is missing');
    return value(v, type.ofType, shape, params, path);
  }
  if (v === null || v === undefined) return null;
  if (isListType(type)) {
    if (!Array.isArray(v)) return bad(path, 'is not a list');
    return v.map((x, i) => value(x, type.ofType, shape, params, `${path}[${i}]`));
  }
  const named = getNamedType(type);
  if (isEnumType(named)) {
    if (typeof v !== 'string' || named.getValue(v) === undefined) return bad(path, `is not a ${named.name}`);
    return v;
  }
  if (isScalarType(named)) return scalar(named.name, v, shape, path);
  if (!isRecord(v)) return bad(path, 'is not a map');
  if (shape.byType) {
    const t = v[TYPE_KEY];
    const own = typeof t === 'string' ? shape.byType.get(t) : undefined;
    if (typeof t !== 'string' || own === undefined) return bad(path, 'has no known type');
    return object(v, t, own, params, path);
  }
  if (!shape.object) return bad(path, 'has no shape');
  return object(v, named.name, shape.object, params, path);
}

function object(
  v: Record<string, unknown>,
  typename: string,
  shape: ObjectShape,
  params: Params,
  path: string,
) {
  const values: Record<string, unknown> = {};
  for (const [key, s] of shape) {
    if (s.guard !== undefined && params[s.guard] !== true) continue;
    values[key] = value(v[key], s.type, s, params, `${path}.${key}`);
  }
  return new Projected(typename, values);
}

/** Decodes a root field's `data` column. */
export function decodeRoot(v: unknown, shape: Shape, params: Params, path: string): unknown {
  return value(v, shape.type, shape, params, path);
}
