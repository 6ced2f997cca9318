import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../lib/policy/defaults.ts';
import { PolicyStateSchema, POLICY_STATE_KEY } from '../../../lib/policy/state.ts';
import { createMemoryArea } from '../../../lib/policy/storage-area.ts';
import { createPolicyService, LAST_GOOD_KEY } from '../../../lib/policy/store.ts';
import type { ManagedSource } from '../../../lib/policy/store.ts';
import type { PolicyState } from '../../../lib/policy/state.ts';
import { acmePolicy } from './fixtures.ts';

/** A managed area the test rewrites, like an admin editing the policy file. */
function fakeManaged(initial: unknown) {
  let value = initial;
  let fail: Error | undefined;
  const listeners = new Set<() => void>();
  const source: ManagedSource = {
    read: async () => {
      if (fail) throw fail;
      return structuredClone(value);
    },
    watch: (cb, signal) => {
      listeners.add(cb);
      signal.addEventListener('abort', () => listeners.delete(cb));
    },
  };
  return {
    source,
    set(next: unknown) {
      value = next;
      for (const l of listeners) l();
    },
    /** Changes the area without an onChanged event (what Chromium sometimes does at start-up). */
    setSilently(next: unknown) {
      value = next;
    },
    reject(error: Error) {
      fail = error;
    },
    listenerCount: () => listeners.size,
  };
}

function setup(initialManaged: unknown, store = createMemoryArea()) {
  let clock = 1_000;
  const managed = fakeManaged(initialManaged);
  const service = createPolicyService({ managed: managed.source, store, defaults: defaultPolicy('RU'), now: () => clock });
  return { managed, service, store, tick: (ms: number) => (clock += ms) };
}

function nextState(service: ReturnType<typeof setup>['service']): Promise<PolicyState> {
  return new Promise((resolve) => {
    const controller = new AbortController();
    service.onChange((s) => {
      controller.abort();
      resolve(s);
    }, controller.signal);
  });
}

describe('policy service', () => {
  it('publishes the managed policy with the time it was received, and stores it as last good', async () => {
    const { service, store } = setup(acmePolicy());
    const state = await service.start(new AbortController().signal);
    expect(state.source).toBe('managed');
    expect(state.managedBy).toBe('Acme');
    expect(state.lastGoodAt).toBe(1_000);
    expect(PolicyStateSchema.parse(await store.get(POLICY_STATE_KEY))).toEqual(state);
    expect(await store.get(LAST_GOOD_KEY)).toEqual({ raw: acmePolicy(), receivedAt: 1_000 });
  });

  it('re-applies a changed managed policy and keeps the receive time when the content is unchanged', async () => {
    const { service, managed, tick } = setup(acmePolicy());
    await service.start(new AbortController().signal);
    tick(500);
    let changed = nextState(service);
    managed.set({ ...acmePolicy() });
    expect((await changed).lastGoodAt).toBe(1_000);
    tick(500);
    changed = nextState(service);
    managed.set(acmePolicy({ mode: 'block' }));
    const state = await changed;
    expect(state.policy.mode).toBe('block');
    expect(state.lastGoodAt).toBe(2_000);
  });

  it('keeps the last good policy across a restart when the new managed policy is invalid', async () => {
    const first = setup(acmePolicy({ mode: 'block' }));
    await first.service.start(new AbortController().signal);
    const second = setup(acmePolicy({ defaultRegion: 'Russia' }), first.store);
    const state = await second.service.start(new AbortController().signal);
    expect(state.policy.mode).toBe('block');
    expect(state.lastGoodAt).toBe(1_000);
    expect(state.errors).toEqual([expect.objectContaining({ source: 'managed', path: 'defaultRegion' })]);
  });

  it('treats a rejecting managed area (Firefox without policies.json) as no policy', async () => {
    const { service, managed } = setup(undefined);
    managed.reject(new Error('Managed storage manifest not found'));
    const state = await service.start(new AbortController().signal);
    expect(state.source).toBe('default');
    expect(state.errors).toEqual([]);
    expect(state.managedBy).toBeNull();
  });

  it('keeps the last good managed policy with a warning when the area turns empty', async () => {
    const { service, managed } = setup(acmePolicy());
    await service.start(new AbortController().signal);
    const changed = nextState(service);
    managed.set({});
    const state = await changed;
    expect(state.managedBy).toBe('Acme');
    expect(state.warnings).toHaveLength(1);
  });

  it('saves local changes to editable fields and refuses locked ones with a reason', async () => {
    const { service } = setup(acmePolicy({ userEditable: ['userLabel', 'personalDomains'] }));
    await service.start(new AbortController().signal);
    const refused = await service.setLocal({ mode: 'monitor', userLabel: 'x' });
    expect(refused.ok).toBe(false);
    expect(refused.errors).toEqual([{ source: 'local', path: 'mode', message: 'set by your administrator' }]);
    expect(refused.state.policy.userLabel).toBeUndefined();

    const bad = await service.setLocal({ personalDomains: ['ok.example', 'not ok'] });
    expect(bad.errors.map((e) => e.path)).toEqual(['personalDomains[1]']);

    const saved = await service.setLocal({ userLabel: 'desk-7', personalDomains: ['gmx.example'] });
    expect(saved.ok).toBe(true);
    expect(saved.state.policy.userLabel).toBe('desk-7');
    expect(saved.state.local).toEqual({ userLabel: 'desk-7', personalDomains: ['gmx.example'] });
    expect((await service.getState()).policy.personalDomains).toEqual(['gmx.example']);

    const reset = await service.setLocal({ userLabel: null });
    expect(reset.state.policy.userLabel).toBeUndefined();
    expect(reset.state.local).toEqual({ personalDomains: ['gmx.example'] });
  });

  it('stops watching when the signal aborts', async () => {
    const { service, managed } = setup(undefined);
    const controller = new AbortController();
    await service.start(controller.signal);
    expect(managed.listenerCount()).toBe(1);
    controller.abort();
    expect(managed.listenerCount()).toBe(0);
  });
});

describe('start-up re-check', () => {
  it('re-reads a managed area that was empty at start-up while a managed policy was in force', async () => {
    const store = createMemoryArea();
    const first = setup(acmePolicy(), store);
    await first.service.start(new AbortController().signal);
    // Restart: the browser has not loaded the policy yet and will not announce it.
    const managed = fakeManaged({});
    const service = createPolicyService({ managed: managed.source, store, defaults: defaultPolicy('RU'), startupRecheckMs: [10] });
    const initial = await service.start(new AbortController().signal);
    expect(initial.warnings).toHaveLength(1);
    const later = nextState(service);
    await new Promise((r) => setTimeout(r, 0));
    managed.setSilently(acmePolicy({ defaultRegion: 'Russia' }));
    const state = await later;
    expect(state.warnings).toEqual([]);
    expect(state.errors.map((e) => e.path)).toEqual(['defaultRegion']);
  });
});
