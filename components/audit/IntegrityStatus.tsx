import type { AuditTranslator } from '../../lib/i18n/audit.ts';

export type IntegrityState =
  | { state: 'checking'; done: number }
  | { state: 'intact'; events: number }
  | { state: 'broken'; id: number | undefined; reason: string };

/** `data-integrity` is the stable hook for automation: "checking", then "intact" or "broken". */
export function IntegrityStatus(props: { value: IntegrityState; onRecheck: () => void; t: AuditTranslator }) {
  const { value, onRecheck, t } = props;
  const text =
    value.state === 'checking'
      ? t('integrityChecking', { done: value.done || '' })
      : value.state === 'intact'
        ? value.events === 0
          ? t('integrityEmpty')
          : t('integrityIntact', { count: value.events })
        : t('integrityBroken', { id: value.id ?? '?', reason: value.reason });
  return (
    <p className={`integrity ${value.state}`} data-integrity={value.state} role="status">
      {value.state === 'intact' ? '✔ ' : value.state === 'broken' ? '✖ ' : ''}
      {text}{' '}
      {value.state !== 'checking' ? (
        <button type="button" className="link no-print" onClick={onRecheck}>
          {t('recheck')}
        </button>
      ) : null}
    </p>
  );
}
