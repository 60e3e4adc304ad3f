// Typed readers for what Neo4j hands back (rows are Record<string, unknown>) and for resolver arguments, so no
// value is used before its type has been checked. A stored property that is absent reads as the API's default.

export type Props = Record<string, unknown>;

export function isProps(v: unknown): v is Props {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function props(v: unknown): Props {
  return isProps(v) ? v : {};
}

/** A string property; numbers are shown as text, anything else is empty (as the API maps it). */
export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' ? String(v) : '';
}

export function optStr(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function optNum(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

// --- Arguments, after graphql-js has coerced them to the schema's types.

export type Args = Record<string, unknown>;

export function argStr(args: Args, name: string): string | null {
  const v = args[name];
  return typeof v === 'string' ? v : null;
}

export function argStrs(args: Args, name: string): string[] | null {
  const v = args[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
}

export function argBool(args: Args, name: string): boolean | null {
  const v = args[name];
  return typeof v === 'boolean' ? v : null;
}

/** An Int argument: its value, or null when it was given as null. */
export function argInt(args: Args, name: string): number | null {
  const v = args[name];
  return typeof v === 'number' ? v : null;
}
