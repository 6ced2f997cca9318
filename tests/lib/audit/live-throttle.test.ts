import { describe, expect, it } from 'vitest';
import { createThrottle, type ThrottleTimers } from '../../../lib/audit/live-throttle.ts';

function manualTimers() {
  let time = 0;
  const queue: Array<{ at: number; run: () => void; handle: number }> = [];
  let handles = 0;
  const timers: ThrottleTimers = {
    now: () => time,
    setTimeout: (run, ms) => {
      queue.push({ at: time + ms, run, handle: ++handles });
      return handles;
    },
    clearTimeout: (handle) => {
      const index = queue.findIndex((t) => t.handle === handle);
      if (index >= 0) queue.splice(index, 1);
    },
  };
  const advance = (ms: number) => {
    time += ms;
    for (const due of queue.filter((t) => t.at <= time)) {
      queue.splice(queue.indexOf(due), 1);
      due.run();
    }
  };
  return { timers, advance, pending: () => queue.length };
}

describe('createThrottle', () => {
  it('runs the first request at once and collapses a burst into one run at the end of the interval', () => {
    const clock = manualTimers();
    let runs = 0;
    const throttle = createThrottle(() => runs++, 1_000, clock.timers);
    throttle.request();
    expect(runs).toBe(1);
    for (let i = 0; i < 500; i++) {
      clock.advance(1);
      throttle.request();
    }
    expect(runs).toBe(1);
    expect(clock.pending()).toBe(1);
    clock.advance(499);
    expect(runs).toBe(1);
    clock.advance(1);
    expect(runs).toBe(2);
    // Quiet since the last run for a whole interval: the next request runs at once again.
    clock.advance(1_000);
    throttle.request();
    expect(runs).toBe(3);
  });

  it('runs at most once per interval under a steady stream of requests', () => {
    const clock = manualTimers();
    let runs = 0;
    const throttle = createThrottle(() => runs++, 1_000, clock.timers);
    for (let i = 0; i < 10_000; i++) {
      throttle.request();
      clock.advance(1);
    }
    expect(runs).toBeGreaterThanOrEqual(10);
    expect(runs).toBeLessThanOrEqual(11);
  });

  it('drops a pending run when cancelled', () => {
    const clock = manualTimers();
    let runs = 0;
    const throttle = createThrottle(() => runs++, 1_000, clock.timers);
    throttle.request();
    throttle.request();
    throttle.cancel();
    clock.advance(5_000);
    expect(runs).toBe(1);
  });
});

describe('createThrottle with tracked work', () => {
  it('waits for the work of the last run, then as long again as it took', async () => {
    const clock = manualTimers();
    let runs = 0;
    let finish: () => void = () => {};
    const throttle = createThrottle(
      () => {
        runs++;
        throttle.track(new Promise<void>((resolve) => (finish = resolve)));
      },
      1_000,
      clock.timers,
    );
    throttle.request();
    expect(runs).toBe(1);
    throttle.request();
    // The interval passes, but the work of run 1 is still going.
    clock.advance(3_000);
    expect(runs).toBe(1);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    // The work took 3 s: the next run waits 3 s more, not the 1 s interval.
    clock.advance(2_999);
    expect(runs).toBe(1);
    clock.advance(1);
    expect(runs).toBe(2);
  });
});
