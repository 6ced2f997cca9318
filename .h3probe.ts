import fs from 'node:fs';
import { createDetector } from './lib/detect/index.ts';
import { PolicySchema } from './lib/policy/schema.ts';
const base = JSON.parse(fs.readFileSync('../shared/corpus/policy.json', 'utf8'));
const probes: [string, string, string][] = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
for (const [region, kind, body] of probes) {
  const d = createDetector(PolicySchema.parse({ ...base, defaultRegion: region }));
  const f = kind === 'h' ? d.scanHtml(body, { recipients: ['x@client.example'] }) : d.scanText(body, { recipients: ['x@client.example'] });
  console.log(JSON.stringify(f.filter((x: any) => x.action !== 'allow').map((x: any) => `${x.kind}:${x.normalized}`)), '<=', body.slice(0, 90).replace(/\n/g, '⏎'));
}
