import type { Request } from '../../lib/messaging/protocol.ts';
import type { Policy } from '../../lib/policy/schema.ts';
import { snapshotEditor, type EditorSnapshot, type ExtractedDocument } from '../../lib/dom/extract.ts';
import { interceptSends, type SendAttempt } from '../../lib/dom/intercept.ts';
import { createIdleDebouncer, observeChildren } from '../../lib/dom/observe.ts';
import { containsDeep, frameDocument } from '../../lib/dom/query.ts';
import { replaceSpan, rewriteLinkTargets, selectSpan } from '../../lib/dom/replace.ts';
import {
  auditEvent,
  contextAround,
  decideSend,
  flaggedOf,
  suggestionFor,
  type FindingLike,
  type SendDecision,
} from '../../lib/dom/send-decision.ts';
import { DIALOG_STRINGS, localizedExplanation, pickDialogLanguage } from '../../lib/i18n/dialog.ts';
import type { Decision } from '../../lib/messaging/protocol.ts';
import type { EditorRef, SiteAdapter } from '../../lib/sites/types.ts';
import type { DialogChoice } from '../compose-ui/dialog-host.tsx';
import type { ComposeUi, DetectorLike } from './lazy-ui.ts';
import { createMarker, type MarkerHandle } from './marker-host.ts';

/**
 * The compose guard for one page: finds composers, decides each send synchronously, shows the
 * dialog, keeps the typing marker, and reports every detection and decision. Everything it does
 * to the page is undone when `signal` aborts (extension update, script invalidated).
 *
 * The detector and the dialog come from the on-demand half (lazy-ui.ts), loaded as soon as a
 * composer appears. A Send in the moment before it has arrived is held, decided once it has, and
 * then either replayed or shown in the dialog; if it cannot load, the failure is logged and the
 * send goes through (fail open), except in block mode, where it is held with the draft intact
 * and the marker says why (fail closed only where the policy says block).
 */

export interface GuardDeps {
  win: Window;
  adapter: SiteAdapter;
  policy(): Policy;
  /** The detector for the current policy; null until the on-demand half has loaded. */
  detector(): DetectorLike | null;
  /** Loads the on-demand half (detector and dialog); `detector()` is non-null once it resolves. */
  loadUi(): Promise<ComposeUi>;
  post(request: Request): void;
  signal: AbortSignal;
}

interface EditorScan {
  snapshot: EditorSnapshot;
  findings: FindingLike[];
}

interface ComposerScan {
  recipients: string[];
  editors: EditorScan[];
  decision: SendDecision;
}

const MAX_DIAGNOSTICS = 20;
const MAX_REPLACE_ROUNDS = 3;

