import { describe, expect, it } from 'vitest';
import { composeUiHandlers, type InjectTarget } from '../../../lib/messaging/compose-ui-handlers.ts';
import { createRouter } from '../../../lib/messaging/router.ts';

describe('compose/load-ui', () => {
  it('injects into the asking frame of the asking tab', async () => {
    const targets: InjectTarget[] = [];
    const route = createRouter(composeUiHandlers(async (t) => targets.push(t)));
    await expect(route({ type: 'compose/load-ui' }, { tabId: 12, frameId: 3 })).resolves.toEqual({ ok: true });
    await route({ type: 'compose/load-ui' }, { tabId: 5 });
    expect(targets).toEqual([
      { tabId: 12, frameId: 3 },
      { tabId: 5, frameId: 0 },
    ]);
  });

  it('refuses a sender without a tab and surfaces a failed injection', async () => {
    let calls = 0;
    const refuse = createRouter(composeUiHandlers(async () => (calls += 1)));
    await expect(refuse({ type: 'compose/load-ui' }, { url: 'chrome-extension://x/popup.html' })).rejects.toThrow(/no tab/);
    expect(calls).toBe(0);
    const failing = createRouter(composeUiHandlers(() => Promise.reject(new Error('Cannot access contents of the page'))));
    await expect(failing({ type: 'compose/load-ui' }, { tabId: 1, frameId: 0 })).rejects.toThrow(/Cannot access/);
  });
});
