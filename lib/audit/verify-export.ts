import { z } from 'zod';
import { verifyChain, type ChainItem, type ChainVerdict } from './chain.ts';
import { ChainAnchorSchema, StoredEventSchema } from './event.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export.ts';

const OmittedEventSchema = z.strictObject({
  id: z.number().int().positive(),
  prevHash: z.string(),
  hash: z.string(),
  omitted: z.literal(true),
});

// Loose: unknown fields are not stripped before hashing, so a field added to a record shows up
// as an edit instead of being silently ignored.
const ExportedEventSchema = z.union([OmittedEventSchema, z.looseObject(StoredEventSchema.shape)]);

export const AuditExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  complete: z.boolean().optional(),
  anchor: ChainAnchorSchema,
  events: z.array(z.unknown()),
  head: ChainAnchorSchema.nullable().optional(),
});

export type ExportVerdict = (ChainVerdict & { complete: boolean }) | { ok: false; index: number | undefined; id: number | undefined; reason: string; complete: boolean };

/** Verifies a parsed export file: structure first, then the chain from its anchor, then its head. */
export async function verifyExport(file: unknown): Promise<ExportVerdict> {
  const envelope = AuditExportSchema.safeParse(file);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return { ok: false, index: undefined, id: undefined, complete: false, reason: `not a ChannelGuard audit export: ${issue.path.join('.') || '(file)'}: ${issue.message}` };
  }
  const { events, anchor, head } = envelope.data;
  const complete = envelope.data.complete ?? true;
  for (let index = 0; index < events.length; index++) {
    const parsed = ExportedEventSchema.safeParse(events[index]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const id = (events[index] as { id?: unknown } | null)?.id;
      return { ok: false, index, id: typeof id === 'number' ? id : undefined, complete, reason: `malformed record: ${issue.path.join('.') || '(record)'}: ${issue.message}` };
    }
  }
  const verdict = await verifyChain(events as ChainItem[], anchor);
  if (!verdict.ok) return { ...verdict, complete };
  const last = events[events.length - 1] as ChainItem | undefined;
  if (head !== undefined && head !== null && (last?.id !== head.id || last?.hash !== head.hash)) {
    return { ok: false, index: events.length, id: last?.id, complete, reason: `file ends at id ${last?.id ?? 'none'} but its head says id ${head.id} (records removed from the end)` };
  }
  return { ...verdict, complete };
}
