// Runs a mixed GraphQL load against /graphql with autocannon (N keep-alive connections for a fixed duration) and
// checks every answer: HTTP failures, socket errors and timeouts, and GraphQL errors in 200 responses are counted
// separately, with samples, and latency percentiles are computed from every response (overall and per kind).
import autocannon from 'autocannon';
import type { QueryKind, QuerySpec } from './queries';

export interface LoadOptions {
  connections: number;
  durationS: number;
  /** A request not answered within this is a timeout (a failure). */
  timeoutS?: number;
  headers?: Record<string, string>;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  connections: number;
  durationS: number;
  /** Responses received (any status). */
  responses: number;
  requestsPerSecond: number;
  /** Non-2xx answers, socket errors and timeouts. */
  failed: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  /** 2xx answers whose body has `errors` (or is not JSON). */
  graphqlErrors: number;
  errorSamples: string[];
  latencyMs: Percentiles;
  byKind: Partial<Record<QueryKind, { responses: number; errors: number; latencyMs: Percentiles }>>;
}

export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(at(1)),
    mean: round(mean),
  };
}

function bodyErrors(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[]; data?: unknown };
    if (parsed.errors !== undefined) {
      const codes = Array.isArray(parsed.errors) ? parsed.errors.map((e) => String(e.extensions?.code)) : [];
      return `${codes.join(', ')}: ${JSON.stringify(parsed.errors).slice(0, 400)}`;
    }
    if (parsed.data === undefined || parsed.data === null) return `no data: ${body.slice(0, 200)}`;
    return undefined;
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
}

/** Sends one request per spec, one at a time: the specs that fail before any load (e.g. an ambiguous name). */
export async function checkSpecs(
  url: string,
  specs: QuerySpec[],
): Promise<{ spec: QuerySpec; error: string }[]> {
  const bad: { spec: QuerySpec; error: string }[] = [];
  for (const spec of specs) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: spec.query, variables: spec.variables }),
      signal: AbortSignal.timeout(60000),
    });
    const error = res.status === 200 ? bodyErrors(await res.text()) : `HTTP ${res.status}`;
    if (error !== undefined) bad.push({ spec, error });
  }
  return bad;
}

export async function runLoad(url: string, specs: QuerySpec[], opts: LoadOptions): Promise<LoadResult> {
  if (specs.length === 0) throw new Error('runLoad: no requests');
  const latencies: number[] = [];
  const kindLatencies = new Map<QueryKind, number[]>();
  const kindErrors = new Map<QueryKind, number>();
  const errorSamples: string[] = [];
  let graphqlErrors = 0;
  // autocannon calls a request's onResponse and then, synchronously, emits 'response' with the latency: the
  // kind of the answer just checked is remembered in between.
  let lastKind: QueryKind | undefined;
  const requests = specs.map((spec) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...opts.headers },
    body: JSON.stringify({ query: spec.query, variables: spec.variables }),
    onResponse: (status: number, body: string) => {
      lastKind = spec.kind;
      if (status < 200 || status > 299) return;
      const error = bodyErrors(body);
      if (error === undefined) return;
      graphqlErrors += 1;
      kindErrors.set(spec.kind, (kindErrors.get(spec.kind) ?? 0) + 1);
      if (errorSamples.length < 10)
        errorSamples.push(`${spec.kind} ${JSON.stringify(spec.variables)}: ${error}`);
    },
  }));
  // autocannon walks its request list in the same order on every connection; one single-connection instance per
  // connection, each starting at a different place in the list, gives every connection a different mix.
  const one = (offset: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const rotated = [...requests.slice(offset), ...requests.slice(0, offset)];
      const instance = autocannon(
        {
          url,
          connections: 1,
          duration: opts.durationS,
          timeout: opts.timeoutS ?? 30,
          pipelining: 1,
          requests: rotated,
        },
        (err: unknown, result: autocannon.Result) => {
          if (err !== null && err !== undefined)
            reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
          else resolve(result);
        },
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        latencies.push(responseTime);
        if (lastKind === undefined) return;
        const list = kindLatencies.get(lastKind) ?? [];
        list.push(responseTime);
        kindLatencies.set(lastKind, list);
      });
      instance.on('reqError', (e: unknown) => {
        if (errorSamples.length < 10) errorSamples.push(`request error: ${String(e)}`);
      });
    });
  const offsets = Array.from({ length: opts.connections }, (_, i) =>
    Math.floor((i * requests.length) / opts.connections),
  );
  const results = await Promise.all(offsets.map(one));
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((acc, r) => acc + f(r), 0);
  const byKind: LoadResult['byKind'] = {};
  for (const [kind, values] of kindLatencies) {
    byKind[kind] = {
      responses: values.length,
      errors: kindErrors.get(kind) ?? 0,
      latencyMs: percentiles(values),
    };
  }
  const errors = sum((r) => r.errors);
  const timeouts = sum((r) => r.timeouts);
  const non2xx = sum((r) => r.non2xx);
  return {
    connections: opts.connections,
    durationS: opts.durationS,
    responses: latencies.length,
    requestsPerSecond: Math.round((latencies.length / opts.durationS) * 10) / 10,
    failed: non2xx + errors,
    non2xx,
    socketErrors: errors - timeouts,
    timeouts,
    graphqlErrors,
    errorSamples,
    latencyMs: percentiles(latencies),
    byKind,
  };
}

export function formatLoadResult(r: LoadResult): string {
  const l = r.latencyMs;
  const lines = [
    `${r.connections} connections × ${r.durationS} s: ${r.responses} responses (${r.requestsPerSecond}/s), ` +
      `failed ${r.failed} (non-2xx ${r.non2xx}, socket errors ${r.socketErrors}, timeouts ${r.timeouts}), ` +
      `GraphQL errors ${r.graphqlErrors}`,
    `latency ms: p50 ${l.p50}, p95 ${l.p95}, p99 ${l.p99}, max ${l.max}, mean ${l.mean}`,
    ...Object.entries(r.byKind).map(
      ([kind, k]) =>
        `  ${kind.padEnd(14)} ${String(k.responses).padStart(6)} resp, ${k.errors} err, p50 ${k.latencyMs.p50}, p95 ${k.latencyMs.p95}, p99 ${k.latencyMs.p99}`,
    ),
    ...r.errorSamples.map((s) => `  error: ${s}`),
  ];
  return lines.join('\n');
}
