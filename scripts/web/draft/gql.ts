// The Draft page's GraphQL client: POST to this server's /graphql, optionally with the editor token. Errors keep
// their code and, for a refused readout, the loader's issues, so the page can place them on their lines.
import type { Issue } from './queries';

export class GqlError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}

interface WireError {
  message: string;
  extensions?: { code?: string; issues?: { path: string; line?: number | null; message: string }[] };
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;
  const res = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: WireError[] };
  const first = body.errors?.[0];
  if (first) {
    const issues = (first.extensions?.issues ?? []).map((i) => ({
      path: i.path,
      line: i.line ?? null,
      message: i.message,
    }));
    throw new GqlError(first.message, first.extensions?.code, issues);
  }
  if (body.data === undefined || body.data === null)
    throw new GqlError(`The server answered HTTP ${res.status}.`, undefined, []);
  return body.data;
}
