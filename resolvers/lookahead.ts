// Look-ahead for the single-entity root fields: which loader-backed fields the request selects below the root,
// as prefetch steps, so that graph/prefetch.ts answers the whole nested selection in one statement. Fields not in
// the table (or beyond the prefetch's cap) simply fall back to their loaders.
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { isValidPartialDate, lowerBound, upperBound } from '../graph/dates';
import type { PrefetchSource, PrefetchStep } from '../graph/prefetch';

type Entry = Pick<PrefetchStep, 'source' | 'keyFrom' | 'period'>;
/** A field whose loader depends on its arguments; undefined: not prefetched (e.g. an invalid date, refused later). */
type ByArgs = (args: Record<string, unknown>) => Entry | undefined;

const neighbour = (n: Extract<PrefetchSource, { neighbour: unknown }>['neighbour']): Entry => ({
  source: { neighbour: n },
  keyFrom: 'id',
});
const edge = (e: Extract<PrefetchSource, { edge: unknown }>['edge']): Entry => ({
  source: { edge: e },
  keyFrom: 'id',
});
const entity = (
  label: Extract<PrefetchSource, { entity: unknown }>['entity'],
  keyFrom: PrefetchStep['keyFrom'],
): Entry => ({ source: { entity: label }, keyFrom });

/**
 * (GraphQL type, field) → the loader its resolver calls, and where its keys come from. Must match the resolvers:
 * a field listed here whose resolver reads another loader would only cost a wasted prefetch level, never a wrong
 * answer, because the resolvers still run and read their own loaders.
 */
const PREFETCHABLE: Record<string, Record<string, Entry | ByArgs>> = {
  Person: {
    country: entity('Country', 'country'),
    positions: edge('positionsByPerson'),
    dialogues: edge('attendanceByPerson'),
    counterparts: edge('counterpartsByPerson'),
    sources: neighbour('mentionedByPerson'),
  },
  Position: {
    person: entity('Person', 'personId'),
    organization: entity('Organization', 'organizationId'),
    sources: entity('Source', 'sources'),
  },
  Attendance: {
    person: entity('Person', 'personId'),
    dialogue: entity('Dialogue', 'dialogueId'),
    onBehalfOf: entity('Organization', 'onBehalfOf'),
    country: entity('Country', 'country'),
    sources: entity('Source', 'sources'),
  },
  Counterpart: {
    person: entity('Person', 'personId'),
    dialogues: entity('Dialogue', 'dialogueIds'),
    sources: entity('Source', 'sources'),
  },
  Organization: {
    country: entity('Country', 'countries'),
    countries: entity('Country', 'countries'),
    parent: neighbour('orgParent'),
    children: neighbour('orgChildren'),
    ancestors: neighbour('orgAncestors'),
    // members(at:) reads a loader keyed by the organisation and the period.
    members: ({ at }) =>
      typeof at !== 'string'
        ? edge('positionsByOrganization')
        : isValidPartialDate(at)
          ? { ...edge('positionsByOrganizationAt'), period: { from: lowerBound(at), to: upperBound(at) } }
          : undefined,
    dialogues: neighbour('orgDialogues'),
    agreements: neighbour('orgAgreements'),
    sources: neighbour('mentionedByOrganization'),
  },
  Dialogue: {
    host: entity('Country', 'host'),
    countries: entity('Country', 'countries'),
    series: neighbour('dialogueSeries'),
    participants: edge('attendanceByDialogue'),
    themes: edge('themesByDialogue'),
    agreements: neighbour('dialogueAgreements'),
    workingGroups: neighbour('dialogueWorkingGroups'),
    sources: neighbour('mentionedByDialogue'),
  },
  DiscussedTheme: { theme: entity('Theme', 'themeId'), sources: entity('Source', 'sources') },
  DialogueSeries: { editions: neighbour('seriesEditions') },
  Theme: {
    broader: neighbour('themeBroader'),
    narrower: neighbour('themeNarrower'),
    dialogues: ({ includeNarrower }) =>
      neighbour(includeNarrower === true ? 'themeDialoguesDeep' : 'themeDialogues'),
    agreements: neighbour('themeAgreements'),
  },
  Agreement: {
    parties: edge('partiesByAgreement'),
    dialogue: neighbour('agreementDialogue'),
    themes: neighbour('agreementThemes'),
    sources: neighbour('mentionedByAgreement'),
  },
  AgreementParty: {
    organization: entity('Organization', 'organizationId'),
    sources: entity('Source', 'sources'),
  },
  Country: {
    organizations: neighbour('countryOrganizations'),
    people: neighbour('countryPeople'),
    dialogues: neighbour('countryDialogues'),
  },
};

