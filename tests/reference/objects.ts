// The values the reference's resolvers pass down: entities as their stored properties show them, and the edge
// objects (posts, attendance, counterparts…) as just enough to find the edge again. Each field below them runs its
// own statement from these, so no answer depends on something fetched for another field.
import { ENTITY_LABELS, type EntityLabel } from '../../graph/model';
import { optNum, optStr, props, str, strs, type Props } from './decode';

export interface PersonObj {
  __typename: 'Person';
  id: string;
  name: string;
  aliases: string[];
  mergedIds: string[];
  country: string | null;
}
export interface OrganizationObj {
  __typename: 'Organization';
  id: string;
  name: string;
  aliases: string[];
  mergedIds: string[];
  kind: string;
  countries: string[];
}
export interface CountryObj {
  __typename: 'Country';
  id: string;
  code: string;
  name: string;
}
export interface DialogueObj {
  __typename: 'Dialogue';
  id: string;
  name: string;
  aliases: string[];
  edition: number | null;
  startDate: string;
  endDate: string | null;
  city: string | null;
  host: string | null;
  countries: string[];
  summary: string | null;
}
export interface SeriesObj {
  __typename: 'DialogueSeries';
  id: string;
  name: string;
  aliases: string[];
}
export interface ThemeObj {
  __typename: 'Theme';
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
}
export interface AgreementObj {
  __typename: 'Agreement';
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  signedOn: string | null;
  summary: string | null;
}
export interface SourceObj {
  __typename: 'Source';
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  published: string;
  kind: string;
  hash: string | null;
}

export type EntityObj =
  PersonObj | OrganizationObj | CountryObj | DialogueObj | SeriesObj | ThemeObj | AgreementObj | SourceObj;

export type Of<L extends EntityLabel> = Extract<EntityObj, { __typename: L }>;

/** The entity label among a node's labels (Name and other internal labels are not entities). */
export function entityLabel(labels: unknown): EntityLabel | undefined {
  const all = strs(labels);
  return ENTITY_LABELS.find((l) => all.includes(l));
}

export function toEntity(labels: unknown, rawProps: unknown): EntityObj | undefined {
  const p: Props = props(rawProps);
  const id = str(p.id);
  const aliases = strs(p.aliases);
  switch (entityLabel(labels)) {
    case 'Person':
      return {
        __typename: 'Person',
        id,
        name: str(p.name),
        aliases,
        mergedIds: strs(p.mergedIds),
        country: optStr(p.country),
      };
    case 'Organization':
      return {
        __typename: 'Organization',
        id,
        name: str(p.name),
        aliases,
        mergedIds: strs(p.mergedIds),
        kind: str(p.kind),
        countries: strs(p.countries),
      };
    case 'Country':
      return { __typename: 'Country', id, code: str(p.code), name: str(p.name) };
    case 'Dialogue':
      return {
        __typename: 'Dialogue',
        id,
        name: str(p.name),
        aliases,
        edition: optNum(p.edition),
        startDate: str(p.startDate),
        endDate: optStr(p.endDate),
        city: optStr(p.city),
        host: optStr(p.host),
        countries: strs(p.countries),
        summary: optStr(p.summary),
      };
    case 'DialogueSeries':
      return { __typename: 'DialogueSeries', id, name: str(p.name), aliases };
    case 'Theme':
      return { __typename: 'Theme', id, name: str(p.name), aliases, description: optStr(p.description) };
    case 'Agreement':
      return {
        __typename: 'Agreement',
        id,
        name: str(p.name),
        aliases,
        kind: str(p.kind),
        signedOn: optStr(p.signedOn),
        summary: optStr(p.summary),
      };
    case 'Source':
      return {
        __typename: 'Source',
        id,
        title: str(p.title),
        publisher: str(p.publisher),
        url: optStr(p.url),
        published: str(p.published),
        kind: str(p.kind),
        hash: optStr(p.hash),
      };
    default:
      return undefined;
  }
}

/** A (Person)-[:HOLDS_POST]->(Organization) edge; `rel` is its element id. */
export interface PositionObj {
  rel: string;
  personId: string;
  organizationId: string;
  title: string;
  from: string | null;
  to: string | null;
  attestedFrom: string | null;
  attestedTo: string | null;
}

/** One document's claim as stored: on a MENTIONS link (JSON) or in a fact edge's `claims` (source id, tab, JSON). */
export interface ClaimObj {
  sourceId: string;
  text: string;
}

/** A (Person)-[:ATTENDED]->(Dialogue) edge. */
export interface AttendanceObj {
  rel: string;
  personId: string;
  dialogueId: string;
  role: string;
  title: string | null;
  onBehalfOf: string | null;
  country: string | null;
}

/** The pair (person, counterpart); everything else is asked of the graph again. */
export interface CounterpartObj {
  personId: string;
  otherId: string;
}

/** A (Dialogue)-[:DISCUSSED]->(Theme) edge. */
export interface DiscussedThemeObj {
  rel: string;
  themeId: string;
  notes: string[];
}

/** An (Organization)-[:PARTY_TO]->(Agreement) edge. */
export interface PartyObj {
  rel: string;
  organizationId: string;
}

export interface RelationObj {
  rel: string;
  type: string;
  direction: 'OUT' | 'IN';
  nodeId: string;
  properties: Props;
}

export interface TimelineObj {
  date: string;
  kind: 'DIALOGUE' | 'AGREEMENT';
  id: string;
  label: string;
}

export type ListName = 'people' | 'organizations' | 'dialogues' | 'agreements' | 'themes';

/** A list page still to be read: which list, its filters (Cypher parameters), the page size and the cursor. */
export interface ConnectionObj {
  list: ListName;
  filters: Record<string, unknown>;
  first: number;
  afterKey: unknown;
  afterId: string | null;
}

export interface PageItem {
  cursor: string;
  node: EntityObj;
}
