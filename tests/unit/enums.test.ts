// Every enum of the SDL has copies elsewhere: the constants and row types of graph/model.ts, the readout parser's
// formats and ingest actions, the history's actions (graph/history.ts, which the decoder's checks rest on), and the
// explorer's lists (scripts/web/explore). They must hold the same values, so a value added in one place cannot
// silently be missing in another. Where the copy is a TypeScript union rather than a list, an
// exhaustive record stands for it: `npm run typecheck` refuses the record if the union gains or loses a member.
import { isEnumType } from 'graphql';
import {
  AGREEMENT_KINDS,
  EDGE_TYPES,
  ENTITY_LABELS,
  ORG_KINDS,
  ROLES,
  SOURCE_KINDS,
  type RelationRow,
  type SearchHitRow,
  type TimelineRow,
} from '../../graph/model';
import { CHANGE_ACTIONS } from '../../graph/history';
import type { ReadoutAction } from '../../graph/readout/ingest';
import type { ReadoutFormat } from '../../graph/readout/parse';
import { TYPE_LOOKS } from '../../scripts/web/explore/graphStyle';
import { EDGE_TYPES as EXPLORER_EDGE_TYPES, type SearchHit } from '../../scripts/web/explore/queries';
import { entityTypeOf } from '../reference/resolvers';
import { referenceSchema } from '../reference/schema';

/** The members of a union type, checked complete by the compiler (a missing or extra key does not compile). */
function members<T extends string>(record: { [K in T]: true }): string[] {
  return Object.keys(record);
}

interface Copy {
  where: string;
  values: readonly string[];
  /** Whether the copy's order is meaningful (a list shown in that order), not just its members. */
  ordered: boolean;
}

const list = (where: string, values: readonly string[]): Copy => ({ where, values, ordered: true });
const union = (where: string, values: readonly string[]): Copy => ({ where, values, ordered: false });

const COPIES: Record<string, Copy[]> = {
  EntityType: [
    list('graph/model.ts ENTITY_LABELS (as SCREAMING_SNAKE)', ENTITY_LABELS.map(entityTypeOf)),
    union(
      'scripts/web/explore/graphStyle.ts TYPE_LOOKS (as SCREAMING_SNAKE)',
      Object.keys(TYPE_LOOKS).map(entityTypeOf),
    ),
  ],
  EdgeType: [
    list('graph/model.ts EDGE_TYPES', EDGE_TYPES),
    list('scripts/web/explore/queries.ts EDGE_TYPES', EXPLORER_EDGE_TYPES),
  ],
  Role: [list('graph/model.ts ROLES', ROLES)],
  OrganizationKind: [list('graph/model.ts ORG_KINDS', ORG_KINDS)],
  AgreementKind: [list('graph/model.ts AGREEMENT_KINDS', AGREEMENT_KINDS)],
  SourceKind: [list('graph/model.ts SOURCE_KINDS', SOURCE_KINDS)],
  Direction: [
    union(
      "graph/model.ts RelationRow['direction']",
      members<RelationRow['direction']>({ OUT: true, IN: true }),
    ),
  ],
  SearchMatch: [
    union(
      "graph/model.ts SearchHitRow['matchedOn']",
      members<SearchHitRow['matchedOn']>({ NAME: true, ALIAS: true, TEXT: true }),
    ),
    union(
      "scripts/web/explore/queries.ts SearchHit['matchedOn']",
      members<SearchHit['matchedOn']>({ NAME: true, ALIAS: true, TEXT: true }),
    ),
  ],
  TimelineKind: [
    union(
      "graph/model.ts TimelineRow['kind']",
      members<TimelineRow['kind']>({ DIALOGUE: true, AGREEMENT: true }),
    ),
  ],
  ReadoutAction: [
    union(
      'graph/readout/ingest.ts ReadoutAction',
      members<ReadoutAction>({ added: true, revised: true, unchanged: true }),
    ),
  ],
  ChangeAction: [list('graph/history.ts CHANGE_ACTIONS', CHANGE_ACTIONS)],
  ReadoutFormat: [
    union(
      'graph/readout/parse.ts ReadoutFormat (upper case)',
      members<ReadoutFormat>({ yaml: true, json: true }).map((f) => f.toUpperCase()),
    ),
  ],
};

const schema = referenceSchema();
const sdlEnums = Object.values(schema.getTypeMap()).filter((t) => isEnumType(t) && !t.name.startsWith('__'));

/** What differs between the SDL's values and a copy, in words; null when they agree. */
function difference(enumName: string, sdl: readonly string[], copy: Copy): string | null {
  const missing = sdl.filter((v) => !copy.values.includes(v));
  const extra = copy.values.filter((v) => !sdl.includes(v));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `in the SDL but not in ${copy.where}: ${missing.join(', ')}` : '',
      extra.length > 0 ? `in ${copy.where} but not in the SDL: ${extra.join(', ')}` : '',
    ];
    return `${enumName}: ${parts.filter(Boolean).join('; ')}`;
  }
  if (copy.ordered && sdl.join() !== copy.values.join()) {
    return `${enumName}: ${copy.where} lists the same values in another order (${copy.values.join(', ')}; SDL: ${sdl.join(', ')})`;
  }
  return null;
}

test('every SDL enum has its copies listed here', () => {
  const unlisted = sdlEnums.map((t) => t.name).filter((name) => !(name in COPIES));
  expect(unlisted).toEqual([]);
  const unknown = Object.keys(COPIES).filter((name) => !sdlEnums.some((t) => t.name === name));
  expect(unknown).toEqual([]);
});

test.each(Object.keys(COPIES))('enum %s equals its copies', (name) => {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the SDL`);
  const sdl = type.getValues().map((v) => v.name);
  const problems = (COPIES[name] ?? []).flatMap((copy) => difference(name, sdl, copy) ?? []);
  expect(problems).toEqual([]);
});
