// The load generator: a fixed number of concurrent workers, each sending its next request as soon as the last one
// answered, for a fixed time. Latency is measured per request, throughput over the whole run; failures (thrown
// by the call: GraphQL errors, wrong or empty answers) are counted, never retried.
import { percentile } from './stats';

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError: string | undefined;
  durationMs: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function runLoad(call: (i: number) => Promise<unknown>, opts: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await call(i);
      } catch (e) {
        errors += 1;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    firstError,
    durationMs,
    throughput: (latencies.length / durationMs) * 1000,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
}
