import type { AuditDb } from './db.ts';
import { CSV_BOM, csvRow, EVENT_CSV_COLUMNS, eventCsvCells } from './csv.ts';
import { GENESIS_ANCHOR, type ChainAnchor, type StoredEvent } from './event.ts';
import type { OmittedEvent } from './chain.ts';
import { forEachEventById, forEachEventChunk, isEmptyFilter, queryEventIds, type AuditFilter, type AuditSort } from './query.ts';

export const EXPORT_FORMAT = 'channel-guard-audit';
export const EXPORT_VERSION = 1;

export interface ExportOptions {
  format: 'csv' | 'json';
  filter: AuditFilter;
  /** CSV row order (chain order when absent); JSON is always in chain order. */
  sort?: AuditSort;
  /** Receives the file piece by piece, so 100,000 events never sit in one string. */
  onChunk: (text: string) => void | Promise<void>;
  onProgress?: (done: number, total: number) => void;
  chunkSize?: number;
  now?: () => number;
  /** `;` for spreadsheets in locales whose list separator is `;` (Russian Excel). */
  csvDelimiter?: ',' | ';';
}

export async function exportAudit(db: AuditDb, options: ExportOptions): Promise<{ events: number }> {
  return options.format === 'csv' ? exportCsv(db, options) : exportJson(db, options);
}

async function exportCsv(db: AuditDb, options: ExportOptions): Promise<{ events: number }> {
  const delimiter = options.csvDelimiter ?? ',';
  const size = options.chunkSize ?? 2_000;
  await options.onChunk(CSV_BOM + csvRow(EVENT_CSV_COLUMNS, delimiter));
  let done = 0;
  const write = async (events: StoredEvent[], total: number) => {
    await options.onChunk(events.map((event) => csvRow(eventCsvCells(event), delimiter)).join(''));
    done += events.length;
    options.onProgress?.(done, total);
  };
  if (isEmptyFilter(options.filter) && !options.sort) {
    // The whole log in chain order: range reads, no id list.
    const total = await db.events.count();
    await forEachEventChunk(db, size, (events) => write(events, total));
  } else {
    const ids = await queryEventIds(db, options.filter, options.sort);
    await forEachEventById(db, ids, size, (events) => write(events, ids.length));
  }
  return { events: done };
}

/**
 * A complete export starts at the database's anchor. A filtered one covers the span from the
 * first to the last matching event; events in between that the filter left out are written as
 * link-only stubs (id, prevHash, hash), so deleting a matching event from the file still breaks
 * the chain, while the omitted events' contents stay out of the file.
 */
async function exportJson(db: AuditDb, options: ExportOptions): Promise<{ events: number }> {
  const complete = isEmptyFilter(options.filter);
  const size = options.chunkSize ?? 2_000;
  let selected: Set<number> | undefined;
  let lowId: number;
  let highId: number;
  let anchor: ChainAnchor;
  if (complete) {
    const meta = await db.meta.get('anchor');
    anchor = meta?.key === 'anchor' ? meta.value : GENESIS_ANCHOR;
    lowId = anchor.id + 1;
    highId = ((await db.events.orderBy('id').lastKey()) as number | undefined) ?? anchor.id;
  } else {
    const ids = await queryEventIds(db, options.filter, { field: 'time', direction: 'asc' });
    selected = new Set(ids);
    lowId = ids.reduce((low, id) => Math.min(low, id), Infinity);
    highId = ids.reduce((high, id) => Math.max(high, id), 0);
    const first = ids.length ? await db.events.get(lowId) : undefined;
    anchor = first ? { id: first.id - 1, hash: first.prevHash } : GENESIS_ANCHOR;
    if (!first) lowId = highId + 1;
  }
  const total = selected ? selected.size : Math.max(0, highId - lowId + 1);
  const exportedAt = new Date((options.now ?? Date.now)()).toISOString();
  await options.onChunk(
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(exportedAt)},` +
      `"complete":${complete},"filter":${JSON.stringify(options.filter)},"anchor":${JSON.stringify(anchor)},"events":[`,
  );
  let written = 0;
  let done = 0;
  let head: ChainAnchor | null = null;
  let after = lowId - 1;
  while (after < highId) {
    const events = await db.events.where('id').between(after, highId, false, true).limit(size).toArray();
    if (events.length === 0) break;
    const parts = events.map((event): string => {
      const included = !selected || selected.has(event.id);
      if (included) done++;
      return JSON.stringify(included ? event : stub(event));
    });
    await options.onChunk((written > 0 ? ',\n' : '\n') + parts.join(',\n'));
    written += events.length;
    after = events[events.length - 1]!.id;
    head = { id: after, hash: events[events.length - 1]!.hash };
    options.onProgress?.(done, total);
  }
  await options.onChunk(`\n],"head":${JSON.stringify(head)}}\n`);
  return { events: done };
}

function stub(event: StoredEvent): OmittedEvent {
  return { id: event.id, prevHash: event.prevHash, hash: event.hash, omitted: true };
}
