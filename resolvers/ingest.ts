// Mutation.ingestReadout: the loader's ingest path behind the editor token. Query.validateReadout: the loader's
// validation alone, open to every reader since it only reads the graph.
import { ForbiddenError, UnauthenticatedError } from '../graph/errors';
import { ingestReadouts } from '../graph/readout/ingest';
import { validateReadoutText } from '../graph/readout/validate';
import type { Resolvers } from './__generated__/types';
import { readOne } from '../graph/read/read';
import { ENTITY_BY_ID } from '../graph/read/roots';

export const ingestResolvers: Resolvers = {
  Query: {
    validateReadout: (_, args, ctx) =>
      validateReadoutText(ctx.executor, args.readout, args.format === 'JSON' ? 'json' : 'yaml'),
  },
  Mutation: {
    ingestReadout: async (_, args, ctx) => {
      if (ctx.config.editorToken === undefined) {
        throw new ForbiddenError(
          'Mutations are disabled on this server: no GRAPH_EDITOR_TOKEN is configured.',
        );
      }
      if (!ctx.isEditor) {
        throw new UnauthenticatedError(
          'ingestReadout needs the header Authorization: Bearer <GRAPH_EDITOR_TOKEN>.',
        );
      }
      const format = args.format === 'JSON' ? 'json' : 'yaml';
      return ingestReadouts(ctx.executor, [{ file: 'readout', text: args.readout, format }], {
        dryRun: args.dryRun,
      });
    },
  },
  IngestResult: {
    durationMs: (r) => Math.round(r.durationMs),
  },
  IngestedReadout: {
    source: (r, args, ctx, info) => readOne(ctx.executor, info, args, { id: r.sourceId }, ENTITY_BY_ID),
    dialogue: (r, args, ctx, info) => readOne(ctx.executor, info, args, { id: r.dialogueId }, ENTITY_BY_ID),
  },
};
