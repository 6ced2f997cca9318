import { DECISIONS } from '../../lib/messaging/protocol.ts';
import type { AuditTranslator } from '../../lib/i18n/audit.ts';

/** Form state of the filters; dates as the `<input type="date">` strings, converted by the page. */
export interface FilterForm {
  from: string;
  to: string;
  user: string;
  site: string;
  kind: string;
  decision: string;
  text: string;
  /** Set from "top repeated contacts": events with that contact, whatever its stored form. */
  contactKey?: string;
}

export const EMPTY_FILTER_FORM: FilterForm = { from: '', to: '', user: '', site: '', kind: '', decision: '', text: '' };

export function AuditFilters(props: {
  value: FilterForm;
  users: readonly string[];
  sites: readonly string[];
  onChange: (value: FilterForm) => void;
  t: AuditTranslator;
}) {
  const { value, users, sites, onChange, t } = props;
  const set = (field: keyof FilterForm) => (event: { target: { value: string } }) => onChange({ ...value, [field]: event.target.value });
  const options = (items: readonly string[], label: (item: string) => string = (item) => item) => [
    <option key="" value="">
      {t('any')}
    </option>,
    ...items.map((item) => (
      <option key={item} value={item}>
        {label(item)}
      </option>
    )),
  ];
  return (
    <form className="filters no-print" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('from')} <input type="date" name="from" value={value.from} onChange={set('from')} />
      </label>
      <label>
        {t('to')} <input type="date" name="to" value={value.to} onChange={set('to')} />
      </label>
      <label>
        {t('user')} <select name="user" value={value.user} onChange={set('user')}>{options(users)}</select>
      </label>
      <label>
        {t('site')} <select name="site" value={value.site} onChange={set('site')}>{options(sites)}</select>
      </label>
      <label>
        {t('kind')}{' '}
        <select name="kind" value={value.kind} onChange={set('kind')}>
          {options(['email', 'phone', 'messenger'], (k) => t(`kind.${k}` as 'kind.email'))}
        </select>
      </label>
      <label>
        {t('decision')}{' '}
        <select name="decision" value={value.decision} onChange={set('decision')}>
          {options(DECISIONS, (d) => t(`decision.${d}` as 'decision.blocked'))}
        </select>
      </label>
      <label className="search">
        {t('search')} <input type="search" name="text" value={value.text} placeholder={t('searchPlaceholder')} onChange={set('text')} />
      </label>
      {value.contactKey ? (
        <button type="button" className="chip" onClick={() => onChange({ ...value, contactKey: undefined })}>
          {t('filterByContact')} ✕
        </button>
      ) : null}
      <button type="button" onClick={() => onChange(EMPTY_FILTER_FORM)}>
        {t('clearFilters')}
      </button>
    </form>
  );
}
