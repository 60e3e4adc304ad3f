// GraphQL selection → one Cypher expression. Each object becomes a map literal keyed by response keys (aliases
// honoured), each relationship field a COLLECT subquery from the field table, each argument a parameter. The
// text depends only on the document, so it is compiled once per operation and Neo4j's plan cache keeps hitting.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isListType,
  isObjectType,
  type DirectiveNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { QueryTooComplexError } from '../errors';
import { OBJECTS, type Link, type Prop } from './fields';
import { hasOwnFragment, selectedOn, setsOf, type Fragments, type Selected } from './selection';

/** Fills some parameters from the request's variables; skipped (nulls) when a guard above it is false. */
export interface Slot {
  names: string[];
  guards: string[];
  fill: (variables: Record<string, unknown>, extra: Record<string, unknown>) => Record<string, unknown>;
}

/** How to decode what an expression returns: its GraphQL type, and for objects the shape of each key. */
export interface Shape {
  type: GraphQLOutputType;
  decode?: Prop['decode'];
  /** Guard parameter: when false the key is not in the response, whatever the value. */
  guard?: string;
  object?: ObjectShape;
  /** For an interface: the shape per concrete type, and the one shared by types without fragments of their own. */
  byType?: Map<string, ObjectShape>;
}
export type ObjectShape = Map<string, Shape>;

/** Budgets a compiled statement must stay within (limits before Neo4j). */
export const MAX_SUBQUERIES = 120;
export const MAX_ESTIMATED_ROWS = 1_000_000;

/** The key under which an interface's projection names its concrete type (not a valid GraphQL name). */
export const TYPE_KEY = '$type';

const ENTITY_TYPES = [
  'Person',
  'Organization',
  'Country',
  'Dialogue',
  'DialogueSeries',
  'Theme',
  'Agreement',
  'Source',
];

export class Build {
  private next = 0;
  readonly slots: Slot[] = [];
  subqueries = 0;
  rows = 0;

  constructor(
    readonly schema: GraphQLSchema,
    readonly fragments: Fragments,
  ) {}

  id(): number {
    this.next += 1;
    return this.next;
  }

  /** Counts a subquery reaching `rows` rows in all and refuses the statement past the budgets, naming the path. */
  charge(path: string, rows: number): void {
    this.subqueries += 1;
    this.rows += rows;
    if (this.subqueries > MAX_SUBQUERIES)
      throw new QueryTooComplexError(
        `The selection needs more than ${MAX_SUBQUERIES} relationship fields (at ${path}); split it into several queries.`,
      );
    if (this.rows > MAX_ESTIMATED_ROWS)
      throw new QueryTooComplexError(
        `The selection may reach about ${Math.round(this.rows).toLocaleString('en')} rows (at ${path}), over the budget of ${MAX_ESTIMATED_ROWS.toLocaleString('en')}; select fewer nested lists.`,
      );
  }
}

/** Replaces `@x` by the parent's variables, `%x` by this use's own names, `$a` by this use's parameters. */
export function substitute(
  text: string,
  frame: ReadonlyMap<string, string>,
  k: number,
  prefix: string,
): string {
  // One pass, so text a frame inserts (which may hold parameters of its own) is never rewritten again.
  return text.replace(/([@%$])(\w+)/g, (_, sigil: string, v: string) => {
    if (sigil === '%') return `${v}_${k}`;
    if (sigil === '$') return `$${prefix}${v}`;
    const name = frame.get(v);
    if (name === undefined) throw new Error(`field table: no variable ${v} here`);
    return name;
  });
}

/** The `%` variables a body binds, as the child's frame. */
function frameOf(body: string, k: number): Map<string, string> {
  return new Map([...body.matchAll(/%(\w+)/g)].map((m) => [m[1] as string, `${m[1] as string}_${k}`]));
}

/** A guard parameter for a key reached only under @include/@skip; null when it is always included. */
function guardOf(b: Build, sel: Selected, outer: string[]): string | null {
  if (sel.guards.some((g) => g.length === 0)) return null;
  const name = `g${b.id()}`;
  const passes = (g: DirectiveNode[], vars: Record<string, unknown>) =>
    g.every((d) => {
      const dir = d.name.value === 'include' ? GraphQLIncludeDirective : GraphQLSkipDirective;
      const v = getDirectiveValues(dir, { directives: [d] }, vars);
      return d.name.value === 'include' ? v?.if === true : v?.if !== true;
    });
  b.slots.push({
    names: [name],
    guards: outer,
    fill: (vars) => ({ [name]: sel.guards.some((g) => passes(g, vars)) }),
  });
  return name;
}

export interface Projection {
  expr: string;
  shape: ObjectShape;
}

