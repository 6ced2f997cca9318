import type { AuditEventInput, Decision } from '../messaging/protocol.ts';
import { DECISIONS } from '../messaging/protocol.ts';
import type { Policy } from '../policy/schema.ts';
import { buildEventBody, type EventBody } from './build-event.ts';
import { sealEvent } from './chain.ts';
import type { AuditDb } from './db.ts';
import { GENESIS_ANCHOR, type ChainAnchor, type StoredEvent } from './event.ts';
import { pruneBatch } from './retention.ts';
import { eventWords } from './words.ts';

export interface AuditUserInfo {
  /** The browser profile's signed-in account, where the browser tells it. */
  email?: string;
}

export interface AuditDiagnostic {
  level: 'warn' | 'error';
  message: string;
}

export interface AuditServiceOptions {
  db: AuditDb;
  getPolicy: () => Policy | Promise<Policy>;
  now?: () => number;
  userInfo?: () => Promise<AuditUserInfo | undefined> | AuditUserInfo | undefined;
  /** Our own failures (quota, disk), for the admin's diagnostics. */
  onDiagnostic?: (diagnostic: AuditDiagnostic) => void;
}

export interface AuditSender {
  url?: string;
  tabId?: number;
}

export type RecordResult = { ok: true; id: number } | { ok: false; queued: boolean; error: string };

export interface AuditStatus {
  /** Set while writes fail (full disk, quota); cleared by the next successful write. */
  storageError?: { at: number; message: string };
  /** Events received but not stored yet: queued, being written, or held to retry after a failed write. */
  pending: number;
  lastRetentionAt?: number;
}

export interface AuditService {
  record(input: AuditEventInput, sender?: AuditSender): Promise<RecordResult>;
  countToday(): Promise<Record<Decision, number> & { total: number }>;
  /** Runs retention to the end, in batches that let writes in between. The alarm tick calls it. */
  applyRetention(): Promise<number>;
  status(): AuditStatus;
  /** Resolves when everything queued so far is written (or has failed). */
  flush(): Promise<void>;
}

interface Pending {
  body: EventBody;
  settle: (result: RecordResult) => void;
}

const MAX_BATCH = 500;
// Kept in memory while the disk refuses writes; beyond this the oldest unsaved events are dropped
// (stored events are never touched) so a broken disk cannot exhaust the background's memory.
const MAX_RETRY_BUFFER = 10_000;
const RETENTION_EVERY_WRITES = 500;
const RETENTION_EVERY_MS = 10 * 60_000;

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sender URL wins over what the page claims, except for our own extension pages. */
function siteOf(input: AuditEventInput, sender: AuditSender | undefined): Pick<AuditEventInput, 'site' | 'origin'> {
  if (sender?.url && /^https?:/u.test(sender.url)) {
    try {
      const url = new URL(sender.url);
      return { site: url.hostname, origin: url.origin };
    } catch {
      // fall through to the message's own claim
    }
  }
  return { site: input.site, origin: input.origin };
}

/**
 * The only writer of the audit database (it runs in the background). Writes are serialised
 * through one task chain so the hash chain stays linear however many tabs report at once;
 * messages that arrive while a write is running are written together in the next batch.
 */
