import { browser } from 'wxt/browser';
import type { Request } from './protocol.ts';

/**
 * Typed `runtime.sendMessage` for content scripts and pages. Resolves with the handler's reply;
 * rejects with the router's error, or when the extension context is gone (after an update).
 */
export function sendRequest(request: Request): Promise<unknown> {
  return browser.runtime.sendMessage(request);
}

/** Fire-and-forget for audit and diagnostics: a failure to log must never reach the user's send. */
export function postRequest(request: Request): void {
  try {
    sendRequest(request).catch(() => undefined);
  } catch {
    // runtime is gone (extension reloaded): nothing to log to.
  }
}
