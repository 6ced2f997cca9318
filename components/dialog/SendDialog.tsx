import { useEffect, useRef, useState } from 'react';
import type { DialogStrings } from '../../lib/i18n/dialog.ts';

/**
 * The Send dialog: props in, callbacks out; no browser APIs. Stable hooks for QA and automation:
 * buttons carry `data-action`, the justification is `textarea[name="justification"]`.
 */

export interface DialogFinding {
  id: string;
  kind: 'email' | 'phone' | 'messenger';
  before: string;
  match: string;
  after: string;
  suggestion?: string;
  reason?: string;
}

export interface SendDialogProps {
  strings: DialogStrings;
  findings: DialogFinding[];
  /** Every finding has a corporate replacement. */
  canReplace: boolean;
  canSendAnyway: boolean;
  blocked: boolean;
  justificationMinLength: number;
  explanation?: string;
  policyUrl?: string;
  onReplace(): void;
  onEdit(): void;
  onSendAnyway(justification: string): void;
  onReportFalsePositive(reason: string): void;
  onCancel(): void;
}

export function SendDialog(props: SendDialogProps) {
  const { strings: t } = props;
  const [justification, setJustification] = useState('');
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const [reported, setReported] = useState(false);
  const firstButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    firstButton.current?.focus();
  }, []);

  const justificationOk = justification.trim().length >= props.justificationMinLength;

  return (
    <div
      className="backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="cg-title" aria-describedby="cg-why">
        <h2 id="cg-title">{t.title}</h2>
        <p>{t.intro(props.findings.length)}</p>
        <ul className="findings">
          {props.findings.map((f) => (
            <li key={f.id} data-finding-kind={f.kind}>
              <div className="kind">{t.kind[f.kind]}</div>
              <div className="quote">
                {f.before}
                <mark>{f.match}</mark>
                {f.after}
              </div>
              {f.suggestion ? (
                <div className="suggestion">
                  {t.suggestionLabel}: <strong>{f.suggestion}</strong>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="why" id="cg-why">
          {t.why}
        </p>
        {props.explanation ? <div className="admin">{props.explanation}</div> : null}
        {props.policyUrl ? (
          <p className="policy">
            <a href={props.policyUrl} target="_blank" rel="noopener noreferrer">
              {t.policyLink}
            </a>
          </p>
        ) : null}
        {props.blocked ? <p className="blocked">{t.blocked}</p> : null}
        {!props.canReplace ? <p>{t.replaceUnavailable}</p> : null}

        <div className="actions">
          <button ref={firstButton} type="button" className="primary" data-action="replace" disabled={!props.canReplace} onClick={props.onReplace}>
            {t.replace}
          </button>
          <button type="button" data-action="edit" onClick={props.onEdit}>
            {t.edit}
          </button>
        </div>

        {props.canSendAnyway ? (
          <div className="override">
            <label htmlFor="cg-justification">{t.justificationLabel(props.justificationMinLength)}</label>
            <textarea
              id="cg-justification"
              name="justification"
              placeholder={t.justificationPlaceholder}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
            />
            <div className="actions">
              <button
                type="button"
                data-action="send-anyway"
                disabled={!justificationOk}
                onClick={() => justificationOk && props.onSendAnyway(justification.trim())}
              >
                {t.sendAnyway}
              </button>
            </div>
          </div>
        ) : null}

        <div className="report">
          {reporting ? (
            <>
              <label htmlFor="cg-reason">{t.reportReasonLabel}</label>
              <textarea id="cg-reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            </>
          ) : null}
          {reported ? <p className="note">{t.reportSent}</p> : null}
          <div className="actions">
            <button
              type="button"
              data-action="report-false-positive"
              disabled={reported || (reporting && reason.trim().length === 0)}
              onClick={() => {
                if (!reporting) {
                  setReporting(true);
                  return;
                }
                setReported(props.blocked);
                props.onReportFalsePositive(reason.trim());
              }}
            >
              {reporting && !props.blocked ? t.reportSend : t.reportFalsePositive}
            </button>
            <button type="button" data-action="cancel" onClick={props.onCancel}>
              {t.close}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
