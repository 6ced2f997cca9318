import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DiagnosticsPanel } from '../../components/options/DiagnosticsPanel.tsx';
import { OptionsView } from '../../components/options/OptionsView.tsx';
import { watchDiagnostics } from '../../lib/diagnostics/browser-diagnostics.ts';
import type { DiagnosticEntry } from '../../lib/diagnostics/entry.ts';
import { pickLanguage } from '../../lib/i18n/core.ts';
import { optionsMessages } from '../../lib/i18n/options.ts';
import { requestPolicyState, requestSetLocal, watchPolicyState } from '../../lib/policy/browser-policy-client.ts';
import type { PolicyState } from '../../lib/policy/state.ts';

// Relative to this page (all extension pages sit at the root); audit.html is the audit helper's page.
const AUDIT_PAGE = 'audit.html';
const language = pickLanguage(navigator.languages ?? [navigator.language]);
const t = optionsMessages(language);

function OptionsPage() {
  const [state, setState] = useState<PolicyState>();
  const [error, setError] = useState<string>();
  const [diagnostics, setDiagnostics] = useState<DiagnosticEntry[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    // Subscribe first, so a policy published while the first answer is in flight is not missed.
    watchPolicyState(setState, controller.signal);
    watchDiagnostics(setDiagnostics, controller.signal);
    requestPolicyState()
      .then((s) => setState((current) => (current && current.updatedAt > s.updatedAt ? current : s)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => controller.abort();
  }, []);

  if (!state) return <p>{error ? t('loadFailed', { error }) : t('loading')}</p>;
  return (
    <>
      <OptionsView state={state} language={language} onSave={requestSetLocal} auditUrl={AUDIT_PAGE} />
      <DiagnosticsPanel entries={diagnostics} language={language} />
    </>
  );
}

document.documentElement.lang = language;
document.title = t('title');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsPage />
  </StrictMode>,
);
