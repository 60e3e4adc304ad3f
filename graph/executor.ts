// The one owner of the Neo4j driver. Every statement goes through here: reads in read transactions (routed to
// followers on a cluster), writes in write transactions, sessions closed in `finally`, driver errors mapped to
// domain errors, a statement counter the N+1 tests read, observers for metrics, and a circuit breaker so an
// outage is answered at once instead of after the driver's retries.
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import { CircuitBreaker, type CircuitState } from './circuitBreaker';
import { ServiceUnavailableError, TimeoutError } from './errors';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;
/** Runs one statement in the surrounding transaction; what graph/ modules receive instead of a driver object. */
export type Runner = (cypher: string, params?: Params) => Promise<Row[]>;

export interface ExecutorOptions {
  uri: string;
  user?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
  /** Server-side timeout for every read transaction. */
  queryTimeoutMs: number;
  /** Pause between the breaker's probes while Neo4j is unavailable (default 500 ms). */
  probeEveryMs?: number | undefined;
}

/** What the executor reports to whoever counts (the HTTP server's metrics); every method is optional. */
export interface ExecutorObserver {
  statement?(): void;
  /** A transaction failed; `code` is the domain error code, or OTHER. */
  failure?(code: string): void;
  circuit?(state: CircuitState): void;
  /** A loader run finished (the API's ingestReadout, or the loader CLI in its own process). */
  loaderRun?(readoutsWritten: number, dryRun: boolean): void;
}

/** How long transient failures are retried (managed transactions and readStatement alike). */
const RETRY_MS = 1500;

/** Longest a readiness ping or breaker probe waits for the server. */
const PING_TIMEOUT_MS = 2000;

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Cypher needs real integers for LIMIT/SKIP; JavaScript numbers are sent as floats. */
export function int(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(n));
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : undefined;
}

/** Maps driver errors that clients should see as such; anything else is rethrown untouched (and masked later). */
export function mapNeo4jError(e: unknown): unknown {
  const code = errorCode(e);
  if (code !== undefined && UNAVAILABLE_CODES.has(code)) return new ServiceUnavailableError();
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new TimeoutError(
      'The query took longer than the configured limit and was stopped; narrow it and retry.',
    );
  }
  return e;
}

