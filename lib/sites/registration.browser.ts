import { browser } from 'wxt/browser';
import type { Policy } from '../policy/schema.ts';
import { BUILT_IN_CONTENT_MATCHES } from './registry.ts';
import { COMPOSE_SCRIPT_FILE, diffRegistration, planSiteRegistration } from './registration.ts';

/**
 * Edge: applies the registration plan for the policy's `sites`, then injects the script into tabs
 * already open on a newly listed host (registration only affects future page loads). Errors are
 * returned, never thrown: a bad pattern must not stop the background.
 */
export async function syncSiteRegistration(policy: Pick<Policy, 'sites'>): Promise<{ registered: string[]; error?: string }> {
  const plan = planSiteRegistration(policy.sites, BUILT_IN_CONTENT_MATCHES);
  try {
    const current = await browser.scripting.getRegisteredContentScripts();
    const change = diffRegistration(current, plan);
    if (change.unregister.length) await browser.scripting.unregisterContentScripts({ ids: change.unregister });
    if (change.register.length) {
      await browser.scripting.registerContentScripts(change.register);
      await injectIntoOpenTabs(change.register.flatMap((r) => r.matches));
    }
    return { registered: plan.flatMap((p) => p.matches) };
  } catch (err) {
    return { registered: [], error: err instanceof Error ? err.message : String(err) };
  }
}

async function injectIntoOpenTabs(matches: string[]): Promise<void> {
  if (matches.length === 0) return;
  const tabs = await browser.tabs.query({ url: matches }).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [COMPOSE_SCRIPT_FILE] } as unknown as Parameters<typeof browser.scripting.executeScript>[0]).catch(() => undefined),
    ),
  );
}
