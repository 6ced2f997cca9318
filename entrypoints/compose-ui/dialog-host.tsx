import { createRoot } from 'react-dom/client';
import { SendDialog, type SendDialogProps } from '../../components/dialog/SendDialog.tsx';
import { DIALOG_CSS } from '../../components/dialog/styles.ts';

export type DialogChoice =
  | { action: 'replace' }
  | { action: 'edit' }
  | { action: 'send-anyway'; justification: string }
  | { action: 'report-false-positive'; reason: string }
  | { action: 'cancel' };

/** Keys typed in the dialog stay in the dialog: the page's own shortcuts never see them. */
const CONTAINED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut', 'focusin', 'focusout', 'mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup'];

export type ShowSendDialog = typeof showSendDialog;

/**
 * Shows the dialog in `<channel-guard-dialog>` with an OPEN shadow root (a stable hook for
 * enterprise QA), isolated from the page's CSS. Resolves with the user's choice. A report in
 * block mode without override keeps the dialog open (nothing is sent) and reports through
 * `onReport` instead.
 */
export function showSendDialog(
  doc: Document,
  props: Omit<SendDialogProps, 'onReplace' | 'onEdit' | 'onSendAnyway' | 'onReportFalsePositive' | 'onCancel'>,
  onReportWhileBlocked: (reason: string) => void,
  signal: AbortSignal,
): Promise<DialogChoice> {
  const host = doc.createElement('channel-guard-dialog');
  host.setAttribute('style', 'all: initial; position: fixed; inset: 0; z-index: 2147483647;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = DIALOG_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  for (const type of CONTAINED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  (doc.body ?? doc.documentElement).append(host);
  const root = createRoot(mount);

  return new Promise<DialogChoice>((resolve) => {
    let done = false;
    const finish = (choice: DialogChoice) => {
      if (done) return;
      done = true;
      root.unmount();
      host.remove();
      resolve(choice);
    };
    signal.addEventListener('abort', () => finish({ action: 'cancel' }), { once: true });
    root.render(
      <SendDialog
        {...props}
        onReplace={() => finish({ action: 'replace' })}
        onEdit={() => finish({ action: 'edit' })}
        onSendAnyway={(justification) => finish({ action: 'send-anyway', justification })}
        onReportFalsePositive={(reason) => (props.blocked ? onReportWhileBlocked(reason) : finish({ action: 'report-false-positive', reason }))}
        onCancel={() => finish({ action: 'cancel' })}
      />,
    );
  });
}
