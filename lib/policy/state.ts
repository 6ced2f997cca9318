import { z } from 'zod';
import { POLICY_FIELDS } from './fields.ts';
import type { PolicyField } from './fields.ts';
import { PolicySchema } from './schema.ts';

/**
 * The effective policy may have no corporate domain (nothing configured yet), which an admin's policy
 * may not; everything else is the admin schema.
 */
export const EffectivePolicySchema = PolicySchema.extend({
  corporateDomains: z.array(PolicySchema.shape.corporateDomains.element),
});

const ProblemSchema = z.object({ source: z.enum(['managed', 'local']), path: z.string(), message: z.string() });

/** What `policy/get` answers and what the background publishes when the policy changes. */
export const PolicyStateSchema = z.object({
  policy: EffectivePolicySchema,
  locked: z.array(z.enum(POLICY_FIELDS as [PolicyField, ...PolicyField[]])),
  errors: z.array(ProblemSchema),
  warnings: z.array(ProblemSchema),
  source: z.enum(['managed', 'local', 'default']),
  /** When the managed policy in force was first received (ms since epoch); null when unmanaged. */
  lastGoodAt: z.number().nullable(),
  /** The organization of the managed policy in force; null when unmanaged. */
  managedBy: z.string().nullable(),
  /** The local overrides as stored (only fields the user may edit are applied). */
  local: z.record(z.string(), z.unknown()),
  updatedAt: z.number(),
});
export type PolicyState = z.output<typeof PolicyStateSchema>;

export const SetLocalResultSchema = z.object({
  ok: z.boolean(),
  errors: z.array(ProblemSchema),
  state: PolicyStateSchema,
});
export type SetLocalResult = z.output<typeof SetLocalResultSchema>;

/** storage.local key under which the background publishes the current state; pages and tabs watch it. */
export const POLICY_STATE_KEY = 'policy.state';
