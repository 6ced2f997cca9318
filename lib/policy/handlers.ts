import { z } from 'zod';
import { DECISIONS } from '../messaging/protocol.ts';
import type { Decision, Request } from '../messaging/protocol.ts';
import type { Handlers } from '../messaging/router.ts';
import type { PolicyState, SetLocalResult } from './state.ts';
import type { PolicyService } from './store.ts';
import type { TabStatusRegistry } from './tab-status.ts';

type PolicyRequest = Extract<Request, { type: 'policy/get' | 'policy/set-local' }>;

/** Answers `policy/get` with the current state and `policy/set-local` with the outcome of the change. */
export function handlePolicyRequest(request: PolicyRequest, service: PolicyService): Promise<PolicyState | SetLocalResult> {
  if (request.type === 'policy/get') return service.getState();
  return service.setLocal(request.local);
}

/** Who sent a `tab/status`: the tab and the page's URL, from the runtime's `sender`. */
export interface TabSender {
  tabId: number | undefined;
  url: string | undefined;
}

export async function handleTabStatus(
  request: Extract<Request, { type: 'tab/status' }>,
  sender: TabSender,
  registry: TabStatusRegistry,
  now: () => number = Date.now,
): Promise<{ ok: boolean }> {
  const origin = originOf(sender.url);
  if (sender.tabId === undefined || !origin) return { ok: false };
  await registry.report(sender.tabId, { adapter: request.adapter, composers: request.composers, origin, at: now() });
  return { ok: true };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export const PopupStatusSchema = z.object({
  protected: z.boolean(),
  adapter: z.string().nullable(),
  composers: z.number(),
  site: z.string().nullable(),
  mode: z.enum(['monitor', 'warn', 'block']),
  managedBy: z.string().nullable(),
  source: z.enum(['managed', 'local', 'default']),
  policyErrors: z.number(),
  counts: z.partialRecord(z.enum(DECISIONS), z.number()),
  /** Set when today's counts could not be read; the rest of the status is still valid. */
  countsError: z.string().nullable(),
});
export type PopupStatus = z.output<typeof PopupStatusSchema>;

/**
 * Only the decisions, in the popup's contract: the audit service's counts carry extras (a `total`)
 * that the popup's strict schema rejected, which left the popup on "Could not reach the extension".
 */
function decisionCounts(counts: Partial<Record<Decision, number>>): Partial<Record<Decision, number>> {
  const picked: Partial<Record<Decision, number>> = {};
  for (const decision of DECISIONS) if (typeof counts[decision] === 'number') picked[decision] = counts[decision];
  return picked;
}

export interface PopupStatusDeps {
  registry: TabStatusRegistry;
  getPolicyState: () => Promise<PolicyState>;
  /** URL of the tab now (tabs.get), to tell a still-protected page from one the tab navigated away from. */
  getTabUrl: (tabId: number) => Promise<string | undefined>;
  countToday: () => Promise<Partial<Record<Decision, number>>>;
}

export async function handlePopupStatus(
  request: Extract<Request, { type: 'popup/status' }>,
  deps: PopupStatusDeps,
): Promise<PopupStatus> {
  const [state, status, url] = await Promise.all([
    deps.getPolicyState(),
    deps.registry.get(request.tabId),
    deps.getTabUrl(request.tabId).catch(() => undefined),
  ]);
  let counts: Partial<Record<Decision, number>> = {};
  let countsError: string | null = null;
  try {
    counts = decisionCounts(await deps.countToday());
  } catch (error) {
    countsError = error instanceof Error ? error.message : String(error);
  }
  const origin = originOf(url);
  const live = status !== undefined && origin !== undefined && status.origin === origin;
  return {
    protected: live,
    adapter: live ? status.adapter : null,
    composers: live ? status.composers : 0,
    site: origin ? new URL(origin).host : null,
    mode: state.policy.mode,
    managedBy: state.managedBy,
    source: state.source,
    policyErrors: state.errors.filter((e) => e.source === 'managed').length,
    counts,
    countsError,
  };
}

export interface PolicyHandlerDeps extends Omit<PopupStatusDeps, 'getPolicyState'> {
  service: PolicyService;
}

/** The background's handlers for every policy-, tab- and popup-related message, for `createRouter`. */
export function createPolicyHandlers(deps: PolicyHandlerDeps): Handlers {
  const popupDeps: PopupStatusDeps = { ...deps, getPolicyState: () => deps.service.getState() };
  return {
    'policy/get': (request) => handlePolicyRequest(request, deps.service),
    'policy/set-local': (request) => handlePolicyRequest(request, deps.service),
    'tab/status': (request, sender) => handleTabStatus(request, { tabId: sender.tabId, url: sender.url }, deps.registry),
    'popup/status': (request) => handlePopupStatus(request, popupDeps),
  };
}
