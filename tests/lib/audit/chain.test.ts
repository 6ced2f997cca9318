import { describe, expect, it } from 'vitest';
import { canonicalJSON } from '../../../lib/audit/canonical-json.ts';
import { sealEvent, verifyChain, type ChainItem } from '../../../lib/audit/chain.ts';
import { GENESIS_HASH, type StoredEvent } from '../../../lib/audit/event.ts';

function body(id: number, note: string) {
  return {
    id,
    time: 1_000 * id,
    user: 'anna',
    site: 'mail.google.com',
    origin: 'https://mail.google.com',
    adapter: 'gmail',
    organization: 'Acme',
    policyVersion: 1,
    decision: 'sent-anyway' as const,
    justification: note,
    findings: [],
    kinds: [],
    contactKeys: [],
    recipientDomains: ['client.ru'],
  };
}

async function chainOf(count: number, from = { id: 0, hash: GENESIS_HASH }): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let previous = from;
  for (let i = 0; i < count; i++) {
    const event = await sealEvent({ ...body(previous.id + 1, `note ${i}`), prevHash: previous.hash });
    events.push(event);
    previous = event;
  }
  return events;
}

describe('canonicalJSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJSON({ b: 1, a: { d: [1, { z: 1, y: 'ж' }], c: undefined } })).toBe('{"a":{"d":[1,{"y":"ж","z":1}]},"b":1}');
  });
  it('gives the same text whatever the property order', () => {
    expect(canonicalJSON({ x: 1, y: [2] })).toBe(canonicalJSON({ y: [2], x: 1 }));
  });
  it('refuses values JSON cannot represent', () => {
    expect(() => canonicalJSON({ a: Number.NaN })).toThrow();
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain from genesis', async () => {
    expect(await verifyChain(await chainOf(5), null)).toEqual({ ok: true, events: 5, omitted: 0 });
  });

  it('accepts an empty chain', async () => {
    expect(await verifyChain([], null)).toEqual({ ok: true, events: 0, omitted: 0 });
  });

  it('detects an edited record', async () => {
    const events = await chainOf(5);
    events[2] = { ...events[2]!, justification: 'changed later' };
    expect(await verifyChain(events, null)).toMatchObject({ ok: false, index: 2, id: 3, reason: expect.stringContaining('edited') });
  });

  it('detects a deleted record', async () => {
    const events = await chainOf(5);
    events.splice(1, 1);
    expect(await verifyChain(events, null)).toMatchObject({ ok: false, index: 1, id: 3, reason: expect.stringContaining('missing') });
  });

  it('detects a deleted record even when later ids are renumbered', async () => {
    const events = await chainOf(5);
    events.splice(1, 1);
    for (let i = 1; i < events.length; i++) events[i] = { ...events[i]!, id: i + 1 };
    const verdict = await verifyChain(events, null);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.index).toBe(1);
  });

  it('detects an inserted record, even one with a correct own hash', async () => {
    const events = await chainOf(4);
    const forged = await sealEvent({ ...body(3, 'forged'), prevHash: events[1]!.hash });
    events.splice(2, 0, forged);
    expect(await verifyChain(events, null)).toMatchObject({ ok: false, index: 3, reason: expect.stringContaining('inserted') });
  });

  it('detects the first record removed (the anchor no longer matches)', async () => {
    const events = await chainOf(3);
    expect(await verifyChain(events.slice(1), null)).toMatchObject({ ok: false, index: 0 });
  });

  it('verifies a pruned chain from its anchor', async () => {
    const events = await chainOf(6);
    const anchor = { id: events[2]!.id, hash: events[2]!.hash };
    expect(await verifyChain(events.slice(3), anchor)).toEqual({ ok: true, events: 3, omitted: 0 });
    expect((await verifyChain(events.slice(3), null)).ok).toBe(false);
  });

  it('checks omitted stubs by their links only, and still catches a removed stub', async () => {
    const events = await chainOf(5);
    const items: ChainItem[] = events.map((e, i) => (i === 2 ? { id: e.id, prevHash: e.prevHash, hash: e.hash, omitted: true as const } : e));
    expect(await verifyChain(items, null)).toEqual({ ok: true, events: 4, omitted: 1 });
    items.splice(2, 1);
    expect((await verifyChain(items, null)).ok).toBe(false);
  });
});
