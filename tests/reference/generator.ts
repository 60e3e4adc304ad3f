// Random valid GraphQL documents over the reference's root fields, drawn with fast-check from the schema itself:
// random subsets of fields to depth 4, aliases (the same field twice with different arguments), inline fragments
// on Node and on the concrete types, named fragments, __typename, arguments as literals or variables, @include and
// @skip, first/after on lists. Argument values come from the pools sampled from the graph.
//
// Cost is bounded as it is drawn: the reference runs one statement per object-valued field per parent object, so
// each such field is charged the estimated number of parents (the product of the fan-outs above it). Once the
// budget is spent, selections below hold only scalar fields, which cost nothing more.
import fc from 'fast-check';
import {
  astFromValue,
  getNamedType,
  getNullableType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { ENTITY_LABELS, type EntityLabel } from '../../graph/model';
import type { ListName } from './objects';
import type { Pools } from './pools';
import { entityTypeOf, ROOT_FIELDS } from './resolvers';

export interface Case {
  query: string;
  variables: Record<string, unknown>;
}

/** Selection sets below a root field (the API allows 12). */
const MAX_LEVEL = 4;
/** Estimated reference statements per document. */
const BUDGET = 120;
/** Aliases per document (the API allows 50). */
const MAX_ALIASES = 30;

/**
 * Rough list sizes on the seed plus 1,000 generated readouts (about the 90th percentile, more for lists with a
 * long tail), used only to keep documents cheap: a wrong figure makes a case slower or smaller, never wrong.
 */
const FANOUT: Record<string, number> = {
  'Person.positions': 3,
  'Person.dialogues': 6,
  'Person.counterparts': 12,
  'Person.sources': 17,
  'Person.relations': 30,
  'Organization.countries': 1,
  'Organization.children': 5,
  'Organization.ancestors': 2,
  'Organization.members': 5,
  'Organization.dialogues': 8,
  'Organization.agreements': 3,
  'Organization.sources': 27,
  'Organization.relations': 40,
  'Dialogue.countries': 2,
  'Dialogue.participants': 8,
  'Dialogue.themes': 8,
  'Dialogue.agreements': 2,
  'Dialogue.workingGroups': 1,
  'Dialogue.sources': 4,
  'Dialogue.relations': 30,
  'DialogueSeries.editions': 9,
  'DialogueSeries.relations': 30,
  'Theme.broader': 2,
  'Theme.narrower': 8,
  'Theme.dialogues': 120,
  'Theme.agreements': 4,
  'Theme.relations': 300,
  'Agreement.parties': 2,
  'Agreement.themes': 2,
  'Agreement.sources': 3,
  'Agreement.relations': 9,
  'Country.organizations': 50,
  'Country.people': 50,
  'Country.dialogues': 60,
  'Country.relations': 300,
  'Source.mentions': 25,
  'Source.relations': 25,
  'Position.sources': 2,
  'Attendance.sources': 2,
  'Counterpart.dialogues': 2,
  'Counterpart.sources': 4,
  'DiscussedTheme.sources': 2,
  'AgreementParty.sources': 1,
  'Relation.sources': 2,
};
const DEFAULT_FANOUT = 10;

const LISTS: Record<string, ListName> = {
  people: 'people',
  organizations: 'organizations',
  dialogues: 'dialogues',
  agreements: 'agreements',
  themes: 'themes',
};
const DEFAULT_PAGE: Record<ListName, number> = {
  people: 20,
  organizations: 20,
  dialogues: 20,
  agreements: 20,
  themes: 50,
};
const BY_ID: Record<string, EntityLabel> = {
  person: 'Person',
  organization: 'Organization',
  dialogue: 'Dialogue',
  agreement: 'Agreement',
  theme: 'Theme',
};
const THEMED: EntityLabel[] = [
  'Dialogue',
  'Agreement',
  'Person',
  'Organization',
  'Country',
  'DialogueSeries',
  'Theme',
];

/** Draws through fast-check, so every choice shrinks (integers towards their minimum: "no", the first item). */
class Draw {
  constructor(private readonly g: fc.GeneratorValue) {}
  int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }
  /** True with the given percentage; shrinks to false. */
  chance(percent: number): boolean {
    return this.int(0, 99) >= 100 - percent;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('generator: pick from an empty list');
    return item;
  }
  /** Up to `max` distinct items, at least `min`. */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const rest = [...items];
    const n = this.int(Math.min(min, rest.length), Math.min(max, rest.length));
    const out: T[] = [];
    for (let i = 0; i < n; i += 1) out.push(...rest.splice(this.int(0, rest.length - 1), 1));
    return out;
  }
}

