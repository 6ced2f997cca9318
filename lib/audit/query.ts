import type { Decision, FindingSummary } from '../messaging/protocol.ts';
import type { AuditDb } from './db.ts';
import type { StoredEvent } from './event.ts';

export interface AuditFilter {
  /** Inclusive, ms since epoch. */
  from?: number;
  /** Inclusive, ms since epoch. */
  to?: number;
  user?: string;
  site?: string;
  kind?: FindingSummary['kind'];
  decision?: Decision;
  recipientDomain?: string;
  contactKey?: string;
  /** Case-insensitive substring over the event's readable fields. */
  text?: string;
}

export type SortField = 'time' | 'user' | 'site' | 'decision';
export interface AuditSort {
  field: SortField;
  direction: 'asc' | 'desc';
}

export const DEFAULT_SORT: AuditSort = { field: 'time', direction: 'desc' };

interface KeySource {
  ids: number[];
  /** True when `ids` come back in time order (a time or [x+time] index range). */
  timeOrdered: boolean;
}

/**
 * Ids of the events matching `filter`, in `sort` order. Every structured filter is an index range
 * returning primary keys only, so the viewer never loads 100,000 events to show 40 rows; values
 * are read only for free-text search, and then only for the candidates the indexes left.
 */
export async function queryEventIds(db: AuditDb, filter: AuditFilter, sort: AuditSort = DEFAULT_SORT): Promise<number[]> {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const hasRange = filter.from !== undefined || filter.to !== undefined;
  const sources: Promise<KeySource>[] = [];
  const timed = (field: 'user' | 'site' | 'decision', value: string) =>
    db.events
      .where(`[${field}+time]`)
      .between([value, from], [value, to], true, true)
      .primaryKeys()
      .then((ids) => ({ ids, timeOrdered: true }));
  if (filter.user !== undefined) sources.push(timed('user', filter.user));
  if (filter.site !== undefined) sources.push(timed('site', filter.site));
  if (filter.decision !== undefined) sources.push(timed('decision', filter.decision));
  const rangeCovered = sources.length > 0;
  if (hasRange && !rangeCovered) {
    sources.push(db.events.where('time').between(from, to, true, true).primaryKeys().then((ids) => ({ ids, timeOrdered: true })));
  }
  const byEntry = (index: string, value: string) =>
    db.events.where(index).equals(value).primaryKeys().then((ids) => ({ ids, timeOrdered: false }));
  if (filter.kind !== undefined) sources.push(byEntry('kinds', filter.kind));
  if (filter.recipientDomain !== undefined) sources.push(byEntry('recipientDomains', filter.recipientDomain));
  if (filter.contactKey !== undefined) sources.push(byEntry('contactKeys', filter.contactKey));

  const resolved = await Promise.all(sources);
  const bySize = [...resolved].sort((a, b) => a.ids.length - b.ids.length);
  const text = filter.text?.trim().toLowerCase();

  let ordered: number[];
  if (sort.field === 'time') {
    // Time order comes from a [x+time] or time index range when one is in play: walk the smallest
    // such range and keep what every other filter allows. Otherwise id order stands in for time
    // order (ids are assigned as the background writes, with its own clock), which avoids
    // walking the whole time index.
    const timed = bySize.find((source) => source.timeOrdered);
    const others = bySize.filter((source) => source !== timed).map((source) => new Set(source.ids));
    const base = timed ? timed.ids : bySize.length > 0 ? [...bySize[0]!.ids].sort((a, b) => a - b) : await db.events.toCollection().primaryKeys();
    const rest = timed ? others : others.slice(1);
    ordered = rest.length ? base.filter((id) => rest.every((set) => set.has(id))) : base;
    if (text) {
      const matched = await matchText(db, bySize.length > 0 ? ordered : undefined, text);
      ordered = ordered.filter((id) => matched.has(id));
    }
  } else {
    let candidates: Set<number> | undefined;
    for (const source of bySize) candidates = candidates ? new Set(source.ids.filter((id) => candidates!.has(id))) : new Set(source.ids);
    if (text) candidates = await matchText(db, candidates ? [...candidates] : undefined, text);
    const all = await db.events.orderBy(sort.field).primaryKeys();
    ordered = candidates ? all.filter((id) => candidates!.has(id)) : all;
  }
  return sort.direction === 'desc' ? [...ordered].reverse() : ordered;
}

export function eventText(event: StoredEvent): string {
  return [
    event.user,
    event.account,
    event.site,
    event.origin,
    event.adapter,
    event.decision,
    event.justification,
    event.recipientDomains.join(' '),
    ...event.findings.flatMap((f) => [f.kind, f.contact, f.value, f.snippet]),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

async function matchText(db: AuditDb, candidates: readonly number[] | undefined, text: string): Promise<Set<number>> {
  const matched = new Set<number>();
  const test = (event: StoredEvent | undefined) => {
    if (event && eventText(event).includes(text)) matched.add(event.id);
  };
  if (candidates) {
    for (const chunk of chunked(candidates, 2_000)) (await db.events.bulkGet(chunk)).forEach(test);
  } else {
    await forEachEventChunk(db, 2_000, (events) => events.forEach(test));
  }
  return matched;
}

function* chunked<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Walks the whole log in id (chain) order, a chunk at a time, without holding it all in memory. */
export async function forEachEventChunk(db: AuditDb, size: number, visit: (events: StoredEvent[]) => void | Promise<void>): Promise<void> {
  let after = -Infinity;
  for (;;) {
    const events = await db.events.where('id').above(after).limit(size).toArray();
    if (events.length === 0) return;
    await visit(events);
    after = events[events.length - 1]!.id;
    if (events.length < size) return;
  }
}

/** Reads the given ids in chunks, keeping their order. */
export async function forEachEventById(
  db: AuditDb,
  ids: readonly number[],
  size: number,
  visit: (events: StoredEvent[]) => void | Promise<void>,
): Promise<void> {
  for (const chunk of chunked(ids, size)) {
    await visit((await db.events.bulkGet(chunk)).filter((e): e is StoredEvent => e !== undefined));
  }
}

export function isEmptyFilter(filter: AuditFilter): boolean {
  return Object.values(filter).every((value) => value === undefined || value === '');
}
