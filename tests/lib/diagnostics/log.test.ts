import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS_KEY, parseDiagnosticLog } from '../../../lib/diagnostics/entry.ts';
import { createDiagnosticHandlers } from '../../../lib/diagnostics/handlers.ts';
import { createDiagnosticsLog } from '../../../lib/diagnostics/log.ts';
import { createRouter } from '../../../lib/messaging/router.ts';
import { createMemoryArea, type KeyValueArea } from '../../../lib/policy/storage-area.ts';

const diagnostic = (message: string) => ({ level: 'warn' as const, site: 'mail.google.com', adapter: 'gmail', message });

/** A storage area whose get() answers late, as storage.local does, to expose lost updates. */
function slowArea(): KeyValueArea {
  const area = createMemoryArea();
  return {
    ...area,
    async get(key) {
      // Read now, answer later: every caller in the window sees the same old value.
      const value = await area.get(key);
      await new Promise((r) => setTimeout(r, 5));
      return value;
    },
  };
}

describe('createDiagnosticsLog', () => {
  it('keeps every problem reported at the same moment', async () => {
    const log = createDiagnosticsLog(slowArea(), { now: () => 7 });
    await Promise.all(['a', 'b', 'c', 'd'].map((m) => log.record(diagnostic(m))));
    expect((await log.list()).map((e) => e.message).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('stores within the cap and survives a new instance over the same area', async () => {
    const area = createMemoryArea();
    const first = createDiagnosticsLog(area, { cap: 2 });
    for (const m of ['a', 'b', 'c']) await first.record(diagnostic(m));
    expect((await createDiagnosticsLog(area).list()).map((e) => e.message)).toEqual(['b', 'c']);
  });

  it('a failed write does not stop the next one', async () => {
    const area = createMemoryArea();
    let fail = true;
    const flaky: KeyValueArea = { ...area, set: async (k, v) => (fail ? Promise.reject(new Error('QUOTA_BYTES exceeded')) : area.set(k, v)) };
    const log = createDiagnosticsLog(flaky);
    await expect(log.record(diagnostic('a'))).rejects.toThrow(/QUOTA/u);
    fail = false;
    await log.record(diagnostic('b'));
    expect((await log.list()).map((e) => e.message)).toEqual(['b']);
  });
});

describe('parseDiagnosticLog', () => {
  it('drops unreadable entries one by one and reads anything that is not a list as empty', () => {
    const good = { ...diagnostic('a'), firstAt: 1, at: 1, count: 1 };
    expect(parseDiagnosticLog([good, { message: 'half' }, 42])).toEqual([good]);
    expect(parseDiagnosticLog({ [DIAGNOSTICS_KEY]: [good] })).toEqual([]);
    expect(parseDiagnosticLog(undefined)).toEqual([]);
  });
});

describe('diagnosticHandlers through the router', () => {
  const quiet = { warn: () => {} };

  it('stores a valid diagnostic/record and answers ok', async () => {
    const log = createDiagnosticsLog(createMemoryArea(), { now: () => 5 });
    const route = createRouter(createDiagnosticHandlers(log, quiet));
    expect(await route({ type: 'diagnostic/record', diagnostic: diagnostic('selectors found no composer') }, { url: 'https://mail.google.com/mail/u/0/' })).toEqual({ ok: true });
    expect(await log.list()).toEqual([{ ...diagnostic('selectors found no composer'), firstAt: 5, at: 5, count: 1 }]);
  });

  it('answers not-ok instead of rejecting when storage fails', async () => {
    const log = { record: () => Promise.reject(new Error('disk full')), list: async () => [] };
    const route = createRouter(createDiagnosticHandlers(log, quiet));
    expect(await route({ type: 'diagnostic/record', diagnostic: diagnostic('x') }, {})).toEqual({ ok: false });
  });

  it('rejects a malformed diagnostic at the boundary, storing nothing', async () => {
    const log = createDiagnosticsLog(createMemoryArea());
    const route = createRouter(createDiagnosticHandlers(log, quiet));
    await expect(route({ type: 'diagnostic/record', diagnostic: { level: 'fatal', site: 'x', adapter: 'y', message: 'z' } }, {})).rejects.toThrow(/invalid message/u);
    expect(await log.list()).toEqual([]);
  });
});
