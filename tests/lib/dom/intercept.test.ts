// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { interceptSends, type InterceptOptions, type SendAttempt } from '../../../lib/dom/intercept.ts';
import { createGenericAdapter } from '../../../lib/sites/generic.ts';

function page() {
  document.body.innerHTML = `
    <form id="f"><textarea id="body"></textarea><button type="button" id="send">Send</button></form>`;
  const sent: string[] = [];
  const send = document.getElementById('send')!;
  send.addEventListener('click', () => sent.push('button'));
  document.getElementById('body')!.addEventListener('keydown', (e) => {
    if (e.ctrlKey && e.key === 'Enter') sent.push('shortcut');
  });
  document.getElementById('f')!.addEventListener('submit', (e) => {
    e.preventDefault();
    sent.push('submit');
  });
  return { sent, send, body: document.getElementById('body') as HTMLTextAreaElement, form: document.getElementById('f') as HTMLFormElement };
}

function setup(shouldStop: (a: SendAttempt) => boolean, extra: Partial<InterceptOptions> = {}) {
  const controller = new AbortController();
  const stopped: SendAttempt[] = [];
  const errors: unknown[] = [];
  const adapter = createGenericAdapter();
  const interceptor = interceptSends(window as unknown as Window, controller.signal, {
    adapter,
    composers: () => adapter.findComposers(document),
    shouldStop,
    onStopped: (a) => stopped.push(a),
    onError: (e) => errors.push(e),
    failClosed: () => false,
    ...extra,
  });
  return { controller, stopped, errors, interceptor };
}

describe('interceptSends', () => {
  let p: ReturnType<typeof page>;
  beforeEach(() => {
    p = page();
  });

  it('lets a clean send through untouched', () => {
    const { controller } = setup(() => false);
    p.send.click();
    expect(p.sent).toEqual(['button']);
    controller.abort();
  });

  it('stops a flagged click before the page sees it, reports it once, and replays it exactly once', () => {
    const { controller, stopped, interceptor } = setup(() => true);
    p.send.click();
    expect(p.sent).toEqual([]);
    expect(stopped.map((a) => a.via)).toEqual(['button']);
    interceptor.resend(stopped[0]!);
    expect(p.sent).toEqual(['button']);
    // The bypass was one-shot: the next click is judged again.
    p.send.click();
    expect(p.sent).toEqual(['button']);
    expect(stopped).toHaveLength(2);
    controller.abort();
  });

  it('stops Ctrl+Enter in the composer and replays it as a shortcut', () => {
    const { controller, stopped, interceptor } = setup(() => true);
    p.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(p.sent).toEqual([]);
    expect(stopped.map((a) => a.via)).toEqual(['shortcut']);
    interceptor.resend(stopped[0]!);
    expect(p.sent).toEqual(['shortcut']);
    controller.abort();
  });

  it('never touches Enter while an IME composition is open', () => {
    let asked = 0;
    const { controller } = setup(() => {
      asked += 1;
      return true;
    });
    p.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true, bubbles: true, cancelable: true }));
    expect(asked).toBe(0);
    expect(p.sent).toEqual(['shortcut']);
    controller.abort();
  });

  it('stops a form submit and replays it with requestSubmit', () => {
    const { controller, stopped, interceptor } = setup(() => true);
    p.form.requestSubmit();
    expect(p.sent).toEqual([]);
    expect(stopped.map((a) => a.via)).toEqual(['submit']);
    interceptor.resend(stopped[0]!);
    expect(p.sent).toEqual(['submit']);
    controller.abort();
  });

  it('fails open when our own decision throws, and reports the error', () => {
    const { controller, errors } = setup(() => {
      throw new Error('detector exploded');
    });
    p.send.click();
    expect(p.sent).toEqual(['button']);
    expect(String(errors[0])).toMatch(/detector exploded/);
    controller.abort();
  });

  it('keeps the send stopped after an error when policy says so (block mode, flagged)', () => {
    const { controller, stopped } = setup(
      () => {
        throw new Error('boom');
      },
      { failClosed: () => true },
    );
    p.send.click();
    expect(p.sent).toEqual([]);
    expect(stopped).toHaveLength(1);
    controller.abort();
  });

  it('never turns a send-later menu item into an immediate send when its menu has closed', () => {
    const { controller, stopped, errors, interceptor } = setup(() => true);
    const item = document.createElement('div');
    item.setAttribute('role', 'menuitem');
    item.textContent = 'Schedule send';
    document.getElementById('f')!.append(item);
    const attempt: SendAttempt = { via: 'button', control: item, composer: document.getElementById('f')! };
    item.remove();
    interceptor.resend(attempt);
    expect(p.sent).toEqual([]);
    expect(String(errors[0])).toMatch(/menu closed/u);
    expect(stopped).toEqual([]);
    controller.abort();
  });

  it('removes every listener when the signal aborts', () => {
    const { controller } = setup(() => true);
    controller.abort();
    p.send.click();
    expect(p.sent).toEqual(['button']);
  });
});
