import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateManagedSchema, managedSchemaText } from '../../../lib/policy/managed-schema.ts';
import type { ChromeSchemaNode } from '../../../lib/policy/managed-schema.ts';
import { PolicySchema } from '../../../lib/policy/schema.ts';

const ALLOWED_KEYS = new Set(['type', 'properties', 'items']);

function walk(node: ChromeSchemaNode, visit: (node: ChromeSchemaNode, path: string) => void, path = '(policy)') {
  visit(node, path);
  for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, visit, `${path}.${key}`);
  if (node.items) walk(node.items, visit, `${path}[]`);
}

describe('managed_schema.json', () => {
  it('is the committed public/managed_schema.json (run npx tsx scripts/generate-managed-schema.ts)', () => {
    expect(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8')).toBe(managedSchemaText());
  });

  it('declares every top-level policy field, with the top level an object without additionalProperties', () => {
    const schema = generateManagedSchema();
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(Object.keys(schema.properties ?? {})).toEqual(Object.keys(PolicySchema.shape));
  });

  it('uses only what Chrome accepts and no value rules Chromium would enforce by dropping fields', () => {
    walk(generateManagedSchema(), (node, path) => {
      expect(Object.keys(node).every((k) => ALLOWED_KEYS.has(k)), path).toBe(true);
      expect(['object', 'array', 'string', 'integer', 'number', 'boolean'], path).toContain(node.type);
    });
  });

  it('matches the Zod types field by field', () => {
    const p = generateManagedSchema().properties!;
    expect(p.version).toEqual({ type: 'integer' });
    expect(p.mode).toEqual({ type: 'string' });
    expect(p.allowOverride).toEqual({ type: 'boolean' });
    expect(p.justificationMinLength).toEqual({ type: 'integer' });
    expect(p.corporateDomains).toEqual({ type: 'array', items: { type: 'string' } });
    expect(p.sites!.items!.properties!.selectors!.properties!.send).toEqual({ type: 'string' });
    expect(Object.keys(p.audit!.properties!)).toEqual(['retentionDays', 'maxEvents', 'storeValues', 'snippetChars']);
    // Localized text is declared in its object form (Chrome has no unions).
    expect(p.explanation).toEqual({ type: 'object', properties: { en: { type: 'string' }, ru: { type: 'string' }, ja: { type: 'string' } } });
  });
});
