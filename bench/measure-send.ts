import type { Page } from '@playwright/test';

/** One Send measured inside the page: until the dialog's buttons exist, or until the page recorded the send. */
export async function measureSend(page: Page, send: string): Promise<{ ms: number; outcome: 'dialog' | 'sent' | 'none' }> {
  return page.evaluate(async (sendSelector) => {
    const w = window as unknown as { sentMessages: unknown[] };
    const before = w.sentMessages.length;
    const control = document.querySelector(sendSelector) as HTMLElement | null;
    if (!control) return { ms: NaN, outcome: 'none' as const };
    const r = control.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, composed: true, clientX: r.x + 2, clientY: r.y + 2, button: 0, view: window };
    const channel = new MessageChannel();
    const tick = () => new Promise<void>((res) => ((channel.port1.onmessage = () => res()), channel.port2.postMessage(0)));
    const t0 = performance.now();
    control.dispatchEvent(new PointerEvent('pointerdown', { ...at, buttons: 1 }));
    control.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
    control.dispatchEvent(new PointerEvent('pointerup', at));
    control.dispatchEvent(new MouseEvent('mouseup', at));
    control.dispatchEvent(new MouseEvent('click', at));
    for (;;) {
      if (w.sentMessages.length > before) return { ms: performance.now() - t0, outcome: 'sent' as const };
      const host = document.querySelector('channel-guard-dialog');
      if (host?.shadowRoot?.querySelector('[data-action="replace"]')) {
        const elapsed = performance.now() - t0;
        (host.shadowRoot.querySelector('[data-action="cancel"]') as HTMLElement).click();
        return { ms: elapsed, outcome: 'dialog' as const };
      }
      if (performance.now() - t0 > 10_000) return { ms: NaN, outcome: 'none' as const };
      await tick();
    }
  }, send);
}
