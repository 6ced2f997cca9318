import type { PolicyField } from '../../lib/policy/fields.ts';

/** How a top-level field is edited in the options page; complex shapes are edited as JSON. */
export type EditorKind = 'readonly' | 'mode' | 'boolean' | 'integer' | 'text' | 'lines' | 'json';

export const EDITOR_KIND: Record<PolicyField, EditorKind> = {
  version: 'readonly',
  organization: 'text',
  defaultRegion: 'text',
  corporateDomains: 'lines',
  corporateContacts: 'json',
  suggestion: 'json',
  personalDomains: 'lines',
  allowedDomains: 'lines',
  mode: 'mode',
  allowOverride: 'boolean',
  justificationMinLength: 'integer',
  explanation: 'json',
  policyUrl: 'text',
  sites: 'json',
  userLabel: 'text',
  userEditable: 'json',
  audit: 'json',
};

export type Draft = string | boolean;

/** The value as the editor shows it. */
export function toDraft(kind: EditorKind, value: unknown): Draft {
  switch (kind) {
    case 'boolean':
      return value === true;
    case 'lines':
      return Array.isArray(value) ? value.join('\n') : '';
    case 'json':
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

export type DraftValue = { ok: true; value: unknown } | { ok: false; reason: 'json' };

/**
 * The editor's text back to a value for `policy/set-local`. Only shape is handled here; the background
 * validates with the policy schema and answers with path-and-reason errors.
 */
export function fromDraft(kind: EditorKind, draft: Draft): DraftValue {
  if (typeof draft === 'boolean') return { ok: true, value: draft };
  switch (kind) {
    case 'lines':
      return { ok: true, value: draft.split(/\r?\n/u).map((line) => line.trim()).filter(Boolean) };
    case 'integer':
      return { ok: true, value: draft.trim() === '' ? undefined : Number(draft) };
    case 'json':
      if (draft.trim() === '') return { ok: true, value: undefined };
      try {
        return { ok: true, value: JSON.parse(draft) };
      } catch {
        return { ok: false, reason: 'json' };
      }
    default:
      return { ok: true, value: draft.trim() === '' ? undefined : draft };
  }
}
