// The API's schema rebuilt from its SDL alone, so the reference owes nothing to the product's resolver wiring.
// Files are read in the same order as the server reads them (sorted names, joined), which keeps type and field
// order identical and lets the generator walk the same schema the API serves.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';
import { isValidPartialDate } from '../../graph/dates';

export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');

export function readTypeDefs(): string {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}

/** The error a bad Date argument gets: the API refuses it as the client's mistake. */
function badDate(value: unknown): GraphQLError {
  return new GraphQLError(
    `Date: expected a real date as yyyy, yyyy-mm or yyyy-mm-dd, got ${JSON.stringify(value)}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidPartialDate(value)) throw badDate(value);
  return value;
}

/** A fresh schema; Date arguments are checked the way the contract describes (a real partial date). */
export function referenceSchema(): GraphQLSchema {
  const schema = buildSchema(readTypeDefs());
  const date = schema.getType('Date');
  if (!(date instanceof GraphQLScalarType)) throw new Error('schema: no Date scalar');
  date.serialize = (v: unknown) => String(v);
  date.parseValue = parseDate;
  date.parseLiteral = (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined);
  return schema;
}
