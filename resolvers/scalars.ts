// Custom scalars: Date (partial ISO dates as sources give them), DateTime (instants of the change history) and
// JSON (free-form properties).
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

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO 8601 instant with its offset; checked field by field since Date.parse rolls 02-30 over into March. */
function parseDateTime(value: unknown): string {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  // Absent groups (seconds, a Z offset) count as 0.
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, , oh = 0, om = 0] = (m ?? [])
    .slice(1)
    .map((g) => (g === undefined ? 0 : Number(g)));
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const valid =
    m !== null &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= days &&
    h <= 23 &&
    mi <= 59 &&
    sec <= 59 &&
    oh <= 18 &&
    om <= 59;
  if (!valid) {
    throw new BadInputError(
      `DateTime: expected an ISO 8601 date and time with an offset (2026-02-27T09:30:00Z), got ${JSON.stringify(value)}`,
    );
  }
  return value as string;
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant: ISO 8601 date and time with an offset.',
  serialize: (v) => String(v),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