/** Response keys already used in one selection set (fragments spread into it included), with what they select. */
type Scope = Map<string, string>;

interface Fragment {
  name: string;
  on: string;
  text: string;
  /** Its plain leaf fields, which become keys of every selection it is spread into. */
  leaves: string[];
  /** Whether it selects an object field (so it needs one level below where it is spread, and costs). */
  deep: boolean;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

class DocumentBuilder {
  private readonly declarations: string[] = [];
  readonly variables: Record<string, unknown> = {};
  private readonly fragments: Fragment[] = [];
  private aliases = 0;
  private cost = 0;
  private counter = 0;
  /** Leaf fields that mean the same on every entity type that has them: safe in fragments spread anywhere. */
  private readonly stableLeaves: Set<string>;
  private readonly entityTypes: GraphQLObjectType[];

  constructor(
    private readonly d: Draw,
    private readonly schema: GraphQLSchema,
    private readonly pools: Pools,
  ) {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('generator: no Node interface');
    this.entityTypes = [...schema.getPossibleTypes(node)];
    const typesOf = new Map<string, Set<string>>();
    for (const t of this.entityTypes) {
      for (const f of Object.values(t.getFields())) {
        if (isLeafType(getNamedType(f.type)))
          typesOf.set(f.name, (typesOf.get(f.name) ?? new Set()).add(String(f.type)));
      }
    }
    this.stableLeaves = new Set([...typesOf].filter(([, s]) => s.size === 1).map(([name]) => name));
  }

  // --- Variables and argument values

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /**
   * An argument as a literal or as a variable; a nullable one is sometimes declared but not sent, so that the
   * argument counts as absent (`sent` false).
   */
  private argument(arg: GraphQLArgument, value: unknown): { text: string; sent: boolean } {
    if (this.d.chance(35)) {
      const name = this.fresh('v');
      this.declarations.push(`$${name}: ${String(arg.type)}`);
      const sent = isNonNullType(arg.type) || !this.d.chance(5);
      if (sent) this.variables[name] = value;
      return { text: `${arg.name}: $${name}`, sent };
    }
    const ast = astFromValue(value, arg.type);
    if (ast === null || ast === undefined) {
      throw new Error(`generator: ${JSON.stringify(value)} is not a ${String(arg.type)}`);
    }
    return { text: `${arg.name}: ${print(ast)}`, sent: true };
  }

  private directive(): string {
    if (!this.d.chance(8)) return '';
    const which = this.d.chance(50) ? 'skip' : 'include';
    if (this.d.chance(30)) return ` @${which}(if: ${this.d.chance(50) ? 'true' : 'false'})`;
    const name = this.fresh('b');
    this.declarations.push(`$${name}: Boolean!`);
    this.variables[name] = this.d.chance(50);
    return ` @${which}(if: $${name})`;
  }

  private enumValues(typeName: string): string[] {
    const t = this.schema.getType(typeName);
    return isEnumType(t) ? t.getValues().map((v) => v.name) : [];
  }

  private idOf(label: EntityLabel): string {
    return this.d.chance(90) ? this.d.pick(this.pools.ids[label]) : this.d.pick(this.pools.missing);
  }

  private anyId(): string {
    return this.idOf(this.d.pick(ENTITY_LABELS));
  }

  private date(): string {
    return this.d.chance(2) ? this.d.pick(this.pools.badDates) : this.d.pick(this.pools.dates);
  }

  private first(): number | undefined {
    if (this.d.chance(25)) return undefined;
    if (this.d.chance(4)) return this.d.pick([201, -1]);
    return this.d.pick([1, 2, 3, 5, 0, 10]);
  }

  private after(list: ListName): string | undefined {
    if (!this.d.chance(40)) return undefined;
    if (this.d.chance(80)) return this.d.pick(this.pools.cursors[list]);
    const others = Object.values(this.pools.cursors).flat();
    return this.d.pick([...this.pools.badCursors, '', ...others]);
  }

  private code(): string {
    return this.d.chance(70) ? this.d.pick(this.pools.countries) : this.d.pick(this.pools.codeInputs);
  }

