import { formatPolicyErrors, POLICY_PARSE_OPTIONS } from './errors.ts';
import type { PolicyError } from './errors.ts';
import { isPolicyField, POLICY_FIELDS } from './fields.ts';
import type { PolicyField } from './fields.ts';
import { PolicySchema } from './schema.ts';
import type { Policy } from './schema.ts';

export type PolicyOrigin = 'managed' | 'local';
export interface PolicyProblem extends PolicyError {
  source: PolicyOrigin;
}

export interface ResolvedPolicy {
  policy: Policy;
  /** Top-level fields the admin decides; local values for them are ignored. */
  locked: PolicyField[];
  errors: PolicyProblem[];
  /** Not errors in a source, but a state the user and admin should know about. */
  warnings: PolicyProblem[];
  source: 'managed' | 'local' | 'default';
  /** The managed policy now in force (fresh or last good), or undefined when unmanaged. */
  managed: Policy | undefined;
  /** True when `managed` came from the managed input of this call (the caller then records it as last good). */
  managedIsFresh: boolean;
}

/** Chromium gives `{}` both for "no policy" and for an unparsable policy file; Firefox rejects (the caller passes undefined). */
export function isEmptyManaged(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  return typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one place where admin, user and built-in settings meet.
 *
 * - A valid managed policy is complete by itself; every field the admin did not list in
 *   `userEditable` is locked, including the ones left at their defaults (the admin chose them by omission).
 * - An invalid managed policy yields its errors and the last good managed policy stays in force; with
 *   none, the defaults do. An empty managed area after a good policy keeps that policy (see
 *   `isEmptyManaged` for why "empty" is ambiguous) with a warning.
 * - Local values are checked field by field: a bad one is reported and skipped, the rest apply.
 */
export function resolvePolicy(
  defaults: Policy,
  managedRaw: unknown,
  localRaw: unknown,
  lastGoodManaged?: Policy,
): ResolvedPolicy {
  const errors: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];

  let managed: Policy | undefined;
  let managedIsFresh = false;
  if (isEmptyManaged(managedRaw)) {
    if (lastGoodManaged) {
      managed = lastGoodManaged;
      warnings.push({
        source: 'managed',
        path: '(policy)',
        message: 'the managed policy is empty or unreadable; the last valid policy stays in force',
      });
    }
  } else {
    const parsed = PolicySchema.safeParse(managedRaw, POLICY_PARSE_OPTIONS);
    if (parsed.success) {
      managed = parsed.data;
      managedIsFresh = true;
    } else {
      errors.push(...formatPolicyErrors(parsed.error).map((e) => ({ ...e, source: 'managed' as const })));
      managed = lastGoodManaged;
    }
  }

  const base: Policy = managed ?? defaults;
  const editable = new Set<string>(managed ? managed.userEditable : POLICY_FIELDS);
  const locked = managed ? POLICY_FIELDS.filter((field) => !editable.has(field)) : [];

  const policy: Record<string, unknown> = { ...base };
  let appliedLocal = false;
  if (localRaw !== undefined && localRaw !== null) {
    if (!isPlainObject(localRaw)) {
      errors.push({ source: 'local', path: '(local settings)', message: 'expected an object' });
    } else {
      for (const [key, value] of Object.entries(localRaw)) {
        if (!isPolicyField(key)) {
          errors.push({ source: 'local', path: key, message: 'unknown field' });
          continue;
        }
        // A value saved before the admin locked the field is stale, not an error the user can fix.
        if (!editable.has(key)) continue;
        const field = validateField(key, value);
        if (field.ok) {
          policy[key] = field.value;
          appliedLocal = true;
        } else {
          errors.push(...field.errors.map((e) => ({ ...e, source: 'local' as const })));
        }
      }
    }
  }

  return {
    policy: policy as Policy,
    locked,
    errors,
    warnings,
    source: managed ? 'managed' : appliedLocal ? 'local' : 'default',
    managed,
    managedIsFresh,
  };
}

export type FieldResult = { ok: true; value: unknown } | { ok: false; errors: PolicyError[] };

/** Validates one top-level field with its own schema, so errors carry the field's path. */
export function validateField(field: PolicyField, value: unknown): FieldResult {
  const parsed = PolicySchema.shape[field].safeParse(value, POLICY_PARSE_OPTIONS);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: formatPolicyErrors(parsed.error, [field]) };
}
