import type { z } from 'zod';

/** One problem in a policy, in the form an admin can act on: where, and what is wrong. */
export interface PolicyError {
  /** Dotted path with array indexes, e.g. `corporateContacts.phones[1]`; `(file)` for the document itself. */
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(policy)';
}

function describeIssue(issue: Issue): string {
  // `input` is there only when parsed with { reportInput: true } (see POLICY_PARSE_OPTIONS).
  const hasInput = 'input' in issue;
  switch (issue.code) {
    case 'invalid_type':
      // Zod says "received undefined" for a missing field; admins read that as "required".
      if (hasInput ? issue.input === undefined : /received undefined/u.test(issue.message)) return `required (expected ${issue.expected})`;
      return hasInput ? `expected ${issue.expected}, got ${describeValue(issue.input)}` : issue.message.replace(/^Invalid input: /u, '');
    case 'invalid_value': {
      const allowed = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      return hasInput ? `${allowed}, got ${describeValue(issue.input)}` : allowed;
    }
    case 'invalid_format':
      return hasInput ? `${issue.message}, got ${describeValue(issue.input)}` : issue.message;
    default:
      return issue.message.replace(/^Invalid input: /u, '');
  }
}

/** Parse options for every policy parse, so messages can quote the offending value. */
export const POLICY_PARSE_OPTIONS = { reportInput: true } as const;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/**
 * Turns Zod issues into path/reason pairs. Unknown keys get one entry each (with the key in the path),
 * because "Unrecognized keys: a, b" at the root tells an admin less than `a: unknown field`.
 */
export function formatPolicyErrors(source: z.ZodError | readonly Issue[], pathPrefix: readonly PathSegment[] = []): PolicyError[] {
  const issues = Array.isArray(source) ? (source as readonly Issue[]) : (source as z.ZodError).issues;
  const errors: PolicyError[] = [];
  for (const issue of issues) {
    const path = [...pathPrefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: formatPath([...path, key]), message: 'unknown field' });
      continue;
    }
    if (issue.code === 'invalid_union') {
      // Report the branch that got furthest rather than a bare "invalid input".
      const deepest = issue.errors.map((branch) => formatPolicyErrors(branch, path)).sort((a, b) => a.length - b.length)[0];
      if (deepest && deepest.length > 0) {
        errors.push(...deepest);
        continue;
      }
    }
    errors.push({ path: formatPath(path), message: describeIssue(issue) });
  }
  return errors;
}

/** `path: reason`, one line each — the format the CLI prints and the options page lists. */
export function formatErrorLines(errors: readonly PolicyError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; errors: PolicyError[] };

/** JSON.parse with the error placed at a line and column, since engines only give an offset (V8) or nothing useful. */
export function parsePolicyJson(text: string): JsonParseResult {
  const withoutBom = text.replace(/^\uFEFF/u, '');
  try {
    return { ok: true, value: JSON.parse(withoutBom) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '(file)', message: `invalid JSON: ${describeJsonError(raw, withoutBom)}` }] };
  }
}

function describeJsonError(message: string, text: string): string {
  const lineColumn = /line (\d+) column (\d+)/iu.exec(message);
  if (lineColumn) return message;
  const position = /position (\d+)/iu.exec(message);
  const reason = message.replace(/\s*\(line \d+ column \d+\)/iu, '').replace(/\s*(in JSON )?at position \d+.*$/isu, '');
  if (!position) {
    if (/end of (JSON|data) input/iu.test(message) || text.trim() === '') return `${reason} at line ${lineCount(text)}`;
    return reason;
  }
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = lineCount(before);
  const column = offset - before.lastIndexOf('\n');
  return `${reason} at line ${line}, column ${column}`;
}

function lineCount(text: string): number {
  return text.split('\n').length;
}
