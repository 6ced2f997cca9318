import { browser } from 'wxt/browser';
import { browserStorageArea } from '../policy/browser-policy-source.ts';
import { DIAGNOSTICS_KEY, parseDiagnosticLog, type DiagnosticEntry } from './entry.ts';
import { createDiagnosticsLog, type DiagnosticsLog } from './log.ts';

/** Background: the log in storage.local (survives the service worker being stopped). */
export function startDiagnosticsLog(): DiagnosticsLog {
  return createDiagnosticsLog(browserStorageArea('local'));
}

/** Extension pages: the log now and after every change, until `signal` aborts. */
export function watchDiagnostics(onLog: (log: DiagnosticEntry[]) => void, signal: AbortSignal): void {
  let changed = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'local' || !(DIAGNOSTICS_KEY in changes)) return;
    changed = true;
    onLog(parseDiagnosticLog(changes[DIAGNOSTICS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  void browser.storage.local.get(DIAGNOSTICS_KEY).then((stored) => {
    // A change that arrived meanwhile is newer than this first read.
    if (!signal.aborted && !changed) onLog(parseDiagnosticLog(stored[DIAGNOSTICS_KEY]));
  });
}
