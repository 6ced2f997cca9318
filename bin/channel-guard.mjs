#!/usr/bin/env node
// The admin CLI is TypeScript over lib/; tsx runs it directly so `npx channel-guard` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
