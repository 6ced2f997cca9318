import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCases, scoreCorpus } from './score-corpus.ts';

/** The shared labelled corpus beside the clone (shared/corpus/README.md), scored as score.mjs scores it. */
const corpusDir = path.resolve(process.cwd(), '../shared/corpus');
const casesFile = path.join(corpusDir, 'dev.jsonl');

describe.runIf(existsSync(casesFile))('labelled corpus (dev.jsonl)', () => {
  it('reaches F1 ≥ 0.95 with ≤ 5% false alarms', () => {
    const policy = JSON.parse(readFileSync(path.join(corpusDir, 'policy.json'), 'utf8'));
    const score = scoreCorpus(readCases(casesFile), policy);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.falseAlarm).toBeLessThanOrEqual(0.05);
  });
});
