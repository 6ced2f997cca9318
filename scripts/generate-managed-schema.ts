// Writes public/managed_schema.json from the Zod policy schema; `--check` only compares (for CI).
// Run: npx tsx scripts/generate-managed-schema.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { managedSchemaText } from '../lib/policy/managed-schema.ts';

const target = fileURLToPath(new URL('../public/managed_schema.json', import.meta.url));
const expected = managedSchemaText();

if (process.argv.includes('--check')) {
  let actual = '';
  try {
    actual = readFileSync(target, 'utf8');
  } catch {
    // A missing file is reported as out of date below.
  }
  if (actual !== expected) {
    console.error('public/managed_schema.json is out of date: run npx tsx scripts/generate-managed-schema.ts');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, expected);
  console.log(`wrote ${target}`);
}
