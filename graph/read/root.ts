// One root field → one statement: a link from nowhere, a keyset page of a list, or a lookup by id or name (whose
// candidates come back beside the answer, so an ambiguous name costs no second query).
import {
  getNullableType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { decodeCursor, MAX_PAGE } from '../queries/lists';
import { BadInputError } from '../errors';
import { int } from '../executor';
import type { EntityLabel } from '../model';
import { normalizePersonName, normalizeText } from '../normalize';
import { Build, linkExpr, projectObject, type Shape, type Slot } from './compile';
import type { Link } from './fields';
import type { RootSpec } from './roots';
import { selectedOn, setsOf } from './selection';

export interface CompiledRoot {
  cypher: string;
  slots: Slot[];
  shape: Shape;
  /** The root's own parameters, from its arguments (and what its resolver computed). */
  params: (args: Record<string, unknown>, extra: Record<string, unknown>) => Record<string, unknown>;
  /** Set for lookups: the statement also returns `candidates` when a name denotes several entities. */
  lookup?: EntityLabel;
}

const NONE = () => ({});

function connectionRoot(
  b: Build,
  def: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
  spec: Extract<RootSpec, { kind: 'connection' }>,
) {
  const s = spec.list;
  const cmp = s.descending ? '<' : '>';
  const dir = s.descending ? 'DESC' : 'ASC';
  // Each item is [node, order key, tie-break]: the cursor is the last two (connections.ts).
  const prelude = `CALL () { ${s.match}
    WITH n, ${s.orderKey} AS k, ${s.tie ?? 'n.id'} AS t
    WHERE $afterKey IS NULL OR k ${cmp} $afterKey OR (k = $afterKey AND t ${cmp} $afterId)
    WITH n, k, t ORDER BY k ${dir}, t ${dir} LIMIT $limit
    RETURN collect([n, k, t]) AS page }`;
  const type = getNullableType(def.type);
  if (!isObjectType(type)) throw new Error(`root ${def.name}: a connection must be an object type`);
  const frame = new Map([
    ['page', 'page'],
    ['first', '$first'],
    ['total', `COUNT { ${s.match} RETURN n }`],
  ]);
  const p = projectObject(b, type, setsOf(nodes), frame, [], def.name, MAX_PAGE);
  return {
    cypher: `${prelude}\nRETURN ${p.expr} AS data`,
    shape: { type: def.type, object: p.shape },
    params: (args: Record<string, unknown>) => {
      const first = args.first;
      if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE)
        throw new BadInputError(`first: must be between 0 and ${MAX_PAGE}`);
      // An empty cursor is the first page, as before cursors existed.
      const after =
        typeof args.after === 'string' && args.after !== '' ? decodeCursor(args.after) : [null, null];
      return {
        ...spec.filters(args),
        afterKey: after[0],
        afterId: after[1],
        limit: int(first + 1),
        first: int(first),
      };
    },
  };
}

/** Labels whose merged-away ids keep resolving to the survivor (graph/readout/merge.ts). */
const MERGEABLE = new Set<EntityLabel>(['Person', 'Organization']);

function lookupRoot(b: Build, def: GraphQLField<unknown, unknown>, nodes: FieldNode[], label: EntityLabel) {
  const prelude = `CALL () {
    MATCH (e:${label} {id: $id}) RETURN e, [] AS spellings
    UNION ALL${
      MERGEABLE.has(label)
        ? `
    MATCH (:MergedId {id: $id})-[:MERGED_INTO]->(e:${label}) RETURN e, [] AS spellings
    UNION ALL`
        : ''
    }
    MATCH (nm:Name {norm: $norm}) WHERE nm.label = '${label}' MATCH (nm)-[:NAMES]->(e:${label})
    RETURN e, collect(nm.norm) AS spellings
  }
  WITH e, spellings ORDER BY e.sortKey, e.id LIMIT 50
  WITH collect({e: e, spellings: spellings}) AS found
  WITH CASE WHEN size(found) = 1 THEN found[0].e END AS one,
    CASE WHEN size(found) > 1 THEN [f IN found | {labels: labels(f.e), props: properties(f.e), spellings: f.spellings}] END AS candidates`;
  const link: Link = { body: 'WITH @one AS %n WHERE %n IS NOT NULL', fanOut: 1 };
  const sel = { key: def.name, name: def.name, nodes, guards: [[]] };
  const p = linkExpr(b, def, sel, link, new Map([['one', 'one']]), [], def.name, 1);
  return {
    cypher: `${prelude}\nRETURN ${p.expr} AS data, candidates`,
    shape: p.shape,
    lookup: label,
    params: (args: Record<string, unknown>) => {
      const id = typeof args.id === 'string' ? args.id : null;
      const name = typeof args.name === 'string' ? args.name : null;
      if ((id === null) === (name === null)) throw new BadInputError('Give exactly one of id or name.');
      if (name !== null && name.length > 500) throw new BadInputError('name: longer than 500 characters');
      const norm = name === null ? '' : label === 'Person' ? normalizePersonName(name) : normalizeText(name);
      return { id, norm: norm === '' ? null : norm };
    },
  };
}

/** One line: the text goes over Bolt with every request, and whitespace is most of a body's indentation. */
const compact = (cypher: string) => cypher.replace(/\s+/g, ' ').trim();

function compileParts(
  b: Build,
  def: GraphQLField<unknown, unknown>,
  key: string,
  nodes: FieldNode[],
  spec: RootSpec,
): CompiledRoot {
  if (spec.kind === 'connection') return { ...connectionRoot(b, def, nodes, spec), slots: b.slots };
  if (spec.kind === 'lookup') return { ...lookupRoot(b, def, nodes, spec.label), slots: b.slots };
  const sel = { key, name: def.name, nodes, guards: [[]] };
  const p = linkExpr(b, def, sel, spec.link, new Map(), [], key, 1);
  return { cypher: `RETURN ${p.expr} AS data`, shape: p.shape, slots: b.slots, params: NONE };
}

/** Compiles the selection of one root field (all its nodes under one response key) into one statement. */
export function compileRoot(
  b: Build,
  def: GraphQLField<unknown, unknown>,
  key: string,
  nodes: FieldNode[],
  spec: RootSpec,
): CompiledRoot {
  const c = compileParts(b, def, key, nodes, spec);
  return { ...c, cypher: compact(c.cypher) };
}

/** Every root field of a document's operation compiled, by response key (for snapshots and explanations). */
export function compileDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  roots: Readonly<Record<string, RootSpec>>,
): Map<string, CompiledRoot> {
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const query = schema.getQueryType();
  const out = new Map<string, CompiledRoot>();
  if (operation?.kind !== Kind.OPERATION_DEFINITION || query == null) return out;
  for (const sel of selectedOn(query, [operation.selectionSet], fragments)) {
    const def = query.getFields()[sel.name];
    const spec = roots[sel.name];
    if (def !== undefined && spec !== undefined)
      out.set(sel.key, compileRoot(new Build(schema, fragments), def, sel.key, sel.nodes, spec));
  }
  return out;
}