  /** Values for a field's arguments; an absent key leaves the argument out. */
  private argValues(parent: string, field: string): Record<string, unknown> {
    const d = this.d;
    const opt = (percent: number, value: () => unknown): unknown => (d.chance(percent) ? value() : undefined);
    if (parent === 'Query') {
      switch (field) {
        case 'node':
          return { id: this.anyId() };
        case 'nodes':
          return { ids: Array.from({ length: d.int(1, 4) }, () => this.anyId()) };
        case 'person':
        case 'organization':
        case 'dialogue':
        case 'agreement':
        case 'theme': {
          if (d.chance(3)) return {}; // neither id nor name: refused
          const own = BY_ID[field];
          return { id: own !== undefined && d.chance(85) ? this.idOf(own) : this.anyId() };
        }
        case 'country':
          return { code: this.code() };
        case 'source':
          return { id: d.chance(85) ? this.idOf('Source') : this.anyId() };
        case 'sources':
          return { first: this.first() };
        case 'people':
          return {
            country: opt(30, () => this.code()),
            organization: opt(20, () => this.idOf('Organization')),
            first: this.first(),
            after: this.after('people'),
          };
        case 'organizations':
          return {
            country: opt(30, () => this.code()),
            kind: opt(25, () => d.pick(this.enumValues('OrganizationKind'))),
            partOf: opt(20, () => this.idOf('Organization')),
            first: this.first(),
            after: this.after('organizations'),
          };
        case 'dialogues':
          return {
            countries: opt(30, () =>
              d.some(this.pools.countries, 1, 2).map((c) => (d.chance(30) ? c.toLowerCase() : c)),
            ),
            theme: opt(25, () => this.idOf('Theme')),
            from: opt(25, () => this.date()),
            to: opt(20, () => this.date()),
            first: this.first(),
            after: this.after('dialogues'),
          };
        case 'agreements':
          return {
            party: opt(25, () => this.idOf('Organization')),
            kind: opt(25, () => d.pick(this.enumValues('AgreementKind'))),
            from: opt(25, () => this.date()),
            to: opt(20, () => this.date()),
            first: this.first(),
            after: this.after('agreements'),
          };
        case 'themes':
          return {
            topLevel: opt(30, () => d.chance(50)),
            used: opt(30, () => d.chance(50)),
            first: this.first(),
            after: this.after('themes'),
          };
        case 'commonThemes': {
          const ids = Array.from({ length: d.int(2, 3) }, () => this.idOf(d.pick(THEMED)));
          if (d.chance(5)) ids.splice(1); // too few
          if (d.chance(5)) ids.push(d.pick(this.pools.ids.Source)); // documents have no themes
          if (d.chance(5)) ids.push(ids[0] ?? ''); // repeated ids count once
          return { ids };
        }
        case 'timeline':
          return {
            countries: opt(80, () =>
              d.chance(5)
                ? ['XX']
                : d.some(this.pools.countries, 1, 2).map((c) => (d.chance(20) ? ` ${c.toLowerCase()}` : c)),
            ),
            from: opt(40, () => this.date()),
            to: opt(30, () => this.date()),
          };
        default:
          return {};
      }
    }
    switch (field) {
      case 'positions':
      case 'members':
        return { at: opt(50, () => this.date()) };
      case 'relations':
        return {
          types: opt(50, () => (d.chance(15) ? [] : d.some(this.enumValues('EdgeType'), 1, 3))),
        };
      case 'dialogues':
        return parent === 'Theme' ? { includeNarrower: opt(60, () => d.chance(50)) } : {};
      case 'mentions':
        return {
          types: opt(50, () => (d.chance(15) ? [] : d.some(ENTITY_LABELS.map(entityTypeOf), 1, 2))),
        };
      default:
        return {};
    }
  }

  private argumentsText(
    parent: string,
    field: GraphQLField<unknown, unknown>,
  ): { text: string; values: Record<string, unknown> } {
    const values = this.argValues(parent, field.name);
    const parts: string[] = [];
    for (const arg of field.args) {
      if (values[arg.name] === undefined) continue;
      const { text, sent } = this.argument(arg, values[arg.name]);
      parts.push(text);
      if (!sent) values[arg.name] = undefined;
    }
    return { text: parts.length > 0 ? `(${parts.join(', ')})` : '', values };
  }

  // --- Response keys

  /** The key a field answers under: its own name when free (or the same leaf again), else a fresh alias. */
  private key(scope: Scope, name: string, signature: string, leaf: boolean, alias: boolean): string | null {
    const taken = scope.get(name);
    if (!alias && (taken === undefined || (leaf && taken === signature))) {
      scope.set(name, signature);
      return name;
    }
    if (this.aliases >= MAX_ALIASES) return null;
    this.aliases += 1;
    const key = this.fresh(name);
    scope.set(key, signature);
    return `${key}: ${name}`;
  }

