import type { Handlers } from '../messaging/router.ts';
import type { AuditService } from './service.ts';

/** The background's `audit/record` handler; the router has already validated the message. */
export function auditHandlers(service: AuditService): Handlers {
  return {
    'audit/record': (request, sender) => service.record(request.event, { url: sender.url, tabId: sender.tabId }),
  };
}
