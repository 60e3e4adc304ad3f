// The circuit breaker alone (no database): it opens on a failure, probes while open (one probe at a time) and
// closes on the first probe that finds the server answering.
import { CircuitBreaker, type CircuitState } from '../../graph/circuitBreaker';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

test('opens on failure, stays open while probes fail, closes on the first good probe', async () => {
  let answers = false;
  let probes = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const changes: CircuitState[] = [];
  const breaker = new CircuitBreaker({
    probeEveryMs: 10,
    probe: async () => {
      probes += 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(15);
      inFlight -= 1;
      return answers;
    },
    onChange: (s) => changes.push(s),
  });
  expect(breaker.state).toBe('closed');
  breaker.failure();
  breaker.failure(); // already open: no second opening
  expect([breaker.isOpen, breaker.opened]).toEqual([true, 1]);
  await sleep(150);
  expect(breaker.isOpen).toBe(true);
  expect(probes).toBeGreaterThanOrEqual(2);
  expect(maxInFlight).toBe(1);
  answers = true;
  for (let i = 0; i < 100 && breaker.isOpen; i++) await sleep(10);
  expect(breaker.state).toBe('closed');
  expect(changes).toEqual(['open', 'closed']);
  const after = probes;
  await sleep(60);
  expect(probes).toBe(after); // no probing while closed
});

test('success closes at once, and a stopped breaker never probes or opens again', async () => {
  let probes = 0;
  const breaker = new CircuitBreaker({
    probeEveryMs: 5,
    probe: () => {
      probes += 1;
      return Promise.resolve(false);
    },
  });
  breaker.failure();
  breaker.success();
  expect(breaker.state).toBe('closed');
  breaker.stop();
  breaker.failure();
  await sleep(40);
  expect([breaker.state, probes]).toEqual(['closed', 0]);
});
