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

/**
 * Ids (ascending, no repeats) of events with a search word starting with every prefix of an
 * alternative of `term`, trying the alternatives in order and keeping the first that matches
 * anything: `employee-07` is found whole and never widened to every `employee`; `顧客の依頼`
 * matches nothing whole and is then found by its words.
 *
 * Ids are small dense integers (chain positions), so matches are marked in byte arrays indexed by
 * id: union, intersection and sorting of 100,000 ids then cost one pass, where Sets and a sort
 * took most of a broad search's time.
 */
async function matchTerm(db: AuditDb, term: SearchTerm): Promise<number[]> {
  for (const prefixes of term.alternatives) {
    const perPrefix = await Promise.all(prefixes.map((prefix) => matchPrefix(db, prefix)));
    let maxId = 0;
    for (const ranges of perPrefix) for (const range of ranges) for (const id of range) if (id > maxId) maxId = id;
    // counts[id] = how many of the prefixes, in order, matched the event: prefix i only raises
    // i to i + 1, so an event with two words under one prefix still counts once.
    const counts = new Uint8Array(maxId + 1);
    perPrefix.forEach((ranges, index) => {
      for (const range of ranges) for (const id of range) if (counts[id] === index) counts[id] = index + 1;
    });
    const ids: number[] = [];
    for (let id = 1; id <= maxId; id++) if (counts[id] === prefixes.length) ids.push(id);
    if (ids.length > 0) return ids;
  }
  return [];
}

/**
 * Ids of events with a word starting with `prefix` (lowercase), as the index ranges returned
 * them (repeats possible): the search-word table plus the events table's own indexes for the
 * fields it does not repeat (words.ts).
 */
function matchPrefix(db: AuditDb, prefix: string): Promise<number[][]> {
  return Promise.all([
    db.eventWords.where('words').startsWith(prefix).primaryKeys(),
    db.events.where('user').startsWith(prefix).primaryKeys(),
    db.events.where('site').startsWith(prefix).primaryKeys(),
    db.events.where('recipientDomains').startsWith(prefix).primaryKeys(),
    db.events.where('decision').startsWith(prefix).primaryKeys(),
    db.events.where('kinds').startsWith(prefix).primaryKeys(),
  ]);
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
