import type { ReactNode } from 'react';
import type { PolicyField } from '../../lib/policy/fields.ts';
import { LockBadge } from '../common/LockBadge.tsx';
import type { Draft, EditorKind } from './field-drafts.ts';

export interface PolicyFieldRowProps {
  field: PolicyField;
  label: string;
  kind: EditorKind;
  value: unknown;
  locked: boolean;
  lockedTitle: string;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  /** Shown when the user has a local value for this field; clears it. */
  onReset?: () => void;
  resetLabel: string;
  resetTitle: string;
  text: { yes: string; no: string; none: string; oneLinePerItem: string; modes: Record<'monitor' | 'warn' | 'block', string> };
  error?: string;
}

function renderValue(value: unknown, kind: EditorKind, text: PolicyFieldRowProps['text']): ReactNode {
  if (kind === 'mode' && (value === 'monitor' || value === 'warn' || value === 'block')) return text.modes[value];
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return text.none;
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  if (typeof value === 'object') return <pre>{JSON.stringify(value, null, 2)}</pre>;
  return String(value);
}

export function PolicyFieldRow(props: PolicyFieldRowProps) {
  const { field, label, kind, value, locked, draft, onDraft, text } = props;
  const id = `field-${field}`;
  const editable = !locked && kind !== 'readonly';
  return (
    <div className="field" data-field={field} data-locked={locked ? 'true' : undefined}>
      <label htmlFor={editable ? id : undefined}>
        {label} {locked ? <LockBadge title={props.lockedTitle} /> : null}
      </label>
      <div className="field-value">
        {!editable ? (
          <span className="value">{renderValue(value, kind, text)}</span>
        ) : kind === 'mode' ? (
          <select id={id} value={String(draft)} onChange={(e) => onDraft(e.target.value)}>
            {(['monitor', 'warn', 'block'] as const).map((m) => (
              <option key={m} value={m}>
                {text.modes[m]}
              </option>
            ))}
          </select>
        ) : kind === 'boolean' ? (
          <input id={id} type="checkbox" checked={draft === true} onChange={(e) => onDraft(e.target.checked)} />
        ) : kind === 'integer' ? (
          <input id={id} type="number" value={String(draft)} onChange={(e) => onDraft(e.target.value)} />
        ) : kind === 'text' ? (
          <input id={id} type="text" value={String(draft)} onChange={(e) => onDraft(e.target.value)} />
        ) : (
          <textarea
            id={id}
            rows={kind === 'json' ? 6 : 3}
            placeholder={kind === 'lines' ? text.oneLinePerItem : undefined}
            value={String(draft)}
            onChange={(e) => onDraft(e.target.value)}
          />
        )}
        {editable && props.onReset ? (
          <button type="button" className="reset" title={props.resetTitle} onClick={props.onReset}>
            {props.resetLabel}
          </button>
        ) : null}
        {props.error ? <div className="field-error">{props.error}</div> : null}
      </div>
    </div>
  );
}
