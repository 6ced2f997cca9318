import { describe, expect, it } from 'vitest';
import { createRouter, mergeHandlers, senderInfo } from '../../../lib/messaging/router.ts';

describe('createRouter', () => {
  it('passes a valid request and the sender to its handler and replies with the result', async () => {
    const seen: unknown[] = [];
    const route = createRouter({
      'tab/status': (req, sender) => {
        seen.push([req.adapter, req.composers, sender.tabId]);
        return { stored: true };
      },
    });
    await expect(route({ type: 'tab/status', adapter: 'gmail', composers: 2 }, { tabId: 7 })).resolves.toEqual({ stored: true });
    expect(seen).toEqual([['gmail', 2, 7]]);
  });

  it('rejects a message the protocol does not allow, before any handler runs', async () => {
    let called = false;
    const route = createRouter({ 'audit/record': () => (called = true) });
    await expect(route({ type: 'audit/record', event: { decision: 'deleted-everything' } }, {})).rejects.toThrow(/invalid message/);
    await expect(route({ type: 'nope' }, {})).rejects.toThrow(/invalid message/);
    await expect(route('policy/get', {})).rejects.toThrow(/invalid message/);
    expect(called).toBe(false);
  });

  it('rejects a valid type nobody handles, and surfaces a handler failure', async () => {
    const route = createRouter({
      'policy/get': () => {
        throw new Error('storage is gone');
      },
    });
    await expect(route({ type: 'popup/status', tabId: 1 }, {})).rejects.toThrow(/no handler for popup\/status/);
    await expect(route({ type: 'policy/get' }, {})).rejects.toThrow('storage is gone');
  });

  it('answers null rather than undefined (undefined reads as "no listener" to sendMessage)', async () => {
    const route = createRouter({ 'diagnostic/record': () => undefined });
    await expect(
      route({ type: 'diagnostic/record', diagnostic: { level: 'warn', site: 'x', adapter: 'gmail', message: 'm' } }, {}),
    ).resolves.toBeNull();
  });

  it('applies protocol defaults before the handler sees the request', async () => {
    let recipients: unknown;
    const route = createRouter({ 'audit/record': (req) => (recipients = req.event.recipients) });
    await route({ type: 'audit/record', event: { decision: 'edited', site: 's', origin: 'o', adapter: 'gmail', findings: [] } }, {});
    expect(recipients).toEqual([]);
  });
});

describe('mergeHandlers', () => {
  it('combines services and refuses two handlers for one type', () => {
    const a = { 'policy/get': () => 1 };
    const b = { 'audit/record': () => 2 };
    expect(Object.keys(mergeHandlers(a, b)).sort()).toEqual(['audit/record', 'policy/get']);
    expect(() => mergeHandlers(a, { 'policy/get': () => 3 })).toThrow(/two handlers for policy\/get/);
  });
});

describe('senderInfo', () => {
  it('keeps only the tab id, frame id, url and origin', () => {
    const sender = { tab: { id: 3, title: 'Inbox' }, frameId: 2, id: 'ext', url: 'https://mail.google.com/x', origin: 'https://mail.google.com' };
    expect(Object.entries(senderInfo(sender))).toEqual([
      ['tabId', 3],
      ['frameId', 2],
      ['url', 'https://mail.google.com/x'],
      ['origin', 'https://mail.google.com'],
    ]);
    expect(senderInfo(undefined)).toEqual({ tabId: undefined, frameId: undefined, url: undefined, origin: undefined });
  });
});
