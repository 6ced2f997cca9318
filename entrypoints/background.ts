import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startAuditService } from '../lib/audit/browser-audit.ts';
import { auditHandlers } from '../lib/audit/handlers.ts';
import { startDiagnosticsLog } from '../lib/diagnostics/browser-diagnostics.ts';
import { createDiagnosticHandlers } from '../lib/diagnostics/handlers.ts';
import { composeUiHandlers } from '../lib/messaging/compose-ui-handlers.ts';
import { createRouter, mergeHandlers, senderInfo, type Handlers } from '../lib/messaging/router.ts';
import { startPolicyServices } from '../lib/policy/browser-policy-source.ts';
import type { Policy } from '../lib/policy/schema.ts';
import { syncSiteRegistration } from '../lib/sites/registration.browser.ts';

/** Built from entrypoints/compose-ui/index.ts (a WXT unlisted script). */
const COMPOSE_UI_FILE = '/compose-ui.js';

/**
 * Wiring only: each service lives in its own module. Listeners are registered in the service
 * worker's first turn so a message or an alarm can wake it.
 */
export default defineBackground(() => {
  // --- policy (lib/policy): policy/get, policy/set-local, tab/status, popup/status -------------
  // eslint-disable-next-line prefer-const -- the audit service needs the policy, the popup needs audit counts.
  let audit: ReturnType<typeof startAuditService>;
  const policy = startPolicyServices({ countToday: () => audit.countToday() });
  const currentPolicy = async (): Promise<Policy> => (await policy.service.getState()).policy as Policy;

  // --- audit log (lib/audit): audit/record ---------------------------------------------------
  audit = startAuditService({ getPolicy: currentPolicy });

  // --- diagnostics from content scripts (lib/diagnostics): never block the user, kept for the admin ---
  const diagnosticHandlers = createDiagnosticHandlers(startDiagnosticsLog());

  // --- the compose script's on-demand half (entrypoints/compose-ui): detector + Send dialog ------
  // Scripts injected with scripting.executeScript run in the content scripts' isolated world, where
  // compose-ui.js registers itself on a global the compose content script reads.
  const composeUi = composeUiHandlers(({ tabId, frameId }) =>
    browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [COMPOSE_UI_FILE] }),
  );

  // --- one router for every message (lib/messaging) ------------------------------------------
  const router = createRouter(mergeHandlers(policy.handlers, auditHandlers(audit), diagnosticHandlers, composeUi));
  browser.runtime.onMessage.addListener((message, sender) => router(message, senderInfo(sender)));

  // --- content scripts on hosts the policy lists (lib/sites/registration) ----------------------
  const applySites = (p: Policy) =>
    void syncSiteRegistration(p).then((r) => {
      if (r.error) console.warn('ChannelGuard: could not register content scripts for policy sites:', r.error);
    });
  policy.service.onChange((state) => applySites(state.policy as Policy));
  void currentPolicy().then(applySites);
});
