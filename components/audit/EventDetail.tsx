import type { StoredEvent } from '../../lib/audit/event.ts';
import type { AuditTranslator } from '../../lib/i18n/audit.ts';

export function EventDetail(props: { event: StoredEvent | undefined; formatTime: (time: number) => string; t: AuditTranslator }) {
  const { event, formatTime, t } = props;
  if (!event) return <aside className="detail">{t('selectEvent')}</aside>;
  const row = (label: string, value: string | number | undefined) =>
    value === undefined || value === '' ? null : (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    );
  return (
    <aside className="detail" aria-label={t('details')} data-detail-id={event.id}>
      <h2>
        {t('details')} #{event.id}
      </h2>
      <dl>
        {row(t('time'), formatTime(event.time))}
        {row(t('user'), event.user)}
        {row(t('account'), event.account)}
        {row(t('site'), event.site)}
        {row(t('origin'), event.origin)}
        {row(t('adapter'), event.adapter)}
        {row(t('decision'), t(`decision.${event.decision}`))}
        {row(t('justification'), event.justification)}
        {row(t('recipients'), event.recipientDomains.join(', '))}
        {row(t('policy'), `${event.organization} v${event.policyVersion}`)}
      </dl>
      <h3>{t('contacts')}</h3>
      <ul className="findings">
        {event.findings.map((finding, index) => (
          <li key={index}>
            <strong>{t(`kind.${finding.kind}`)}</strong> <span className="mono">{finding.contact}</span> — {finding.verdict}, {finding.action}
            {finding.snippet ? <blockquote>{finding.snippet}</blockquote> : null}
          </li>
        ))}
      </ul>
      <dl className="hashes">
        {row(t('prevHash'), event.prevHash)}
        {row(t('hash'), event.hash)}
      </dl>
    </aside>
  );
}
