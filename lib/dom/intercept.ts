import type { SendVia, SiteAdapter } from '../sites/types.ts';
import { containsDeep } from './query.ts';

/**
 * Send interception in the capture phase (Refined GitHub's avoid-accidental-submissions): a click
 * on a Send control, the site's send shortcut (never during IME composition), and form submit.
 *
 * The decision is synchronous: `shouldStop` runs inside the event handler and a clean draft's
 * event is never touched, so its send happens with no delay. A stopped send is replayed later
 * with `resend`, which dispatches the same kind of event with a one-shot bypass.
 *
 * Gmail's buttons act on mousedown+mouseup (Closure `goog.ui.Button`), not on click, so the whole
 * pointer gesture on a Send control is swallowed, and the dialog opens on its final click.
 */

export interface SendAttempt {
  composer: Element;
  via: SendVia;
  /** The Send control that was activated (button path). */
  control?: Element;
  /** Where the shortcut was pressed, to replay it there. */
  target?: Element;
  modifiers?: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };
  form?: HTMLFormElement;
  submitter?: HTMLElement | null;
}

export interface InterceptOptions {
  adapter: SiteAdapter;
  /** The composers currently known on the page. */
  composers(): readonly Element[];
  /** Synchronous: true stops this send (flagged draft, or a dialog already open for it). */
  shouldStop(attempt: SendAttempt): boolean;
  /** A stopped send's activating event (click, shortcut, submit): open the dialog. */
  onStopped(attempt: SendAttempt): void;
  /** A send that passes (clean or monitor); for logging. Never awaited. */
  onPassed?(attempt: SendAttempt): void;
  /** Our own failure inside a handler; the event then continues (fail open) unless `failClosed` says no. */
  onError(error: unknown, attempt: SendAttempt | null): void;
  /** Consulted after an error: true keeps the send stopped (block mode with a known flagged finding). */
  failClosed(attempt: SendAttempt): boolean;
}

export interface Interceptor {
  /** Replays a stopped send exactly once, bypassing our own handlers. */
  resend(attempt: SendAttempt): void;
  /** Also listen in a same-origin editor iframe (TinyMCE): shortcut keys fire inside it. */
  watchWindow(win: Window): void;
}

const POINTER_GESTURE = ['pointerdown', 'mousedown', 'pointerup', 'mouseup'] as const;
const GESTURE_TTL_MS = 3000;

export function interceptSends(win: Window, signal: AbortSignal, options: InterceptOptions): Interceptor {
  let bypass = 0;
  /** The pointer gesture in progress on a Send control, and whether it was stopped. */
  let gesture: { control: Element; stopped: boolean; at: number } | null = null;
  let lastShortcutStopped = false;
  const watched = new WeakSet<Window>();

  const eventPath = (event: Event): Element[] =>
    (event.composedPath?.() ?? []).filter((n): n is Element => (n as Node).nodeType === 1);

  const findControl = (event: Event): { composer: Element; control: Element } | null => {
    const path = eventPath(event);
    for (const composer of options.composers()) {
      const controls = options.adapter.sendControls(composer);
      for (const control of controls) {
        if (path.includes(control)) return { composer, control };
      }
    }
    return null;
  };

  const composerOf = (node: EventTarget | null): Element | null => {
    if (!node || !(node as Node).nodeType) return null;
    return options.composers().find((c) => containsDeep(c, node as Node)) ?? null;
  };

  const stop = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  /** Runs `decide`; on our own exception, fails open unless policy says the send must stay stopped. */
  const guarded = (attempt: SendAttempt | null, decide: () => boolean): boolean => {
    try {
      return decide();
    } catch (error) {
      options.onError(error, attempt);
      try {
        return attempt ? options.failClosed(attempt) : false;
      } catch {
        return false;
      }
    }
  };

  const onPointer = (event: Event): void => {
    if (bypass > 0) return;
    const now = Date.now();
    if (gesture && now - gesture.at > GESTURE_TTL_MS) gesture = null;
    let hit: { composer: Element; control: Element } | null = null;
    try {
      hit = findControl(event);
    } catch (error) {
      options.onError(error, null);
    }
    if (!hit) return;
    if (!gesture || gesture.control !== hit.control) {
      const attempt: SendAttempt = { composer: hit.composer, via: 'button', control: hit.control };
      gesture = { control: hit.control, stopped: guarded(attempt, () => options.shouldStop(attempt)), at: now };
    }
    if (gesture.stopped) stop(event);
  };

  const onClick = (event: Event): void => {
    if (bypass > 0) return;
    let hit: { composer: Element; control: Element } | null = null;
    try {
      hit = findControl(event);
    } catch (error) {
      options.onError(error, null);
    }
    if (!hit) return;
    const attempt: SendAttempt = { composer: hit.composer, via: 'button', control: hit.control };
    const reuse = gesture && gesture.control === hit.control && Date.now() - gesture.at <= GESTURE_TTL_MS;
    const stopped = reuse ? gesture!.stopped : guarded(attempt, () => options.shouldStop(attempt));
    gesture = null;
    if (!stopped) {
      notifyPassed(attempt);
      return;
    }
    stop(event);
    report(attempt);
  };

  const onKeydown = (event: Event): void => {
    if (bypass > 0) return;
    const key = event as KeyboardEvent;
    // IME: Enter that commits a composition is the user's, never a send (Japanese input).
    if (key.isComposing || key.keyCode === 229) return;
    try {
      if (options.adapter.isSendShortcut(key)) {
        const composer = composerOf(eventPath(event)[0] ?? key.target);
        if (!composer) return;
        const target = (eventPath(event)[0] ?? (key.target as Element)) as Element;
        const attempt: SendAttempt = {
          composer,
          via: 'shortcut',
          target,
          modifiers: { ctrlKey: key.ctrlKey, metaKey: key.metaKey, shiftKey: key.shiftKey, altKey: key.altKey },
        };
        lastShortcutStopped = guarded(attempt, () => options.shouldStop(attempt));
        if (!lastShortcutStopped) {
          notifyPassed(attempt);
          return;
        }
        stop(event);
        report(attempt);
        return;
      }
      // Enter/Space on a focused non-native Send control (Gmail's div[role=button]); a native
      // <button> turns them into a click, handled there.
      if (key.key === 'Enter' || key.key === ' ') {
        const hit = findControl(event);
        if (!hit || hit.control.tagName === 'BUTTON' || hit.control.tagName === 'INPUT' || hit.control.tagName === 'A') return;
        const attempt: SendAttempt = { composer: hit.composer, via: 'button', control: hit.control };
        if (!guarded(attempt, () => options.shouldStop(attempt))) {
          notifyPassed(attempt);
          return;
        }
        stop(event);
        report(attempt);
      }
    } catch (error) {
      options.onError(error, null);
    }
  };

  /** Sites that send on keypress/keyup of the shortcut must not see the stopped one either. */
  const onKeyFollowUp = (event: Event): void => {
    if (bypass > 0 || !lastShortcutStopped) return;
    const key = event as KeyboardEvent;
    if (options.adapter.isSendShortcut(key)) stop(event);
    if (event.type === 'keyup') lastShortcutStopped = false;
  };

  const onSubmit = (event: Event): void => {
    if (bypass > 0) return;
    const submit = event as SubmitEvent;
    const form = submit.target as HTMLFormElement | null;
    if (!form || form.tagName !== 'FORM') return;
    const composer = options.composers().find((c) => c === form || c.contains(form) || form.contains(c));
    if (!composer) return;
    const attempt: SendAttempt = { composer, via: 'submit', form, submitter: submit.submitter ?? null };
    if (!guarded(attempt, () => options.shouldStop(attempt))) {
      notifyPassed(attempt);
      return;
    }
    stop(event);
    report(attempt);
  };

  const report = (attempt: SendAttempt): void => {
    try {
      options.onStopped(attempt);
    } catch (error) {
      options.onError(error, attempt);
    }
  };

  const notifyPassed = (attempt: SendAttempt): void => {
    try {
      options.onPassed?.(attempt);
    } catch (error) {
      options.onError(error, attempt);
    }
  };

  const listen = (target: Window): void => {
    if (watched.has(target)) return;
    watched.add(target);
    const opts = { capture: true, signal } as const;
    for (const type of POINTER_GESTURE) target.addEventListener(type, onPointer, opts);
    target.addEventListener('click', onClick, opts);
    target.addEventListener('keydown', onKeydown, opts);
    target.addEventListener('keypress', onKeyFollowUp, opts);
    target.addEventListener('keyup', onKeyFollowUp, opts);
    target.addEventListener('submit', onSubmit, opts);
  };
  listen(win);

  return {
    watchWindow: listen,
    resend(attempt) {
      bypass += 1;
      try {
        replay(attempt, options.adapter);
      } catch (error) {
        if (!(error instanceof MenuClosedError)) throw error;
        options.onError(error, attempt);
      } finally {
        bypass -= 1;
        gesture = null;
        lastShortcutStopped = false;
      }
    },
  };
}

