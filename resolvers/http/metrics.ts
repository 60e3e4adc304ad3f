// Prometheus metrics for one HTTP server: requests by operation and outcome, latency, Neo4j statements and
// failures, the circuit breaker, loader runs, and the process itself. Each server has its own registry, so two
// servers in one process (tests, replicas) never collide on metric names.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GraphExecutor } from '../../graph/executor';

/** Operation names are chosen by clients: keep them short and few, so a client cannot blow up the series count. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATIONS = 200;

export interface ServerMetrics {
  registry: Registry;
  /** One finished request: its operation label (see `operationLabel`), outcome and duration. */
  request(operation: string, outcome: string, seconds: number): void;
  /** The label for a client-given operation name: the name, `anonymous`, or `other` past the cap. */
  operationLabel(name: string | null | undefined): string;
  /** Stops listening to the executor. */
  close(): void;
}

export function createServerMetrics(executor: GraphExecutor): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graph_requests_total',
    help: 'API requests by operation (GraphQL operation name, or "export") and outcome (ok or an error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'graph_request_duration_seconds',
    help: 'Time from receiving an API request to sending its answer, by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const statements = new Counter({
    name: 'graph_neo4j_statements_total',
    help: 'Cypher statements sent to Neo4j.',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'graph_neo4j_failures_total',
    help: 'Neo4j transactions that failed, by code (SERVICE_UNAVAILABLE, QUERY_TIMEOUT or OTHER).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const circuitOpen = new Gauge({
    name: 'graph_neo4j_circuit_open',
    help: '1 while the circuit breaker holds Neo4j for unavailable (requests fail at once), else 0.',
    registers: [registry],
  });
  circuitOpen.set(executor.breaker.isOpen ? 1 : 0);
  const loaderRuns = new Counter({
    name: 'graph_loader_runs_total',
    help: 'Readout loader runs finished in this process (dry runs included), by mode.',
    labelNames: ['mode'] as const,
    registers: [registry],
  });
  const readouts = new Counter({
    name: 'graph_readouts_written_total',
    help: 'Readouts written to the graph by loader runs in this process (dry runs write none).',
    registers: [registry],
  });
  const stopObserving = executor.observe({
    statement: () => statements.inc(),
    failure: (code) => failures.inc({ code }),
    circuit: (state) => circuitOpen.set(state === 'open' ? 1 : 0),
    loaderRun: (written, dryRun) => {
      loaderRuns.inc({ mode: dryRun ? 'dry-run' : 'write' });
      readouts.inc(written);
    },
  });

  const seen = new Set<string>();
  return {
    registry,
    request(operation, outcome, seconds) {
      requests.inc({ operation, outcome });
      latency.observe({ operation }, seconds);
    },
    operationLabel(name) {
      if (name === null || name === undefined || name === '') return 'anonymous';
      if (!OPERATION_NAME.test(name)) return 'other';
      if (!seen.has(name)) {
        if (seen.size >= MAX_OPERATIONS) return 'other';
        seen.add(name);
      }
      return name;
    },
    close() {
      stopObserving();
    },
  };
}
