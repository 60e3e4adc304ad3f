// Theme and the theme/themes root fields (commonThemes lives with the graph queries).
import { listPage } from '../graph/queries/lists';
import type { Resolvers } from './__generated__/types';
import { byIdOrName, pageOf, relationsOf } from './shared';
import { only } from './util';

export const themeResolvers: Resolvers = {
  Query: {
    theme: (_, args, ctx, info) => byIdOrName(ctx, info, 'Theme', args.id, args.name),
    themes: async (_, args, ctx, info) => {
      const filters = { topLevel: args.topLevel ?? null, used: args.used ?? null };
      const page = await ctx.executor.withRead((run) =>
        listPage(run, 'themes', filters, args.first, args.after),
      );
      return pageOf(ctx, info, 'Theme', page);
    },
  },
  Theme: {
    broader: async (t, _, ctx) => only(await ctx.loaders.neighbours.themeBroader.load(t.id), 'Theme'),
    narrower: async (t, _, ctx) => only(await ctx.loaders.neighbours.themeNarrower.load(t.id), 'Theme'),
    dialogues: async (t, args, ctx) =>
      only(
        await ctx.loaders.neighbours[args.includeNarrower ? 'themeDialoguesDeep' : 'themeDialogues'].load(
          t.id,
        ),
        'Dialogue',
      ),
    agreements: async (t, _, ctx) =>
      only(await ctx.loaders.neighbours.themeAgreements.load(t.id), 'Agreement'),
    relations: (t, args, ctx) => relationsOf(ctx, t.id, args.types),
  },
};
