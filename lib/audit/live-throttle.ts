/**
 * Runs a recomputation at most once per `intervalMs`, however often it is asked for, and never
 * while the work of the last run is still going: the first request after a quiet spell runs at
 * once, requests in between collapse into one later run. That run waits at least as long after the
 * work ended as the work took, so readers get at most half the time while writes keep coming.
 * The audit viewer re-reads lists and summaries with it while the background writes hundreds of
 * events a second (issue 6): IndexedDB holds a write back while a read of the same store runs.
 * Timers are injected, so the schedule is testable without a clock.
 */
export interface ThrottleTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Throttle {
  request(): void;
  /** Work started by the last run: the next run waits for it to settle. */
  track(work: Promise<unknown>): void;
  cancel(): void;
}

const realTimers: ThrottleTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createThrottle(run: () => void, intervalMs: number, timers: ThrottleTimers = realTimers): Throttle {
  let lastRun = -Infinity;
  /** Earliest start of the next run, pushed back when tracked work settles. */
  let notBefore = -Infinity;
  let busy = 0;
  let requested = false;
  let timer: unknown;

  const schedule = () => {
    if (!requested || busy > 0 || timer !== undefined) return;
    const wait = Math.max(lastRun + intervalMs, notBefore) - timers.now();
    if (wait <= 0) fire();
    else timer = timers.setTimeout(fire, wait);
  };
  const fire = () => {
    timer = undefined;
    if (busy > 0) return; // schedule() runs again when the work settles
    requested = false;
    lastRun = timers.now();
    run();
  };
  return {
    request() {
      requested = true;
      schedule();
    },
    track(work) {
      busy++;
      const settle = () => {
        busy--;
        if (busy > 0) return;
        const now = timers.now();
        notBefore = Math.max(notBefore, now + (now - lastRun));
        schedule();
      };
      work.then(settle, settle);
    },
    /** Drops the pending run; a later request starts over (React may unmount and mount again). */
    cancel() {
      requested = false;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
