import type { Decision, FindingSummary } from '../messaging/protocol.ts';
import type { AuditDb } from './db.ts';
import type { StoredEvent } from './event.ts';
import { searchTerms, type SearchTerm } from './words.ts';

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
  /**
   * Free text, case-insensitive: every word of it must begin a search word of the event (user,
   * account, site, adapter, decision, kinds, recipient domains, stored contacts, justification);
   * see words.ts.
   */
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
 * Ids of the events matching `filter`, in `sort` order. Every filter, free text included, is an
 * index range returning primary keys only, so the viewer never loads 100,000 events to show 40
 * rows, and the sources are intersected smallest first.
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
  const terms = filter.text ? searchTerms(filter.text) : [];
  // Text with nothing searchable in it (only punctuation) matches no word, so no event.
  if (filter.text?.trim() && terms.length === 0) return [];
  for (const term of terms) sources.push(matchTerm(db, term).then((ids) => ({ ids, timeOrdered: false })));

  const resolved = await Promise.all(sources);
  const bySize = [...resolved].sort((a, b) => a.ids.length - b.ids.length);

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
  } else {
    let candidates: Set<number> | undefined;
    for (const source of bySize) candidates = candidates ? new Set(source.ids.filter((id) => candidates!.has(id))) : new Set(source.ids);
    const all = await db.events.orderBy(sort.field).primaryKeys();
    ordered = candidates ? all.filter((id) => candidates!.has(id)) : all;
  }
  return sort.direction === 'desc' ? [...ordered].reverse() : ordered;
}

/** Ids (ascending, no repeats) of events with a search word starting with every prefix of one alternative of `term`. */
async function matchTerm(db: AuditDb, term: SearchTerm): Promise<number[]> {
  const matched = new Set<number>();
  for (const prefixes of term.alternatives) {
    const perPrefix = await Promise.all(prefixes.map((prefix) => db.eventWords.where('words').startsWith(prefix).primaryKeys()));
    perPrefix.sort((a, b) => a.length - b.length);
    const [smallest, ...others] = perPrefix;
    const otherSets = others.map((ids) => new Set(ids));
    for (const id of smallest ?? []) if (otherSets.every((set) => set.has(id))) matched.add(id);
  }
  return [...matched].sort((a, b) => a - b);
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
