import { describe, expect, it } from 'vitest';
import { appendDiagnostic } from '../../../lib/diagnostics/ring.ts';
import type { Diagnostic } from '../../../lib/messaging/protocol.ts';

const problem = (message: string, site = 'mail.google.com'): Diagnostic => ({ level: 'warn', site, adapter: 'gmail', message });

describe('appendDiagnostic', () => {
  it('adds a new problem as the newest entry, counted once', () => {
    const log = appendDiagnostic(appendDiagnostic([], problem('a'), 1), problem('b'), 2);
    expect(log).toEqual([
      { ...problem('a'), firstAt: 1, at: 1, count: 1 },
      { ...problem('b'), firstAt: 2, at: 2, count: 1 },
    ]);
  });

  it('folds a repeat into its entry, moves it to the end and keeps when it was first seen', () => {
    let log = appendDiagnostic([], problem('a'), 1);
    log = appendDiagnostic(log, problem('b'), 2);
    log = appendDiagnostic(log, problem('a'), 3);
    expect(log.map((e) => [e.message, e.count, e.firstAt, e.at])).toEqual([
      ['b', 1, 2, 2],
      ['a', 2, 1, 3],
    ]);
  });

  it('treats the same message on another site or level as another problem', () => {
    let log = appendDiagnostic([], problem('a'), 1);
    log = appendDiagnostic(log, problem('a', 'outlook.office.com'), 2);
    log = appendDiagnostic(log, { ...problem('a'), level: 'error' }, 3);
    expect(log).toHaveLength(3);
  });

  it('keeps only the newest entries beyond the cap', () => {
    let log = appendDiagnostic([], problem('m0'), 0);
    for (let i = 1; i < 8; i++) log = appendDiagnostic(log, problem(`m${i}`), i, 5);
    expect(log.map((e) => e.message)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
  });

  it('does not change the log it was given', () => {
    const log = appendDiagnostic([], problem('a'), 1);
    const copy = structuredClone(log);
    appendDiagnostic(log, problem('a'), 2);
    expect(log).toEqual(copy);
  });
});
