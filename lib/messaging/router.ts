import { parseRequest, type Request, type RequestType } from './protocol.ts';

/**
 * The background's single message dispatcher: every message is parsed with the protocol's Zod
 * schema first, so a handler only ever sees a valid request. Handlers are injected, which keeps
 * this file pure and testable without a browser.
 *
 * The reply is the handler's own result (what `policy/get` callers parse directly); an invalid
 * message, a type with no handler, or a failing handler rejects, which the sender's
 * `runtime.sendMessage` surfaces as a rejected promise.
 */

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Who sent the message, as far as handlers care (a subset of runtime.MessageSender). */
export interface MessageSenderInfo {
  tabId?: number;
  /** The sender's frame in its tab (0 = top frame), where an injected script must go. */
  frameId?: number;
  url?: string;
  /** Extension pages (popup, options) have our own origin; content scripts have the page's. */
  origin?: string;
}

export type Handler<T extends RequestType> = (request: RequestOf<T>, sender: MessageSenderInfo) => unknown;
export type Handlers = { [T in RequestType]?: Handler<T> };

export class RouterError extends Error {}

export function createRouter(handlers: Handlers): (raw: unknown, sender: MessageSenderInfo) => Promise<unknown> {
  return async (raw, sender) => {
    const parsed = parseRequest(raw);
    if (!parsed.ok) throw new RouterError(`invalid message: ${parsed.error}`);
    const handler = handlers[parsed.request.type] as Handler<RequestType> | undefined;
    if (!handler) throw new RouterError(`no handler for ${parsed.request.type}`);
    // `?? null`: an undefined reply looks like "nobody answered" to runtime.sendMessage.
    return (await handler(parsed.request, sender)) ?? null;
  };
}

/** Combines the handler sets of several services; two handlers for one type is a wiring bug. */
export function mergeHandlers(...sets: Handlers[]): Handlers {
  const merged: Record<string, unknown> = {};
  for (const set of sets) {
    for (const [type, handler] of Object.entries(set)) {
      if (!handler) continue;
      if (merged[type]) throw new RouterError(`two handlers for ${type}`);
      merged[type] = handler;
    }
  }
  return merged as Handlers;
}

/** Reduces a runtime.MessageSender to what handlers may rely on. */
export function senderInfo(sender: { tab?: { id?: number }; frameId?: number; url?: string; origin?: string } | undefined): MessageSenderInfo {
  return { tabId: sender?.tab?.id, frameId: sender?.frameId, url: sender?.url, origin: sender?.origin };
}
