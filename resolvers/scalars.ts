// Custom scalars: Date (partial ISO dates as sources give them) and JSON (free-form properties).
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isValidPartialDate } from '../graph/dates';
import { BadInputError } from '../graph/errors';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidPartialDate(value)) {
    throw new BadInputError(
      `Date: expected a real date as yyyy, yyyy-mm or yyyy-mm-dd, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A date of year, month or day precision: yyyy, yyyy-mm or yyyy-mm-dd.',
  serialize: (v) => String(v),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    default:
      return null;
  }
}

export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});
