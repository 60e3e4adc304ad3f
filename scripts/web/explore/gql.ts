// A minimal GraphQL client for the explorer: POST to this server's /graphql, errors turned into exceptions.
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: { message: string }[] };
  if (body.errors && body.errors.length > 0) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (body.data === undefined || body.data === null)
    throw new Error(`The server answered HTTP ${res.status}.`);
  return body.data;
}
