// Dialogue, DiscussedTheme, DialogueSeries and the dialogue/dialogues root fields.
import { countryId } from '../graph/countries';
import { listPage } from '../graph/queries/lists';
import type { Resolvers } from './__generated__/types';
import { byIdOrName, pageOf, relationsOf } from './shared';
import { load, loadMany, need, only, period, sources } from './util';

export const dialogueResolvers: Resolvers = {
  Query: {
    dialogue: (_, args, ctx, info) => byIdOrName(ctx, info, 'Dialogue', args.id, args.name),
    dialogues: async (_, args, ctx, info) => {
      const filters = {
        countries: args.countries?.map((c) => c.toUpperCase()) ?? null,
        theme: args.theme ?? null,
        from: args.from ? period(args.from, 'from').from : null,
        to: args.to ? period(args.to, 'to').to : null,
      };
      const page = await ctx.executor.withRead((run) =>
        listPage(run, 'dialogues', filters, args.first, args.after),
      );
      return pageOf(ctx, info, 'Dialogue', page);
    },
  },
  Dialogue: {
    series: async (d, _, ctx) =>
      only(await ctx.loaders.neighbours.dialogueSeries.load(d.id), 'DialogueSeries')[0] ?? null,
    host: (d, _, ctx) => (d.host ? load(ctx, countryId(d.host), 'Country') : null),
    countries: (d, _, ctx) => loadMany(ctx, d.countries.map(countryId), 'Country'),
    participants: (d, _, ctx) => ctx.loaders.attendanceByDialogue.load(d.id),
    themes: (d, _, ctx) => ctx.loaders.discussedThemes.load(d.id),
    agreements: async (d, _, ctx) =>
      only(await ctx.loaders.neighbours.dialogueAgreements.load(d.id), 'Agreement'),
    workingGroups: async (d, _, ctx) =>
      only(await ctx.loaders.neighbours.dialogueWorkingGroups.load(d.id), 'Organization'),
    sources: async (d, _, ctx) => only(await ctx.loaders.neighbours.mentionedByDialogue.load(d.id), 'Source'),
    relations: (d, args, ctx) => relationsOf(ctx, d.id, args.types),
  },
  DiscussedTheme: {
    theme: (r, _, ctx) => need(ctx, r.themeId, 'Theme'),
    sources: (r, _, ctx) => sources(ctx, r.sources),
  },
  DialogueSeries: {
    editions: async (s, _, ctx) => only(await ctx.loaders.neighbours.seriesEditions.load(s.id), 'Dialogue'),
    relations: (s, args, ctx) => relationsOf(ctx, s.id, args.types),
  },
};