export function isConstraintViolation(e: unknown): boolean {
  return errorCode(e) === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

function toRows<T extends RecordShape>(result: QueryResult<T>): Row[] {
  return result.records.map((r) => r.toObject() as Row);
}

export class GraphExecutor {
  readonly driver: Driver;
  private readonly database: string | undefined;
  private readonly timeoutMs: number;
  /** Count of statements sent since start; tests read it to prove nested queries are batched. */
  statementCount = 0;
  readonly breaker: CircuitBreaker;
  private readonly observers = new Set<ExecutorObserver>();

  constructor(opts: ExecutorOptions) {
    const auth =
      opts.user !== undefined && opts.password !== undefined
        ? neo4j.auth.basic(opts.user, opts.password)
        : undefined;
    this.driver = neo4j.driver(opts.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10000,
      connectionTimeout: 5000,
      // Transient failures are retried for 1.5 s, no longer: with Neo4j gone an API request then answers
      // SERVICE_UNAVAILABLE in ~6 s instead of ~11 s (tests/reliability/neo4j-faults.test.ts); the loader has
      // its own retry (re-planning) for conflicts and deadlocks beyond that.
      maxTransactionRetryTime: RETRY_MS,
      userAgent: 'bilateral-security-graph/0.1',
    });
    this.database = opts.database;
    this.timeoutMs = opts.queryTimeoutMs;
    this.breaker = new CircuitBreaker({
      probe: () => this.serverAnswers(),
      probeEveryMs: opts.probeEveryMs,
      onChange: (state) => this.notify((o) => o.circuit?.(state)),
    });
  }

  /** Registers an observer; returns the function that removes it again. */
  observe(observer: ExecutorObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  private notify(call: (o: ExecutorObserver) => void): void {
    for (const o of this.observers) call(o);
  }

  /** For graph/readout/ingest.ts: one finished loader run and how many readouts it wrote. */
  noteLoaderRun(readoutsWritten: number, dryRun: boolean): void {
    this.notify((o) => o.loaderRun?.(readoutsWritten, dryRun));
  }

  /** Fails fast while the circuit is open: Neo4j was found unavailable and has not answered a probe since. */
  private guard(): void {
    if (this.breaker.isOpen) throw new ServiceUnavailableError();
  }

  /** Maps a driver error, feeds the breaker and the observers, and returns what to throw. */
  private failed(e: unknown): unknown {
    const mapped = mapNeo4jError(e);
    if (mapped instanceof ServiceUnavailableError) this.breaker.failure();
    const code =
      mapped instanceof ServiceUnavailableError || mapped instanceof TimeoutError ? mapped.code : 'OTHER';
    this.notify((o) => o.failure?.(code));
    return mapped;
  }

  /** Runs one transaction's worth of work through the breaker. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    this.guard();
    try {
      const result = await work();
      this.breaker.success();
      return result;
    } catch (e) {
      throw this.failed(e);
    }
  }

  /** Runs one statement in a read transaction and returns plain rows. */
  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.readTx(async (tx) => toRows(await this.run(tx, cypher, params)));
  }

  /**
   * One read statement as an auto-commit transaction: the begin travels with the statement and there is no
   * separate commit, where a managed transaction costs three round trips (and three socket writes) for one
   * statement. What a compiled root field runs. Retried on transient errors for the same 1.5 s as managed reads.
   */
  async readStatement(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.guarded(async () => {
      const deadline = Date.now() + RETRY_MS;
      for (let attempt = 0; ; attempt += 1) {
        const session = this.driver.session({
          database: this.database,
          defaultAccessMode: neo4j.session.READ,
        });
        try {
          this.countStatement();
          return toRows(await session.run(cypher, params, { timeout: this.timeoutMs }));
        } catch (e) {
          if (!neo4j.isRetryableError(e) || Date.now() > deadline) throw e;
        } finally {
          await session.close();
        }
        await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 400)));
      }
    });
  }

  /** Runs one statement in a write transaction and returns plain rows. */
  async write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.writeTx(async (tx) => toRows(await this.run(tx, cypher, params)));
  }

  /** Runs `work` in one managed read transaction; the driver retries it on transient errors (reads are safe to retry). */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    return this.guarded(async () => {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        return await session.executeRead(work, { timeout: timeoutMs });
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Runs `work` in one managed write transaction: all of it commits or none of it. The driver retries transient
   * failures, so `work` must be idempotent (our writes are MERGEs, which are).
   */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.guarded(async () => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.WRITE,
      });
      try {
        return await session.executeWrite(work, timeoutMs === undefined ? {} : { timeout: timeoutMs });
      } finally {
        await session.close();
      }
    });
  }

  /** Several statements in one read transaction, through a Runner. */
  withRead<T>(work: (run: Runner) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.readTx(
      (tx) => work(async (cypher, params = {}) => toRows(await this.run(tx, cypher, params))),
      timeoutMs,
    );
  }

  /** Several statements in one write transaction (committed together, retried together). */
  withWrite<T>(work: (run: Runner) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.writeTx(
      (tx) => work(async (cypher, params = {}) => toRows(await this.run(tx, cypher, params))),
      timeoutMs,
    );
  }

  /** Runs writes in a transaction that is always rolled back: a dry run sees its own effects, the graph none. */
  async withRollback<T>(
    work: (run: Runner) => Promise<T>,
    timeoutMs = Math.max(this.timeoutMs, 60000),
  ): Promise<T> {
    return this.guarded(async () => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.WRITE,
      });
      const tx = session.beginTransaction({ timeout: timeoutMs });
      try {
        return await work(async (cypher, params = {}) => {
          this.countStatement();
          return toRows(await tx.run(cypher, params));
        });
      } finally {
        if (tx.isOpen()) await tx.rollback();
        await session.close();
      }
    });
  }

  /** Runs a statement inside a transaction opened by readTx/writeTx, counting it. */
  run(tx: ManagedTransaction, cypher: string, params: Params = {}): Promise<QueryResult> {
    this.countStatement();
    return tx.run(cypher, params);
  }

  private countStatement(): void {
    this.statementCount += 1;
    this.notify((o) => o.statement?.());
  }

  /** Schema statements (constraints, indexes) must run in their own auto-commit transaction. */
  async runSchema(cypher: string): Promise<void> {
    await this.guarded(async () => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.WRITE,
      });
      try {
        this.countStatement();
        await session.run(cypher);
      } finally {
        await session.close();
      }
    });
  }

  /** True when the server answers within 2 s; used by /readyz and the startup wait, and it feeds the breaker. */
  async ping(): Promise<boolean> {
    const ok = await this.serverAnswers();
    if (ok) this.breaker.success();
    else this.breaker.failure();
    return ok;
  }

  private async serverAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    const answer = this.driver.getServerInfo({ database: this.database }).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.breaker.stop();
    await this.driver.close();
  }
}
