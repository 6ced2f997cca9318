import { useEffect, useMemo, useState } from 'react';
import type { Language } from '../../lib/i18n/core.ts';
import { optionsMessages } from '../../lib/i18n/options.ts';
import { policyFieldLabels } from '../../lib/i18n/policy-fields.ts';
import { POLICY_FIELDS } from '../../lib/policy/fields.ts';
import type { PolicyField } from '../../lib/policy/fields.ts';
import type { PolicyProblem } from '../../lib/policy/resolve.ts';
import type { PolicyState, SetLocalResult } from '../../lib/policy/state.ts';
import { EDITOR_KIND, fromDraft, toDraft } from './field-drafts.ts';
import type { Draft } from './field-drafts.ts';
import { PolicyErrorsPanel } from './PolicyErrorsPanel.tsx';
import { PolicyFieldRow } from './PolicyFieldRow.tsx';

export interface OptionsViewProps {
  state: PolicyState;
  language: Language;
  onSave: (patch: Record<string, unknown>) => Promise<SetLocalResult>;
  auditUrl: string;
}

function draftsOf(state: PolicyState): Record<PolicyField, Draft> {
  return Object.fromEntries(
    POLICY_FIELDS.map((f) => [f, toDraft(EDITOR_KIND[f], (state.policy as Record<string, unknown>)[f])]),
  ) as Record<PolicyField, Draft>;
}

export function OptionsView({ state, language, onSave, auditUrl }: OptionsViewProps) {
  const t = optionsMessages(language);
  const label = policyFieldLabels(language);
  const base = useMemo(() => draftsOf(state), [state]);
  const [drafts, setDrafts] = useState(base);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [saveProblems, setSaveProblems] = useState<PolicyProblem[]>([]);
  const [saved, setSaved] = useState(false);

  // A new policy from the background (admin change, or our own save) replaces the drafts.
  useEffect(() => {
    setDrafts(base);
    setFieldErrors({});
  }, [base]);

  const locked = new Set<string>(state.locked);
  const managedErrors = state.errors.filter((e) => e.source === 'managed');
  const localErrors = state.errors.filter((e) => e.source === 'local');
  const time = (ms: number) => new Date(ms).toLocaleString(language);

  async function submit(patch: Record<string, unknown>) {
    setSaved(false);
    const result = await onSave(patch);
    setSaveProblems(result.errors);
    const byField: Record<string, string> = {};
    for (const e of result.errors) byField[e.path.split(/[.[]/u)[0] ?? e.path] ??= `${e.path}: ${e.message}`;
    setFieldErrors(byField);
    setSaved(result.ok);
  }

  function save() {
    const patch: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const field of POLICY_FIELDS) {
      if (locked.has(field) || drafts[field] === base[field]) continue;
      const parsed = fromDraft(EDITOR_KIND[field], drafts[field]);
      if (parsed.ok) patch[field] = parsed.value ?? null;
      else errors[field] = t('invalidJson');
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0 && Object.keys(patch).length > 0) void submit(patch);
  }

  const sourceText = { managed: t('sourceManaged'), local: t('sourceLocal'), default: t('sourceDefault') }[state.source];
  return (
    <main className="options" lang={language}>
      <header>
        <h1>{t('title')}</h1>
        <p className="managed-by" data-managed={state.managedBy !== null ? 'true' : 'false'}>
          {state.managedBy !== null ? t('managedBy', { organization: state.managedBy }) : t('notManaged')}
        </p>
        <p className="source">{sourceText}</p>
        <a href={auditUrl}>{t('auditLink')}</a>
      </header>

      <PolicyErrorsPanel
        role="alert"
        className="managed-errors"
        heading={t('errorsHeading')}
        problems={managedErrors}
        footer={state.lastGoodAt !== null ? t('lastGoodAt', { time: time(state.lastGoodAt) }) : t('noLastGood')}
      />
      <PolicyErrorsPanel role="status" className="warnings" heading={t('warningsHeading')} problems={state.warnings}
        footer={state.lastGoodAt !== null ? t('lastGoodAt', { time: time(state.lastGoodAt) }) : undefined} />
      <PolicyErrorsPanel role="status" className="local-errors" heading={t('localErrorsHeading')} problems={[...localErrors, ...saveProblems]} />

      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {POLICY_FIELDS.map((field) => (
          <PolicyFieldRow
            key={field}
            field={field}
            label={label(field)}
            kind={EDITOR_KIND[field]}
            value={(state.policy as Record<string, unknown>)[field]}
            locked={locked.has(field)}
            lockedTitle={t('lockedTitle')}
            draft={drafts[field]}
            onDraft={(draft) => {
              setSaved(false);
              setDrafts((d) => ({ ...d, [field]: draft }));
            }}
            onReset={field in state.local ? () => void submit({ [field]: null }) : undefined}
            resetLabel={t('reset')}
            resetTitle={t('resetTitle')}
            error={fieldErrors[field]}
            text={{
              yes: t('yes'),
              no: t('no'),
              none: t('none'),
              oneLinePerItem: t('oneLinePerItem'),
              modes: { monitor: t('modeMonitor'), warn: t('modeWarn'), block: t('modeBlock') },
            }}
          />
        ))}
        {state.locked.length < POLICY_FIELDS.length ? (
          <div className="actions">
            <button type="submit">{t('save')}</button>
            {saved ? <span role="status" className="saved">{t('saved')}</span> : null}
          </div>
        ) : null}
      </form>
    </main>
  );
}
