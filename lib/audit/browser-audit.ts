import { browser } from 'wxt/browser';
import type { Policy } from '../policy/schema.ts';
import { openAuditDb } from './db.ts';
import { createAuditService, type AuditDiagnostic, type AuditService, type AuditUserInfo } from './service.ts';

/** Browser edge of the audit log: the database, the signed-in account, the retention alarm. */

export const AUDIT_RETENTION_ALARM = 'channel-guard-audit-retention';

interface IdentityApi {
  getProfileUserInfo?: (details?: { accountStatus?: 'SYNC' | 'ANY' }) => Promise<{ email?: string }>;
}

/**
 * Chromium tells the profile's signed-in account only with the `identity` permission; without it
 * (and in Firefox, which has no such API) the user is the policy's label or "unknown".
 */
async function profileUserInfo(): Promise<AuditUserInfo | undefined> {
  const identity = (browser as unknown as { identity?: IdentityApi }).identity;
  if (!identity?.getProfileUserInfo) return undefined;
  const info = await identity.getProfileUserInfo({ accountStatus: 'ANY' });
  return info.email ? { email: info.email } : undefined;
}

export function startAuditService(options: {
  getPolicy: () => Policy | Promise<Policy>;
  onDiagnostic?: (diagnostic: AuditDiagnostic) => void;
}): AuditService {
  const service = createAuditService({ db: openAuditDb(), getPolicy: options.getPolicy, userInfo: profileUserInfo, onDiagnostic: options.onDiagnostic });
  // Listeners must be registered in the service worker's first turn to wake it for the alarm.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUDIT_RETENTION_ALARM) void service.applyRetention();
  });
  void browser.alarms.create(AUDIT_RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  return service;
}
