// A lean GraphQL-over-HTTP client for the load generator: keep-alive sockets (one per concurrent worker) and no
// per-request setup beyond what every client pays, so that the servers are measured, not the client.
import http from 'node:http';

export interface GraphqlResponse {
  status: number;
  data: Record<string, unknown> | null | undefined;
  errors: { message: string }[] | undefined;
}

export class GraphqlClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    url: string,
    sockets: number,
    private readonly timeoutMs: number,
  ) {
    this.url = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(query: string, variables: Record<string, unknown>): Promise<GraphqlResponse> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<
                GraphqlResponse,
                'status'
              >;
              resolve({ status: res.statusCode ?? 0, data: parsed.data, errors: parsed.errors });
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
