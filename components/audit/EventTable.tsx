import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StoredEvent } from '../../lib/audit/event.ts';
import type { AuditSort, SortField } from '../../lib/audit/query.ts';
import type { AuditTranslator } from '../../lib/i18n/audit.ts';
import { DECISION_COLOURS } from './format.ts';

const ROW_HEIGHT = 30;

/**
 * Only the rows in view are in the DOM, and only their events are loaded (the page fetches
 * `rows` for the range reported by `onRangeChange`), so 100,000 events scroll like 100.
 */
export function EventTable(props: {
  ids: readonly number[];
  rows: ReadonlyMap<number, StoredEvent>;
  onRangeChange: (first: number, last: number) => void;
  selectedId: number | undefined;
  onSelect: (id: number) => void;
  sort: AuditSort;
  onSortChange: (sort: AuditSort) => void;
  formatTime: (time: number) => string;
  t: AuditTranslator;
}) {
  const { ids, rows, onRangeChange, selectedId, onSelect, sort, onSortChange, formatTime, t } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: ids.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => onRangeChange(first, last), [first, last, ids, onRangeChange]);

  const header = (field: SortField | undefined, label: string) => {
    if (!field) return <span role="columnheader">{label}</span>;
    const active = sort.field === field;
    const next: AuditSort = { field, direction: active && sort.direction === 'desc' ? 'asc' : 'desc' };
    return (
      <span role="columnheader" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort" title={t('sortBy', { column: label })} onClick={() => onSortChange(next)}>
          {label} {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
        </button>
      </span>
    );
  };

  return (
    <div className="event-table" role="table" aria-rowcount={ids.length}>
      <div className="event-row header" role="row">
        {header('time', t('time'))}
        {header('user', t('user'))}
        {header('site', t('site'))}
        {header('decision', t('decision'))}
        {header(undefined, t('contacts'))}
        {header(undefined, t('recipients'))}
      </div>
      <div ref={scrollRef} className="event-scroll">
        {ids.length === 0 ? <p className="empty">{t('noEvents')}</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = ids[item.index]!;
            const event = rows.get(id);
            return (
              <div
                key={id}
                role="row"
                tabIndex={0}
                data-event-id={id}
                aria-selected={id === selectedId}
                className={`event-row${id === selectedId ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => onSelect(id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') onSelect(id);
                }}
              >
                {event ? (
                  <>
                    <span role="cell">{formatTime(event.time)}</span>
                    <span role="cell">{event.user}</span>
                    <span role="cell">{event.site}</span>
                    <span role="cell">
                      <span className="decision" style={{ borderColor: DECISION_COLOURS[event.decision] }}>
                        {t(`decision.${event.decision}`)}
                      </span>
                    </span>
                    <span role="cell" className="mono">
                      {event.findings.map((f) => f.contact).join(', ')}
                    </span>
                    <span role="cell">{event.recipientDomains.join(', ')}</span>
                  </>
                ) : (
                  <span role="cell" className="placeholder">
                    #{id}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
