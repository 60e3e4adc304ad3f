// What a selection asks of one concrete type: fields grouped by response key through fragments and inline
// fragments, each with the @include/@skip directives that guard it (resolved per request, so the compiled text
// does not depend on variable values).
import {
  getNamedType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';

export interface Selected {
  /** The response key (alias or field name). */
  key: string;
  name: string;
  /** Every node of this key (merged by GraphQL's rules: same field, same arguments). */
  nodes: FieldNode[];
  /** Guards on the way to this field: each node is included when all of its guards hold. */
  guards: DirectiveNode[][];
}

export type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

const GUARD_NAMES = new Set(['include', 'skip']);

function guardsOf(directives: readonly DirectiveNode[] | undefined): DirectiveNode[] {
  return (directives ?? []).filter((d) => GUARD_NAMES.has(d.name.value));
}

function applies(type: GraphQLObjectType, on: string | undefined): boolean {
  return on === undefined || on === type.name || type.getInterfaces().some((i) => i.name === on);
}

function collect(
  type: GraphQLObjectType,
  set: SelectionSetNode,
  fragments: Fragments,
  guards: DirectiveNode[],
  out: Map<string, Selected>,
  seen: ReadonlySet<string>,
): void {
  for (const sel of set.selections) {
    const own = [...guards, ...guardsOf(sel.directives)];
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      const entry = out.get(key) ?? { key, name: sel.name.value, nodes: [], guards: [] };
      entry.nodes.push(sel);
      entry.guards.push(own);
      out.set(key, entry);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      if (applies(type, sel.typeCondition?.name.value))
        collect(type, sel.selectionSet, fragments, own, out, seen);
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      // A cycle is refused by validation; `seen` only keeps this walk finite whatever reaches it.
      if (fragment && !seen.has(name) && applies(type, fragment.typeCondition.name.value))
        collect(type, fragment.selectionSet, fragments, own, out, new Set([...seen, name]));
    }
  }
}

/** The fields `sets` select on `type`, by response key, in document order. */
export function selectedOn(
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  fragments: Fragments,
): Selected[] {
  const out = new Map<string, Selected>();
  for (const set of sets) collect(type, set, fragments, [], out, new Set());
  return [...out.values()];
}

/** Whether a type-specific fragment (not one on an interface it implements) selects anything on `type`. */
export function hasOwnFragment(
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  fragments: Fragments,
) {
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>): boolean =>
    set.selections.some((sel) => {
      if (sel.kind === Kind.FIELD) return false;
      if (sel.kind === Kind.INLINE_FRAGMENT)
        return sel.typeCondition?.name.value === type.name || visit(sel.selectionSet, seen);
      const f = fragments[sel.name.value];
      if (!f || seen.has(sel.name.value)) return false;
      const next = new Set([...seen, sel.name.value]);
      return f.typeCondition.name.value === type.name || visit(f.selectionSet, next);
    });
  return sets.some((s) => visit(s, new Set()));
}

/** The sub-selections of a field's nodes. */
export const setsOf = (nodes: readonly FieldNode[]): SelectionSetNode[] =>
  nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/**
 * Whether the current field's selection reaches `path` (e.g. `['nodes', 'properties']` below `subgraph`), through
 * fragments and aliases: lets an algorithm skip reading what nobody asked for.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let type: GraphQLNamedType | undefined = getNamedType(info.returnType);
  let sets = setsOf(info.fieldNodes);
  for (const name of path) {
    if (!isObjectType(type)) return false;
    const hits = selectedOn(type, sets, info.fragments).filter((s) => s.name === name);
    if (hits.length === 0) return false;
    type = getNamedType(type.getFields()[name]?.type);
    sets = hits.flatMap((h) => setsOf(h.nodes));
  }
  return true;
}
