// `npm run bench`: every benchmark in one run. Figures are printed, never asserted (CI machines are noisy).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES = [
  ['Detection engine (issue 3)', 'bench/detect.ts'],
  ['Audit log (issue 6)', 'bench/audit.ts'],
  ['In the browser: Send→dialog, typing, content-script size (issue 4)', 'bench/browser.ts'],
  ['Per-site fixtures: Send→dialog, page-load cost (issue 5)', 'bench/sites.ts'],
];

const needsBuild = BENCHES.some(([, file]) => file.startsWith('bench/browser') || file.startsWith('bench/sites'));
if (needsBuild && !process.env.BENCH_SKIP_BUILD) {
  for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
    const r = spawnSync('npx', args, { stdio: 'ignore' });
    if (r.status !== 0) console.log(`build failed: npx ${args.join(' ')}`);
  }
}

let failed = 0;
for (const [title, file] of BENCHES) {
  if (!existsSync(file)) continue;
  console.log(`\n##### ${title} — ${file}`);
  const r = spawnSync('npx', ['tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(benchmark ${file} exited with ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
