import type { Handlers } from '../messaging/router.ts';
import type { DiagnosticsLog } from './log.ts';

/**
 * `diagnostic/record`: kept for the admin (options page, "Problems on pages") and echoed to the
 * service worker's console. Never rejects: the content script fires and forgets, and a full
 * storage must not turn one problem into two.
 */
export function createDiagnosticHandlers(log: DiagnosticsLog, console: Pick<Console, 'warn'> = globalThis.console): Handlers {
  return {
    'diagnostic/record': async (request, sender) => {
      const { level, site, adapter, message } = request.diagnostic;
      console.warn('ChannelGuard diagnostic', level, site, adapter, message, sender.url ?? '');
      try {
        await log.record(request.diagnostic);
        return { ok: true };
      } catch (error) {
        console.warn('ChannelGuard: could not store the diagnostic:', error);
        return { ok: false };
      }
    },
  };
}