/** The fields selected on `type`, through fragments that apply to it, grouped by field name (aliases merged). */
function fieldsOn(
  type: GraphQLObjectType,
  set: SelectionSetNode,
  info: GraphQLResolveInfo,
  out = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.set(sel.name.value, [...(out.get(sel.name.value) ?? []), sel]);
    else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const on = sel.typeCondition?.name.value;
      if (on === undefined || on === type.name || type.getInterfaces().some((i) => i.name === on))
        fieldsOn(type, sel.selectionSet, info, out);
    } else {
      const fragment = info.fragments[sel.name.value];
      const on = fragment?.typeCondition.name.value;
      if (fragment && (on === type.name || type.getInterfaces().some((i) => i.name === on)))
        fieldsOn(type, fragment.selectionSet, info, out);
    }
  }
  return out;
}

const setsOf = (nodes: readonly FieldNode[] | undefined) =>
  (nodes ?? []).flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/** The one entry all selections of a field agree on; undefined if none, or if aliases ask with different arguments. */
function entryFor(
  spec: Entry | ByArgs,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
): Entry | undefined {
  if (typeof spec !== 'function') return spec;
  const entries = nodes.map((n) => spec(getArgumentValues(def, n, info.variableValues)));
  const [first] = entries;
  const same = entries.every((e) => e !== undefined && JSON.stringify(e) === JSON.stringify(first));
  return same ? first : undefined;
}

function stepsFor(type: GraphQLObjectType, sets: readonly SelectionSetNode[], info: GraphQLResolveInfo) {
  const fields = new Map<string, FieldNode[]>();
  for (const set of sets) fieldsOn(type, set, info, fields);
  const steps: PrefetchStep[] = [];
  for (const [name, nodes] of fields) {
    const spec = PREFETCHABLE[type.name]?.[name];
    const def = type.getFields()[name];
    const entry = spec && def ? entryFor(spec, def, nodes, info) : undefined;
    if (entry === undefined || def === undefined) continue;
    const child = getNamedType(def.type);
    steps.push({ ...entry, children: isObjectType(child) ? stepsFor(child, setsOf(nodes), info) : [] });
  }
  return steps;
}

/** Prefetch steps for what the current root field selects below the entity it returns. */
export function selectedSteps(info: GraphQLResolveInfo): PrefetchStep[] {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return [];
  return stepsFor(type, setsOf(info.fieldNodes), info);
}

/** Prefetch steps for what a connection field selects below its entities (`nodes { … }`, `edges { node { … } }`). */
export function connectionSteps(info: GraphQLResolveInfo): PrefetchStep[] {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return [];
  const fields = new Map<string, FieldNode[]>();
  for (const set of setsOf(info.fieldNodes)) fieldsOn(connection, set, info, fields);
  const node = getNamedType(connection.getFields().nodes?.type);
  const edge = getNamedType(connection.getFields().edges?.type);
  if (!isObjectType(node) || !isObjectType(edge)) return [];
  const edgeFields = new Map<string, FieldNode[]>();
  for (const set of setsOf(fields.get('edges'))) fieldsOn(edge, set, info, edgeFields);
  return stepsFor(node, [...setsOf(fields.get('nodes')), ...setsOf(edgeFields.get('node'))], info);
}

/**
 * Whether the current field's selection reaches `path` (e.g. `['nodes', 'properties']` below `subgraph`), through
 * fragments and aliases: lets a resolver skip reading what nobody asked for.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let type: GraphQLNamedType | undefined = getNamedType(info.returnType);
  let sets = setsOf(info.fieldNodes);
  for (const name of path) {
    if (!isObjectType(type)) return false;
    const fields = new Map<string, FieldNode[]>();
    for (const set of sets) fieldsOn(type, set, info, fields);
    const nodes = fields.get(name);
    if (nodes === undefined) return false;
    type = getNamedType(type.getFields()[name]?.type);
    sets = setsOf(nodes);
  }
  return true;
}
