// Mutation.ingestReadout, retractSource, mergeEntities and splitEntity: the loader's write paths behind an editor token, whose label
// the change history records. Query.validateReadout: the loader's validation alone, open to every reader since it
// only reads the graph.
import { editorTokensOf } from '../graph/config';
import { ForbiddenError, UnauthenticatedError } from '../graph/errors';
import { ingestReadouts } from '../graph/readout/ingest';
import { mergeEntities, splitEntity } from '../graph/readout/merge';
import { retractSources } from '../graph/readout/retract';
import { validateReadoutText } from '../graph/readout/validate';
import type { Resolvers } from './__generated__/types';
import type { GraphContext } from './context';
import { readOne } from '../graph/read/read';
import { ENTITY_BY_ID } from '../graph/read/roots';

/** The label of the caller's editor token; FORBIDDEN when the server has none, UNAUTHENTICATED without one. */
function editorOf(ctx: GraphContext, field: string): string {
  if (editorTokensOf(ctx.config).length === 0) {
    throw new ForbiddenError(
      'Mutations are disabled on this server: no editor token is configured (EDITOR_TOKENS or GRAPH_EDITOR_TOKEN).',
    );
  }
  if (ctx.editor === undefined) {
    throw new UnauthenticatedError(`${field} needs the header Authorization: Bearer <editor token>.`);
  }
  return ctx.editor;
}

export const ingestResolvers: Resolvers = {
  Query: {
    validateReadout: (_, args, ctx) =>
      validateReadoutText(ctx.executor, args.readout, args.format === 'JSON' ? 'json' : 'yaml'),
  },
  Mutation: {
    ingestReadout: async (_, args, ctx) => {
      const who = editorOf(ctx, 'ingestReadout');
      const format = args.format === 'JSON' ? 'json' : 'yaml';
      return ingestReadouts(ctx.executor, [{ file: 'readout', text: args.readout, format }], {
        dryRun: args.dryRun,
        who,
      });
    },
    retractSource: async (_, args, ctx) => {
      const who = editorOf(ctx, 'retractSource');
      return retractSources(ctx.executor, [args.id], { dryRun: args.dryRun, who });
    },
    mergeEntities: async (_, args, ctx) => {
      const who = editorOf(ctx, 'mergeEntities');
      return mergeEntities(ctx.executor, args.id, args.into, { dryRun: args.dryRun, who });
    },
    splitEntity: async (_, args, ctx) => {
      const who = editorOf(ctx, 'splitEntity');
      return splitEntity(ctx.executor, args.id, args.sources, { dryRun: args.dryRun, who });
    },
  },
  EntityChangeResult: {
    entityId: (r) => r.entity.id,
    otherId: (r) => r.other.id,
    durationMs: (r) => Math.round(r.durationMs),
  },
  IngestResult: {
    durationMs: (r) => Math.round(r.durationMs),
  },
  RetractResult: {
    durationMs: (r) => Math.round(r.durationMs),
  },
  IngestedReadout: {
    source: (r, args, ctx, info) => readOne(ctx.executor, info, args, { id: r.sourceId }, ENTITY_BY_ID),
    dialogue: (r, args, ctx, info) => readOne(ctx.executor, info, args, { id: r.dialogueId }, ENTITY_BY_ID),
  },
};
