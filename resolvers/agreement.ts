// Agreement, AgreementParty and the agreement/agreements root fields.
import { listPage } from '../graph/queries/lists';
import type { Resolvers } from './__generated__/types';
import { byIdOrName, pageOf, relationsOf } from './shared';
import { need, only, period, sources } from './util';

export const agreementResolvers: Resolvers = {
  Query: {
    agreement: (_, args, ctx, info) => byIdOrName(ctx, info, 'Agreement', args.id, args.name),
    agreements: async (_, args, ctx, info) => {
      const filters = {
        party: args.party ?? null,
        kind: args.kind ?? null,
        from: args.from ? period(args.from, 'from').from : null,
        to: args.to ? period(args.to, 'to').to : null,
      };
      const page = await ctx.executor.withRead((run) =>
        listPage(run, 'agreements', filters, args.first, args.after),
      );
      return pageOf(ctx, info, 'Agreement', page);
    },
  },
  Agreement: {
    parties: (a, _, ctx) => ctx.loaders.parties.load(a.id),
    dialogue: async (a, _, ctx) =>
      only(await ctx.loaders.neighbours.agreementDialogue.load(a.id), 'Dialogue')[0] ?? null,
    themes: async (a, _, ctx) => only(await ctx.loaders.neighbours.agreementThemes.load(a.id), 'Theme'),
    sources: async (a, _, ctx) =>
      only(await ctx.loaders.neighbours.mentionedByAgreement.load(a.id), 'Source'),
    relations: (a, args, ctx) => relationsOf(ctx, a.id, args.types),
  },
  AgreementParty: {
    organization: (r, _, ctx) => need(ctx, r.organizationId, 'Organization'),
    sources: (r, _, ctx) => sources(ctx, r.sources),
  },
};
