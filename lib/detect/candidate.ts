import type { FindingKind } from './types.ts';

/** A contact found by the scan stage, before classification. Offsets are in the scanned (normalized) text. */
export interface Candidate {
  kind: FindingKind;
  start: number;
  end: number;
  normalized: string;
  /** Messenger network (`telegram`, `whatsapp`, …). */
  network?: string;
  /** E.164 number behind a phone or a number-based messenger contact. */
  phone?: string;
}

/** The keys under which a contact can be recognised as corporate or as the client's own. */
export function matchKeys(c: Pick<Candidate, 'kind' | 'normalized' | 'phone'>): string[] {
  const keys = [`${c.kind}:${c.normalized}`];
  if (c.phone && c.kind !== 'phone') keys.push(`phone:${c.phone}`);
  return keys;
}
