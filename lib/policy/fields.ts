import { PolicySchema } from './schema.ts';
import type { Policy } from './schema.ts';

export type PolicyField = keyof Policy;

/** Top-level policy fields in schema order — the unit of locking (a whole field is the admin's or the user's). */
export const POLICY_FIELDS = Object.keys(PolicySchema.shape) as PolicyField[];

export function isPolicyField(key: string): key is PolicyField {
  return Object.hasOwn(PolicySchema.shape, key);
}
