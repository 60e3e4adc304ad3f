// Country and Source, and their root fields.
import { allCountries, latestSources } from '../graph/queries/catalog';
import { findCountry } from '../graph/queries/lookup';
import type { EntityType, Resolvers } from './__generated__/types';
import { relationsOf } from './shared';
import { load, only } from './util';

const TYPENAME: Record<EntityType, string> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  COUNTRY: 'Country',
  DIALOGUE: 'Dialogue',
  DIALOGUE_SERIES: 'DialogueSeries',
  THEME: 'Theme',
  AGREEMENT: 'Agreement',
  SOURCE: 'Source',
};

export function typenamesOf(types: readonly EntityType[] | null | undefined): Set<string> | null {
  return types && types.length > 0 ? new Set(types.map((t) => TYPENAME[t])) : null;
}

export const countryResolvers: Resolvers = {
  Query: {
    country: async (_, args, ctx) => {
      const c = await ctx.executor.withRead((run) => findCountry(run, args.code));
      return c?.__typename === 'Country' ? c : null;
    },
    countries: async (_, __, ctx) => only(await ctx.executor.withRead((run) => allCountries(run)), 'Country'),
    source: (_, args, ctx) => load(ctx, args.id, 'Source'),
    sources: async (_, args, ctx) =>
      only(await ctx.executor.withRead((run) => latestSources(run, args.first)), 'Source'),
  },
  Country: {
    organizations: async (c, _, ctx) =>
      only(await ctx.loaders.neighbours.countryOrganizations.load(c.id), 'Organization'),
    people: async (c, _, ctx) => only(await ctx.loaders.neighbours.countryPeople.load(c.id), 'Person'),
    dialogues: async (c, _, ctx) =>
      only(await ctx.loaders.neighbours.countryDialogues.load(c.id), 'Dialogue'),
    relations: (c, args, ctx) => relationsOf(ctx, c.id, args.types),
  },
  Source: {
    mentions: async (s, args, ctx) => {
      const wanted = typenamesOf(args.types);
      const all = await ctx.loaders.neighbours.sourceMentions.load(s.id);
      return wanted ? all.filter((e) => wanted.has(e.__typename)) : all;
    },
    relations: (s, args, ctx) => relationsOf(ctx, s.id, args.types),
  },
};
