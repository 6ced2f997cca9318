import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useLiveQuery } from 'dexie-react-hooks';
import { openAuditDb } from '../../lib/audit/db.ts';
import type { ChainAnchor, StoredEvent } from '../../lib/audit/event.ts';
import { exportAudit } from '../../lib/audit/export.ts';
import { createHandover, handoverCsv } from '../../lib/audit/handover.ts';
import { DEFAULT_SORT, forEachEventById, forEachEventChunk, isEmptyFilter, queryEventIds, type AuditFilter, type AuditSort } from '../../lib/audit/query.ts';
import { createSummary } from '../../lib/audit/summary.ts';
import { verifyStoredChain } from '../../lib/audit/verify-db.ts';
import { auditMessages } from '../../lib/i18n/audit.ts';
import { pickLanguage } from '../../lib/i18n/core.ts';
import { DECISIONS, type Decision } from '../../lib/messaging/protocol.ts';
import { AuditFilters, EMPTY_FILTER_FORM, type FilterForm } from '../../components/audit/AuditFilters.tsx';
import { DailyChart } from '../../components/audit/DailyChart.tsx';
import { EventDetail } from '../../components/audit/EventDetail.tsx';
import { EventTable } from '../../components/audit/EventTable.tsx';
import { ExportButtons, type ExportState } from '../../components/audit/ExportButtons.tsx';
import { HandoverReport } from '../../components/audit/HandoverReport.tsx';
import { IntegrityStatus, type IntegrityState } from '../../components/audit/IntegrityStatus.tsx';
import { TopLists } from '../../components/audit/TopLists.tsx';
import { timeFormatter } from '../../components/audit/format.ts';

// The page only reads: the background is the one writer (same extension origin, same database).
const db = openAuditDb();
const language = pickLanguage(navigator.languages ?? [navigator.language]);
const t = auditMessages(language);
const formatTime = timeFormatter(language);
// Russian Excel splits columns on ";" (its list separator); the others on ",".
const csvDelimiter = language === 'ru' ? ';' : ',';
document.documentElement.lang = language;
document.title = t('title');

function toFilter(form: FilterForm, text: string): AuditFilter {
  const filter: AuditFilter = {};
  if (form.from) filter.from = new Date(`${form.from}T00:00:00`).getTime();
  if (form.to) filter.to = new Date(`${form.to}T23:59:59.999`).getTime();
  if (form.user) filter.user = form.user;
  if (form.site) filter.site = form.site;
  if (form.kind) filter.kind = form.kind as AuditFilter['kind'];
  if ((DECISIONS as readonly string[]).includes(form.decision)) filter.decision = form.decision as Decision;
  if (text.trim()) filter.text = text.trim();
  return filter;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function download(parts: BlobPart[], type: string, name: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/gu, '-');
}

