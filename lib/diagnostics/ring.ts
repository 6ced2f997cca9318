import type { Diagnostic } from '../messaging/protocol.ts';
import { DIAGNOSTICS_CAP, type DiagnosticEntry } from './entry.ts';

const sameProblem = (a: Diagnostic, b: Diagnostic) => a.level === b.level && a.site === b.site && a.adapter === b.adapter && a.message === b.message;

/**
 * The log with `diagnostic` added as its newest entry, oldest entries dropped beyond `cap`.
 * A repeat of a logged problem moves that entry to the end with its count raised.
 */
export function appendDiagnostic(log: readonly DiagnosticEntry[], diagnostic: Diagnostic, at: number, cap: number = DIAGNOSTICS_CAP): DiagnosticEntry[] {
  const index = log.findIndex((entry) => sameProblem(entry, diagnostic));
  const previous = index === -1 ? undefined : log[index]!;
  const rest = index === -1 ? log : [...log.slice(0, index), ...log.slice(index + 1)];
  const entry: DiagnosticEntry = {
    level: diagnostic.level,
    site: diagnostic.site,
    adapter: diagnostic.adapter,
    message: diagnostic.message,
    firstAt: previous?.firstAt ?? at,
    at,
    count: (previous?.count ?? 0) + 1,
  };
  const next = [...rest, entry];
  return next.length > cap ? next.slice(next.length - cap) : next;
}
