/**
 * Calls `onChange` (at most once per animation frame / timeout slice) when nodes are added to or
 * removed from `root`. No polling: composers appear and disappear through DOM mutations, and the
 * observer stops when `signal` aborts.
 */
export function observeChildren(root: Node, onChange: () => void, signal: AbortSignal, delayMs = 100): void {
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const MO = view?.MutationObserver ?? MutationObserver;
  const observer = new MO((records) => {
    if (pending !== null) return;
    // Typing inside an editor adds text nodes too; only element additions/removals can be composers.
    if (!records.some((r) => hasElement(r.addedNodes) || hasElement(r.removedNodes))) return;
    pending = setTimeout(() => {
      pending = null;
      if (!signal.aborted) onChange();
    }, delayMs);
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (pending !== null) clearTimeout(pending);
    },
    { once: true },
  );
}

function hasElement(nodes: NodeList): boolean {
  for (const n of nodes) if (n.nodeType === 1) return true;
  return false;
}

/** Runs `task` once the browser is idle (or after `timeoutMs`), debounced: a new call replaces the pending one. */
export function createIdleDebouncer(view: Window, delayMs: number, timeoutMs = 500): { schedule(task: () => void): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: number | null = null;
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    if (idle !== null && view.cancelIdleCallback) view.cancelIdleCallback(idle);
    timer = null;
    idle = null;
  };
  return {
    cancel,
    schedule(task) {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        if (view.requestIdleCallback) idle = view.requestIdleCallback(() => ((idle = null), task()), { timeout: timeoutMs });
        else task();
      }, delayMs);
    },
  };
}
