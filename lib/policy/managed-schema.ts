import { z } from 'zod';
import { PolicySchema } from './schema.ts';

/**
 * Chrome's `storage.managed_schema` derived from the Zod policy schema.
 *
 * Chrome's dialect is a subset of JSON Schema (one `type` or `$ref` per node, no `anyOf`, top level
 * without `additionalProperties`). Chromium also validates admin values against it and silently drops
 * every top-level property that fails — a region "Russia" failing a `pattern` would vanish and the
 * extension would only see "defaultRegion: required" (or nothing, for a field with a default). So the
 * managed schema declares structure and types only; value rules (patterns, enums, ranges, required
 * fields) stay in Zod, which reports them with path and reason in the options page.
 */
export interface ChromeSchemaNode {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, ChromeSchemaNode>;
  items?: ChromeSchemaNode;
}

type JsonSchemaNode = {
  type?: string;
  const?: unknown;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
};

function toChromeNode(node: JsonSchemaNode, path: string): ChromeSchemaNode {
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) {
    // Chrome has no unions. For localized text (string | {en, ru, ja}) the object form carries every
    // language; `policy export` rewrites a plain string into it for Chromium targets.
    const chosen = alternatives.find((a) => a.type === 'object') ?? alternatives[0];
    if (!chosen) throw new Error(`${path}: empty union`);
    return toChromeNode(chosen, path);
  }
  let type = node.type;
  if (type === undefined && node.const !== undefined) type = typeof node.const;
  if (type === 'number' && Number.isInteger(node.const)) type = 'integer';
  switch (type) {
    case 'object':
      return {
        type: 'object',
        properties: Object.fromEntries(
          Object.entries(node.properties ?? {}).map(([key, child]) => [key, toChromeNode(child, `${path}.${key}`)]),
        ),
      };
    case 'array':
      if (!node.items) throw new Error(`${path}: array without items`);
      return { type: 'array', items: toChromeNode(node.items, `${path}[]`) };
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return { type };
    default:
      throw new Error(`${path}: no Chrome schema type for ${JSON.stringify(node)}`);
  }
}

export function generateManagedSchema(): ChromeSchemaNode {
  const jsonSchema = z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'throw' }) as JsonSchemaNode;
  return toChromeNode(jsonSchema, '(policy)');
}

/** Exactly the text of `public/managed_schema.json`. */
export function managedSchemaText(): string {
  return `${JSON.stringify(generateManagedSchema(), null, 2)}\n`;
}
