// The read path's entry: a resolver hands over its field (GraphQL's resolve info) and arguments; the selection
// below it is compiled once per operation (cached on the parsed document, which the server's document cache
// bounds), run as one statement, and decoded into Projected maps the default field resolver reads.
import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import type { GraphExecutor } from '../executor';
import { throwIfAmbiguous } from '../queries/lookup';
import { Build } from './compile';
import { decodeRoot, Projected } from './decode';
import { compileRoot, type CompiledRoot } from './root';
import { ROOTS, type RootSpec } from './roots';

type Args = Record<string, unknown>;

const cache = new WeakMap<OperationDefinitionNode, Map<string, CompiledRoot>>();

function compiled(info: GraphQLResolveInfo, spec: RootSpec, specName: string): CompiledRoot {
  const key = `${info.parentType.name}.${specName}:${String(info.path.key)}`;
  let perOperation = cache.get(info.operation);
  if (perOperation === undefined) {
    perOperation = new Map();
    cache.set(info.operation, perOperation);
  }
  const hit = perOperation.get(key);
  if (hit !== undefined) return hit;
  const def = info.parentType.getFields()[info.fieldName];
  if (def === undefined) throw new Error(`internal: no field ${info.fieldName} on ${info.parentType.name}`);
  const root = compileRoot(
    new Build(info.schema, info.fragments),
    def,
    String(info.path.key),
    [...info.fieldNodes],
    spec,
  );
  perOperation.set(key, root);
  return root;
}

/** The parameters of one run: the root's own, then each slot's unless a guard above it is false. */
function paramsOf(root: CompiledRoot, info: GraphQLResolveInfo, args: Args, extra: Args): Args {
  const params: Args = { ...root.params(args, extra) };
  for (const slot of root.slots) {
    const on = slot.guards.every((g) => params[g] === true);
    Object.assign(
      params,
      on ? slot.fill(info.variableValues, extra) : Object.fromEntries(slot.names.map((n) => [n, null])),
    );
  }
  return params;
}

async function read(
  executor: GraphExecutor,
  info: GraphQLResolveInfo,
  args: Args,
  extra: Args,
  spec?: RootSpec,
) {
  const name = spec === undefined ? info.fieldName : `${info.fieldName}*`;
  const use = spec ?? ROOTS[info.fieldName];
  if (use === undefined) throw new Error(`internal: no root spec for ${info.fieldName}`);
  const root = compiled(info, use, name);
  const params = paramsOf(root, info, args, extra);
  const [record] = await executor.readStatement(root.cypher, params);
  if (record === undefined) throw new Error(`internal: ${info.fieldName} returned no row`);
  if (root.lookup !== undefined && Array.isArray(record.candidates))
    throwIfAmbiguous(root.lookup, typeof args.name === 'string' ? args.name : '', record.candidates);
  return decodeRoot(record.data, root.shape, params, String(info.path.key));
}

const isProjected = (v: unknown): v is Projected => v instanceof Projected;

/** A field answering one object or null. */
export async function readOne(
  executor: GraphExecutor,
  info: GraphQLResolveInfo,
  args: Args,
  extra: Args = {},
  spec?: RootSpec,
) {
  const v = await read(executor, info, args, extra, spec);
  if (v === null || isProjected(v)) return v;
  throw new Error(`internal: ${info.fieldName} is not an object`);
}

/** A field answering one object, never null. */
export async function readRequired(
  executor: GraphExecutor,
  info: GraphQLResolveInfo,
  args: Args,
  extra: Args = {},
) {
  const v = await readOne(executor, info, args, extra);
  if (v === null) throw new Error(`internal: ${info.fieldName} is null`);
  return v;
}

/** A field answering a list (of objects, or null where an id is unknown when `sparse`). */
export async function readList(
  executor: GraphExecutor,
  info: GraphQLResolveInfo,
  args: Args,
  extra: Args = {},
) {
  const v = await read(executor, info, args, extra);
  if (Array.isArray(v) && v.every(isProjected)) return v;
  throw new Error(`internal: ${info.fieldName} is not a list of objects`);
}

export async function readSparseList(executor: GraphExecutor, info: GraphQLResolveInfo, args: Args) {
  const v = await read(executor, info, args, {});
  if (Array.isArray(v) && v.every((x) => x === null || isProjected(x))) return v as (Projected | null)[];
  throw new Error(`internal: ${info.fieldName} is not a list of objects`);
}

export { Projected };
