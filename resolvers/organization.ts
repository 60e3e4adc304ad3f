// Organization and the organization/organizations root fields.
import { countryId } from '../graph/countries';
import { membersAtKey } from '../graph/queries/edges';
import { listPage } from '../graph/queries/lists';
import type { Resolvers } from './__generated__/types';
import { byIdOrName, pageOf, relationsOf } from './shared';
import { load, loadMany, only, period } from './util';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_, args, ctx, info) => byIdOrName(ctx, info, 'Organization', args.id, args.name),
    organizations: async (_, args, ctx, info) => {
      const filters = {
        country: args.country?.toUpperCase() ?? null,
        kind: args.kind ?? null,
        partOf: args.partOf ?? null,
      };
      const page = await ctx.executor.withRead((run) =>
        listPage(run, 'organizations', filters, args.first, args.after),
      );
      return pageOf(ctx, info, 'Organization', page);
    },
  },
  Organization: {
    country: (o, _, ctx) =>
      o.countries.length === 1 && o.countries[0] ? load(ctx, countryId(o.countries[0]), 'Country') : null,
    countries: (o, _, ctx) => loadMany(ctx, o.countries.map(countryId), 'Country'),
    parent: async (o, _, ctx) =>
      only(await ctx.loaders.neighbours.orgParent.load(o.id), 'Organization')[0] ?? null,
    children: async (o, _, ctx) => only(await ctx.loaders.neighbours.orgChildren.load(o.id), 'Organization'),
    ancestors: async (o, _, ctx) =>
      only(await ctx.loaders.neighbours.orgAncestors.load(o.id), 'Organization'),
    members: async (o, args, ctx) => {
      if (args.at === undefined || args.at === null) return ctx.loaders.positionsByOrganization.load(o.id);
      const { from, to } = period(args.at);
      return ctx.loaders.positionsByOrganizationAt.load(membersAtKey(o.id, from, to));
    },
    dialogues: async (o, _, ctx) => only(await ctx.loaders.neighbours.orgDialogues.load(o.id), 'Dialogue'),
    agreements: async (o, _, ctx) => only(await ctx.loaders.neighbours.orgAgreements.load(o.id), 'Agreement'),
    sources: async (o, _, ctx) =>
      only(await ctx.loaders.neighbours.mentionedByOrganization.load(o.id), 'Source'),
    relations: (o, args, ctx) => relationsOf(ctx, o.id, args.types),
  },
};
