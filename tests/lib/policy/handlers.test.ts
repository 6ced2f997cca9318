import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../lib/policy/defaults.ts';
import { handlePolicyRequest, handlePopupStatus, handleTabStatus, PopupStatusSchema } from '../../../lib/policy/handlers.ts';
import type { PopupStatusDeps } from '../../../lib/policy/handlers.ts';
import { createMemoryArea } from '../../../lib/policy/storage-area.ts';
import { createPolicyService } from '../../../lib/policy/store.ts';
import { createTabStatusRegistry } from '../../../lib/policy/tab-status.ts';
import { acmePolicy } from './fixtures.ts';

async function startedService(managed: unknown) {
  const service = createPolicyService({
    managed: { read: async () => managed, watch: () => undefined },
    store: createMemoryArea(),
    defaults: defaultPolicy(),
  });
  await service.start(new AbortController().signal);
  return service;
}

describe('handlePolicyRequest', () => {
  it('answers policy/get with the state and policy/set-local with the outcome', async () => {
    const service = await startedService(acmePolicy({ userEditable: ['userLabel'] }));
    const state = await handlePolicyRequest({ type: 'policy/get' }, service);
    expect(state).toMatchObject({ managedBy: 'Acme', source: 'managed' });
    const result = await handlePolicyRequest({ type: 'policy/set-local', local: { userLabel: 'x', organization: 'y' } }, service);
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'organization' }] });
  });
});

describe('tab status and popup status', () => {
  async function popupDeps(url: string | undefined, countToday: PopupStatusDeps['countToday'] = async () => ({ blocked: 2, replaced: 1 })) {
    const registry = createTabStatusRegistry(createMemoryArea());
    const service = await startedService(acmePolicy({ mode: 'block' }));
    return { registry, getPolicyState: () => service.getState(), getTabUrl: async () => url, countToday } satisfies PopupStatusDeps;
  }

  it('shows a tab as protected by the adapter its content script reported', async () => {
    const deps = await popupDeps('https://mail.google.com/mail/u/0/#inbox');
    const ok = await handleTabStatus({ type: 'tab/status', adapter: 'gmail', composers: 2 }, { tabId: 7, url: 'https://mail.google.com/mail/u/0/' }, deps.registry, () => 5);
    expect(ok).toEqual({ ok: true });
    const status = PopupStatusSchema.parse(await handlePopupStatus({ type: 'popup/status', tabId: 7 }, deps));
    expect(status).toMatchObject({ protected: true, adapter: 'gmail', composers: 2, site: 'mail.google.com', mode: 'block', managedBy: 'Acme', counts: { blocked: 2, replaced: 1 }, countsError: null });
  });

  it('does not call a tab protected after it navigated to another origin', async () => {
    const deps = await popupDeps('https://example.org/');
    await handleTabStatus({ type: 'tab/status', adapter: 'gmail', composers: 1 }, { tabId: 7, url: 'https://mail.google.com/' }, deps.registry);
    const status = await handlePopupStatus({ type: 'popup/status', tabId: 7 }, deps);
    expect(status).toMatchObject({ protected: false, adapter: null, site: 'example.org' });
  });

  it('ignores reports without a tab and shows unknown tabs as unprotected', async () => {
    const deps = await popupDeps('https://mail.google.com/');
    expect(await handleTabStatus({ type: 'tab/status', adapter: 'gmail', composers: 1 }, { tabId: undefined, url: 'https://x/' }, deps.registry)).toEqual({ ok: false });
    expect((await handlePopupStatus({ type: 'popup/status', tabId: 99 }, deps)).protected).toBe(false);
  });

  it('still answers when today’s counts cannot be read', async () => {
    const deps = await popupDeps(undefined, async () => {
      throw new Error('db closed');
    });
    const status = await handlePopupStatus({ type: 'popup/status', tabId: 1 }, deps);
    expect(status).toMatchObject({ counts: {}, countsError: 'db closed', managedBy: 'Acme', site: null });
  });

  it('passes on only the per-decision counts, so the popup’s strict schema accepts what the audit service returns', async () => {
    // The audit service's countToday() also returns `total`; the popup used to fail on it.
    const deps = await popupDeps('https://mail.google.com/', async () => ({ replaced: 1, detected: 2, total: 3 }) as never);
    const status = PopupStatusSchema.parse(await handlePopupStatus({ type: 'popup/status', tabId: 1 }, deps));
    expect(status.counts).toEqual({ replaced: 1, detected: 2 });
  });

  it('forgets a closed tab', async () => {
    const deps = await popupDeps('https://mail.google.com/');
    await handleTabStatus({ type: 'tab/status', adapter: 'gmail', composers: 1 }, { tabId: 3, url: 'https://mail.google.com/' }, deps.registry);
    await deps.registry.forget(3);
    expect(await deps.registry.get(3)).toBeUndefined();
  });
});

describe('createPolicyHandlers through the background router', () => {
  it('routes every policy, tab and popup message and passes the sender for tab/status', async () => {
    const { createRouter } = await import('../../../lib/messaging/router.ts');
    const { createPolicyHandlers } = await import('../../../lib/policy/handlers.ts');
    const service = await startedService(acmePolicy({ userEditable: ['userLabel'] }));
    const registry = createTabStatusRegistry(createMemoryArea());
    const route = createRouter(
      createPolicyHandlers({ service, registry, getTabUrl: async () => 'https://mail.acme.example/?_task=mail', countToday: async () => ({ detected: 4 }) }),
    );
    expect(await route({ type: 'policy/get' }, {})).toMatchObject({ managedBy: 'Acme' });
    expect(await route({ type: 'policy/set-local', local: { userLabel: 'pc-1' } }, {})).toMatchObject({ ok: true });
    expect(await route({ type: 'tab/status', adapter: 'roundcube', composers: 1 }, { tabId: 4, url: 'https://mail.acme.example/?_task=mail&_action=compose' })).toEqual({ ok: true });
    expect(await route({ type: 'popup/status', tabId: 4 }, {})).toMatchObject({ protected: true, adapter: 'roundcube', counts: { detected: 4 } });
    await expect(route({ type: 'popup/status', tabId: 'x' }, {})).rejects.toThrow(/invalid message/u);
  });
});
