import type { TopContact, TopSite } from '../../lib/audit/summary.ts';
import type { AuditTranslator } from '../../lib/i18n/audit.ts';

export function TopLists(props: {
  sites: readonly TopSite[];
  contacts: readonly TopContact[];
  onPickSite: (site: string) => void;
  onPickContact: (contactKey: string) => void;
  t: AuditTranslator;
}) {
  const { sites, contacts, onPickSite, onPickContact, t } = props;
  return (
    <div className="top-lists">
      <section>
        <h3>{t('topSites')}</h3>
        <ol>
          {sites.map((s) => (
            <li key={s.site}>
              <button type="button" className="link" onClick={() => onPickSite(s.site)}>
                {s.site}
              </button>{' '}
              — {s.count}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h3>{t('topContacts')}</h3>
        {contacts.length === 0 ? <p>{t('noRepeats')}</p> : null}
        <ol>
          {contacts.map((c) => (
            <li key={c.contactKey} data-contact-key={c.contactKey}>
              <button type="button" className="link mono" title={t('filterByContact')} onClick={() => onPickContact(c.contactKey)}>
                {c.contact}
              </button>{' '}
              {t('timesUsers', { count: c.count, users: c.users.join(', ') })}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
