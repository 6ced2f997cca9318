/**
 * Runs a recomputation at most once per `intervalMs`, however often it is asked for: the first
 * request after a quiet spell runs at once, requests inside the interval collapse into one run at
 * its end. The audit viewer re-reads summaries and id lists with it while the background writes
 * hundreds of events a second, so its reads never compete with every single write (issue 6).
 * Timers are injected, so the schedule is testable without a clock.
 */
export interface ThrottleTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Throttle {
  request(): void;
  cancel(): void;
}

const realTimers: ThrottleTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createThrottle(run: () => void, intervalMs: number, timers: ThrottleTimers = realTimers): Throttle {
  let lastRun = -Infinity;
  let pending: unknown;
  const fire = () => {
    pending = undefined;
    lastRun = timers.now();
    run();
  };
  return {
    request() {
      if (pending !== undefined) return;
      const wait = lastRun + intervalMs - timers.now();
      if (wait <= 0) fire();
      else pending = timers.setTimeout(fire, wait);
    },
    cancel() {
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
    },
  };
}
