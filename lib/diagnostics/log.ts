import type { Diagnostic } from '../messaging/protocol.ts';
import type { KeyValueArea } from '../policy/storage-area.ts';
import { DIAGNOSTICS_CAP, DIAGNOSTICS_KEY, parseDiagnosticLog, type DiagnosticEntry } from './entry.ts';
import { appendDiagnostic } from './ring.ts';

export interface DiagnosticsLog {
  record(diagnostic: Diagnostic): Promise<void>;
  list(): Promise<DiagnosticEntry[]>;
}

/**
 * The background's capped diagnostics store. Writes are queued one after another: two pages
 * reporting at once would otherwise both read the old log and one entry would be lost.
 */
export function createDiagnosticsLog(area: KeyValueArea, options: { now?: () => number; cap?: number } = {}): DiagnosticsLog {
  const now = options.now ?? Date.now;
  const cap = options.cap ?? DIAGNOSTICS_CAP;
  let queue: Promise<unknown> = Promise.resolve();
  const list = async () => parseDiagnosticLog(await area.get(DIAGNOSTICS_KEY));
  return {
    list,
    record(diagnostic) {
      const write = queue.then(async () => area.set(DIAGNOSTICS_KEY, appendDiagnostic(await list(), diagnostic, now(), cap)));
      // A failed write must not block the ones after it; the caller still sees its own failure.
      queue = write.catch(() => undefined);
      return write;
    },
  };
}
