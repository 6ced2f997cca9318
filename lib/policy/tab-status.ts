import { z } from 'zod';
import type { KeyValueArea } from './storage-area.ts';

/** What a content script last said about its tab. */
export const TabStatusSchema = z.object({
  adapter: z.string(),
  composers: z.number().int().min(0),
  /** Origin of the page that reported, so a tab that navigated elsewhere is not shown as protected. */
  origin: z.string(),
  at: z.number(),
});
export type TabStatus = z.output<typeof TabStatusSchema>;

export interface TabStatusRegistry {
  report(tabId: number, status: TabStatus): Promise<void>;
  get(tabId: number): Promise<TabStatus | undefined>;
  forget(tabId: number): Promise<void>;
}

/**
 * Kept in a storage area (storage.session in the browser) rather than in memory: an MV3 service worker
 * is stopped after 30 s idle, and the popup would then call every tab unprotected.
 */
export function createTabStatusRegistry(area: KeyValueArea): TabStatusRegistry {
  const key = (tabId: number) => `tabStatus.${tabId}`;
  return {
    report: (tabId, status) => area.set(key(tabId), status),
    async get(tabId) {
      const parsed = TabStatusSchema.safeParse(await area.get(key(tabId)));
      return parsed.success ? parsed.data : undefined;
    },
    forget: (tabId) => area.remove(key(tabId)),
  };
}
