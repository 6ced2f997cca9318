import { isPolicyField } from './fields.ts';
import { resolvePolicy, validateField } from './resolve.ts';
import type { PolicyProblem } from './resolve.ts';
import { PolicySchema } from './schema.ts';
import type { Policy } from './schema.ts';
import { POLICY_STATE_KEY } from './state.ts';
import type { PolicyState, SetLocalResult } from './state.ts';
import type { KeyValueArea } from './storage-area.ts';

/** Where admin settings come from: `storage.managed` in the browser, a fake in tests. */
export interface ManagedSource {
  /** The raw managed settings, or undefined when there are none (or the browser refuses to say). */
  read(): Promise<unknown>;
  /** Calls back when the browser reports a change; stops when the signal aborts. */
  watch(onChange: () => void, signal: AbortSignal): void;
}

export interface PolicyServiceDeps {
  managed: ManagedSource;
  /** Persistent area (storage.local): last good managed policy, local overrides, published state. */
  store: KeyValueArea;
  defaults: Policy;
  now?: () => number;
  /**
   * Re-reads after start-up when the managed area was empty but a managed policy was in force before.
   * Chromium can start the extension before it has loaded the policy files and then not always report
   * the late arrival through storage.onChanged (seen with Chromium 156 after a restart).
   */
  startupRecheckMs?: readonly number[];
}

export interface PolicyService {
  start(signal: AbortSignal): Promise<PolicyState>;
  /** Re-reads every source and publishes the result (also what a managed change triggers). */
  refresh(): Promise<PolicyState>;
  getState(): Promise<PolicyState>;
  /** Applies a change to local settings. A field set to null goes back to the admin's or built-in value. */
  setLocal(patch: Record<string, unknown>): Promise<SetLocalResult>;
  onChange(listener: (state: PolicyState) => void, signal?: AbortSignal): void;
}

export const LAST_GOOD_KEY = 'policy.lastGoodManaged';
export const LOCAL_KEY = 'policy.local';

interface LastGoodRecord {
  raw: unknown;
  receivedAt: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Key order in storage is not guaranteed; compare policies by content. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export function createPolicyService(deps: PolicyServiceDeps): PolicyService {
  const now = deps.now ?? Date.now;
  const listeners = new Set<(state: PolicyState) => void>();
  let current: PolicyState | undefined;
  // Managed changes, local saves and reads can overlap in the background; one queue keeps them in order.
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readLastGood(): Promise<{ record: LastGoodRecord; policy: Policy } | undefined> {
    const record = await deps.store.get(LAST_GOOD_KEY);
    if (!isRecord(record) || typeof record.receivedAt !== 'number') return undefined;
    // Stored raw and re-validated, so a newer extension version applies its own defaults and rules.
    const parsed = PolicySchema.safeParse(record.raw);
    return parsed.success ? { record: { raw: record.raw, receivedAt: record.receivedAt }, policy: parsed.data } : undefined;
  }

  async function readLocal(): Promise<Record<string, unknown>> {
    const local = await deps.store.get(LOCAL_KEY);
    return isRecord(local) ? local : {};
  }

  async function readManaged(): Promise<unknown> {
    try {
      return await deps.managed.read();
    } catch {
      return undefined;
    }
  }

  async function computeAndPublish(): Promise<PolicyState> {
    const [managedRaw, lastGood, local] = await Promise.all([readManaged(), readLastGood(), readLocal()]);
    const resolved = resolvePolicy(deps.defaults, managedRaw, local, lastGood?.policy);
    let receivedAt = resolved.managed ? (lastGood?.record.receivedAt ?? null) : null;
    if (resolved.managedIsFresh && (!lastGood || canonicalJson(lastGood.record.raw) !== canonicalJson(managedRaw))) {
      receivedAt = now();
      await deps.store.set(LAST_GOOD_KEY, { raw: managedRaw, receivedAt } satisfies LastGoodRecord);
    }
    const state: PolicyState = {
      policy: resolved.policy,
      locked: resolved.locked,
      errors: resolved.errors,
      warnings: resolved.warnings,
      source: resolved.source,
      lastGoodAt: receivedAt,
      managedBy: resolved.managed?.organization ?? null,
      local,
      updatedAt: now(),
    };
    current = state;
    await deps.store.set(POLICY_STATE_KEY, state);
    for (const listener of listeners) {
      try {
        listener(state);
      } catch {
        // One failing subscriber must not stop the others from seeing the new policy.
      }
    }
    return state;
  }

  const refresh = () => serialize(computeAndPublish);

  return {
    async start(signal) {
      deps.managed.watch(() => void refresh(), signal);
      const state = await refresh();
      if (state.warnings.some((w) => w.source === 'managed')) {
        for (const delay of deps.startupRecheckMs ?? []) {
          const timer = setTimeout(() => void refresh(), delay);
          signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
        }
      }
      return state;
    },
    refresh,
    async getState() {
      return current ?? refresh();
    },
    setLocal(patch) {
      return serialize(async () => {
        const state = current ?? (await computeAndPublish());
        const errors: PolicyProblem[] = [];
        const next = { ...(await readLocal()) };
        for (const [key, value] of Object.entries(patch)) {
          if (!isPolicyField(key)) {
            errors.push({ source: 'local', path: key, message: 'unknown field' });
          } else if ((state.locked as string[]).includes(key)) {
            errors.push({ source: 'local', path: key, message: 'set by your administrator' });
          } else if (value === null) {
            delete next[key];
          } else {
            const field = validateField(key, value);
            if (field.ok) next[key] = value;
            else errors.push(...field.errors.map((e) => ({ ...e, source: 'local' as const })));
          }
        }
        if (errors.length > 0) return { ok: false, errors, state };
        await deps.store.set(LOCAL_KEY, next);
        return { ok: true, errors: [], state: await computeAndPublish() };
      });
    },
    onChange(listener, signal) {
      listeners.add(listener);
      signal?.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
