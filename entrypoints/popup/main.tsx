import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/popup/PopupView.tsx';
import { pickLanguage } from '../../lib/i18n/core.ts';
import { popupMessages } from '../../lib/i18n/popup.ts';
import { PopupStatusSchema } from '../../lib/policy/handlers.ts';
import type { PopupStatus } from '../../lib/policy/handlers.ts';

// Relative to this page (all extension pages sit at the root); audit.html is the audit helper's page.
const AUDIT_PAGE = 'audit.html';
const language = pickLanguage(navigator.languages ?? [navigator.language]);
const t = popupMessages(language);

/**
 * The tab the toolbar button was clicked for. `?tabId=N` overrides it: opened as a normal page
 * (automation, an admin checking a tab) the popup would otherwise describe itself.
 */
async function targetTabId(): Promise<number> {
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return tab.id;
}

async function loadStatus(): Promise<PopupStatus> {
  return PopupStatusSchema.parse(await browser.runtime.sendMessage({ type: 'popup/status', tabId: await targetTabId() }));
}

function Popup() {
  const [status, setStatus] = useState<PopupStatus>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadStatus().then(setStatus, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (!status) return <p>{error ? t('loadFailed', { error }) : t('loading')}</p>;
  return (
    <PopupView
      status={status}
      language={language}
      auditUrl={AUDIT_PAGE}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

document.documentElement.lang = language;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
