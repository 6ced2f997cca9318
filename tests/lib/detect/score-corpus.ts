import { readFileSync } from 'node:fs';
import { createDetector, type Finding } from '../../../lib/detect/index.ts';
import { PolicySchema } from '../../../lib/policy/schema.ts';

/**
 * Scores the engine on a labelled JSONL corpus the way shared/corpus/score.mjs does: flagged findings
 * (action ≠ allow) matched by kind + normalized, a WhatsApp/Viber/Signal number counted as the phone,
 * false alarms = clean cases (empty `expect`) with any flagged finding. Each case runs with the
 * policy's `defaultRegion` set to the case's region.
 */

export interface LabelledCase {
  id: string;
  region: string;
  recipients: string[];
  text?: string;
  html?: string;
  expect: { kind: string; normalized: string }[];
}

export interface CorpusScore {
  cases: number;
  precision: number;
  recall: number;
  f1: number;
  falseAlarm: number;
  /** One line per case with a missed or an extra finding. */
  misses: string[];
}

const SAME_AS_PHONE = new Set(['whatsapp', 'viber', 'signal']);

export function matchKey(kind: string, normalized: string): string {
  if (kind === 'email') return `email:${normalized.toLowerCase()}`;
  if (kind === 'messenger') {
    const [net, ...rest] = normalized.split(':');
    const id = rest.join(':').replace(/^@/u, '');
    if (SAME_AS_PHONE.has(net!.toLowerCase()) && /^\+\d+$/u.test(id)) return `phone:${id}`;
    return `messenger:${net!.toLowerCase()}:${id.toLowerCase()}`;
  }
  return `${kind}:${normalized}`;
}

export function readCases(file: string): LabelledCase[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledCase);
}

const f1of = (tp: number, fp: number, fn: number): number => (tp ? (2 * tp) / (2 * tp + fp + fn) : fp + fn ? 0 : 1);
const fixed = (x: number): string => x.toFixed(3);

export function scoreCorpus(cases: LabelledCase[], basePolicy: unknown, log: (line: string) => void = console.log): CorpusScore {
  const detectors = new Map<string, ReturnType<typeof createDetector>>();
  const byRegion = new Map<string, { tp: number; fp: number; fn: number; clean: number; alarms: number }>();
  const misses: string[] = [];
  for (const c of cases) {
    let d = detectors.get(c.region);
    if (!d) detectors.set(c.region, (d = createDetector(PolicySchema.parse({ ...(basePolicy as object), defaultRegion: c.region }))));
    const findings: Finding[] = c.html !== undefined ? d.scanHtml(c.html, { recipients: c.recipients }) : d.scanText(c.text!, { recipients: c.recipients });
    const got = new Set(findings.filter((f) => f.action !== 'allow').map((f) => matchKey(f.kind, f.normalized)));
    const want = new Set(c.expect.map((e) => matchKey(e.kind, e.normalized)));
    const missed = [...want].filter((k) => !got.has(k));
    const extra = [...got].filter((k) => !want.has(k));
    const r = byRegion.get(c.region) ?? { tp: 0, fp: 0, fn: 0, clean: 0, alarms: 0 };
    r.tp += want.size - missed.length; r.fn += missed.length; r.fp += extra.length;
    if (want.size === 0) { r.clean++; if (got.size) r.alarms++; }
    byRegion.set(c.region, r);
    if (missed.length || extra.length) misses.push(`${c.id}: missed=${JSON.stringify(missed)} extra=${JSON.stringify(extra)}`);
  }
  let tp = 0, fp = 0, fn = 0, clean = 0, alarms = 0;
  for (const [region, r] of [...byRegion].sort()) {
    tp += r.tp; fp += r.fp; fn += r.fn; clean += r.clean; alarms += r.alarms;
    log(`${region}: precision=${fixed(r.tp / Math.max(1, r.tp + r.fp))} recall=${fixed(r.tp / Math.max(1, r.tp + r.fn))} F1=${fixed(f1of(r.tp, r.fp, r.fn))} false_alarm=${fixed(r.alarms / Math.max(1, r.clean))}`);
  }
  const score: CorpusScore = {
    cases: cases.length,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    f1: f1of(tp, fp, fn),
    falseAlarm: alarms / Math.max(1, clean),
    misses,
  };
  log(`all: precision=${fixed(score.precision)} recall=${fixed(score.recall)} F1=${fixed(score.f1)} false_alarm=${fixed(score.falseAlarm)} (${cases.length} cases)`);
  for (const m of misses) log(`miss ${m}`);
  return score;
}
