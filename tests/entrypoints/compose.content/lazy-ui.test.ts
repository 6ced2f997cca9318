import { describe, expect, it } from 'vitest';
import { COMPOSE_UI_GLOBAL, createComposeUiLoader, type ComposeUi } from '../../../entrypoints/compose.content/lazy-ui.ts';

const fakeUi = (): ComposeUi => ({
  createDetector: () => ({ scanDocument: () => [] }),
  showSendDialog: async () => ({ action: 'cancel' }),
});

describe('createComposeUiLoader', () => {
  it('asks for the injection once, however many callers wait, and then reads the global', async () => {
    const scope: Record<string, unknown> = {};
    const ui = fakeUi();
    let injections = 0;
    const loader = createComposeUiLoader(scope, async () => {
      injections += 1;
      await new Promise((r) => setTimeout(r, 5));
      scope[COMPOSE_UI_GLOBAL] = ui;
    });
    expect(loader.current()).toBeNull();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toBe(ui);
    expect(b).toBe(ui);
    expect(loader.current()).toBe(ui);
    await loader.load();
    expect(injections).toBe(1);
  });

  it('does not inject when the half is already there (a second run of the content script)', async () => {
    const ui = fakeUi();
    let injections = 0;
    const loader = createComposeUiLoader({ [COMPOSE_UI_GLOBAL]: ui }, async () => (injections += 1));
    await expect(loader.load()).resolves.toBe(ui);
    expect(injections).toBe(0);
  });

  it('rejects when the injection fails or registers nothing usable, and tries again on the next call', async () => {
    const scope: Record<string, unknown> = {};
    const results = [
      () => Promise.reject(new Error('No tab with id')),
      async () => void (scope[COMPOSE_UI_GLOBAL] = { createDetector: 'not a function' }),
      async () => void (scope[COMPOSE_UI_GLOBAL] = fakeUi()),
    ];
    let calls = 0;
    const loader = createComposeUiLoader(scope, () => results[calls++]!());
    await expect(loader.load()).rejects.toThrow(/No tab/);
    await expect(loader.load()).rejects.toThrow(/__channelGuardUi is missing/);
    expect(loader.current()).toBeNull();
    await expect(loader.load()).resolves.toBe(scope[COMPOSE_UI_GLOBAL]);
    expect(calls).toBe(3);
  });
});