export function startGuard(deps: GuardDeps): { composers(): readonly Element[]; rescan(): void } {
  const { win, adapter, signal } = deps;
  const doc = win.document;
  const language = pickDialogLanguage(win.navigator.languages?.length ? win.navigator.languages : [win.navigator.language]);
  const strings = DIALOG_STRINGS[language];
  let composers: Element[] = [];
  const markers = new Map<Element, MarkerHandle>();
  /** The contacts last reported as 'detected' per composer: the marker and the dialog both see them, the auditor wants one event. */
  const detectedKeys = new WeakMap<Element, string>();
  const openDialogs = new WeakSet<Element>();
  /** The scan made while deciding a send, reused by the dialog that follows in the same event. */
  const lastScans = new WeakMap<Element, ComposerScan>();
  const composing = new WeakSet<Document>();
  const typing = new Map<Element, ReturnType<typeof createIdleDebouncer>>();
  let diagnostics = 0;

  const diagnostic = (level: 'info' | 'warn' | 'error', message: string): void => {
    if (diagnostics >= MAX_DIAGNOSTICS) return;
    diagnostics += 1;
    deps.post({ type: 'diagnostic/record', diagnostic: { level, site: win.location.host, adapter: adapter.name, message: message.slice(0, 2000) } });
  };
  const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

  const scanComposer = (composer: Element): ComposerScan => {
    const r = adapter.readRecipients(composer);
    const recipients = [...r.to, ...r.cc, ...r.bcc];
    const detector = deps.detector();
    if (!detector) throw new Error('scan before the detector loaded');
    const editorRefs = adapter.getEditors(composer);
    const editors = editorRefs.map((editor) => {
      const snapshot = snapshotEditor(editor);
      return { snapshot, findings: detector.scanDocument(snapshot.doc, { recipients }) };
    });
    const all = editors.flatMap((e) => e.findings);
    const scan = { recipients, editors, decision: decideSend(all, deps.policy()) };
    remember(composer, scan, detector);
    return scan;
  };

  // ---- Scan cache: a Send right after the typing marker's idle scan costs no second scan ------
  // Valid while no mutation touched the editors (MutationObserver, which also sees programmatic
  // edits), textarea values are unchanged, the recipients and the detector (policy) are the same.
  interface CachedScan {
    scan: ComposerScan;
    detector: DetectorLike;
    recipientsKey: string;
    values: string[];
    dirty: boolean;
  }
  const scanCache = new WeakMap<Element, CachedScan>();
  const editorObservers = new Map<Element, MutationObserver>();

  function remember(composer: Element, scan: ComposerScan, detector: DetectorLike): void {
    scanCache.set(composer, {
      scan,
      detector,
      recipientsKey: scan.recipients.join('\n'),
      values: scan.editors.map((e) => (e.snapshot.editor.kind === 'textarea' ? (e.snapshot.editor.element as HTMLTextAreaElement).value : '')),
      dirty: false,
    });
    watchEditorMutations(composer, scan.editors.map((e) => e.snapshot.editor));
  }

  function watchEditorMutations(composer: Element, editors: EditorRef[]): void {
    for (const editor of editors) {
      if (editor.kind === 'textarea' || editorObservers.has(editor.element)) continue;
      const MO = editor.element.ownerDocument.defaultView?.MutationObserver ?? MutationObserver;
      const observer = new MO(() => {
        const entry = scanCache.get(composer);
        if (entry) entry.dirty = true;
      });
      observer.observe(editor.element, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['href'] });
      editorObservers.set(editor.element, observer);
    }
  }
  signal.addEventListener('abort', () => editorObservers.forEach((o) => o.disconnect()), { once: true });

  /** The last scan when nothing it depends on changed since, else a fresh one. */
  const currentScan = (composer: Element): ComposerScan => {
    const entry = scanCache.get(composer);
    if (!entry) return scanComposer(composer);
    // Mutations made earlier in this same task have not been delivered yet: collect them now.
    for (const e of entry.scan.editors) if (editorObservers.get(e.snapshot.editor.element)?.takeRecords().length) entry.dirty = true;
    if (entry.dirty || entry.detector !== deps.detector()) return scanComposer(composer);
    const r = adapter.readRecipients(composer);
    if ([...r.to, ...r.cc, ...r.bcc].join('\n') !== entry.recipientsKey) return scanComposer(composer);
    const editors = adapter.getEditors(composer);
    const same =
      editors.length === entry.scan.editors.length &&
      editors.every((e, i) => {
        const was = entry.scan.editors[i]!.snapshot.editor;
        return e.element === was.element && (e.kind !== 'textarea' || (e.element as HTMLTextAreaElement).value === entry.values[i]);
      });
    if (!same) return scanComposer(composer);
    // Decide again: the policy's mode may have changed even if the findings did not.
    return { ...entry.scan, decision: decideSend(entry.scan.editors.flatMap((e) => e.findings), deps.policy()) };
  };

  const record = (decision: Decision, composer: Element, scan: ComposerScan, extra: { justification?: string } = {}): void => {
    if (decision === 'detected') {
      const key = scan.editors.flatMap((e) => flaggedOf(e.findings)).map((f) => `${f.kind}:${f.normalized}`).sort().join('|');
      if (!key || detectedKeys.get(composer) === key) return;
      detectedKeys.set(composer, key);
    } else {
      // A decision closes this draft's story: the same contacts in the next message are news again.
      detectedKeys.delete(composer);
    }
    const policy = deps.policy();
    deps.post({
      type: 'audit/record',
      event: auditEvent(
        decision,
        { site: win.location.host, origin: win.location.origin, adapter: adapter.name, recipients: scan.recipients, snippetChars: policy.audit.snippetChars },
        scan.editors.map((e) => ({ text: e.snapshot.doc.text, findings: flaggedOf(e.findings) })),
        { ...extra, at: Date.now() },
      ),
    });
  };

  // ---- Send interception -------------------------------------------------------------------
  const interceptor = interceptSends(win, signal, {
    adapter,
    composers: () => composers,
    shouldStop(attempt) {
      if (openDialogs.has(attempt.composer)) return true;
      if (!deps.detector()) {
        // Not loaded yet (a Send right after the composer appeared): hold it, decide in onStopped.
        lastScans.delete(attempt.composer);
        return true;
      }
      const scan = currentScan(attempt.composer);
      lastScans.set(attempt.composer, scan);
      return scan.decision.kind === 'dialog';
    },
    onStopped(attempt) {
      if (openDialogs.has(attempt.composer)) return;
      const scan = lastScans.get(attempt.composer);
      if (!scan) {
        void decideHeldSend(attempt);
        return;
      }
      void runDialog(attempt, scan).catch((error) => dialogFailed(attempt, scan, error));
    },
    onPassed(attempt) {
      const scan = lastScans.get(attempt.composer);
      lastScans.delete(attempt.composer);
      recheckMarkerAfterSend(attempt.composer);
      if (scan?.decision.kind === 'monitor') record('monitored', attempt.composer, scan);
    },
    onError(error) {
      diagnostic('error', `send handler failed: ${errorText(error)}`);
    },
    failClosed(attempt) {
      const scan = lastScans.get(attempt.composer);
      return deps.policy().mode === 'block' && scan?.decision.kind === 'dialog';
    },
  });

  /** A Send stopped before the detector had loaded: decide it now, as `shouldStop` would have. */
  async function decideHeldSend(attempt: SendAttempt): Promise<void> {
    const { composer } = attempt;
    // Further clicks while this one waits are swallowed (shouldStop), never queued as a second send.
    openDialogs.add(composer);
    let scan: ComposerScan;
    try {
      await deps.loadUi();
      scan = scanComposer(composer);
    } catch (error) {
      openDialogs.delete(composer);
      if (deps.policy().mode === 'block') {
        // Fail closed only where the policy says block: hold the send, keep the draft, say why.
        diagnostic('error', `detector and dialog failed to load; block mode held the send: ${errorText(error)}`);
        showMarkerMessage(composer, strings.uncheckedBlocked, []);
        return;
      }
      diagnostic('error', `detector and dialog failed to load; the send went through unchecked: ${errorText(error)}`);
      if (!signal.aborted) interceptor.resend(attempt);
      return;
    }
    openDialogs.delete(composer);
    if (signal.aborted) return;
    if (scan.decision.kind !== 'dialog') {
      if (scan.decision.kind === 'monitor') record('monitored', composer, scan);
      interceptor.resend(attempt);
      return;
    }
    await runDialog(attempt, scan).catch((error) => dialogFailed(attempt, scan, error));
  }

  /** Fail open, except where policy forbids sending a flagged draft: then the marker says why nothing happened. */
  function dialogFailed(attempt: SendAttempt, scan: ComposerScan, error: unknown): void {
    diagnostic('error', `dialog failed: ${errorText(error)}`);
    openDialogs.delete(attempt.composer);
    if (deps.policy().mode !== 'block') {
      interceptor.resend(attempt);
      return;
    }
    const flagged = scan.editors.flatMap((e) => flaggedOf(e.findings));
    if (flagged.length === 0) return;
    showMarkerMessage(attempt.composer, strings.blocked, flagged.map((f) => `${strings.kind[f.kind]}: ${f.value}`));
  }

  /** The marker is the one place we can still speak when the dialog cannot be shown. */
  function showMarkerMessage(composer: Element, text: string, details: string[]): void {
    const editor = adapter.getEditors(composer)[0];
    if (!editor) return;
    let marker = markers.get(composer);
    if (!marker) {
      marker = createMarker(doc, editor);
      markers.set(composer, marker);
    }
    marker.update(Math.max(details.length, 1), text, details, 'blocked');
  }

  async function runDialog(attempt: SendAttempt, firstScan: ComposerScan): Promise<void> {
    const { composer } = attempt;
    openDialogs.add(composer);
    try {
      let scan = firstScan;
      for (let round = 0; round < MAX_REPLACE_ROUNDS; round += 1) {
        if (scan.decision.kind !== 'dialog') break;
        const decision = scan.decision;
        const policy = deps.policy();
        record(decision.blocked ? 'blocked' : 'detected', composer, scan);
        const choice = await askUser(composer, scan, decision, policy);
        switch (choice.action) {
          case 'replace': {
            const ok = replaceAll(scan, policy);
            const after = scanComposer(composer);
            if (!ok) diagnostic('warn', 'replace left a finding in place');
            if (after.decision.kind === 'dialog') {
              scan = after;
              continue;
            }
            record('replaced', composer, scan);
            openDialogs.delete(composer);
            interceptor.resend(attempt);
            recheckMarkerAfterSend(composer);
            return;
          }
          case 'edit': {
            record('edited', composer, scan);
            focusFirstFinding(scan);
            return;
          }
          case 'send-anyway': {
            if (!decision.canSendAnyway) return;
            record('sent-anyway', composer, scan, { justification: choice.justification });
            openDialogs.delete(composer);
            interceptor.resend(attempt);
            recheckMarkerAfterSend(composer);
            return;
          }
          case 'report-false-positive': {
            record('false-positive', composer, scan, { justification: choice.reason });
            if (decision.blocked) return;
            openDialogs.delete(composer);
            interceptor.resend(attempt);
            recheckMarkerAfterSend(composer);
            return;
          }
          case 'cancel':
            record('cancelled', composer, scan);
            return;
        }
      }
    } finally {
      openDialogs.delete(composer);
    }
  }

  async function askUser(composer: Element, scan: ComposerScan, decision: Extract<SendDecision, { kind: 'dialog' }>, policy: Policy): Promise<DialogChoice> {
    const ui = await deps.loadUi();
    const findings = scan.editors.flatMap((e, editorIndex) =>
      flaggedOf(e.findings).map((f, i) => ({
        id: `${editorIndex}:${i}:${f.start}`,
        kind: f.kind,
        ...contextAround(e.snapshot.doc.text, f.start, f.end),
        suggestion: suggestionFor(f, policy),
        reason: f.reason,
      })),
    );
    return ui.showSendDialog(
      doc,
      {
        strings,
        findings,
        canReplace: findings.every((f) => f.suggestion),
        canSendAnyway: decision.canSendAnyway,
        blocked: decision.blocked,
        justificationMinLength: policy.justificationMinLength,
        explanation: localizedExplanation(policy.explanation, language),
        policyUrl: policy.policyUrl,
      },
      (reason) => record('false-positive', composer, scan, { justification: reason }),
      signal,
    );
  }

  /** Replaces every flagged span, last first so earlier offsets stay valid. */
  function replaceAll(scan: ComposerScan, policy: Policy): boolean {
    let ok = true;
    for (const { snapshot, findings } of scan.editors) {
      const flagged = flaggedOf(findings).sort((a, b) => b.start - a.start);
      for (const f of flagged) {
        const replacement = suggestionFor(f, policy);
        if (!replacement) {
          ok = false;
          continue;
        }
        const fresh = snapshotEditor(snapshot.editor);
        // A finding that came from a link's target (`<a href="mailto:…">write to me</a>`) keeps the
        // words and gets a corporate target; one written in the text is replaced in place.
        if (!isLinkOnly(f, fresh.doc)) ok = replaceSpan(fresh, f.start, f.end, replacement, f.value) && ok;
        if (snapshot.editor.kind !== 'textarea') rewriteLinkTargets(snapshot.editor.element, f, replacement);
      }
    }
    return ok;
  }

  function focusFirstFinding(scan: ComposerScan): void {
    for (const { snapshot, findings } of scan.editors) {
      const first = flaggedOf(findings).sort((a, b) => a.start - b.start)[0];
      if (first) {
        selectSpan(snapshotEditor(snapshot.editor), first.start, first.end);
        return;
      }
    }
  }

  // ---- Composer discovery and typing marker -------------------------------------------------
  const refreshComposers = (): void => {
    try {
      const found = adapter.findComposers(doc);
      for (const gone of composers.filter((c) => !found.includes(c))) {
        markers.get(gone)?.remove();
        markers.delete(gone);
        typing.get(gone)?.cancel();
        typing.delete(gone);
      }
      const fresh = found.filter((c) => !composers.includes(c));
      const countChanged = found.length !== composers.length;
      composers = found;
      // Preload the detector and dialog now, so a Send (seconds later, after typing) never waits for them.
      if (fresh.length > 0) void deps.loadUi().catch((error) => diagnostic('error', `detector and dialog failed to load: ${errorText(error)}`));
      for (const composer of fresh) {
        for (const editor of adapter.getEditors(composer)) watchEditorFrame(editor);
        scheduleMarker(composer, 0);
      }
      if (fresh.length > 0 || countChanged) {
        deps.post({ type: 'tab/status', adapter: adapter.name, composers: found.length });
      }
    } catch (error) {
      diagnostic('error', `finding composers failed: ${errorText(error)}`);
    }
  };

  const watchedFrames = new WeakSet<Document>();
  function watchEditorFrame(editor: EditorRef): void {
    if (!editor.frame) return;
    const frameDoc = frameDocument(editor.frame);
    const frameWin = frameDoc?.defaultView;
    if (!frameDoc || !frameWin || watchedFrames.has(frameDoc)) return;
    watchedFrames.add(frameDoc);
    interceptor.watchWindow(frameWin);
    listenTyping(frameWin);
  }

  const composerOf = (target: EventTarget | null): Element | null => {
    if (!target || !(target as Node).nodeType) return null;
    return composers.find((c) => containsDeep(c, target as Node)) ?? null;
  };

  /**
   * A composer that stays open after Send (a CRM chat, Bitrix24's messenger, amoCRM's feed) is
   * emptied by the site's script — a textarea's value or innerHTML, no input event — so a marker
   * that showed findings would otherwise keep showing them over an empty editor.
   */
  function recheckMarkerAfterSend(composer: Element): void {
    if (markers.has(composer)) scheduleMarker(composer);
  }

  function scheduleMarker(composer: Element, delay = 300): void {
    let debouncer = typing.get(composer);
    if (!debouncer) {
      debouncer = createIdleDebouncer(win, delay);
      typing.set(composer, debouncer);
    }
    debouncer.schedule(() => updateMarker(composer));
  }

  function updateMarker(composer: Element): void {
    if (signal.aborted || !composer.isConnected) return;
    if (!deps.detector()) {
      // Failures are logged by the preload in refreshComposers.
      deps.loadUi().then(() => scheduleMarker(composer, 0), () => undefined);
      return;
    }
    try {
      const scan = scanComposer(composer);
      const flagged = scan.editors.flatMap((e) => flaggedOf(e.findings));
      const editor = scan.editors[0]?.snapshot.editor;
      if (!editor) return;
      let marker = markers.get(composer);
      if (!marker && flagged.length > 0) {
        marker = createMarker(doc, editor);
        markers.set(composer, marker);
      }
      marker?.update(
        deps.policy().mode === 'monitor' ? 0 : flagged.length,
        strings.marker(flagged.length),
        flagged.map((f) => `${strings.kind[f.kind]}: ${f.value}`),
      );
      // One 'detected' event per distinct set of contacts, not one per keystroke (record() dedupes).
      if (flagged.length > 0) record('detected', composer, scan);
    } catch (error) {
      diagnostic('error', `typing marker failed: ${errorText(error)}`);
    }
  }

  function listenTyping(target: Window): void {
    const opts = { capture: true, passive: true, signal } as const;
    const targetDoc = target.document;
    target.addEventListener('compositionstart', () => composing.add(targetDoc), opts);
    target.addEventListener(
      'compositionend',
      (e) => {
        composing.delete(targetDoc);
        const composer = composerOf(e.composedPath()[0] ?? e.target);
        if (composer) scheduleMarker(composer);
      },
      opts,
    );
    target.addEventListener(
      'input',
      (e) => {
        // IME composition is never interrupted: the marker waits for compositionend.
        if ((e as InputEvent).isComposing || composing.has(targetDoc)) return;
        const composer = composerOf(e.composedPath()[0] ?? e.target);
        if (composer) scheduleMarker(composer);
      },
      opts,
    );
  }

  listenTyping(win);
  // A stable hook for QA and tests: which adapter protects this page (no change to any editor).
  doc.documentElement.setAttribute('data-channel-guard', adapter.name);
  signal.addEventListener('abort', () => doc.documentElement.removeAttribute('data-channel-guard'), { once: true });
  const repositionAll = () => markers.forEach((m) => m.reposition());
  win.addEventListener('scroll', repositionAll, { capture: true, passive: true, signal });
  win.addEventListener('resize', repositionAll, { passive: true, signal });
  observeChildren(doc, refreshComposers, signal);
  refreshComposers();
  signal.addEventListener('abort', () => markers.forEach((m) => m.remove()), { once: true });

  return {
    composers: () => composers,
    rescan: () => composers.forEach((c) => scheduleMarker(c, 0)),
  };
}

/** A finding whose span is a link's words that do not themselves show the contact (only the href does). */
function isLinkOnly(f: FindingLike, doc: ExtractedDocument): boolean {
  const link = doc.links.find((l) => l.start === f.start && l.end === f.end);
  if (!link) return false;
  const shown = f.value.toLowerCase();
  const id = (f.normalized.split(':').pop() ?? '').toLowerCase();
  if (f.kind === 'phone') return shown.replace(/\D/gu, '').length < 5;
  return !shown.includes('@') && !(id && shown.replace(/\s/gu, '').includes(id));
}
