import type { HandoverClient } from '../../lib/audit/handover.ts';
import type { AuditTranslator } from '../../lib/i18n/audit.ts';

export function HandoverReport(props: {
  users: readonly string[];
  user: string;
  clients: readonly HandoverClient[] | undefined;
  onUserChange: (user: string) => void;
  onPrint: () => void;
  onExportCsv: () => void;
  formatTime: (time: number) => string;
  t: AuditTranslator;
}) {
  const { users, user, clients, onUserChange, onPrint, onExportCsv, formatTime, t } = props;
  return (
    <section className="handover" aria-label={t('handover')}>
      <h2>
        {t('handover')}
        {user ? `: ${user}` : ''}
      </h2>
      <p>{t('handoverIntro')}</p>
      <div className="no-print">
        <label>
          {t('user')}{' '}
          <select name="handover-user" value={user} onChange={(e) => onUserChange(e.target.value)}>
            <option value="">{t('pickUser')}</option>
            {users.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" data-action="print-handover" disabled={!user} onClick={onPrint}>
          {t('print')}
        </button>{' '}
        <button type="button" data-action="export-handover-csv" disabled={!user || !clients?.length} onClick={onExportCsv}>
          {t('exportHandoverCsv')}
        </button>
      </div>
      {user && clients?.length === 0 ? <p>{t('handoverEmpty')}</p> : null}
      {user && clients && clients.length > 0 ? (
        <table className="handover-table">
          <thead>
            <tr>
              <th>{t('client')}</th>
              <th>{t('messages')}</th>
              <th>{t('lastSent')}</th>
              <th>{t('contacts')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.domain} data-client-domain={client.domain}>
                <td>{client.domain}</td>
                <td>{client.messages}</td>
                <td>{formatTime(client.lastAt)}</td>
                <td>
                  <ul>
                    {client.contacts.map((c) => (
                      <li key={c.contactKey}>
                        {t(`kind.${c.kind as 'email'}`)} <span className="mono">{c.contact}</span> — {c.count} {t('timesSent')}, {formatTime(c.lastAt)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
