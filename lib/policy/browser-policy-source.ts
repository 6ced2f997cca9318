import { browser } from 'wxt/browser';
import { defaultPolicy, regionFromLanguages } from './defaults.ts';
import { createPolicyService } from './store.ts';
import type { ManagedSource, PolicyService } from './store.ts';
import { createPolicyHandlers } from './handlers.ts';
import type { PopupStatusDeps } from './handlers.ts';
import type { Handlers } from '../messaging/router.ts';
import { createTabStatusRegistry } from './tab-status.ts';
import type { TabStatusRegistry } from './tab-status.ts';
import type { KeyValueArea } from './storage-area.ts';
import { createMemoryArea } from './storage-area.ts';

/**
 * `storage.managed`, read defensively. Firefox rejects with "Managed storage manifest not found" when
 * policies.json has no entry for us (or is broken); Chromium resolves `{}`. Both mean "no policy here".
 */
export function browserManagedSource(): ManagedSource {
  return {
    async read() {
      try {
        return await browser.storage.managed.get();
      } catch {
        return undefined;
      }
    },
    watch(onChange, signal) {
      const listener = (_changes: unknown, areaName: string) => {
        if (areaName === 'managed') onChange();
      };
      browser.storage.onChanged.addListener(listener);
      signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
    },
  };
}

export function browserStorageArea(name: 'local' | 'session'): KeyValueArea {
  const area = name === 'session' ? browser.storage.session : browser.storage.local;
  // storage.session is missing in older Firefox; tab status then lives as long as the background page does.
  if (!area) return createMemoryArea();
  return {
    get: async (key) => (await area.get(key))[key],
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

/** Starts reading and watching the managed policy; the returned service answers `policy/*` messages. */
export function startPolicyService(signal: AbortSignal = new AbortController().signal): PolicyService {
  const service = createPolicyService({
    managed: browserManagedSource(),
    store: browserStorageArea('local'),
    defaults: defaultPolicy(regionFromLanguages(navigator.languages ?? [navigator.language])),
    startupRecheckMs: [2_000, 6_000, 15_000, 40_000],
  });
  void service.start(signal).catch((error: unknown) => console.error('ChannelGuard: policy service failed to start', error));
  return service;
}

export interface PolicyServices {
  service: PolicyService;
  registry: TabStatusRegistry;
  /** `policy/get`, `policy/set-local`, `tab/status`, `popup/status` — merge into the background router. */
  handlers: Handlers;
}

/**
 * Everything the background needs for policy, tab status and the popup. `countToday` comes from the
 * audit service (today's events per decision).
 */
export function startPolicyServices(options: {
  countToday: PopupStatusDeps['countToday'];
  signal?: AbortSignal;
}): PolicyServices {
  const signal = options.signal ?? new AbortController().signal;
  const service = startPolicyService(signal);
  const registry = createTabStatusRegistry(browserStorageArea('session'));
  const onRemoved = (tabId: number) => void registry.forget(tabId);
  browser.tabs.onRemoved.addListener(onRemoved);
  signal.addEventListener('abort', () => browser.tabs.onRemoved.removeListener(onRemoved), { once: true });
  const handlers = createPolicyHandlers({
    service,
    registry,
    countToday: options.countToday,
    getTabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  });
  return { service, registry, handlers };
}
