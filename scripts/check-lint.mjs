// Fails the suite on any web-ext lint error (warnings are printed, not fatal).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const w of report.warnings ?? []) console.log(`lint warning ${w.code}: ${w.message} (${w.file ?? ''})`);
for (const e of report.errors ?? []) console.log(`lint ERROR ${e.code}: ${e.message} (${e.file ?? ''})`);
console.log(`web-ext lint: ${report.summary?.errors ?? '?'} errors, ${report.summary?.warnings ?? '?'} warnings`);
process.exit((report.errors ?? []).length ? 1 : 0);
