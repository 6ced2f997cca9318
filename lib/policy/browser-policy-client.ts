import { browser } from 'wxt/browser';
import { PolicyStateSchema, POLICY_STATE_KEY, SetLocalResultSchema } from './state.ts';
import type { PolicyState, SetLocalResult } from './state.ts';

/** For extension pages and content scripts: the background's current policy state. */
export async function requestPolicyState(): Promise<PolicyState> {
  return PolicyStateSchema.parse(await browser.runtime.sendMessage({ type: 'policy/get' }));
}

export async function requestSetLocal(local: Record<string, unknown>): Promise<SetLocalResult> {
  return SetLocalResultSchema.parse(await browser.runtime.sendMessage({ type: 'policy/set-local', local }));
}

/**
 * Calls back with every state the background publishes. The background writes it to storage.local,
 * so open tabs and pages pick up a changed admin policy without a message channel of their own.
 */
export function watchPolicyState(onState: (state: PolicyState) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'local' || !(POLICY_STATE_KEY in changes)) return;
    const parsed = PolicyStateSchema.safeParse(changes[POLICY_STATE_KEY]?.newValue);
    if (parsed.success) onState(parsed.data);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
