// A circuit breaker in front of Neo4j. Without it, every request during an outage pays the driver's connection
// attempts and retry time (2.5–6 s) before it learns that Neo4j is gone. Once one statement has failed as
// unavailable (after the driver's own retries) or a readiness ping has failed, the circuit opens: requests fail at
// once with SERVICE_UNAVAILABLE, and a single background probe at a time asks the server whether it is back (the
// half-open step). The first successful probe closes the circuit, so the API recovers by itself without traffic.

export type CircuitState = 'closed' | 'open';

export interface CircuitBreakerOptions {
  /** Asks the server whether it answers; must not throw. */
  probe: () => Promise<boolean>;
  /** Pause between probes while open. */
  probeEveryMs?: number;
  /** Called on every change of state (for logs and metrics). */
  onChange?: (state: CircuitState) => void;
}

export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private timer: NodeJS.Timeout | undefined;
  private probing = false;
  private stopped = false;
  private readonly probeEveryMs: number;
  /** Times the circuit has opened since start. */
  opened = 0;

  constructor(private readonly opts: CircuitBreakerOptions) {
    this.probeEveryMs = opts.probeEveryMs ?? 500;
  }

  get state(): CircuitState {
    return this.current;
  }

  get isOpen(): boolean {
    return this.current === 'open';
  }

  /** Neo4j was found unavailable: open (if not already) and start probing. */
  failure(): void {
    if (this.stopped || this.current === 'open') return;
    this.current = 'open';
    this.opened += 1;
    this.opts.onChange?.('open');
    this.schedule();
  }

  /** Neo4j answered: close. */
  success(): void {
    if (this.current === 'closed') return;
    this.current = 'closed';
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.opts.onChange?.('closed');
  }

  /** Stops probing for good (the executor is closing). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.probeOnce();
    }, this.probeEveryMs);
    // A pending probe must never keep a finished process alive.
    this.timer.unref();
  }

  private async probeOnce(): Promise<void> {
    if (this.probing || this.stopped || this.current === 'closed') return;
    this.probing = true;
    try {
      if (await this.opts.probe()) this.success();
    } finally {
      this.probing = false;
      if (this.current === 'open') this.schedule();
    }
  }
}
