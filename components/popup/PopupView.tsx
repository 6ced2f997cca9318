import type { Language } from '../../lib/i18n/core.ts';
import { popupMessages } from '../../lib/i18n/popup.ts';
import type { PopupStatus } from '../../lib/policy/handlers.ts';
import { DECISIONS } from '../../lib/messaging/protocol.ts';

export interface PopupViewProps {
  status: PopupStatus;
  language: Language;
  auditUrl: string;
  onOpenOptions: () => void;
}

export function PopupView({ status, language, auditUrl, onOpenOptions }: PopupViewProps) {
  const t = popupMessages(language);
  const modeText = { monitor: t('modeMonitor'), warn: t('modeWarn'), block: t('modeBlock') }[status.mode];
  const counted = DECISIONS.filter((d) => (status.counts[d] ?? 0) > 0);
  return (
    <main className="popup" lang={language}>
      <p className="tab-status" data-protected={status.protected ? 'true' : 'false'}>
        {status.protected ? `✔ ${t('protected')}` : `○ ${t('notProtected')}`}
      </p>
      {status.protected && status.adapter ? (
        <p className="adapter" data-adapter={status.adapter}>
          {t('adapter', { adapter: status.adapter })} · {t('composers', { count: status.composers })}
        </p>
      ) : null}
      <p className="mode" data-mode={status.mode}>
        {t('mode')}: <strong>{modeText}</strong>
      </p>
      <p className="managed-by">{status.managedBy !== null ? t('managedBy', { organization: status.managedBy }) : t('notManaged')}</p>
      {status.policyErrors > 0 ? <p className="policy-errors">{t('policyErrors')}</p> : null}
      <section className="today">
        <h2>{t('today')}</h2>
        {status.countsError !== null ? (
          <p>{t('countsUnavailable')}</p>
        ) : (
          <ul>
            {counted.map((d) => (
              <li key={d} data-decision={d}>
                {t(`decision.${d}`)}: {status.counts[d]}
              </li>
            ))}
            {counted.length === 0 ? <li>0</li> : null}
          </ul>
        )}
      </section>
      <nav>
        <a href={auditUrl} target="_blank" rel="noreferrer">
          {t('auditLink')}
        </a>{' '}
        ·{' '}
        <button type="button" className="link" onClick={onOpenOptions}>
          {t('optionsLink')}
        </button>
      </nav>
    </main>
  );
}
