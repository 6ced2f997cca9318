import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetector, type Finding } from '../../../lib/detect/index.ts';
import { PolicySchema } from '../../../lib/policy/schema.ts';

/**
 * The labelled corpus (shared/corpus beside the clone; corpus README). Scored the way score.mjs
 * scores: flagged findings matched by kind + normalized, a WhatsApp/Viber/Signal number counted as
 * the phone, false alarms = clean messages with any flagged finding.
 */
const corpusDir = path.resolve(process.cwd(), '../shared/corpus');
const casesFile = path.join(corpusDir, 'dev.jsonl');

interface Case { id: string; region: string; recipients: string[]; text?: string; html?: string; expect: { kind: string; normalized: string }[] }

const SAME_AS_PHONE = new Set(['whatsapp', 'viber', 'signal']);
function key(kind: string, normalized: string): string {
  if (kind === 'email') return `email:${normalized.toLowerCase()}`;
  if (kind === 'messenger') {
    const [net, ...rest] = normalized.split(':');
    const id = rest.join(':').replace(/^@/u, '');
    if (SAME_AS_PHONE.has(net!.toLowerCase()) && /^\+\d+$/u.test(id)) return `phone:${id}`;
    return `messenger:${net!.toLowerCase()}:${id.toLowerCase()}`;
  }
  return `${kind}:${normalized}`;
}

describe.runIf(existsSync(casesFile))('labelled corpus (dev.jsonl)', () => {
  it('reaches F1 ≥ 0.95 with ≤ 5% false alarms', () => {
    const base = JSON.parse(readFileSync(path.join(corpusDir, 'policy.json'), 'utf8'));
    const cases: Case[] = readFileSync(casesFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    const detectors = new Map<string, ReturnType<typeof createDetector>>();
    const byRegion = new Map<string, { tp: number; fp: number; fn: number; clean: number; alarms: number }>();
    let tp = 0, fp = 0, fn = 0, clean = 0, alarms = 0;
    for (const c of cases) {
      let d = detectors.get(c.region);
      if (!d) detectors.set(c.region, (d = createDetector(PolicySchema.parse({ ...base, defaultRegion: c.region }))));
      const findings: Finding[] = c.html !== undefined ? d.scanHtml(c.html, { recipients: c.recipients }) : d.scanText(c.text!, { recipients: c.recipients });
      const got = new Set(findings.filter((f) => f.action !== 'allow').map((f) => key(f.kind, f.normalized)));
      const want = new Set(c.expect.map((e) => key(e.kind, e.normalized)));
      const ctp = [...want].filter((k) => got.has(k)).length;
      const r = byRegion.get(c.region) ?? { tp: 0, fp: 0, fn: 0, clean: 0, alarms: 0 };
      r.tp += ctp; r.fn += want.size - ctp; r.fp += [...got].filter((k) => !want.has(k)).length;
      if (want.size === 0) { r.clean++; if (got.size) r.alarms++; }
      byRegion.set(c.region, r);
    }
    const f1of = (t: number, p: number, n: number) => (t ? (2 * t) / (2 * t + p + n) : p + n ? 0 : 1);
    for (const [region, r] of [...byRegion].sort()) {
      tp += r.tp; fp += r.fp; fn += r.fn; clean += r.clean; alarms += r.alarms;
      console.log(`${region}: precision=${(r.tp / Math.max(1, r.tp + r.fp)).toFixed(3)} recall=${(r.tp / Math.max(1, r.tp + r.fn)).toFixed(3)} F1=${f1of(r.tp, r.fp, r.fn).toFixed(3)} false_alarm=${(r.alarms / Math.max(1, r.clean)).toFixed(3)}`);
    }
    const f1 = f1of(tp, fp, fn);
    const falseAlarm = alarms / Math.max(1, clean);
    console.log(`all: precision=${(tp / (tp + fp)).toFixed(3)} recall=${(tp / (tp + fn)).toFixed(3)} F1=${f1.toFixed(3)} false_alarm=${falseAlarm.toFixed(3)} (${cases.length} cases)`);
    expect(f1).toBeGreaterThanOrEqual(0.95);
    expect(falseAlarm).toBeLessThanOrEqual(0.05);
  });
});
