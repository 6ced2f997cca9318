import { StrictMode, useCallback, useEffect, useMemo, useRef, useState, type DependencyList } from 'react';
import { createRoot } from 'react-dom/client';
import { useLiveQuery } from 'dexie-react-hooks';
import { openAuditDb } from '../../lib/audit/db.ts';
import type { ChainAnchor, StoredEvent } from '../../lib/audit/event.ts';
import { exportAudit } from '../../lib/audit/export.ts';
import { createHandover, handoverCsv, SENT_WITH_CONTACT } from '../../lib/audit/handover.ts';
import { DEFAULT_SORT, forEachEventById, isEmptyFilter, queryEventIds, type AuditFilter, type AuditSort } from '../../lib/audit/query.ts';
import { createThrottle } from '../../lib/audit/live-throttle.ts';
import { createSummary, summarizeLog } from '../../lib/audit/summary.ts';
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

/** How often, at most, the page re-reads lists and summaries while the background writes. */
const REFRESH_MS = 1_000;

interface LogVersion {
  version: number | undefined;
  /** A read started for this version: the next version waits for it (live-throttle.ts). */
  track: (work: Promise<unknown>) => void;
}

/**
 * A number that grows when the log changes (the background moves the head, retention moves the
 * anchor), at most once per REFRESH_MS and never while the reads of the last one still run. Only
 * this two-record read is live: the queries that walk the log follow the number instead of
 * re-running on every write, which had cut the background's write rate from ~2,000 to ~350
 * events/s while the page was open (issue 6).
 */
function useLogVersion(): LogVersion {
  const marker = useLiveQuery(async () => JSON.stringify(await db.meta.bulkGet(['head', 'anchor'])), []);
  const [version, setVersion] = useState<number>();
  const throttle = useMemo(() => createThrottle(() => setVersion((v) => (v ?? 0) + 1), REFRESH_MS), []);
  useEffect(() => {
    if (marker !== undefined) throttle.request();
  }, [marker, throttle]);
  useEffect(() => () => throttle.cancel(), [throttle]);
  return { version, track: throttle.track };
}

/** `query` re-run when `deps` change (at once) or the log changes (throttled by useLogVersion). */
function useLogQuery<T>(log: LogVersion, query: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  const { version, track } = log;
  useEffect(() => {
    if (version === undefined) return;
    let current = true;
    const work = query();
    track(work);
    work.then(
      (result) => current && setValue(() => result),
      (error: unknown) => console.error('audit viewer query failed', error),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `query` is rebuilt each render; `deps` name what it reads.
  }, [version, ...deps]);
  return value;
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

function useIntegrity(log: LogVersion): [IntegrityState, () => void] {
  const marker = log.version;
  const [value, setValue] = useState<IntegrityState>({ state: 'checking', done: 0 });
  const [round, setRound] = useState(0);
  // Where the last intact check ended: each new write then costs a check of the new events only,
  // not of the whole log (issue 6: seconds for 100,000 events). "Recheck" starts from the anchor.
  const intact = useRef<{ resume: { last: ChainAnchor; anchor: ChainAnchor }; events: number; round: number }>(undefined);
  // Re-checked whenever the background moves the head or retention moves the anchor (throttled).
  useEffect(() => {
    if (marker === undefined) return;
    let current = true;
    const resume = intact.current?.round === round ? intact.current : undefined;
    const before = resume?.events ?? 0;
    setValue({ state: 'checking', done: before });
    const check = verifyStoredChain(db, { ...(resume ? { resumeFrom: resume.resume } : {}), onProgress: (done) => current && setValue({ state: 'checking', done: before + done }) });
    log.track(check);
    check.then(
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `log.track` is stable; `marker` is its version.
  }, [marker, round]);
  return [value, () => setRound((r) => r + 1)];
}

function EventsView(props: { log: LogVersion; filter: AuditFilter; form: FilterForm; setForm: (form: FilterForm) => void; users: string[]; sites: string[] }) {
  const { log, filter, form, setForm, users, sites } = props;
  const [sort, setSort] = useState<AuditSort>(DEFAULT_SORT);
  const [range, setRange] = useState<[number, number]>([0, -1]);
  const [selectedId, setSelectedId] = useState<number>();
  const filterKey = JSON.stringify(filter);
  const ids = useLogQuery(log, () => queryEventIds(db, filter, sort), [filterKey, sort.field, sort.direction]);
  const visible = useMemo(() => (ids ? ids.slice(Math.max(0, range[0] - 10), range[1] + 11) : []), [ids, range]);
  const loaded = useLiveQuery(() => db.events.bulkGet(visible), [visible.join(',')]);
  const rows = useMemo(() => new Map((loaded ?? []).filter((e): e is StoredEvent => e !== undefined).map((e) => [e.id, e])), [loaded]);
  const selected = useLiveQuery(() => (selectedId === undefined ? undefined : db.events.get(selectedId)), [selectedId]);
  // Follows `ids`, so it is as throttled as they are.
  const summary = useLogQuery(
    { ...log, version: ids && log.version },
    async () => {
      if (!ids) return undefined;
      if (isEmptyFilter(filter)) return summarizeLog(db);
      const acc = createSummary();
      await forEachEventById(db, ids, 5_000, (events) => acc.add(events));
      return acc.result();
    },
    [ids],
  );
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

function HandoverView(props: { log: LogVersion; users: string[] }) {
  const [user, setUser] = useState('');
  const clients = useLogQuery(
    props.log,
    async () => {
      if (!user) return undefined;
      const report = createHandover(user);
      // Only events that sent a contact out count: the two index ranges pick them by key, so the
      // user's other events are never loaded.
      const [own, sent] = await Promise.all([
        db.events.where('[user+time]').between([user, -Infinity], [user, Infinity]).primaryKeys(),
        db.events.where('decision').anyOf([...SENT_WITH_CONTACT]).primaryKeys(),
      ]);
      const sentIds = new Set(sent);
      await forEachEventById(db, own.filter((id) => sentIds.has(id)), 5_000, (events) => report.add(events));
      return report.result();
    },
    [user],
  );
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
  const log = useLogVersion();
  const users = useLogQuery(log, async () => (await db.events.orderBy('user').uniqueKeys()).map(String), []) ?? [];
  const sites = useLogQuery(log, async () => (await db.events.orderBy('site').uniqueKeys()).map(String), []) ?? [];
  const [integrity, recheck] = useIntegrity(log);
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
        {tab === 'events' ? <EventsView log={log} filter={filter} form={form} setForm={setForm} users={users} sites={sites} /> : <HandoverView log={log} users={users} />}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuditPage />
  </StrictMode>,
);