function useIntegrity(): [IntegrityState, () => void] {
  const [value, setValue] = useState<IntegrityState>({ state: 'checking', done: 0 });
  const [round, setRound] = useState(0);
  // Where the last intact check ended: each new write then costs a check of the new events only,
  // not of the whole log (issue 6: seconds for 100,000 events). "Recheck" starts from the anchor.
  const intact = useRef<{ resume: { last: ChainAnchor; anchor: ChainAnchor }; events: number; round: number }>(undefined);
  // Re-check whenever the background moves the head or retention moves the anchor.
  const marker = useLiveQuery(async () => JSON.stringify(await db.meta.bulkGet(['head', 'anchor'])), []);
  useEffect(() => {
    if (marker === undefined) return;
    let current = true;
    const resume = intact.current?.round === round ? intact.current : undefined;
    const before = resume?.events ?? 0;
    setValue({ state: 'checking', done: before });
    verifyStoredChain(db, { ...(resume ? { resumeFrom: resume.resume } : {}), onProgress: (done) => current && setValue({ state: 'checking', done: before + done }) }).then(
      (verdict) => {
        if (!current) return;
        if (verdict.ok) {
          // A check asked to resume falls back to the whole log when retention moved the anchor.
          const events = verdict.resumed ? before + verdict.events : verdict.events;
          intact.current = { resume: { last: verdict.last, anchor: verdict.anchor }, events, round };
          setValue({ state: 'intact', events });
        } else {
          intact.current = undefined;
          setValue({ state: 'broken', id: verdict.id, reason: verdict.reason });
        }
      },
      (error: unknown) => {
        if (!current) return;
        intact.current = undefined;
        setValue({ state: 'broken', id: undefined, reason: String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [marker, round]);
  return [value, () => setRound((r) => r + 1)];
}

function EventsView(props: { filter: AuditFilter; form: FilterForm; setForm: (form: FilterForm) => void; users: string[]; sites: string[] }) {
  const { filter, form, setForm, users, sites } = props;
  const [sort, setSort] = useState<AuditSort>(DEFAULT_SORT);
  const [range, setRange] = useState<[number, number]>([0, -1]);
  const [selectedId, setSelectedId] = useState<number>();
  const filterKey = JSON.stringify(filter);
  const ids = useLiveQuery(() => queryEventIds(db, filter, sort), [filterKey, sort.field, sort.direction]);
  const visible = useMemo(() => (ids ? ids.slice(Math.max(0, range[0] - 10), range[1] + 11) : []), [ids, range]);
  const loaded = useLiveQuery(() => db.events.bulkGet(visible), [visible.join(',')]);
  const rows = useMemo(() => new Map((loaded ?? []).filter((e): e is StoredEvent => e !== undefined).map((e) => [e.id, e])), [loaded]);
  const selected = useLiveQuery(() => (selectedId === undefined ? undefined : db.events.get(selectedId)), [selectedId]);
  const summary = useLiveQuery(async () => {
    if (!ids) return undefined;
    const acc = createSummary();
    if (isEmptyFilter(filter)) await forEachEventChunk(db, 5_000, (events) => acc.add(events));
    else await forEachEventById(db, ids, 5_000, (events) => acc.add(events));
    return acc.result();
  }, [ids]);
  const onRangeChange = useCallback((first: number, last: number) => {
    setRange((prev) => (prev[0] === first && prev[1] === last ? prev : [first, last]));
  }, []);
  return (
    <>
      <AuditFilters value={form} users={users} sites={sites} onChange={setForm} t={t} />
      <p className="count" data-event-count={ids?.length ?? ''}>
        {ids ? t('events', { count: ids.length }) : t('loading')}
      </p>
      <div className="layout">
        <EventTable
          ids={ids ?? []}
          rows={rows}
          onRangeChange={onRangeChange}
          selectedId={selectedId}
          onSelect={setSelectedId}
          sort={sort}
          onSortChange={setSort}
          formatTime={formatTime}
          t={t}
        />
        <EventDetail event={selected} formatTime={formatTime} t={t} />
      </div>
      <div className="insights">
        {summary ? (
          <>
            <DailyChart days={summary.days} t={t} />
            <TopLists
              sites={summary.topSites}
              contacts={summary.topContacts}
              onPickSite={(site) => setForm({ ...form, site })}
              onPickContact={(contactKey) => setForm({ ...form, contactKey })}
              t={t}
            />
          </>
        ) : (
          <p>{t('summaryLoading')}</p>
        )}
      </div>
    </>
  );
}

function HandoverView(props: { users: string[] }) {
  const [user, setUser] = useState('');
  const clients = useLiveQuery(async () => {
    if (!user) return undefined;
    const report = createHandover(user);
    report.add(await db.events.where('[user+time]').between([user, -Infinity], [user, Infinity]).toArray());
    return report.result();
  }, [user]);
  return (
    <HandoverReport
      users={props.users}
      user={user}
      clients={clients}
      onUserChange={setUser}
      onPrint={() => window.print()}
      onExportCsv={() => clients && download([handoverCsv(user, clients, csvDelimiter)], 'text/csv;charset=utf-8', `channel-guard-handover-${user}-${stamp()}.csv`)}
      formatTime={formatTime}
      t={t}
    />
  );
}

function AuditPage() {
  const [tab, setTab] = useState<'events' | 'handover'>('events');
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER_FORM);
  const text = useDebounced(form.text, 250);
  const filter = useMemo(() => {
    const f = toFilter(form, text);
    if (form.contactKey) f.contactKey = form.contactKey;
    return f;
  }, [form, text]);
  const users = useLiveQuery(async () => (await db.events.orderBy('user').uniqueKeys()).map(String), []) ?? [];
  const sites = useLiveQuery(async () => (await db.events.orderBy('site').uniqueKeys()).map(String), []) ?? [];
  const [integrity, recheck] = useIntegrity();
  const [exportState, setExportState] = useState<ExportState>({ state: 'idle' });

  const runExport = async (format: 'csv' | 'json') => {
    const parts: string[] = [];
    setExportState({ state: 'running', format, done: 0, total: 0 });
    try {
      const result = await exportAudit(db, {
        format,
        filter,
        csvDelimiter,
        onChunk: (chunk) => void parts.push(chunk),
        onProgress: (done, total) => setExportState({ state: 'running', format, done, total }),
      });
      download(parts, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', `channel-guard-audit-${stamp()}.${format}`);
      setExportState({ state: 'done', events: result.events });
    } catch (error) {
      setExportState({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <>
      <header>
        <h1>{t('title')}</h1>
        <IntegrityStatus value={integrity} onRecheck={recheck} t={t} />
        <ExportButtons value={exportState} onExport={(format) => void runExport(format)} t={t} />
        <nav className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'events'} onClick={() => setTab('events')}>
            {t('tabEvents')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'handover'} data-action="open-handover" onClick={() => setTab('handover')}>
            {t('tabHandover')}
          </button>
        </nav>
      </header>
      <main>
        {tab === 'events' ? <EventsView filter={filter} form={form} setForm={setForm} users={users} sites={sites} /> : <HandoverView users={users} />}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuditPage />
  </StrictMode>,
);