  // --- Selections

  private fanout(type: string, field: string, pageSize: number): number {
    if (type.endsWith('Connection') && (field === 'edges' || field === 'nodes')) return pageSize;
    return FANOUT[`${type}.${field}`] ?? DEFAULT_FANOUT;
  }

  private affordable(parents: number): boolean {
    if (this.cost + parents > BUDGET) return false;
    this.cost += parents;
    return true;
  }

  /** A field with its arguments, directives and selection; null when no key or budget is left for it. */
  private field(
    parent: Composite,
    f: GraphQLField<unknown, unknown>,
    level: number,
    parents: number,
    scope: Scope,
    pageSize: number,
  ): string | null {
    const named = getNamedType(f.type);
    const leaf = isLeafType(named);
    if (!leaf && (level >= MAX_LEVEL || !this.affordable(parents))) return null;
    const key = this.key(scope, f.name, `${f.name}|${String(f.type)}`, leaf, this.d.chance(leaf ? 8 : 15));
    if (key === null) return null;
    const { text } = this.argumentsText(parent.name, f);
    const head = `${key}${text}${this.directive()}`;
    if (leaf) return head;
    const list = isListType(getNullableType(f.type));
    const below = parents * (list ? this.fanout(parent.name, f.name, pageSize) : 1);
    return `${head} { ${this.selection(named, level + 1, below, new Map(), pageSize).join(' ')} }`;
  }

  selection(type: unknown, level: number, parents: number, scope: Scope, pageSize = 20): string[] {
    if (isObjectType(type)) return this.objectSelection(type, level, parents, scope, pageSize);
    if (isInterfaceType(type)) return this.interfaceSelection(type, level, parents, scope);
    throw new Error('generator: a selection on a type that has no fields');
  }

  private objectSelection(
    type: GraphQLObjectType,
    level: number,
    parents: number,
    scope: Scope,
    pageSize: number,
  ): string[] {
    const d = this.d;
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const out: string[] = [];
    const add = (s: string | null) => {
      if (s !== null) out.push(s);
    };
    for (const f of d.some(leaves, leaves.length > 0 ? 1 : 0, 4))
      add(this.field(type, f, level, parents, scope, pageSize));
    if (level < MAX_LEVEL) {
      for (const f of d.some(objects, objects.length > 0 && leaves.length === 0 ? 1 : 0, 3)) {
        add(this.field(type, f, level, parents, scope, pageSize));
        // The same field again under another alias, with other arguments.
        if (f.args.length > 0 && d.chance(25)) add(this.field(type, f, level, parents, scope, pageSize));
      }
    }
    if (d.chance(10)) out.push('__typename');
    const isEntity = this.entityTypes.includes(type);
    if (isEntity && d.chance(10)) out.push('... on Node { id __typename }');
    if (isEntity && d.chance(12)) add(this.spread(type, level, parents, scope));
    if (d.chance(6)) {
      const inner = d
        .some(leaves, 1, 2)
        .flatMap((f) => this.field(type, f, level, parents, scope, pageSize) ?? []);
      if (inner.length > 0)
        out.push(`...${this.directive() || ' @include(if: true)'} { ${inner.join(' ')} }`);
    }
    if (out.length === 0) out.push('__typename');
    return out;
  }

  private interfaceSelection(
    type: GraphQLInterfaceType,
    level: number,
    parents: number,
    scope: Scope,
  ): string[] {
    const d = this.d;
    const out: string[] = [];
    if (d.chance(60)) out.push('id');
    if (d.chance(70)) out.push('__typename');
    for (const t of d.some(this.schema.getPossibleTypes(type), 0, 3)) {
      out.push(`... on ${t.name} { ${this.objectSelection(t, level, parents, scope, 20).join(' ')} }`);
    }
    if (d.chance(15)) {
      const spread = this.spread(type, level, parents, scope);
      if (spread !== null) out.push(spread);
    }
    if (out.length === 0) out.push('__typename');
    return out;
  }