/** The map literal for `type` bound to `frame`, with every key the selection asks for. */
export function projectObject(
  b: Build,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  frame: ReadonlyMap<string, string>,
  guards: string[],
  path: string,
  rows: number,
): Projection {
  const spec = OBJECTS[type.name];
  if (spec === undefined) throw new Error(`field table: no entry for type ${type.name}`);
  const entries: string[] = [];
  const shape: ObjectShape = new Map();
  for (const sel of selectedOn(type, sets, b.fragments)) {
    if (sel.name === '__typename') continue;
    const def = type.getFields()[sel.name];
    if (def === undefined) throw new Error(`field table: ${type.name}.${sel.name} is not in the schema`);
    const guard = guardOf(b, sel, guards);
    const inner = guard === null ? guards : [...guards, guard];
    const at = `${path}.${sel.key}`;
    const prop = spec.props[sel.name];
    const link = spec.links[sel.name];
    let expr: string;
    let child: Shape = { type: def.type };
    if (prop !== undefined) {
      const p = typeof prop === 'string' ? { expr: prop } : prop;
      expr = substitute(p.expr, frame, 0, '');
      if (p.decode) child.decode = p.decode;
    } else if (link !== undefined) {
      ({ expr, shape: child } = linkExpr(b, def, sel, link, frame, inner, at, rows));
    } else {
      throw new Error(`field table: ${type.name}.${sel.name} is neither a property nor a link`);
    }
    if (guard !== null) child.guard = guard;
    entries.push(`\`${sel.key}\`: ${guard === null ? expr : `CASE WHEN $${guard} THEN ${expr} END`}`);
    shape.set(sel.key, child);
  }
  // One key a line: snapshot diffs then show which field changed.
  return { expr: entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n}`, shape };
}

/** The projection of a node of any entity type (the Node interface), branching on its label. */
function projectAbstract(
  b: Build,
  iface: GraphQLAbstractType,
  sets: readonly SelectionSetNode[],
  frame: ReadonlyMap<string, string>,
  guards: string[],
  path: string,
  rows: number,
): { expr: string; byType: Map<string, ObjectShape> } {
  const n = frame.get('n');
  if (n === undefined) throw new Error('field table: an interface field must bind n');
  const possible = b.schema.getPossibleTypes(iface);
  const own = possible.filter((t) => hasOwnFragment(t, sets, b.fragments));
  const rest = possible.filter((t) => !own.includes(t));
  const byType = new Map<string, ObjectShape>();
  const branches: string[] = [];
  const tagged = (p: Projection, tag: string) =>
    p.expr === '{}' ? `{\`${TYPE_KEY}\`: ${tag}}` : `{\`${TYPE_KEY}\`: ${tag},${p.expr.slice(1)}`;
  for (const t of own) {
    const p = projectObject(b, t, sets, frame, guards, `${path}<${t.name}>`, rows);
    byType.set(t.name, p.shape);
    branches.push(`WHEN ${n}:${t.name} THEN ${tagged(p, `'${t.name}'`)}`);
  }
  const [first] = rest;
  if (first !== undefined) {
    // Types without fragments of their own select only interface fields: one branch serves them all.
    const p = projectObject(b, first, sets, frame, guards, path, rows);
    for (const t of rest) byType.set(t.name, p.shape);
    const names = rest.map((t) => `'${t.name}'`).join(', ');
    branches.push(`ELSE ${tagged(p, `head([l IN labels(${n}) WHERE l IN [${names}]])`)}`);
  }
  return { expr: `CASE WHEN ${n} IS NULL THEN null ${branches.join(' ')} END`, byType };
}

/** A relationship field: its body as a COLLECT subquery, ordered, projecting the child type. */
export function linkExpr(
  b: Build,
  def: GraphQLField<unknown, unknown>,
  sel: Selected,
  link: Link,
  frame: ReadonlyMap<string, string>,
  guards: string[],
  path: string,
  parentRows: number,
): { expr: string; shape: Shape } {
  const k = b.id();
  const prefix = `a${k}_`;
  const body = substitute(link.body, frame, k, prefix);
  const childFrame = frameOf(link.body, k);
  const many = isListType(getNullableType(def.type));
  const rows = parentRows * (many ? link.fanOut : 1);
  b.charge(path, rows);
  const limitText = link.limit === undefined ? undefined : substitute(link.limit, frame, k, prefix);
  const names = [
    ...new Set(
      [...`${link.body} ${link.limit ?? ''}`.matchAll(/\$(\w+)/g)].map((m) => `${prefix}${m[1] as string}`),
    ),
  ];
  const params = link.params;
  const node = sel.nodes[0];
  if (names.length > 0) {
    if (params === undefined || node === undefined)
      throw new Error(`field table: ${path} has parameters but no params`);
    b.slots.push({
      names,
      guards,
      fill: (vars, extra) => {
        const values = params(getArgumentValues(def, node, vars), extra);
        return Object.fromEntries(Object.entries(values).map(([key, v]) => [`${prefix}${key}`, v]));
      },
    });
  }
  const target = getNamedType(def.type);
  const sets = setsOf(sel.nodes);
  let inner: string;
  const shape: Shape = { type: def.type };
  if (isAbstractType(target)) {
    const p = projectAbstract(b, target, sets, childFrame, guards, path, rows);
    inner = p.expr;
    shape.byType = p.byType;
  } else if (isObjectType(target)) {
    const p = projectObject(b, target, sets, childFrame, guards, path, rows);
    inner = p.expr;
    shape.object = p.shape;
  } else {
    throw new Error(`field table: ${path} links to ${target.name}, which is not an object type`);
  }
  const order = link.order ? ` WITH * ORDER BY ${substitute(link.order, childFrame, k, prefix)}` : '';
  const limit = limitText !== undefined ? ` LIMIT ${limitText}` : many ? '' : ' LIMIT 1';
  const sub = `COLLECT { ${body}${order}${limit ? ` WITH *${limit}` : ''} RETURN ${inner} }`;
  return { expr: many ? sub : `head(${sub})`, shape };
}

export { ENTITY_TYPES };