/** The menu item the user chose to send with has been removed from the page (its menu closed). */
export class MenuClosedError extends Error {
  constructor() {
    super('the send menu closed before the send could be replayed; the corrected draft was kept for the user to send again');
  }
}

/** Dispatches the same kind of send the user made. Runs inside the bypass, synchronously. */
function replay(attempt: SendAttempt, adapter: SiteAdapter): void {
  if (attempt.via === 'submit' && attempt.form?.isConnected) {
    const submitter = attempt.submitter?.isConnected ? attempt.submitter : null;
    attempt.form.requestSubmit(submitter ?? undefined);
    return;
  }
  if (attempt.via === 'shortcut') {
    const target = attempt.target?.isConnected ? attempt.target : (adapter.getEditors(attempt.composer)[0]?.element ?? attempt.composer);
    const view = target.ownerDocument.defaultView!;
    const init = { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true, composed: true, ...attempt.modifiers };
    target.dispatchEvent(new view.KeyboardEvent('keydown', init));
    target.dispatchEvent(new view.KeyboardEvent('keyup', init));
    return;
  }
  if (attempt.control && !attempt.control.isConnected && attempt.control.getAttribute('role') === 'menuitem') {
    // A "Schedule send"/"Send later" item whose menu closed: clicking Send instead would send now,
    // not when the user asked. The draft (already fixed) stays; the user picks the item again.
    throw new MenuClosedError();
  }
  const control = attempt.control?.isConnected ? attempt.control : adapter.sendControls(attempt.composer)[0];
  if (!control) throw new Error('the Send control is gone');
  const view = control.ownerDocument.defaultView!;
  const rect = control.getBoundingClientRect();
  const at = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true, composed: true, view, button: 0 };
  const Pointer = view.PointerEvent ?? view.MouseEvent;
  control.dispatchEvent(new Pointer('pointerdown', { ...at, buttons: 1, pointerType: 'mouse', isPrimary: true } as PointerEventInit));
  control.dispatchEvent(new view.MouseEvent('mousedown', { ...at, buttons: 1 }));
  control.dispatchEvent(new Pointer('pointerup', { ...at, buttons: 0, pointerType: 'mouse', isPrimary: true } as PointerEventInit));
  control.dispatchEvent(new view.MouseEvent('mouseup', { ...at, buttons: 0 }));
  control.dispatchEvent(new view.MouseEvent('click', { ...at, buttons: 0 }));
}
