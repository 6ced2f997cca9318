/** The slice of a storage area the policy code needs; the browser edge passes `browser.storage.local`/`.session`. */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** For tests and for browsers without `storage.session`. */
export function createMemoryArea(initial: Record<string, unknown> = {}): KeyValueArea {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    remove: async (key) => void data.delete(key),
  };
}
