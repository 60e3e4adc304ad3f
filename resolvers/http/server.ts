// Apollo Server assembly: schema, resolvers, operation limits, error masking. No network-loaded landing page:
// analysts may be offline, so the IDE is served by this server itself.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../../graph/errors';
import type { Logger } from '../../graph/logger';
import type { GraphContext } from '../context';
import { buildResolvers, loadTypeDefs } from '../index';
import { readProjected } from '../projected';
import { operationLimits } from './limits';

/** Codes Apollo and graphql-js raise for the client's own mistakes: safe to show as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ErrorCode.QueryTooComplex,
]);

export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: original.extensions,
      };
    }
    // Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED; keep our own code (e.g. QUERY_TOO_COMPLEX).
    const inner = error instanceof GraphQLError ? error.originalError : undefined;
    if (inner instanceof GraphQLError && inner.extensions.code === ErrorCode.QueryTooComplex) {
      return {
        message: inner.message,
        locations: formatted.locations,
        extensions: { code: ErrorCode.QueryTooComplex },
      };
    }
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      CLIENT_CODES.has(code) &&
      (original instanceof GraphQLError || original === error)
    ) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Anything else is a bug or an infrastructure failure: log it, tell the client nothing internal.
    log.error(
      `Unexpected error at ${formatted.path?.join('.') ?? '(request)'}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
    );
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.Internal },
    };
  };
}

export function createApolloServer(opts: {
  introspection: boolean;
  log: Logger;
  plugins?: ApolloServerPlugin<GraphContext>[];
}) {
  return new ApolloServer<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    fieldResolver: readProjected,
    introspection: opts.introspection,
    validationRules: [operationLimits()],
    formatError: formatError(opts.log),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Refuse pathological documents while parsing, before they cost a deep recursion.
    parseOptions: { maxTokens: 20000 },
    plugins: [
      // The schema sets no cache hints; the default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...(opts.plugins ?? []),
    ],
  });
}
