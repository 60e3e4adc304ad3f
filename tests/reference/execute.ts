// The reference executor: the SDL's schema with the reference resolvers, run by graphql-js itself. Its answer is
// reduced to what the differential test compares: `data`, and each error's code and path.
import { execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GraphExecutor } from '../../graph/executor';
import { attachResolvers, ExpectedError, type Row } from './resolvers';
import { referenceSchema } from './schema';

export interface ErrorSummary {
  code: string;
  path: string;
  /** For the failure report only; messages are not compared. */
  message?: string;
}

export interface Answer {
  data: unknown;
  errors: ErrorSummary[];
}

export interface Reference {
  schema: GraphQLSchema;
  /** Statements sent so far (each in its own read transaction). */
  readonly statements: number;
  answer(query: string, variables?: Record<string, unknown>): Promise<Answer>;
}

/** The code the API is expected to give an error raised while executing. */
function codeOf(e: GraphQLError): string {
  const original = e.originalError;
  if (original instanceof ExpectedError) return original.code;
  if (original instanceof GraphQLError && typeof original.extensions.code === 'string') {
    return original.extensions.code;
  }
  // Anything else (a null in a non-null field, an impossible enum value, a broken graph) is internal.
  return 'INTERNAL_SERVER_ERROR';
}

export function pathOf(path: readonly (string | number)[] | undefined): string {
  return path === undefined ? '' : path.join('.');
}

export function sortErrors(errors: ErrorSummary[]): ErrorSummary[] {
  return [...errors].sort((a, b) => `${a.path} ${a.code}`.localeCompare(`${b.path} ${b.code}`));
}

export function createReference(executor: GraphExecutor): Reference {
  const schema = referenceSchema();
  let statements = 0;
  attachResolvers(schema, async (cypher, params = {}): Promise<Row[]> => {
    statements += 1;
    return executor.withRead((run) => run(cypher, params));
  });
  return {
    schema,
    get statements() {
      return statements;
    },
    async answer(query, variables = {}) {
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch {
        return { data: null, errors: [{ code: 'GRAPHQL_PARSE_FAILED', path: '' }] };
      }
      const invalid = validate(schema, document);
      if (invalid.length > 0) {
        return {
          data: null,
          errors: sortErrors(
            invalid.map((e) => ({ code: 'GRAPHQL_VALIDATION_FAILED', path: '', message: e.message })),
          ),
        };
      }
      const result = await execute({ schema, document, variableValues: variables });
      // Without `data`, execution never started: the variables did not fit their types.
      const started = 'data' in result;
      const errors = (result.errors ?? []).map((e): ErrorSummary => ({
        code: started ? codeOf(e) : 'BAD_USER_INPUT',
        path: pathOf(e.path),
        message: e.message,
      }));
      return { data: JSON.parse(JSON.stringify(result.data ?? null)) as unknown, errors: sortErrors(errors) };
    },
  };
}
