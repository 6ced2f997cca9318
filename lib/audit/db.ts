import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { ChainAnchor, StoredEvent } from './event.ts';
import { eventWords } from './words.ts';

export const AUDIT_DB_NAME = 'channel-guard-audit';

/** Small records next to the events: the chain anchor and head, the hashing salt. */
export type AuditMeta =
  | { key: 'salt'; value: string }
  | { key: 'anchor'; value: ChainAnchor }
  | { key: 'head'; value: ChainAnchor };

/**
 * The free-text search index of one event, kept beside the event rather than in it: the event is
 * what the hash chain covers and what an export contains, and derived search words belong to
 * neither. Written in the same transaction as its event, removed with it by retention.
 */
export interface EventWords {
  id: number;
  words: string[];
}

export type AuditDb = Dexie & {
  events: EntityTable<StoredEvent, 'id'>;
  meta: EntityTable<AuditMeta, 'key'>;
  eventWords: EntityTable<EventWords, 'id'>;
};

export interface AuditSchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

const UPGRADE_CHUNK = 2_000;

/** Version 2: search words for events written before the index existed. */
async function fillEventWords(tx: Transaction): Promise<void> {
  const events = tx.table<StoredEvent, number>('events');
  const words = tx.table<EventWords, number>('eventWords');
  let after = -Infinity;
  for (;;) {
    const chunk = await events.where('id').above(after).limit(UPGRADE_CHUNK).toArray();
    if (chunk.length === 0) return;
    await words.bulkPut(chunk.map((event) => ({ id: event.id, words: eventWords(event) })));
    after = chunk[chunk.length - 1]!.id;
  }
}

/**
 * Append-only: a released version is never edited, a change adds a new entry (with an upgrade
 * function that returns its promise). Compound `[field+time]` indexes serve the viewer's
 * "filter by X within a date range" in one index range; multiEntry (`*`) indexes serve
 * "events that mention kind / recipient domain / contact" and, from version 2, free-text words.
 */
export const AUDIT_SCHEMA_VERSIONS: readonly AuditSchemaVersion[] = [
  {
    version: 1,
    stores: {
      events:
        'id, time, user, site, decision, *kinds, *recipientDomains, *contactKeys, [user+time], [site+time], [decision+time]',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: { eventWords: 'id, *words' },
    upgrade: fillEventWords,
  },
];

/** The background opens it to write; the viewer opens the same database to read (same extension origin). */
export function openAuditDb(
  name: string = AUDIT_DB_NAME,
  options?: ConstructorParameters<typeof Dexie>[1],
  versions: readonly AuditSchemaVersion[] = AUDIT_SCHEMA_VERSIONS,
): AuditDb {
  const db = new Dexie(name, options) as AuditDb;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}