  /** A named fragment spread: an earlier fragment that fits here, or a new one. */
  private spread(type: Composite, level: number, parents: number, scope: Scope): string | null {
    const d = this.d;
    const fits = (f: Fragment) =>
      (f.on === type.name || f.on === 'Node' || isInterfaceType(type)) && (!f.deep || level < MAX_LEVEL);
    const earlier = this.fragments.filter(fits);
    if (earlier.length > 0 && d.chance(50)) {
      const f = d.pick(earlier);
      if (f.deep && !this.affordable(parents)) return null;
      for (const leaf of f.leaves) scope.set(leaf, this.signatureOf(leaf));
      return `...${f.name}`;
    }
    const on: GraphQLObjectType | 'Node' = d.chance(25)
      ? 'Node'
      : isObjectType(type)
        ? type
        : d.pick(this.entityTypes);
    const name = this.fresh('F');
    let deep = false;
    let body: string;
    let leaves: string[];
    if (on === 'Node') {
      const t = d.pick(this.entityTypes);
      leaves = ['id', ...this.stableLeavesOf(t)];
      body = `id __typename ... on ${t.name} { ${leaves.slice(1).join(' ')} }`;
    } else {
      leaves = this.stableLeavesOf(on);
      const parts = [...leaves];
      const objects = Object.values(on.getFields()).filter((f) => !isLeafType(getNamedType(f.type)));
      if (level < MAX_LEVEL && objects.length > 0 && d.chance(50) && this.affordable(parents)) {
        const f = d.pick(objects);
        const { text } = this.argumentsText(on.name, f);
        const inner = this.selection(getNamedType(f.type), MAX_LEVEL, 0, new Map());
        parts.push(`${name}_${f.name}: ${f.name}${text} { ${inner.join(' ')} }`);
        this.aliases += 1;
        deep = true;
      }
      body = parts.join(' ');
    }
    this.fragments.push({ name, on: on === 'Node' ? 'Node' : on.name, text: body, leaves, deep });
    for (const leaf of leaves) scope.set(leaf, this.signatureOf(leaf));
    return `...${name}`;
  }

  private signatureOf(leaf: string): string {
    for (const t of this.entityTypes) {
      const f = t.getFields()[leaf];
      if (f) return `${leaf}|${String(f.type)}`;
    }
    return leaf;
  }

  private stableLeavesOf(type: GraphQLObjectType): string[] {
    const leaves = Object.values(type.getFields())
      .filter((f) => this.stableLeaves.has(f.name))
      .map((f) => f.name);
    return this.d.some(leaves, 1, 3);
  }

  // --- The document

  private rootField(query: GraphQLObjectType, name: string, scope: Scope): string | null {
    const f = query.getFields()[name];
    if (f === undefined) throw new Error(`generator: Query.${name} is missing`);
    const key = this.key(scope, name, `${name}|root`, false, this.d.chance(20));
    if (key === null) return null;
    const { text, values } = this.argumentsText('Query', f);
    const list = LISTS[name];
    const first = typeof values.first === 'number' && values.first >= 0 ? values.first : undefined;
    const pageSize = list === undefined ? 20 : (first ?? DEFAULT_PAGE[list]);
    const parents =
      name === 'nodes'
        ? Array.isArray(values.ids)
          ? values.ids.length
          : 1
        : name === 'countries'
          ? this.pools.countries.length
          : name === 'sources'
            ? (first ?? 20)
            : name === 'commonThemes'
              ? 10
              : name === 'timeline'
                ? values.countries === undefined
                  ? 500
                  : 20
                : 1;
    const body = this.selection(getNamedType(f.type), 1, parents, new Map(), pageSize);
    return `${key}${text}${this.directive()} { ${body.join(' ')} }`;
  }

  build(): Case {
    const query = this.schema.getQueryType();
    if (!query) throw new Error('generator: no Query type');
    const scope: Scope = new Map();
    const roots: string[] = [];
    let previous: string | undefined;
    for (let i = this.d.int(1, 3); i > 0; i -= 1) {
      // Sometimes the same root field again, under an alias and with other arguments.
      const name: string = previous !== undefined && this.d.chance(20) ? previous : this.d.pick(ROOT_FIELDS);
      const field = this.rootField(query, name, scope);
      if (field !== null) roots.push(field);
      previous = name;
    }
    if (this.d.chance(5)) roots.push('__typename');
    const head = this.declarations.length > 0 ? `query Case(${this.declarations.join(', ')})` : 'query Case';
    const fragments = this.fragments.map((f) => `fragment ${f.name} on ${f.on} { ${f.text} }`);
    return {
      query: print(parse([`${head} { ${roots.join(' ')} }`, ...fragments].join('\n'))),
      variables: this.variables,
    };
  }
}

/** Documents for the differential test; fast-check shrinks a failing one through its recorded choices. */
export function caseArbitrary(schema: GraphQLSchema, pools: Pools): fc.Arbitrary<Case> {
  return fc.gen().map((g) => new DocumentBuilder(new Draw(g), schema, pools).build());
}