export function createAuditService(options: AuditServiceOptions): AuditService {
  const { db, getPolicy } = options;
  const now = options.now ?? Date.now;
  let tail: Promise<unknown> = Promise.resolve();
  let head: ChainAnchor | undefined;
  const queue: Pending[] = [];
  // Batches the running drain has taken from the queue and not yet committed.
  let inDrain: readonly Pending[][] = [];
  let drainScheduled = false;
  let writesSinceRetention = 0;
  let retentionRunning: Promise<number> | undefined;
  const state: AuditStatus = { pending: 0 };
  // Keyed by value under one salt; the salt never changes for a database.
  const hashCache = new Map<string, string>();
  const maskCache = new Map<string, string>();

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  }

  // One promise shared by every caller: a burst of messages at start-up must not open one
  // read-write transaction each just to read the salt.
  let saltPromise: Promise<string> | undefined;
  function loadSalt(): Promise<string> {
    saltPromise ??= db
      .transaction('rw', db.meta, async () => {
        const existing = await db.meta.get('salt');
        if (existing?.key === 'salt') return existing.value;
        const fresh = randomHex(32);
        await db.meta.put({ key: 'salt', value: fresh });
        return fresh;
      })
      .catch((error: unknown) => {
        saltPromise = undefined;
        throw error;
      });
    return saltPromise;
  }

  async function loadHead(): Promise<ChainAnchor> {
    if (head) return head;
    const last = await db.events.orderBy('id').last();
    if (last) return (head = { id: last.id, hash: last.hash });
    const anchor = await db.meta.get('anchor');
    return (head = anchor?.key === 'anchor' ? anchor.value : GENESIS_ANCHOR);
  }

  /**
   * Links a batch onto `previous`. The chain is inherently serial (each hash covers the one
   * before), so this is one digest after another; what the batch buys is that the digests of
   * batch k+1 run while batch k is being written (see drain).
   */
  async function sealBatch(batch: readonly Pending[], previous: ChainAnchor): Promise<{ events: StoredEvent[]; head: ChainAnchor }> {
    const events: StoredEvent[] = [];
    for (const { body } of batch) {
      const event = await sealEvent({ ...body, id: previous.id + 1, prevHash: previous.hash });
      events.push(event);
      previous = { id: event.id, hash: event.hash };
    }
    return { events, head: previous };
  }

  /** One transaction: the events, their search words and the head, all or nothing. */
  async function commit(events: readonly StoredEvent[], newHead: ChainAnchor): Promise<void> {
    const words = events.map((event) => ({ id: event.id, words: eventWords(event) }));
    await db.transaction('rw', db.events, db.eventWords, db.meta, async () => {
      await db.events.bulkAdd(events as StoredEvent[]);
      await db.eventWords.bulkAdd(words);
      await db.meta.put({ key: 'head', value: newHead });
    });
  }

  function reportStorageError(error: unknown, held: number): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    state.storageError = { at: now(), message };
    options.onDiagnostic?.({
      level: 'error',
      message: `audit log: write failed (${message}); ${held} event(s) held in memory for retry, stored events untouched`,
    });
  }

  /**
   * Writes everything queued, in batches. Batch k+1 is sealed against batch k's last hash while
   * batch k's transaction is still running, so the serial digests overlap the database work
   * instead of adding to it. Commits stay in chain order (each waits for the one before). If a
   * write fails, that batch and every batch sealed after it go back to the front of the queue as
   * unsealed bodies, in order, and are sealed again against the real head on the next attempt:
   * nothing half-written, nothing reordered.
   */
  async function drain(): Promise<void> {
    drainScheduled = false;
    const uncommitted: Pending[][] = [];
    inDrain = uncommitted;
    let writing: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    try {
      let previous = await loadHead();
      while (queue.length > 0 && !failure) {
        const batch = queue.splice(0, MAX_BATCH);
        uncommitted.push(batch);
        const sealed = await sealBatch(batch, previous);
        previous = sealed.head;
        const before = writing;
        writing = (async () => {
          await before;
          await commit(sealed.events, sealed.head);
          head = sealed.head;
          uncommitted.shift();
          delete state.storageError;
          writesSinceRetention += batch.length;
          sealed.events.forEach((event, i) => batch[i]!.settle({ ok: true, id: event.id }));
        })();
        writing.catch((error: unknown) => {
          failure ??= { error };
        });
      }
      await writing;
    } catch (error) {
      failure ??= { error };
    }
    if (failure) {
      // Settle the writes still running before putting their batches back, or one could be both
      // committed and queued again.
      await writing.catch(() => undefined);
      // The transaction aborted as a whole: the cached head is unchanged (or reloaded, if another
      // writer moved it). Keep the events and retry on the next write.
      head = undefined;
      queue.unshift(...uncommitted.flat());
      const dropped = queue.length > MAX_RETRY_BUFFER ? queue.splice(0, queue.length - MAX_RETRY_BUFFER) : [];
      for (const lost of dropped) lost.settle({ ok: false, queued: false, error: 'retry buffer full' });
      reportStorageError(failure.error, queue.length);
      for (const waiting of queue) waiting.settle({ ok: false, queued: true, error: state.storageError!.message });
    }
    inDrain = [];
    state.pending = queue.length;
    maybeScheduleRetention();
  }

  function scheduleDrain(): void {
    if (drainScheduled) return;
    drainScheduled = true;
    void serial(drain);
  }

  function maybeScheduleRetention(): void {
    const due = writesSinceRetention >= RETENTION_EVERY_WRITES || state.lastRetentionAt === undefined || now() - state.lastRetentionAt > RETENTION_EVERY_MS;
    if (due && !retentionRunning && writesSinceRetention > 0) void applyRetention();
  }

  function applyRetention(): Promise<number> {
    if (retentionRunning) return retentionRunning;
    writesSinceRetention = 0;
    const run = (async () => {
      const { audit } = await getPolicy();
      let total = 0;
      for (;;) {
        // One batch per task: writes queued meanwhile go in between, so the user never waits on pruning.
        const removed = await serial(() => pruneBatch(db, audit, now()));
        total += removed;
        if (removed < 1_000) break;
      }
      state.lastRetentionAt = now();
      if (queue.length > 0) scheduleDrain();
      return total;
    })();
    retentionRunning = run;
    const clear = () => {
      retentionRunning = undefined;
    };
    run.then(clear, (error: unknown) => {
      clear();
      options.onDiagnostic?.({ level: 'warn', message: `audit log: retention failed (${String(error)})` });
    });
    return run;
  }

  async function record(input: AuditEventInput, sender?: AuditSender): Promise<RecordResult> {
    const [policy, user, eventSalt] = await Promise.all([getPolicy(), Promise.resolve().then(() => options.userInfo?.()).catch(() => undefined), loadSalt()]);
    const body = await buildEventBody(
      { ...input, ...siteOf(input, sender) },
      {
        policy,
        time: now(),
        user: policy.userLabel || user?.email || 'unknown',
        ...(user?.email ? { account: user.email } : {}),
        salt: eventSalt,
        hashCache,
        maskCache,
      },
    );
    return new Promise<RecordResult>((resolve) => {
      let settled = false;
      queue.push({
        body,
        settle: (result) => {
          // A held event is reported once as "queued"; its later success is not reported again.
          if (settled) return;
          settled = true;
          resolve(result);
        },
      });
      state.pending = queue.length;
      scheduleDrain();
    });
  }

  async function countToday(): Promise<Record<Decision, number> & { total: number }> {
    const start = new Date(now());
    start.setHours(0, 0, 0, 0);
    const from = start.getTime();
    const counts = await Promise.all(
      DECISIONS.map((decision) => db.events.where('[decision+time]').between([decision, from], [decision, Infinity], true, true).count()),
    );
    const result = { total: 0 } as Record<Decision, number> & { total: number };
    DECISIONS.forEach((decision, i) => {
      result[decision] = counts[i]!;
      result.total += counts[i]!;
    });
    return result;
  }

  return {
    record,
    countToday,
    applyRetention,
    status: () => ({ ...state, pending: queue.length + inDrain.reduce((sum, batch) => sum + batch.length, 0) }),
    flush: () => serial(async () => undefined),
  };
}
