// Person, Position, Attendance and Counterpart, and the person/people root fields.
import { countryId } from '../graph/countries';
import { heldAt } from '../graph/queries/edges';
import { listPage } from '../graph/queries/lists';
import type { Resolvers } from './__generated__/types';
import { byIdOrName, pageOf, relationsOf } from './shared';
import { load, loadMany, need, only, period, sources } from './util';

export const personResolvers: Resolvers = {
  Query: {
    person: (_, args, ctx, info) => byIdOrName(ctx, info, 'Person', args.id, args.name),
    people: async (_, args, ctx, info) => {
      const filters = {
        country: args.country?.toUpperCase() ?? null,
        organization: args.organization ?? null,
      };
      const page = await ctx.executor.withRead((run) =>
        listPage(run, 'people', filters, args.first, args.after),
      );
      return pageOf(ctx, info, 'Person', page);
    },
  },
  Person: {
    country: (p, _, ctx) => (p.country ? load(ctx, countryId(p.country), 'Country') : null),
    positions: async (p, args, ctx) => {
      const all = await ctx.loaders.positionsByPerson.load(p.id);
      if (args.at === undefined || args.at === null) return all;
      const { from, to } = period(args.at);
      return all.filter((pos) => heldAt(pos, from, to));
    },
    dialogues: (p, _, ctx) => ctx.loaders.attendanceByPerson.load(p.id),
    counterparts: (p, _, ctx) => ctx.loaders.counterparts.load(p.id),
    sources: async (p, _, ctx) => only(await ctx.loaders.neighbours.mentionedByPerson.load(p.id), 'Source'),
    relations: (p, args, ctx) => relationsOf(ctx, p.id, args.types),
  },
  Position: {
    person: (r, _, ctx) => need(ctx, r.personId, 'Person'),
    organization: (r, _, ctx) => need(ctx, r.organizationId, 'Organization'),
    sources: (r, _, ctx) => sources(ctx, r.sources),
  },
  Attendance: {
    person: (r, _, ctx) => need(ctx, r.personId, 'Person'),
    dialogue: (r, _, ctx) => need(ctx, r.dialogueId, 'Dialogue'),
    role: (r) => r.role as 'co_chair' | 'head_of_delegation' | 'delegate' | 'participant',
    onBehalfOf: (r, _, ctx) => load(ctx, r.onBehalfOf, 'Organization'),
    country: (r, _, ctx) => (r.country ? load(ctx, countryId(r.country), 'Country') : null),
    sources: (r, _, ctx) => sources(ctx, r.sources),
  },
  Counterpart: {
    person: (r, _, ctx) => need(ctx, r.personId, 'Person'),
    dialogues: (r, _, ctx) => loadMany(ctx, r.dialogueIds, 'Dialogue'),
    sources: (r, _, ctx) => sources(ctx, r.sources),
  },
};
